from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q1_labsh must be one number between 0 and 1; q1_growth a Series indexed by rgdpna, rnna, emp, hc holding yearly rates as fractions.")
def test_q1_types(q1_labsh, q1_growth):
    import numbers
    import pandas as pd
    assert isinstance(q1_labsh, numbers.Real) and (not isinstance(q1_labsh, bool)), f'q1_labsh should be one number; it is {type(q1_labsh).__name__}.'
    assert 0 < q1_labsh < 1, f'q1_labsh = {q1_labsh}: a share lies between 0 and 1'
    assert isinstance(q1_growth, pd.Series), f'q1_growth should be a pandas Series; it is {type(q1_growth).__name__}.'
    assert set(q1_growth.index) == {'rgdpna', 'rnna', 'emp', 'hc'}, f'index {list(q1_growth.index)}; expected rgdpna, rnna, emp, hc'
    assert all((-0.5 < g < 0.5 for g in q1_growth)), 'growth rates should be fractions per year (0.05, not 5)'

@test_case(points=1.5, hidden=True)
def test_q1_values(q1_labsh, q1_growth):
    import numpy as np
    from cqlab import data
    pwt = data.load('pwt_china').sort_values('year')
    start, end = (1978, int(pwt['year'].max()))
    period = pwt[(pwt['year'] >= start) & (pwt['year'] <= end)]
    assert abs(q1_labsh - sum(period['labsh']) / len(period)) < 1e-09, f'q1_labsh: got {q1_labsh}'
    for column in ['rgdpna', 'rnna', 'emp', 'hc']:
        yearly = np.diff(np.log(period[column].to_numpy(dtype=float)))
        assert abs(q1_growth[column] - yearly.mean()) < 1e-09, f'{column}: expected {yearly.mean():.5f}, got {q1_growth[column]}'

