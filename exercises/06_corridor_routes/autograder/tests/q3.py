from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 3

@test_case(points=0.5, hidden=False, 
    failure_message="q3_pairs must be a table with one row per pair of routes (three rows) and q3_switches a list of at most two values of time (numbers >= 0), in increasing order.")
def test_q3_form(q3_pairs, q3_switches):
    import numbers
    import numpy as np
    import pandas as pd
    assert isinstance(q3_pairs, (pd.DataFrame, list, tuple, dict)), f'q3_pairs should be a DataFrame; it is {type(q3_pairs).__name__}.'
    assert len(q3_pairs) == 3, f'q3_pairs should have one row per pair of the three routes (3 rows); it has {len(q3_pairs)}'
    assert isinstance(q3_switches, (list, tuple, np.ndarray, pd.Series)), f'q3_switches should be a list; it is {type(q3_switches).__name__}.'
    values = [getattr(s, 'value_of_time', s) for s in q3_switches]
    assert 1 <= len(values) <= 2, f'with three routes the winner changes once or twice; q3_switches has {len(values)} values'
    assert all((isinstance(x, numbers.Real) and (not isinstance(x, bool)) and (x >= 0) for x in values)), 'q3_switches should hold numbers >= 0'
    assert list(values) == sorted(values), 'list q3_switches in increasing order'

@test_case(points=1.5, hidden=True)
def test_q3_pairwise(q3_pairs):
    import numbers
    import pandas as pd
    from cqlab import data
    from cqlab.models import routes
    times = data.load('corridor_trade')
    days = sorted(times.loc[times['indicator'] == 'logistics time Chongqing-ASEAN', 'value'].astype(float))
    given = routes.default_routes()
    assert (given['river_sea'].days, given['rail_sea'].days) == (days[-1], days[0]), 'the route table no longer matches corridor_trade'
    cost = {k: float(r.cost) for k, r in given.items()}
    time = {k: float(r.days) for k, r in given.items()}
    names = {n: k for k, r in given.items() for n in (k, r.name_en, r.name_zh)}
    expected = {frozenset((a, b)): (cost[b] - cost[a]) / (time[a] - time[b]) for a in cost for b in cost if time[a] > time[b]}
    if isinstance(q3_pairs, pd.DataFrame):
        table = q3_pairs.reset_index()
        rows = [list(r) for r in table.itertuples(index=False)]
    elif isinstance(q3_pairs, dict):
        rows = [[*(k if isinstance(k, tuple) else [k]), x] for k, x in q3_pairs.items()]
    else:
        rows = [list(r) for r in q3_pairs]
    found = []
    for row in rows:
        pair = frozenset((names[x] for x in row if isinstance(x, str) and x in names))
        numbers_in_row = [float(x) for x in row if isinstance(x, numbers.Real) and (not isinstance(x, bool))]
        found.append((pair, numbers_in_row))

    def fits(scale):
        return all((any((pair == want_pair and any((abs(x - v * scale) <= 0.005 * abs(v * scale) + 1e-09 for x in xs)) for pair, xs in found)) for want_pair, v in expected.items())) and all((pair in expected for pair, _ in found))
    assert fits(1) or fits(0.001), f"each row should name two routes (by key) and their break-even v* = (c_b - c_a)/(d_a - d_b): expected { {' / '.join(sorted(p)): round(v, 1) for p, v in expected.items()}}; got {rows}"

@test_case(points=1, hidden=True)
def test_q3_envelope(q3_switches):
    from cqlab import data
    from cqlab.models import routes
    times = data.load('corridor_trade')
    days = sorted(times.loc[times['indicator'] == 'logistics time Chongqing-ASEAN', 'value'].astype(float))
    given = routes.default_routes()
    assert (given['river_sea'].days, given['rail_sea'].days) == (days[-1], days[0]), 'the route table no longer matches corridor_trade'
    cost = {k: float(r.cost) for k, r in given.items()}
    time = {k: float(r.days) for k, r in given.items()}
    names = {n: k for k, r in given.items() for n in (k, r.name_en, r.name_zh)}
    pairs = {frozenset((a, b)): (cost[b] - cost[a]) / (time[a] - time[b]) for a in cost for b in cost if time[a] > time[b]}
    current, low, switches, winners = (min(cost, key=lambda k: (cost[k], time[k])), 0.0, [], [])
    winners.append(current)
    while True:
        ahead = [(pairs[frozenset((current, b))], b) for b in cost if time[b] < time[current] and pairs[frozenset((current, b))] >= low]
        if not ahead:
            break
        low, current = min(ahead)
        switches.append(low)
        winners.append(current)
    got = sorted((float(getattr(s, 'value_of_time', s)) for s in q3_switches))
    fits = [len(got) == len(switches) and all((abs(g - w * scale) <= 0.005 * w * scale for g, w in zip(got, switches))) for scale in (1, 0.001)]
    assert any(fits), f"the cheapest route changes at {[round(s, 1) for s in switches]} yuan per container-day ({' -> '.join(winners)}); a pair's v* is a switch only if no third route is cheaper there; got {got}"

