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

