from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="Draw two lines on fig_q5 (ax_q5.plot twice, with label=...), add ax_q5.legend(), a y label, and a title containing the word simulated.")
def test_q5_parts(fig_q5):
    from matplotlib.figure import Figure
    assert isinstance(fig_q5, Figure), f'fig_q5 should be a matplotlib Figure; it is {type(fig_q5).__name__}.'
    ax = fig_q5.axes[0]
    assert len(ax.get_lines()) == 2, f'found {len(ax.get_lines())} lines, expected 2'
    assert ax.get_legend() is not None, 'add a legend: ax_q5.legend()'
    assert ax.get_ylabel().strip(), 'the y-axis has no label'
    assert 'simulated' in ax.get_title().lower(), 'the title should say the data are simulated'

