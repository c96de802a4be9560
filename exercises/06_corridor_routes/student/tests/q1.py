from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 3

@test_case(points=0.5, hidden=False, 
    failure_message="q1_flows must be a DataFrame of flow rows with a span column, and q1_growth one number (a fraction).")
def test_q1_types(q1_flows, q1_growth):
    import numbers
    import pandas as pd
    assert isinstance(q1_flows, pd.DataFrame), f'q1_flows should be a pandas DataFrame; it is {type(q1_flows).__name__}.'
    assert 'span' in q1_flows.columns, 'add the column span to q1_flows'
    assert set(q1_flows['period_type']) <= {'full-year', 'partial-year'}, 'keep only full-year and partial-year rows'
    assert isinstance(q1_growth, numbers.Real) and (not isinstance(q1_growth, bool)), f'q1_growth should be one number; it is {type(q1_growth).__name__}.'

