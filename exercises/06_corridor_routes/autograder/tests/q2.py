from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q2_costs must be a dict with keys river_sea, rail_sea, road (one cost each) and q2_winner one of those keys.")
def test_q2_types(q2_costs, q2_winner):
    assert isinstance(q2_costs, dict), f'q2_costs should be a dict; it is {type(q2_costs).__name__}.'
    assert set(q2_costs) == {'river_sea', 'rail_sea', 'road'}, f'keys {sorted(q2_costs)}; expected river_sea, rail_sea, road'
    assert q2_winner in q2_costs, "q2_winner should be one of the route keys, e.g. 'road'"

@test_case(points=1.5, hidden=True)
def test_q2_values(q2_costs, q2_winner):
    from cqlab import data
    from cqlab.models import routes
    times = data.load('corridor_trade')
    days = sorted(times.loc[times['indicator'] == 'logistics time Chongqing-ASEAN', 'value'])
    given = routes.default_routes()
    assert (given['river_sea'].days, given['rail_sea'].days) == (days[-1], days[0])
    expected = {k: r.cost + 400.0 * r.days for k, r in given.items()}
    assert all((abs(q2_costs[k] - expected[k]) < 1e-06 for k in expected)), f'expected {expected}, got {q2_costs}'
    assert q2_winner == min(expected, key=expected.get), f'got {q2_winner}'

