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

@test_case(points=1, hidden=True)
def test_q5_slopes(fig_q5, N, r):
    import numpy as np
    endowment = 1.0
    import numbers
    import math
    assert isinstance(N, numbers.Integral) or float(N).is_integer(), f'N must be a whole number of villagers; it is {N!r}'
    N = int(N)
    r, endowment = (float(r), float(endowment))
    assert N >= 2 and r > 0 and (endowment > 0), f'the settings need N >= 2, r > 0, endowment > 0; got N={N}, r={r}, endowment={endowment}'
    ax = fig_q5.axes[0]
    slopes = []
    for line in ax.get_lines():
        x, y = (np.asarray(line.get_xdata(), dtype=float), np.asarray(line.get_ydata(), dtype=float))
        if len(x) > 2 and np.ptp(x) > 0:
            slopes.append(np.polyfit(x, y, 1)[0])
    for name, want in (('own (r/N - 1)', r / N - 1), ('group_per_villager (r - 1)', r - 1)):
        assert any((abs(s - want) < 0.001 for s in slopes)), f'no line has the slope of {name} = {want:.3f}; slopes drawn: {np.round(slopes, 3).tolist()}'
    title = ax.get_title().lower()
    assert any((w in title for w in ('illustrative', '示意', '假设', '说明性', '模拟'))), 'the title should say the settings are illustrative'

