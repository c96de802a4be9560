from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 3

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

