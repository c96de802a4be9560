from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 7

@test_case(points=0.5, hidden=False, 
    failure_message="q3_annual and q3_rate must each be one number (a float), e.g. the value growth.annualise(...) returns.")
def test_q3_types(q3_annual, q3_rate):
    import numbers
    for name, value in (('q3_annual', q3_annual), ('q3_rate', q3_rate)):
        assert value is not None, f'{name} is not defined yet: assign it in the cell above and run that cell'
        assert isinstance(value, numbers.Real) and (not isinstance(value, bool)), f'{name} should be a number; it is {type(value).__name__}.'

@test_case(points=0.5, hidden=False, 
    failure_message="q3_annual is in 亿元, so it is in the thousands, and larger than the ten-month figure. q3_rate is a fraction between 0 and 1 (0.05 means 5%), not a percentage.")
def test_q3_ranges(q3_annual, q3_rate):
    import numbers
    assert isinstance(q3_annual, numbers.Real) and isinstance(q3_rate, numbers.Real), 'first make both numbers (see the message above)'
    assert 1000 < q3_annual < 100000, f'q3_annual = {q3_annual}: is it in 亿元?'
    assert 0 < q3_rate < 1, f'q3_rate = {q3_rate}: give it as a fraction, not a percentage'

@test_case(points=0.5, hidden=False, 
    failure_message="q3_path must be a pandas DataFrame with a column required (亿元) and the years in a column year (or as its index).")
def test_q3_path_form(q3_path):
    import pandas as pd
    assert q3_path is not None, 'q3_path is not defined yet: assign it in the cell above and run that cell'
    assert isinstance(q3_path, pd.DataFrame), f'q3_path should be a pandas DataFrame; it is {type(q3_path).__name__}.'
    assert 'required' in q3_path.columns, f"q3_path has no column 'required'; its columns: {list(q3_path.columns)}"

@test_case(points=0.5, hidden=False, 
    failure_message="q3_path needs one row per year from 2023 to the target year, both ends included, with values in 亿元 (thousands) that grow each year.")
def test_q3_path_shape(q3_path):
    import pandas as pd
    from cqlab import data
    first = int(data.row('cluster_indicators', indicator='cluster output', cluster_cn='先进材料', period_type='partial-year')['year'])
    last = int(data.row('cluster_indicators', indicator='cluster output', cluster_cn='先进材料', period_type='target')['year'])
    assert isinstance(q3_path, pd.DataFrame) and 'required' in q3_path.columns, 'first make q3_path a DataFrame (see the message above)'
    years = q3_path['year'] if 'year' in q3_path.columns else pd.Series(q3_path.index)
    assert len(q3_path) == last - first + 1, f'q3_path has {len(q3_path)} rows; {first} to {last} is {last - first + 1} years, both ends included'
    assert sorted((int(y) for y in years)) == list(range(first, last + 1)), f'the years should be {first} ... {last}; got {list(years)}'
    ordered = sorted(zip((int(y) for y in years), (float(v) for v in q3_path['required'])))
    values = [v for _, v in ordered]
    assert all((1000 < v < 100000 for v in values)), f'values {values}: are they in 亿元?'
    assert all((b > a for a, b in zip(values, values[1:]))), 'the required values should grow from year to year'

