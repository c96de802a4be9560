from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 3

@test_case(points=0.5, hidden=False, 
    failure_message="q1_flows must be a DataFrame of flow rows with period and span columns, q1_growth one number (a fraction) and q1_implied_2023 one positive number.")
def test_q1_form(q1_flows, q1_growth, q1_implied_2023):
    import math
    import numbers
    import pandas as pd
    assert isinstance(q1_flows, pd.DataFrame), f'q1_flows should be a pandas DataFrame; it is {type(q1_flows).__name__}.'
    assert 'span' in q1_flows.columns, 'add the column span to q1_flows'
    assert 'period_type' in q1_flows.columns, 'keep the column period_type in q1_flows'
    assert set(q1_flows['period_type']) <= {'full-year', 'partial-year'}, 'keep only full-year and partial-year rows'
    for name, x in (('q1_growth', q1_growth), ('q1_implied_2023', q1_implied_2023)):
        assert isinstance(x, numbers.Real) and (not isinstance(x, bool)), f'{name} should be one number; it is {type(x).__name__}.'
        assert math.isfinite(x), f'{name} = {x} is not a finite number'
    assert q1_growth > -1, f'q1_growth = {q1_growth}: a growth below -1 (-100%) is impossible'
    assert q1_implied_2023 > 0, f'q1_implied_2023 = {q1_implied_2023}: a volume is positive'

