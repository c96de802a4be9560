from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q2_tfp must be one number, a yearly rate as a fraction (0.01 means one percentage point a year).")
def test_q2_type(q2_tfp):
    import numbers
    assert isinstance(q2_tfp, numbers.Real) and (not isinstance(q2_tfp, bool)), f'q2_tfp should be one number; it is {type(q2_tfp).__name__}.'
    assert -0.1 < q2_tfp < 0.1, f'q2_tfp = {q2_tfp}: a yearly rate as a fraction is small (0.01 is one point a year)'

@test_case(points=1.5, hidden=True)
def test_q2_value(q2_tfp):
    import numpy as np
    from cqlab import data
    pwt = data.load('pwt_china').sort_values('year')
    period = pwt[(pwt['year'] >= 1978) & (pwt['year'] <= pwt['year'].max())]
    s = period['labsh'].mean()
    g = {c: np.diff(np.log(period[c].to_numpy(dtype=float))).mean() for c in ['rgdpna', 'rnna', 'emp', 'hc']}
    expected = g['rgdpna'] - (1 - s) * g['rnna'] - s * g['emp'] - s * g['hc']
    assert abs(q2_tfp - expected) < 1e-09, f'expected {expected:.5f}, got {q2_tfp}'

