from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 3

@test_case(points=0.5, hidden=False, 
    failure_message="All four answers are single numbers, namely months (1 to 12), a baseline in 亿元, and two rates as fractions.")
def test_q2_types(q2_months, q2_baseline, q2_needed, q2_needed_as_is):
    import numbers
    for name, v in (('q2_months', q2_months), ('q2_baseline', q2_baseline), ('q2_needed', q2_needed), ('q2_needed_as_is', q2_needed_as_is)):
        assert isinstance(v, numbers.Real) and (not isinstance(v, bool)), f'{name} should be one number; it is {type(v).__name__}.'
    assert 1 <= q2_months <= 12, f'q2_months = {q2_months}: a number of months'
    assert -1 < q2_needed < 1 and -1 < q2_needed_as_is < 1, 'give the rates as fractions (0.05 means 5%)'

@test_case(points=0.5, hidden=False, 
    failure_message="Using the partial figure as is gives a smaller baseline, so q2_needed_as_is should be larger than q2_needed.")
def test_q2_order(q2_needed, q2_needed_as_is):
    import numbers
    assert isinstance(q2_needed, numbers.Real) and isinstance(q2_needed_as_is, numbers.Real), 'first make both rates numbers'
    assert q2_needed_as_is > q2_needed, 'a smaller baseline (the partial figure as is) needs faster growth: check which rate is which'

@test_case(points=2, hidden=True)
def test_q2_values(q2_months, q2_baseline, q2_needed, q2_needed_as_is):
    from cqlab import data
    p = data.row('cluster_indicators', indicator='R&D spending of above-scale industrial firms', period_type='partial-year')
    t = data.row('cluster_indicators', indicator='R&D spending of above-scale industrial firms', period_type='target')
    first, last = p['period'].split('/')
    months = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:]) - int(first[5:]) + 1
    assert q2_months == months, f'months: expected {months}, got {q2_months}'
    base = p['value'] * 12 / months
    assert abs(q2_baseline - base) < 1e-06, f'baseline: expected {base:.2f}, got {q2_baseline}'
    n = t['year'] - p['year']
    assert abs(q2_needed - ((t['value'] / base) ** (1 / n) - 1)) < 1e-09, f'got {q2_needed}'
    assert abs(q2_needed_as_is - ((t['value'] / p['value']) ** (1 / n) - 1)) < 1e-09, f'got {q2_needed_as_is}'

