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

@test_case(points=1, hidden=True)
def test_q3_annual(q3_annual):
    from cqlab import data
    partial = data.row('cluster_indicators', indicator='cluster output', cluster_cn='先进材料', period_type='partial-year')
    start, end = partial['period'].split('/')
    months = int(end[-2:]) - int(start[-2:]) + 1
    expected = partial['value'] / months * 12
    assert abs(q3_annual - expected) <= 0.5 + 1e-09, f'expected {expected:.2f} 亿元 (to the nearest 亿元 at least), got {q3_annual:.2f}'

@test_case(points=1, hidden=True)
def test_q3_rate(q3_annual, q3_rate):
    from cqlab import data
    partial = data.row('cluster_indicators', indicator='cluster output', cluster_cn='先进材料', period_type='partial-year')
    target = data.row('cluster_indicators', indicator='cluster output', cluster_cn='先进材料', period_type='target')
    start, end = partial['period'].split('/')
    annual = partial['value'] / (int(end[-2:]) - int(start[-2:]) + 1) * 12
    per_unit = {'亿元': 1, '万亿元': 10000}
    target_yi = target['value'] * per_unit[target['unit']]
    expected = (target_yi / annual) ** (1 / (target['year'] - partial['year'])) - 1
    assert abs(q3_rate - expected) <= 5e-05 + 1e-12, f'expected {expected:.6f} (to 4 decimals: {expected:.4f}), got {q3_rate:.6f}'

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

@test_case(points=1, hidden=True)
def test_q3_path_ends(q3_path):
    import pandas as pd
    from cqlab import data
    partial = data.row('cluster_indicators', indicator='cluster output', cluster_cn='先进材料', period_type='partial-year')
    target = data.row('cluster_indicators', indicator='cluster output', cluster_cn='先进材料', period_type='target')
    start, end = partial['period'].split('/')
    annual = partial['value'] / (int(end[-2:]) - int(start[-2:]) + 1) * 12
    target_yi = target['value'] * {'亿元': 1, '万亿元': 10000}[target['unit']]
    years = list(q3_path['year']) if 'year' in q3_path.columns else list(q3_path.index)
    got = {int(y): float(v) for y, v in zip(years, q3_path['required'])}
    first, last = (int(partial['year']), int(target['year']))
    assert abs(got.get(first, 0) - annual) <= 0.001 * annual, f'the {first} row should be the annualised output, {annual:.1f} 亿元; got {got.get(first)}'
    assert abs(got.get(last, 0) - target_yi) <= 0.001 * target_yi, f'the {last} row should be the target, {target_yi:.1f} 亿元; got {got.get(last)}'

@test_case(points=2, hidden=True)
def test_q3_path_compound(q3_path):
    import pandas as pd
    from cqlab import data
    partial = data.row('cluster_indicators', indicator='cluster output', cluster_cn='先进材料', period_type='partial-year')
    target = data.row('cluster_indicators', indicator='cluster output', cluster_cn='先进材料', period_type='target')
    start, end = partial['period'].split('/')
    annual = partial['value'] / (int(end[-2:]) - int(start[-2:]) + 1) * 12
    target_yi = target['value'] * {'亿元': 1, '万亿元': 10000}[target['unit']]
    first, last = (int(partial['year']), int(target['year']))
    rate = (target_yi / annual) ** (1 / (last - first)) - 1
    expected = {y: annual * (1 + rate) ** (y - first) for y in range(first, last + 1)}
    years = list(q3_path['year']) if 'year' in q3_path.columns else list(q3_path.index)
    got = {int(y): float(v) for y, v in zip(years, q3_path['required'])}
    wrong = {y: round(got.get(y, float('nan')), 1) for y, v in expected.items() if not abs(got.get(y, float('nan')) - v) <= 0.001 * v}
    assert not wrong, f'the path should grow by the same factor (1 + rate) every year (compound growth, not a straight line); these years are off: {wrong} (expected ' + ', '.join((f'{y}: {v:.1f}' for y, v in expected.items() if y in wrong)) + ')'

