from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="Draw one line through the four shares with ax_q5.plot, label both axes (y in percentage points) and add a title.")
def test_q5_parts(fig_q5):
    from matplotlib.figure import Figure
    assert isinstance(fig_q5, Figure), f'fig_q5 should be a matplotlib Figure; it is {type(fig_q5).__name__}.'
    ax = fig_q5.axes[0]
    assert any((len(line.get_xdata()) == 4 for line in ax.get_lines())), 'draw one line through the four labour shares'
    assert 'point' in ax.get_ylabel().lower(), f'the y label {ax.get_ylabel()!r} should name the unit, percentage points'
    assert ax.get_xlabel().strip() and ax.get_title().strip(), 'label the x-axis and give the chart a title'

