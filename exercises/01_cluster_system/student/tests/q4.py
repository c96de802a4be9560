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

