from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q1_tech must be a pandas Series indexed by year (pd.Series(values, index=years)), counts in firms (家), without the expectation; q1_cagr one number, a fraction.")
def test_q1_form(q1_tech, q1_cagr):
    import numbers
    import pandas as pd
    assert isinstance(q1_tech, pd.Series), f'q1_tech should be a pandas Series; it is {type(q1_tech).__name__}.'
    assert all((isinstance(y, numbers.Integral) for y in q1_tech.index)), 'the index of q1_tech should hold years as whole numbers, e.g. 2018'
    assert all((isinstance(v, numbers.Real) and v >= 100 for v in q1_tech)), 'every value should be a count in firms; a value below 100 is still in 万家 (tens of thousands)'
    assert isinstance(q1_cagr, numbers.Real) and (not isinstance(q1_cagr, bool)), f'q1_cagr should be one number; it is {type(q1_cagr).__name__}.'
    assert 0 < q1_cagr < 1, f'q1_cagr = {q1_cagr}: give it as a fraction (0.05 means 5%)'

