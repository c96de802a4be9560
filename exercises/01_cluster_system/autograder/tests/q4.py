from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="Draw the bars on the figure fig_q4 that charts.new_figure() made, with ax_q4.bar(...); do not replace fig_q4 with something else.")
def test_q4_figure(fig_q4):
    from matplotlib.figure import Figure
    assert fig_q4 is not None, 'fig_q4 is not defined yet: assign it in the cell above and run that cell'
    assert isinstance(fig_q4, Figure), f'fig_q4 should be a matplotlib Figure; it is {type(fig_q4).__name__}.'
    assert fig_q4.axes and fig_q4.axes[0].patches, 'no bars on fig_q4 yet: draw them with ax_q4.bar(names, heights)'

@test_case(points=0.5, hidden=False, 
    failure_message="The chart needs three bars (one per leading cluster, ax_q4.bar), a y-axis label naming the unit (billion yuan) and a title.")
def test_q4_parts(fig_q4):
    assert getattr(fig_q4, 'axes', None), 'first draw on fig_q4 (see the message above)'
    ax = fig_q4.axes[0]
    assert len(ax.patches) == 3, f'found {len(ax.patches)} bars, expected 3'
    widths = {round(p.get_width(), 9) for p in ax.patches}
    label = ax.get_ylabel() if len(widths) == 1 else ax.get_xlabel()
    assert label.strip(), 'the axis of the bar lengths has no label naming the unit'
    assert ax.get_title().strip(), 'the chart has no title'

@test_case(points=1, hidden=True)
def test_q4_heights(fig_q4):
    from cqlab import data
    clusters = data.load('clusters')
    names = set(clusters.loc[clusters['tier'] == 'leading', 'cluster_cn'])
    rows = data.load('cluster_indicators')
    rows = rows[(rows['indicator'] == 'cluster output') & (rows['period'] == '2023-01/2023-10') & rows['cluster_cn'].isin(names)]
    expected = sorted(rows['value'])
    patches = fig_q4.axes[0].patches
    vertical = len({round(p.get_width(), 9) for p in patches}) == 1
    got = sorted((abs(p.get_height() if vertical else p.get_width()) for p in patches))
    assert len(got) == len(expected) and got[-1] > 0, f'expected {len(expected)} bars of positive length'
    ratios = [g / got[-1] for g in got]
    wanted = [e / expected[-1] for e in expected]
    assert all((abs(r - w) < 0.005 for r, w in zip(ratios, wanted))), "the bars are not in the proportions of the three clusters' outputs: " + ', '.join((f'{g:.4g}' for g in got)) + f' (expected, in billion yuan: ' + ', '.join((f'{e / 10:.4g}' for e in expected)) + ')'
    from cqlab import data as _data
    citation = _data.citation('cluster_indicators')
    notes = [t.get_text() for t in fig_q4.texts]
    assert any((citation in n or 'source' in n.lower() or '来源' in n for n in notes)), 'no source note: add charts.source_note(fig_q4, data.citation("cluster_indicators"))'

