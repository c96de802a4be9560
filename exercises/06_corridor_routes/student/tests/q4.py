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

