from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 3

@test_case(points=0.5, hidden=False, 
    failure_message="q1_tech must be a pandas Series indexed by year (for example pd.Series(values, index=years)) and q1_cagr one number.")
def test_q1_type(q1_tech, q1_cagr):
    import numbers
    import pandas as pd
    assert q1_tech is not None, 'q1_tech is not defined yet: assign it in the cell above and run that cell'
    assert isinstance(q1_tech, pd.Series), f'q1_tech should be a pandas Series; it is {type(q1_tech).__name__}.'
    assert all((isinstance(y, numbers.Integral) for y in q1_tech.index)), 'the index of q1_tech should hold years as whole numbers, e.g. 2018'
    assert isinstance(q1_cagr, numbers.Real) and (not isinstance(q1_cagr, bool)), f'q1_cagr should be one number; it is {type(q1_cagr).__name__}.'

@test_case(points=0.5, hidden=False, 
    failure_message="Leave out the expectation row, give every count in firms (家), not in 万家, and the rate as a fraction.")
def test_q1_units(q1_tech, q1_cagr):
    from cqlab import data
    macro = data.load('macro')
    expected_years = macro.loc[(macro['indicator'] == 'tech-based enterprises') & (macro['period_type'] == 'expectation'), 'year']
    assert not set(expected_years) & set(getattr(q1_tech, 'index', [])), 'leave out the expectation: it is not a count'
    assert all((v >= 100 for v in q1_tech)), 'a value below 100 is still in 万家 (tens of thousands): convert it to firms'
    assert 0 < q1_cagr < 1, f'q1_cagr = {q1_cagr}: give it as a fraction (0.05 means 5%)'

