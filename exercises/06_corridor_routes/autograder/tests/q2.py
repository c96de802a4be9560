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

@test_case(points=1.5, hidden=True)
def test_q2_handcosts(q2_costs, value_of_time):
    import numbers
    assert isinstance(value_of_time, numbers.Real) and (not isinstance(value_of_time, bool)) and (value_of_time >= 0), f'value_of_time must be one number >= 0 (yuan per container-day); it is {value_of_time!r}'
    v = float(value_of_time)
    from cqlab import data
    from cqlab.models import routes
    times = data.load('corridor_trade')
    days = sorted(times.loc[times['indicator'] == 'logistics time Chongqing-ASEAN', 'value'].astype(float))
    given = routes.default_routes()
    assert (given['river_sea'].days, given['rail_sea'].days) == (days[-1], days[0]), 'the route table no longer matches corridor_trade'
    cost = {k: float(r.cost) for k, r in given.items()}
    time = {k: float(r.days) for k, r in given.items()}
    names = {n: k for k, r in given.items() for n in (k, r.name_en, r.name_zh)}
    expected = {k: cost[k] + v * time[k] for k in cost}
    got = {names.get(str(k), str(k)): float(x) for k, x in dict(q2_costs).items()}
    assert set(got) == set(expected), f'q2_costs should have the keys {sorted(expected)}'
    fits = [all((abs(got[k] - expected[k] * scale) <= 0.005 * expected[k] * scale for k in expected)) for scale in (1, 0.001)]
    assert any(fits), f'at value_of_time = {v:g} the generalised costs cost + v * days are { {k: round(x) for k, x in expected.items()}} yuan; got {got}'

@test_case(points=0.5, hidden=True)
def test_q2_cheapest(q2_winner, value_of_time):
    import numbers
    assert isinstance(value_of_time, numbers.Real) and (not isinstance(value_of_time, bool)) and (value_of_time >= 0), f'value_of_time must be one number >= 0 (yuan per container-day); it is {value_of_time!r}'
    v = float(value_of_time)
    from cqlab import data
    from cqlab.models import routes
    times = data.load('corridor_trade')
    days = sorted(times.loc[times['indicator'] == 'logistics time Chongqing-ASEAN', 'value'].astype(float))
    given = routes.default_routes()
    assert (given['river_sea'].days, given['rail_sea'].days) == (days[-1], days[0]), 'the route table no longer matches corridor_trade'
    cost = {k: float(r.cost) for k, r in given.items()}
    time = {k: float(r.days) for k, r in given.items()}
    names = {n: k for k, r in given.items() for n in (k, r.name_en, r.name_zh)}
    expected = {k: cost[k] + v * time[k] for k in cost}
    best = min(expected.values())
    winners = [k for k, x in expected.items() if x - best <= 1e-09 * max(1.0, best)]
    assert names.get(str(q2_winner)) in winners, f"at value_of_time = {v:g} the lowest generalised cost is that of {' or '.join(winners)}; got {q2_winner!r}"

