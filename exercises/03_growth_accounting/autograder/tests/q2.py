from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 3

@test_case(points=0.5, hidden=False, 
    failure_message="q2_yearly must be a pandas Series with one value per year from start + 1 to end (years in the index), fractions such as 0.01; q2_tfp one number.")
def test_q2_form(q2_yearly, q2_tfp, start):
    import numbers
    import pandas as pd
    from cqlab import data
    end = int(data.load('pwt_china')['year'].max())
    assert isinstance(q2_yearly, pd.Series), f'q2_yearly should be a pandas Series; it is {type(q2_yearly).__name__}.'
    assert len(q2_yearly) == end - int(start), f'one residual per year from {int(start) + 1} to {end}: {end - int(start)} values; got {len(q2_yearly)}'
    assert all((-0.5 < float(v) < 0.5 for v in q2_yearly)), 'the residuals should be fractions (0.01 is one point), with no gaps (NaN)'
    assert isinstance(q2_tfp, numbers.Real) and (not isinstance(q2_tfp, bool)), f'q2_tfp should be one number; it is {type(q2_tfp).__name__}.'

@test_case(points=2, hidden=True)
def test_q2_yearly(q2_yearly, start):
    import numpy as np
    import numbers
    from cqlab import data
    pwt = data.load('pwt_china').sort_values('year')
    assert isinstance(start, numbers.Integral) or float(start).is_integer(), 'start must be a whole year'
    start = int(start)
    end = int(pwt['year'].max())
    period = pwt[(pwt['year'] >= start) & (pwt['year'] <= end)]
    s = float(period['labsh'].mean())
    logs = {c: np.log(period[c].to_numpy(dtype=float)) for c in ['rgdpna', 'rnna', 'emp', 'hc']}
    d = {c: np.diff(v) for c, v in logs.items()}
    expected = dict(zip(period['year'].to_numpy()[1:].astype(int), d['rgdpna'] - (1 - s) * d['rnna'] - s * (d['emp'] + d['hc'])))
    got = {int(float(k)): float(v) for k, v in q2_yearly.items()}
    assert sorted(got) == sorted(expected), f'the index should be the years {start + 1}-{end}; got {min(got)}-{max(got)}'
    wrong = [y for y in expected if abs(got[y] - expected[y]) > 5e-06]
    assert not wrong, f"{len(wrong)} yearly residual(s) differ, the first in {wrong[0]}: expected {expected[wrong[0]]:.5f}, got {got[wrong[0]]:.5f}. Use the period's mean labour share in every year and persons (emp) as labour"

@test_case(points=0.5, hidden=True)
def test_q2_tfp(q2_tfp, start):
    import numpy as np
    import numbers
    from cqlab import data
    pwt = data.load('pwt_china').sort_values('year')
    assert isinstance(start, numbers.Integral) or float(start).is_integer(), 'start must be a whole year'
    start = int(start)
    end = int(pwt['year'].max())
    period = pwt[(pwt['year'] >= start) & (pwt['year'] <= end)]
    s = float(period['labsh'].mean())
    g = {c: float(np.diff(np.log(period[c].to_numpy(dtype=float))).mean()) for c in ['rgdpna', 'rnna', 'emp', 'hc']}
    expected = g['rgdpna'] - (1 - s) * g['rnna'] - s * (g['emp'] + g['hc'])
    assert abs(float(q2_tfp) - expected) < 5e-06, f'average TFP growth over {start}-{end} is {expected:.5f}; got {float(q2_tfp):.5f}'

