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

