from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q3_persons and q3_hours must be results of accounting.account (persons, then hours) and q3_gap one number.")
def test_q3_types(q3_persons, q3_hours, q3_gap):
    import numbers
    from cqlab.models import accounting
    for name, result in (('q3_persons', q3_persons), ('q3_hours', q3_hours)):
        assert isinstance(result, accounting.GrowthAccounting), f'{name} should be what accounting.account returns; it is {type(result).__name__}.'
    assert (q3_persons.labour_measure, q3_hours.labour_measure) == ('persons', 'hours'), 'count labour as persons in q3_persons and as hours in q3_hours'
    assert isinstance(q3_gap, numbers.Real) and (not isinstance(q3_gap, bool)), f'q3_gap should be one number; it is {type(q3_gap).__name__}.'

@test_case(points=1.5, hidden=True)
def test_q3_value(q3_persons, q3_gap):
    import numpy as np
    from cqlab import data
    pwt = data.load('pwt_china').sort_values('year')
    first = int(pwt.loc[pwt['avh'].notna(), 'year'].min())
    period = pwt[pwt['year'] >= first]
    assert (q3_persons.start, q3_persons.end) == (first, int(pwt['year'].max())), 'use the period hours_from to end'
    s = period['labsh'].mean()
    expected = s * np.diff(np.log(period['avh'].to_numpy(dtype=float))).mean()
    assert abs(q3_gap - expected) < 1e-09, f'expected {expected:.5f}, got {q3_gap}'

