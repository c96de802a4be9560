from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="Draw on fig_q5 (made by charts.new_figure()) two lines with ax_q5.plot(years, values, label=...), add ax_q5.legend(), a y label and a title.")
def test_q5_parts(fig_q5):
    from matplotlib.figure import Figure
    assert isinstance(fig_q5, Figure), f'fig_q5 should be a matplotlib Figure; it is {type(fig_q5).__name__}.'
    assert fig_q5.axes, 'fig_q5 has no axes: draw on ax_q5'
    ax = fig_q5.axes[0]
    long_lines = [line for line in ax.get_lines() if len(line.get_xdata()) > 2]
    assert len(long_lines) >= 2, f"draw two lines through the years (ours and PWT's); found {len(long_lines)}"
    assert ax.get_ylabel().strip() and ax.get_title().strip(), 'give the y-axis a label and the chart a title'
    assert ax.get_legend() is not None, 'add a legend (label= in each plot, then ax_q5.legend())'

