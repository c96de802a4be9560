"""Bad arguments to the widgets' constructors and bad values set on their choice controls.

A slider clamps an out-of-range value without a word and traitlets says "Invalid selection: value not
found"; the widgets answer with the same validators and messages as the model functions instead.
"""

from cqlab.widgets.bargaining import BargainingWidget
from cqlab.widgets.competition import MergerHHIWidget, NotificationWidget
from cqlab.widgets.public_goods import PublicGoodsWidget
from cqlab.widgets.routes import RouteChoiceWidget
from cqlab.widgets.start import LanguageChartWidget
from cqlab.widgets.toolkit import CadenceWidget, LadderWidget, MuRankingWidget
from tests.bad_inputs import Case


def _set(widget_class, control, value):
    """Build a widget, then set one of its controls as a student's code would."""
    widget = widget_class()
    widget.controls[control].value = value


CASES = [
    Case("a spread beyond the slider", lambda: RouteChoiceWidget(sigma=5), "at most 2"),
    Case("a negative value of time for the widget", lambda: RouteChoiceWidget(value_of_time=-5), "at least 0"),
    Case("a cadence with a capital letter", lambda: CadenceWidget(cadence="Week"), "got 'Week'"),
    Case("noise beyond the slider", lambda: CadenceWidget(noise=50), "at most 12"),
    Case("setting the language control to 'fr'", lambda: _set(LanguageChartWidget, "language", "fr"),
         "must be one of 'en', 'zh'; got 'fr'"),
    Case("two shares for a five-firm widget", lambda: MergerHHIWidget(shares=(30, 20)), "must list 5 percentages"),
    Case("a merging pair of one firm", lambda: MergerHHIWidget(pair=(2, 2)), "two different firms"),
    Case("shares above 100% for the widget", lambda: MergerHHIWidget(shares=(50, 30, 20, 10, 5)), "at most 100%"),
    Case("four parties for the notification widget", lambda: NotificationWidget(parties=4), "got 4"),
    Case("β = 2 for the bargaining widget", lambda: BargainingWidget(beta=2), "beta must be at most 1"),
    Case("a group of 100 for the village widget", lambda: PublicGoodsWidget(group_size=100), "at most 40"),
    Case("a group of one for the village widget", lambda: PublicGoodsWidget(group_size=1), "at least 2"),
    Case("two cut-offs for the ranking widget", lambda: MuRankingWidget(cutoffs=(10, 40)),
         "three percentiles"),
    Case("an unknown ladder", lambda: LadderWidget(ladder="giants"), "got 'giants'"),
    Case("a probability above 1 on the ladder", lambda: LadderWidget(up=(1.5, 0.2, 0.1)), "at most 1"),
    Case("a ladder step too unlikely to compute with", lambda: LadderWidget(up=(1e-300, 0.2, 0.1)),
         "too small to compute with"),
    Case("100 years on the ladder", lambda: LadderWidget(years=100), "at most 40"),
]


def _set_attr(widget_class, control, attr, value):
    """Build a widget, then set one attribute (value, index, label, options) of one of its controls."""
    widget = widget_class()
    setattr(widget.controls[control], attr, value)


# the controls a student can set after construction (issue 15): never clamped, cast or left to traitlets
CASES += [
    Case("β set to 2 on the slider after construction", lambda: _set(BargainingWidget, "beta", 2),
         "must be at most 1; got 2"),
    Case("a slider set to text", lambda: _set(BargainingWidget, "beta", "0.5"), "must be a number; got '0.5'"),
    Case("a slider set to True", lambda: _set(PublicGoodsWidget, "reward", True), "must be a number; got True"),
    Case("an integer slider set to 10.5", lambda: _set(PublicGoodsWidget, "group_size", 10.5),
         "must be a whole number; got 10.5"),
    Case("a number box set to NaN", lambda: _set(NotificationWidget, "world_a", float("nan")), "not nan"),
    Case("a choice set to None", lambda: _set(CadenceWidget, "cadence", None), "got None"),
    Case("a choice given an array", lambda: _set(LanguageChartWidget, "language", __import__("numpy").array([1, 2])),
         "must be one of 'en', 'zh'"),
    Case("a choice's index out of range", lambda: _set_attr(LanguageChartWidget, "language", "index", 99),
         "index must be at most 1; got 99"),
    Case("a choice's label unknown", lambda: _set_attr(LanguageChartWidget, "language", "label", "French"),
         "got 'French'"),
    Case("a choice's options replaced by junk", lambda: _set_attr(NotificationWidget, "parties", "options", ["junk"]),
         "options of parties"),
    Case("True for a firm index", lambda: _set(MergerHHIWidget, "first", True), "got True (bool)"),
    # constructor arguments
    Case("junk thresholds for the notification widget", lambda: NotificationWidget(thresholds="abc"),
         "thresholds must be None"),
    Case("a fractional value of time for a whole-yuan slider", lambda: RouteChoiceWidget(value_of_time=400.7),
         "must be a whole number; got 400.7"),
    Case("cut-offs given as fractions to the ranking widget", lambda: MuRankingWidget(cutoffs=(0.1, 0.4, 0.7)),
         "must be a whole number; got 0.1"),
]
