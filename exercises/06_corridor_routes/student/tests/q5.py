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

