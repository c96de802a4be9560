from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="Draw two lines on ax_q4 (one per outside option, each with label=...), add a legend and label both axes.")
def test_q4_parts(fig_q4):
    from matplotlib.figure import Figure
    assert isinstance(fig_q4, Figure), f'fig_q4 should be a matplotlib Figure; it is {type(fig_q4).__name__}.'
    ax = fig_q4.axes[0]
    assert len(ax.get_lines()) == 2, f'found {len(ax.get_lines())} lines, expected 2'
    assert ax.get_legend() is not None, 'add a legend: ax_q4.legend()'
    assert ax.get_xlabel().strip() and ax.get_ylabel().strip(), 'label both axes'

