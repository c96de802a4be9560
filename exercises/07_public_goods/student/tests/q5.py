from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 1.5

@test_case(points=0.5, hidden=False, 
    failure_message="Draw two lines on fig_q5 with ax_q5.plot(x, y, label=...), add ax_q5.legend(), an x-axis label and a title.")
def test_q5_parts(fig_q5):
    from matplotlib.figure import Figure
    assert isinstance(fig_q5, Figure), f'fig_q5 should be a matplotlib Figure; it is {type(fig_q5).__name__}.'
    assert fig_q5.axes, 'fig_q5 has no axes: draw on ax_q5'
    ax = fig_q5.axes[0]
    long_lines = [line for line in ax.get_lines() if len(line.get_xdata()) > 2]
    assert len(long_lines) >= 2, f'found {len(long_lines)} lines through the contributions, expected 2'
    assert ax.get_legend() is not None, 'add a legend: ax_q5.legend()'
    assert ax.get_xlabel().strip(), 'the x-axis has no label'
    assert ax.get_title().strip(), 'the chart has no title'

