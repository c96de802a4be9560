from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2.5

@test_case(points=0.5, hidden=False, 
    failure_message="q3_index and q3_pwt must each be a pandas Series with one value per year from start to end (years in the index), q3_index positive (1 in the start year).")
def test_q3_form(q3_index, q3_pwt, start):
    import pandas as pd
    from cqlab import data
    end = int(data.load('pwt_china')['year'].max())
    for name, series in (('q3_index', q3_index), ('q3_pwt', q3_pwt)):
        assert isinstance(series, pd.Series), f'{name} should be a pandas Series; it is {type(series).__name__}.'
        assert len(series) == end - int(start) + 1, f'{name}: one value per year from {int(start)} to {end}; got {len(series)}'
    first = dict(zip([int(float(k)) for k in q3_index.index], q3_index)).get(int(start))
    assert first is not None and float(first) > 0, f'q3_index should be 1 (or 100) in the start year {int(start)}; it is {first}'

@test_case(points=1.5, hidden=True)
def test_q3_index(q3_index, start):
    import numpy as np
    import numbers
    from cqlab import data
    pwt = data.load('pwt_china').sort_values('year')
    assert isinstance(start, numbers.Integral) or float(start).is_integer(), 'start must be a whole year'
    start = int(start)
    end = int(pwt['year'].max())
    period = pwt[(pwt['year'] >= start) & (pwt['year'] <= end)]
    s = float(period['labsh'].mean())
    d = {c: np.diff(np.log(period[c].to_numpy(dtype=float))) for c in ['rgdpna', 'rnna', 'emp', 'hc']}
    residuals = d['rgdpna'] - (1 - s) * d['rnna'] - s * (d['emp'] + d['hc'])
    expected = dict(zip(period['year'].astype(int), np.exp(np.concatenate([[0.0], np.cumsum(residuals)]))))
    got = {int(float(k)): float(v) for k, v in q3_index.items()}
    assert sorted(got) == sorted(expected), f'the index should be the years {start}-{end}'
    base = got[start]
    wrong = [y for y in expected if abs(got[y] / base - expected[y]) > 0.0005]
    assert not wrong, f'the index differs from exp(cumulative residuals) in {len(wrong)} year(s), the first {wrong[0]}: expected {expected[wrong[0]]:.4f}, got {got[wrong[0]] / base:.4f}'

@test_case(points=0.5, hidden=True)
def test_q3_pwt(q3_pwt, start):
    import math
    import numbers
    from cqlab import data
    pwt = data.load('pwt_china').sort_values('year')
    assert isinstance(start, numbers.Integral) or float(start).is_integer(), 'start must be a whole year'
    start = int(start)
    end = int(pwt['year'].max())
    period = pwt[(pwt['year'] >= start) & (pwt['year'] <= end)]
    tfp = dict(zip(period['year'].astype(int), period['rtfpna'].astype(float)))
    got = {int(float(k)): float(v) for k, v in q3_pwt.items()}
    assert sorted(got) == sorted(tfp), f'the index should be the years {start}-{end}'
    if math.isnan(tfp[start]):
        assert all((math.isnan(v) for v in got.values())), f'PWT has no TFP in {start}, so every rebased value is NaN'
        return
    base = got[start]
    wrong = [y for y in tfp if not (base > 0 and abs(got[y] / base - tfp[y] / tfp[start]) <= 0.0005)]
    assert not wrong, f'q3_pwt should be rtfpna divided by its {start} value; in {wrong[0]} expected {tfp[wrong[0]] / tfp[start]:.4f}, got {(got[wrong[0]] / base if base else got[wrong[0]]):.4f} (after dividing by your {start} value)'

