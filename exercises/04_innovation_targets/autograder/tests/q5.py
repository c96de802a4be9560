from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="Draw the path and the target point on ax_q5, add a legend, a y label naming the unit and a title.")
def test_q5_parts(fig_q5):
    from matplotlib.figure import Figure
    assert isinstance(fig_q5, Figure), f'fig_q5 should be a matplotlib Figure; it is {type(fig_q5).__name__}.'
    ax = fig_q5.axes[0]
    assert len(ax.get_lines()) >= 2, 'draw the path (a line) and the target (a point)'
    assert ax.get_legend() is not None, 'add a legend: ax_q5.legend()'
    ylabel = ax.get_ylabel().lower()
    assert '亿' in ylabel or 'billion' in ylabel or '元' in ylabel or ('yuan' in ylabel), f'the y label {ax.get_ylabel()!r} should name the unit'
    assert ax.get_title().strip(), 'the chart has no title'

@test_case(points=1.5, hidden=True)
def test_q5_pathdrawn(fig_q5, method):
    import numpy as np
    import csv
    from cqlab import data
    rows = list(csv.DictReader((data.DATASETS_DIR / 'cluster_indicators.csv').open(encoding='utf-8')))
    p = next((r for r in rows if r['indicator'] == 'R&D expenses of above-scale industrial firms' and r['period_type'] == 'partial-year'))
    t = next((r for r in rows if r['indicator'] == 'R&D input of above-scale industrial firms' and r['period_type'] == 'target'))
    first, last = p['period'].split('/')
    months = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:]) - int(first[5:]) + 1
    assert method in ('proportional', 'as_is'), f"method must be 'proportional' or 'as_is'; it is {method!r}"
    value, goal, n = (float(p['value']), float(t['value']), int(t['year']) - int(p['year']))
    base = value * 12 / months if method == 'proportional' else value
    other = value if method == 'proportional' else value * 12 / months
    rate = (goal / base) ** (1 / n) - 1
    expected = base * (1 + rate) ** np.arange(n + 1)
    years = np.arange(int(p['year']), int(t['year']) + 1)

    def follows(line):
        x, y = (np.asarray(line.get_xdata(), dtype=float), np.asarray(line.get_ydata(), dtype=float))
        if len(y) != n + 1 or not np.allclose(x, years):
            return False
        return any((np.allclose(y, expected * scale, rtol=0.002) for scale in (1, 0.1)))
    assert any((follows(l) for l in fig_q5.axes[0].get_lines())), f'no line runs through the {n + 1} values of the path needed from {base:.1f} (method {method!r}) at {rate:.2%} a year, for {years[0]}-{years[-1]}'
    assert fig_q5.texts, 'no source note: charts.source_note(fig_q5, ...)'

