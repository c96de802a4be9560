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

@test_case(points=1, hidden=True)
def test_q5_lines(fig_q5):
    import numpy as np
    from cqlab.models import toolkit
    daily = toolkit.simulate_daily()
    day = daily.index.day
    key = daily.index.strftime('%Y-%m-') + np.select([day <= 10, day <= 20], ['1', '2'], '3')
    xun = daily.groupby(key).mean().to_numpy()
    ax = fig_q5.axes[0]
    ys = [np.asarray(line.get_ydata(), dtype=float) for line in ax.get_lines()]
    assert any((len(y) == len(daily) and np.allclose(y, daily.to_numpy()) for y in ys)), 'no line shows the daily values'
    assert any((len(y) == len(xun) and np.allclose(y, xun, atol=0.005) for y in ys)), 'no line shows the 36 旬 means'
    title = ax.get_title().lower()
    assert 'simulat' in title or '模拟' in title, 'the title should say the data are simulated (simulated / 模拟)'
    assert any((t.get_text().strip() for t in fig_q5.texts)), 'no source note: charts.source_note(fig_q5, ...)'

