from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q1_labsh must be one number between 0 and 1; q1_growth a Series indexed by rgdpna, rnna, emp, hc holding yearly rates as fractions (0.05, not 5).")
def test_q1_form(q1_labsh, q1_growth):
    import numbers
    import pandas as pd
    assert isinstance(q1_labsh, numbers.Real) and (not isinstance(q1_labsh, bool)), f'q1_labsh should be one number; it is {type(q1_labsh).__name__}.'
    assert 0 < q1_labsh < 1, f'q1_labsh = {q1_labsh}: a share lies between 0 and 1'
    assert isinstance(q1_growth, pd.Series), f'q1_growth should be a pandas Series; it is {type(q1_growth).__name__}.'
    assert set(map(str, q1_growth.index)) == {'rgdpna', 'rnna', 'emp', 'hc'}, f'index {list(q1_growth.index)}; expected rgdpna, rnna, emp, hc'
    assert all((-0.5 < float(g) < 0.5 for g in q1_growth)), 'growth rates should be fractions per year (0.05, not 5)'

@test_case(points=0.5, hidden=True)
def test_q1_labsh(q1_labsh, start):
    import numbers
    from cqlab import data
    pwt = data.load('pwt_china').sort_values('year')
    assert isinstance(start, numbers.Integral) or float(start).is_integer(), 'start must be a whole year'
    start = int(start)
    end = int(pwt['year'].max())
    period = pwt[(pwt['year'] >= start) & (pwt['year'] <= end)]
    expected = float(period['labsh'].mean())
    assert abs(float(q1_labsh) - expected) < 5e-06, f'the mean labour share over {start}-{end} is {expected:.5f}; got {q1_labsh}'

@test_case(points=1, hidden=True)
def test_q1_growth(q1_growth, start):
    import numpy as np
    import numbers
    from cqlab import data
    pwt = data.load('pwt_china').sort_values('year')
    assert isinstance(start, numbers.Integral) or float(start).is_integer(), 'start must be a whole year'
    start = int(start)
    end = int(pwt['year'].max())
    period = pwt[(pwt['year'] >= start) & (pwt['year'] <= end)]
    got = {str(k): float(v) for k, v in q1_growth.items()}
    for column in ['rgdpna', 'rnna', 'emp', 'hc']:
        values = period[column].to_numpy(dtype=float)
        expected = float(np.log(values[-1] / values[0]) / (end - start))
        assert abs(got[column] - expected) < 5e-06, f'{column} over {start}-{end}: expected {expected:.5f}, got {got[column]:.5f}'

