from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="Draw two lines on fig_q4 with ax_q4.plot(x, y, label=...), add ax_q4.legend() and an x-axis label.")
def test_q4_parts(fig_q4):
    from matplotlib.figure import Figure
    assert isinstance(fig_q4, Figure), f'fig_q4 should be a matplotlib Figure; it is {type(fig_q4).__name__}.'
    ax = fig_q4.axes[0]
    assert len(ax.get_lines()) == 2, f'found {len(ax.get_lines())} lines, expected 2'
    assert ax.get_legend() is not None, 'add a legend: ax_q4.legend()'
    assert ax.get_xlabel().strip(), 'the x-axis has no label'

@test_case(points=1.5, hidden=True)
def test_q4_lines(fig_q4):
    import numpy as np
    ax = fig_q4.axes[0]
    slopes = sorted((np.polyfit(line.get_xdata(), line.get_ydata(), 1)[0] for line in ax.get_lines()))
    assert np.allclose(slopes, [1.6 / 4 - 1, 1.6 - 1], atol=1e-06), f'slopes {slopes}: are these the two payoff curves?'
    assert 'illustrative' in ax.get_title().lower(), 'the title should say the settings are illustrative'

