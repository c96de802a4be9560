from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="Draw one bar per firm on fig_q5 (ax_q5.bar or ax_q5.barh) and label the shares' axis with the unit (%).")
def test_q5_parts(fig_q5):
    from matplotlib.figure import Figure
    assert isinstance(fig_q5, Figure), f'fig_q5 should be a matplotlib Figure; it is {type(fig_q5).__name__}.'
    assert fig_q5.axes and fig_q5.axes[0].patches, 'no bars on fig_q5 yet: draw them with ax_q5.bar(names, shares) or ax_q5.barh(...)'
    ax = fig_q5.axes[0]
    assert '%' in ax.get_ylabel() + ax.get_xlabel(), "label the shares' axis with the unit, %"

@test_case(points=1.5, hidden=True)
def test_q5_bars(fig_q5, market, merging):
    import numpy as np
    names = [str(f) for f in market['firm']]
    shares = dict(zip(names, (float(s) for s in market['share'])))
    fringe = [f for f in names if f.strip().lower().startswith('other') or '其他' in f]
    pair = [str(f) for f in merging]
    assert len(pair) == 2 and pair[0] != pair[1] and all((f in shares and f not in fringe for f in pair)), f"merging should name two different firms of market['firm']; it is {merging}"
    before = [s for f, s in shares.items() if f not in fringe]
    after = [s for f, s in shares.items() if f not in fringe and f not in pair] + [shares[pair[0]] + shares[pair[1]]]
    ax = fig_q5.axes[0]
    heights = sorted((float(p.get_height()) for p in ax.patches))
    widths = sorted((float(p.get_width()) for p in ax.patches))
    fringe_share = sum((shares[f] for f in fringe))
    options = [sorted(after), sorted(after + [fringe_share])]

    def drawn(values):
        for scale in (1, 100):
            if any((len(values) == len(o) and np.allclose([v * scale for v in values], o, atol=0.05) for o in options)):
                return True
        return False
    assert drawn(heights) or drawn(widths), f'the bars should be the {len(after)} shares after the merger (bar heights, or widths with barh); found {len(ax.patches)} bars'
    title = ax.get_title().lower() + ' ' + ' '.join((t.get_text().lower() for t in fig_q5.texts))
    assert any((w in title for w in ('illustrat', '示例', '示意', '虚构', '假设', 'not data', '非数据'))), 'the title should say the shares are illustrative'
    assert any((t.get_text().strip() for t in fig_q5.texts)), 'no source note under the chart: charts.source_note(fig_q5, ...)'

