from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 1.5

@test_case(points=0.5, hidden=False, 
    failure_message="Draw three lines (one per route) with ax_q4.plot(v_grid, costs, label=...), add a legend, label both axes and add a title.")
def test_q4_form(fig_q4):
    from matplotlib.figure import Figure
    assert isinstance(fig_q4, Figure), f'fig_q4 should be a matplotlib Figure; it is {type(fig_q4).__name__}.'
    assert fig_q4.axes, 'fig_q4 has no axes: draw on ax_q4'
    ax = fig_q4.axes[0]
    long_lines = [line for line in ax.get_lines() if len(line.get_xdata()) > 2]
    assert len(long_lines) >= 3, f'found {len(long_lines)} cost lines, expected 3 (one per route)'
    assert ax.get_legend() is not None, 'add a legend: ax_q4.legend()'
    assert ax.get_xlabel().strip() and ax.get_ylabel().strip(), 'label both axes'
    assert ax.get_title().strip(), 'the chart has no title'

@test_case(points=1, hidden=True)
def test_q4_costlines(fig_q4, q3_switches):
    import numpy as np
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
    ax = fig_q4.axes[0]
    fits = []
    for line in ax.get_lines():
        x, y = (np.asarray(line.get_xdata(), dtype=float), np.asarray(line.get_ydata(), dtype=float))
        if len(x) > 2 and np.ptp(x) > 0 and np.all(np.isfinite(x)) and np.all(np.isfinite(y)):
            slope, intercept = np.polyfit(x, y, 1)
            if np.allclose(slope * x + intercept, y, rtol=1e-06, atol=1e-06 * max(1.0, np.abs(y).max())):
                fits.append((slope, intercept))
    near = lambda a, b: abs(a - b) <= 0.001 * abs(b) + 1e-12
    scales = None
    for slope, intercept in fits:
        k_slope, k_intercept = (slope / time['river_sea'], intercept / cost['river_sea'])
        if k_slope > 0 and k_intercept > 0 and all((any((near(s, k_slope * time[k]) and near(i, k_intercept * cost[k]) for s, i in fits)) for k in cost)):
            scales = (k_slope, k_intercept)
            break
    assert scales, f'no three straight lines with slopes in the ratio of the days {list(time.values())} and intercepts in the ratio of the costs {list(cost.values())}: plot cost + v * days against v for each route; lines drawn (slope, intercept): {[(round(s, 3), round(i, 1)) for s, i in fits]}'
    k_x = scales[1] / scales[0]
    vertical = [float(np.asarray(line.get_xdata(), dtype=float)[0]) for line in ax.get_lines() if len(line.get_xdata()) == 2 and np.ptp(np.asarray(line.get_xdata(), dtype=float)) == 0]
    try:
        own = [float(getattr(s, 'value_of_time', s)) for s in q3_switches]
    except (TypeError, ValueError):
        own = []
    on_lines = lambda wanted, scale: all((any((abs(x - k_x * scale * w) <= 0.005 * abs(k_x * scale * w) + 1e-09 for x in vertical)) for w in wanted))
    assert on_lines(switches, 1) or (own and any((on_lines(own, scale) for scale in (1, 1000.0)))), f'no vertical line at each switch point {[round(s) for s in switches]} yuan per container-day: add ax_q4.axvline(...) for each value in q3_switches'
    title = ax.get_title().lower()
    assert any((w in title for w in ('illustrative', '示意', '示例', '假设', '说明性', '模拟'))), 'the title should say the costs are illustrative'

