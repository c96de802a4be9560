from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 1.5

@test_case(points=0.5, hidden=False, 
    failure_message="Draw at least two lines on fig_q5 (ax_q5.plot, with label=...), add ax_q5.legend(), a y label and a title.")
def test_q5_form(fig_q5):
    from matplotlib.figure import Figure
    assert isinstance(fig_q5, Figure), f'fig_q5 should be a matplotlib Figure; it is {type(fig_q5).__name__}.'
    ax = fig_q5.axes[0]
    assert len(ax.get_lines()) >= 2, f'found {len(ax.get_lines())} lines, expected at least 2 (daily and 旬 means)'
    assert ax.get_legend() is not None, 'add a legend: ax_q5.legend()'
    assert ax.get_ylabel().strip(), 'the y-axis has no label'
    assert ax.get_title().strip(), 'the chart has no title'

