from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="Draw the path and the target point on ax_q5, add a legend, a y label naming the unit and a title.")
def test_q5_parts(fig_q5):
    from matplotlib.figure import Figure
    assert isinstance(fig_q5, Figure), f'fig_q5 should be a matplotlib Figure; it is {type(fig_q5).__name__}.'
    ax = fig_q5.axes[0]
    assert len(ax.get_lines()) >= 2, 'draw the path (a line) and the target (a point)'
    assert ax.get_legend() is not None, 'add a legend: ax_q5.legend()'
    ylabel = ax.get_ylabel().lower()
    assert '亿' in ylabel or 'billion' in ylabel or '元' in ylabel or ('yuan' in ylabel), f'the y label {ax.get_ylabel()!r} should name the unit'
    assert ax.get_title().strip(), 'the chart has no title'

