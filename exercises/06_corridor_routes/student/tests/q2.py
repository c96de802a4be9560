from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2.5

@test_case(points=0.5, hidden=False, 
    failure_message="q2_costs must be a dict with keys river_sea, rail_sea, road (one positive cost each) and q2_winner one of those keys.")
def test_q2_form(q2_costs, q2_winner):
    import math
    import numbers
    import pandas as pd
    assert isinstance(q2_costs, (dict, pd.Series)), f'q2_costs should be a dict; it is {type(q2_costs).__name__}.'
    costs = dict(q2_costs)
    assert set(costs) == {'river_sea', 'rail_sea', 'road'}, f'keys {sorted(map(str, costs))}; expected river_sea, rail_sea, road'
    for key, x in costs.items():
        assert isinstance(x, numbers.Real) and (not isinstance(x, bool)) and math.isfinite(x) and (x > 0), f'q2_costs[{key!r}] should be one positive number; it is {x!r}'
    assert q2_winner in costs, "q2_winner should be one of the route keys, e.g. 'road'"

