from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="Draw three lines (one per route) with ax_q4.plot(v_grid, costs, label=...), add a legend and label both axes.")
def test_q4_parts(fig_q4):
    from matplotlib.figure import Figure
    assert isinstance(fig_q4, Figure), f'fig_q4 should be a matplotlib Figure; it is {type(fig_q4).__name__}.'
    ax = fig_q4.axes[0]
    long_lines = [l for l in ax.get_lines() if len(l.get_xdata()) > 2]
    assert len(long_lines) == 3, f'found {len(long_lines)} cost lines, expected 3 (one per route)'
    assert ax.get_legend() is not None, 'add a legend: ax_q4.legend()'
    assert ax.get_xlabel().strip() and ax.get_ylabel().strip(), 'label both axes'

@test_case(points=1.5, hidden=True)
def test_q4_lines(fig_q4):
    import numpy as np
    from cqlab.models import routes
    given = routes.default_routes()
    ax = fig_q4.axes[0]
    fits = sorted((tuple(np.polyfit(np.asarray(l.get_xdata(), float), np.asarray(l.get_ydata(), float), 1)) for l in ax.get_lines() if len(l.get_xdata()) > 2))
    expected = sorted(((float(r.days), float(r.cost)) for r in given.values()))
    assert np.allclose(fits, expected, rtol=1e-06, atol=0.001), f'slopes and intercepts {fits}; expected (days, cost) {expected}'
    a, b = (given['river_sea'], given['rail_sea'])
    v_star = (b.cost - a.cost) / (a.days - b.days)
    assert any((np.allclose(l.get_xdata(), v_star) for l in ax.get_lines() if len(l.get_xdata()) == 2)), 'no vertical line at the break-even'
    assert 'illustrative' in ax.get_title().lower(), 'the title should say the costs are illustrative'

