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

@test_case(points=1.5, hidden=True)
def test_q5_line(fig_q5):
    import numpy as np
    from cqlab import data
    pwt = data.load('pwt_china').sort_values('year')
    period = pwt[pwt['year'] >= 1978]
    g = {c: np.log(period[c].iloc[-1] / period[c].iloc[0]) / (len(period) - 1) for c in ['rgdpna', 'rnna', 'emp', 'hc']}
    shares = [0.4, 0.5, 0.6, 0.7]
    expected = [100 * (g['rgdpna'] - (1 - s) * g['rnna'] - s * (g['emp'] + g['hc'])) for s in shares]
    lines = [l for l in fig_q5.axes[0].get_lines() if len(l.get_xdata()) == 4]
    assert any((np.allclose(l.get_xdata(), shares) and np.allclose(l.get_ydata(), expected, atol=1e-06) for l in lines)), f'no line through the points {list(zip(shares, np.round(expected, 3)))}'
    assert 'illustrative' in fig_q5.axes[0].get_title().lower(), 'the title should say the shares are illustrative'
    assert any((t.get_text().startswith('Source') for t in fig_q5.texts)), 'no source note'

