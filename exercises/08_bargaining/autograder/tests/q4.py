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

@test_case(points=1.5, hidden=True)
def test_q4_lines(fig_q4):
    import numpy as np
    S, d_w, d_f = (100.0, 20.0, 20.0)
    fits = sorted((tuple(np.polyfit(np.asarray(l.get_xdata(), float), np.asarray(l.get_ydata(), float), 1)) for l in fig_q4.axes[0].get_lines()))
    expected = sorted(((S - dw - d_f, dw) for dw in (d_w, d_w + 10)))
    assert np.allclose(fits, expected, atol=1e-06), f'(slope, intercept) {fits}; expected {expected}'
    assert 'illustrative' in fig_q4.axes[0].get_title().lower(), 'the title should say the model is illustrative'

