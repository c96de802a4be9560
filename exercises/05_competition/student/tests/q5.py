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

