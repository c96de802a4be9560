"""Bad inputs for lesson 04's innovation targets."""

from cqlab import data
from cqlab.models import innovation
from cqlab.widgets.innovation import compare
from tests.bad_inputs import Case


def _firms():
    return innovation.observations(data.load("macro"), "high-tech enterprises", unit="家")


CASES = [
    Case("an indicator name with a typo", lambda: innovation.observations(data.load("macro"), "high-tech enterprise"),
         "Did you mean"),
    Case("a target year before the baseline", lambda: innovation.check_target(_firms(), 10000, 2020),
         "target year must come after the baseline year"),
    Case("a negative target", lambda: innovation.check_target(_firms(), -1, 2027), "target must be greater than 0"),
    Case("converting firms into yuan", lambda: innovation.convert_unit(1.1, "万家", "亿元"),
         "measure different things"),
    Case("an unknown comparison", lambda: compare("rd_everything"), "comparison must be one of"),
    Case("a target typed as text", lambda: compare("hte_custom", custom_target="9000"),
         "your target must be a number"),
    Case("annualise method misspelt", lambda: innovation.check_target(_firms(), 9000, 2027, annualise_method="scale"),
         "annualise method must be one of"),
    Case("include_expectations as text", lambda: innovation.check_target(_firms(), 9000, 2027,
                                                                           include_expectations="yes"),
         "include_expectations must be True or False"),
]

CASES += [
    Case("a target year a billion years away", lambda: innovation.check_target(_firms(), 1e5, 10**9), "at most 9999"),
    Case("a target year 600 years on", lambda: innovation.check_target(_firms(), 1e5, 2600), "at most 500"),
    Case("an infinite target", lambda: innovation.check_target(_firms(), float("inf"), 2027), "not inf"),
]

# issue 15 sweep (bad-inputs-models): raw pandas errors, a misleading message, mixed series, texts unchecked
import numpy as _np  # noqa: E402

from tests.bad_inputs import warning_of  # noqa: E402


def _with_nan_value():
    table = data.load("macro")
    rows = table.index[table["indicator"] == "high-tech enterprises"]
    table.loc[rows[0], "value"] = float("nan")
    return table


CASES += [
    Case("a list for the indicator", lambda: innovation.observations(data.load("macro"), ["GDP"]),
         "indicator must be text"),
    Case("an indicator that has only targets",
         lambda: innovation.observations(data.load("cluster_indicators"), "R&D input of above-scale industrial firms"),
         "has only targets"),
    Case("imports+exports of all trade and of trade with ASEAN in one series",
         warning_of(lambda: innovation.observations(data.load("corridor_trade"), "imports+exports")),
         "cover several scope values"),
    Case("a missing value in the data", lambda: innovation.observations(_with_nan_value(), "high-tech enterprises"),
         "must be a finite number"),
    Case("an array for the series scope",
         lambda: innovation.check_target(_firms(), 1e5, 2027, series_scope=_np.array(["a", "b"])),
         "series_scope must be text"),
    Case("a list for the target qualifier",
         lambda: innovation.check_target(_firms(), 1e5, 2027, target_qualifier=["more than"]),
         "target_qualifier must be text"),
    Case("an unknown target qualifier", lambda: innovation.check_target(_firms(), 1e5, 2027, target_qualifier="roughly"),
         "target_qualifier must be one of"),
    Case("a list instead of observations", lambda: innovation.check_target([1, 2], 1e5, 2027),
         "obs (observations) must be a table"),
    Case("a target 7977 years away (its path would exhaust the memory)",
         lambda: innovation.check_target(_firms(), 1e5, 9999), "at most 500 years"),
    Case("a period type with a space", lambda: innovation.status_of("full year"), "period_type must be one of"),
    Case("NaN to show as a scope", lambda: innovation.shown(float("nan")), "(English, Chinese) pair"),
    Case("a list for a target row's indicator", lambda: innovation.target_row("cluster_indicators", ["x"]),
         "indicator must be text"),
    Case("a number for a quote", lambda: innovation.stated_growth(5), "quote must be one cell's text"),
]

CASES += [
    Case("an indicator of only spaces", lambda: innovation.observations(data.load("macro"), "   "),
         "indicator must not be blank"),
]
