from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q4_tfp must be a list of four numbers, one TFP growth rate per labour share in shares.")
def test_q4_shape(q4_tfp):
    import numbers
    assert isinstance(q4_tfp, list), f'q4_tfp should be a list; it is {type(q4_tfp).__name__}.'
    assert len(q4_tfp) == 4, f'one rate per labour share in shares (4); got {len(q4_tfp)}'
    assert all((isinstance(t, numbers.Real) for t in q4_tfp)), 'every element should be a number'

@test_case(points=1.5, hidden=True)
def test_q4_values(q4_tfp):
    import numpy as np
    from cqlab import data
    pwt = data.load('pwt_china').sort_values('year')
    period = pwt[pwt['year'] >= 1978]
    g = {c: np.log(period[c].iloc[-1] / period[c].iloc[0]) / (len(period) - 1) for c in ['rgdpna', 'rnna', 'emp', 'hc']}
    expected = [g['rgdpna'] - (1 - s) * g['rnna'] - s * (g['emp'] + g['hc']) for s in [0.4, 0.5, 0.6, 0.7]]
    assert np.allclose(q4_tfp, expected, atol=1e-09), f'expected {np.round(expected, 5)}, got {q4_tfp}'

