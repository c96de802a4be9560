from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 2.5

@test_case(points=0.5, hidden=False, 
    failure_message="q5_shares must be a dict with keys river_sea, rail_sea, road and shares that add up to 1 (or 100 in percent); fig_q5 a Figure with one bar per route and a title.")
def test_q5_form(q5_shares, fig_q5):
    import math
    import numbers
    import pandas as pd
    from matplotlib.figure import Figure
    assert isinstance(q5_shares, (dict, pd.Series)), f'q5_shares should be a dict; it is {type(q5_shares).__name__}.'
    shares = dict(q5_shares)
    assert set(shares) == {'river_sea', 'rail_sea', 'road'}, f'keys {sorted(map(str, shares))}; expected river_sea, rail_sea, road'
    assert all((isinstance(x, numbers.Real) and (not isinstance(x, bool)) and math.isfinite(x) and (x >= 0) for x in shares.values())), 'each share should be one number >= 0'
    total = sum(shares.values())
    assert abs(total - 1) <= 0.005 or abs(total - 100) <= 0.5, f'the shares add up to {total:g}; they should add up to 1 (or 100%)'
    assert isinstance(fig_q5, Figure), f'fig_q5 should be a matplotlib Figure; it is {type(fig_q5).__name__}.'
    assert fig_q5.axes, 'fig_q5 has no axes: draw on ax_q5'
    ax = fig_q5.axes[0]
    assert len(ax.patches) >= 2, f'found {len(ax.patches)} bars; draw one bar per route with ax_q5.bar or ax_q5.barh'
    assert ax.get_title().strip(), 'the chart has no title'

@test_case(points=1.5, hidden=True)
def test_q5_lognormal(q5_shares, median, sigma):
    import math
    import numbers
    for name, x in (('median', median), ('sigma', sigma)):
        assert isinstance(x, numbers.Real) and (not isinstance(x, bool)) and (x > 0), f'{name} must be one number > 0; it is {x!r}'
    median, sigma = (float(median), float(sigma))
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
    cdf = lambda x: 0.5 * (1 + math.erf((math.log(x) - math.log(median)) / (sigma * math.sqrt(2))))
    bounds = [0.0, *[cdf(s) for s in switches], 1.0]
    expected = {k: 0.0 for k in cost}
    for k, low, high in zip(winners, bounds[:-1], bounds[1:]):
        expected[k] += high - low
    got = {names.get(str(k), str(k)): float(x) for k, x in dict(q5_shares).items()}
    assert set(got) == set(expected), f'q5_shares should have the keys {sorted(expected)}'
    fits = [all((abs(got[k] - expected[k] * scale) <= 0.005 * scale for k in expected)) for scale in (1, 100)]
    assert any(fits), f'with median {median:g} and sigma {sigma:g} the shares F(v_k) - F(v_(k-1)) at the switch points {[round(s) for s in switches]} are { {k: round(x, 3) for k, x in expected.items()}}; got {got}'

@test_case(points=0.5, hidden=True)
def test_q5_sharebars(fig_q5, median, sigma):
    import math
    import numpy as np
    import numbers
    for name, x in (('median', median), ('sigma', sigma)):
        assert isinstance(x, numbers.Real) and (not isinstance(x, bool)) and (x > 0), f'{name} must be one number > 0; it is {x!r}'
    median, sigma = (float(median), float(sigma))
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
    cdf = lambda x: 0.5 * (1 + math.erf((math.log(x) - math.log(median)) / (sigma * math.sqrt(2))))
    bounds = [0.0, *[cdf(s) for s in switches], 1.0]
    expected = sorted((high - low for low, high in zip(bounds[:-1], bounds[1:]) if high - low > 0.001))
    ax = fig_q5.axes[0]
    rects = [(p.get_x(), p.get_y(), p.get_width(), p.get_height()) for p in ax.patches]
    vertical = sorted((abs(h) for x, y, w, h in rects if abs(y) < 1e-12 and abs(h) > 1e-12))
    horizontal = sorted((abs(w) for x, y, w, h in rects if abs(x) < 1e-12 and abs(w) > 1e-12))

    def close(drawn, scale):
        drawn = [d for d in drawn if d > 0.001 * scale]
        return len(drawn) == len(expected) and np.allclose(drawn, np.array(expected) * scale, atol=0.005 * scale)
    assert any((close(got, scale) for got in (vertical, horizontal) for scale in (1, 100))), f'the bars should show the mode shares {[round(e, 3) for e in expected]} (fractions or percent), one bar per route'
    title = ax.get_title().lower()
    assert any((w in title for w in ('illustrative', '示意', '示例', '假设', '说明性', '模拟'))), 'the title should say the distribution is illustrative'

