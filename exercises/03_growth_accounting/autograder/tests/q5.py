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

@test_case(points=1.5, hidden=True)
def test_q5_lines(fig_q5, start):
    import math
    import numpy as np
    import numbers
    from cqlab import data
    pwt = data.load('pwt_china').sort_values('year')
    assert isinstance(start, numbers.Integral) or float(start).is_integer(), 'start must be a whole year'
    start = int(start)
    end = int(pwt['year'].max())
    period = pwt[(pwt['year'] >= start) & (pwt['year'] <= end)]
    s = float(period['labsh'].mean())
    d = {c: np.diff(np.log(period[c].to_numpy(dtype=float))) for c in ['rgdpna', 'rnna', 'emp', 'hc']}
    residuals = d['rgdpna'] - (1 - s) * d['rnna'] - s * (d['emp'] + d['hc'])
    years = period['year'].to_numpy(dtype=float)
    ours = np.exp(np.concatenate([[0.0], np.cumsum(residuals)]))
    tfp = period['rtfpna'].to_numpy(dtype=float)
    theirs = tfp / tfp[0]

    def drawn(expected):
        """A line through the years whose values are proportional to ``expected`` (any scale)."""
        for line in fig_q5.axes[0].get_lines():
            x, y = (np.asarray(line.get_xdata(), dtype=float), np.asarray(line.get_ydata(), dtype=float))
            if len(x) != len(years) or not np.allclose(np.sort(x), years):
                continue
            order = np.argsort(x)
            y = y[order]
            ok = ~np.isnan(expected)
            if ok.any() and y[ok][0] != 0 and np.allclose(y[ok] / y[ok][0], expected[ok] / expected[ok][0], atol=0.0005):
                return True
        return False
    assert drawn(ours), 'no line through the years follows your cumulative TFP index (q3_index), at any scale'
    if not math.isnan(tfp[0]):
        assert drawn(theirs), "no line through the years follows PWT's rebased rtfpna (q3_pwt), at any scale"
    texts = ' '.join((t.get_text() for t in fig_q5.texts)).lower()
    assert 'pwt' in texts or 'penn' in texts, 'no source note under the chart: charts.source_note(fig_q5, data.citation("pwt_china"))'

