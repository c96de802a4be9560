from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="Draw bars on fig_q5 with ax_q5.bar(...), one per firm after the merger, and label the y-axis with the unit (%).")
def test_q5_parts(fig_q5):
    from matplotlib.figure import Figure
    assert isinstance(fig_q5, Figure), f'fig_q5 should be a matplotlib Figure; it is {type(fig_q5).__name__}.'
    assert fig_q5.axes and fig_q5.axes[0].patches, 'no bars on fig_q5 yet: draw them with ax_q5.bar(names, heights)'
    assert '%' in fig_q5.axes[0].get_ylabel(), f'the y label {fig_q5.axes[0].get_ylabel()!r} should name the unit, %'

@test_case(points=1.5, hidden=True)
def test_q5_bars(fig_q5):
    ax = fig_q5.axes[0]
    heights = sorted((p.get_height() for p in ax.patches))
    assert heights == sorted([35, 45, 10, 10]), f'bar heights {heights}'
    assert 'illustrative' in ax.get_title().lower(), 'the title should say the shares are illustrative'
    assert any((t.get_text().startswith('Source') for t in fig_q5.texts)), 'no source note'

