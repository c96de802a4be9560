from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="Draw the path and the target point on ax_q4, add a legend, a y label naming the unit (亿元) and a title.")
def test_q4_parts(fig_q4):
    from matplotlib.figure import Figure
    assert isinstance(fig_q4, Figure), f'fig_q4 should be a matplotlib Figure; it is {type(fig_q4).__name__}.'
    ax = fig_q4.axes[0]
    assert len(ax.get_lines()) >= 2, 'draw the path (a line) and the target (a point)'
    assert ax.get_legend() is not None, 'add a legend: ax_q4.legend()'
    assert '亿' in ax.get_ylabel() or 'billion' in ax.get_ylabel().lower(), f'the y label {ax.get_ylabel()!r} should name the unit'
    assert ax.get_title().strip(), 'the chart has no title'

