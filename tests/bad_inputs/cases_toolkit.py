"""Bad inputs for lesson 02 (the industrial-policy toolkit): what a student might type, and what they see."""

import pandas as pd

from cqlab.models import toolkit
from tests.bad_inputs import Case

_DATES = pd.date_range("2024-01-01", periods=40, freq="D")
_SERIES = pd.Series(range(40), index=_DATES, dtype=float)
_FIRMS = toolkit.simulate_firms(n=10, seed=1)

CASES = [
    Case("旬 of a series without dates", lambda: toolkit.to_xun(pd.Series([1.0, 2.0, 3.0])), "DatetimeIndex"),
    Case("旬 of a list instead of a Series", lambda: toolkit.to_xun([1.0, 2.0]), "pandas Series"),
    Case("a cadence pandas knows but the lesson does not", lambda: toolkit.periods(_SERIES, "year"), "cadence must be one of"),
    Case("旬 summed with an unknown method", lambda: toolkit.to_xun(_SERIES, how="median"), "how must be one of"),
    Case("negative noise", lambda: toolkit.simulate_daily(noise=-1), "at least 0"),
    Case("a shock date that is not a date", lambda: toolkit.simulate_daily(shock_start="May"), "month-day like '05-13'"),
    Case("a tax weight above 1", lambda: toolkit.classify(_FIRMS, tax_weight=1.5), "at most 1"),
    Case("cut-offs in the wrong order", lambda: toolkit.classify(_FIRMS, 0.0, (60, 40, 70)), "D <= C <= B"),
    Case("a firm with no land", lambda: toolkit.per_mu(_FIRMS.assign(land_mu=0.0)), "greater than 0 mu"),
    Case("a firms table without tax", lambda: toolkit.per_mu(_FIRMS.drop(columns="tax")), "missing: tax"),
    Case("up plus down above 1 on a rung", lambda: toolkit.ladder_matrix([0.3, 0.7, 0.1], [0, 0.4, 0]), "more than 1"),
    Case("a probability of 120%", lambda: toolkit.ladder_matrix([1.2, 0.2, 0.1], [0, 0, 0]), "at most 1"),
    Case("a bottom rung that falls", lambda: toolkit.ladder_matrix([0.3, 0.2], [0.1, 0.0]), "bottom rung"),
    Case("a transition row that does not sum to 1",
         lambda: toolkit.check_transition_matrix([[0.9, 0.2], [0, 1]], ["small", "listed"]), "row small sums to 1.1"),
    Case("a transition matrix that is not square", lambda: toolkit.check_transition_matrix([[0.5, 0.5]]), "square"),
    Case("a negative probability", lambda: toolkit.check_transition_matrix([[1.2, -0.2], [0, 1]]), "between 0 and 1"),
    Case("a rung nobody ever leaves", lambda: toolkit.fundamental_matrix([[1, 0], [0, 1]], [0]), "never be left"),
    Case("an up-probability too small to compute with (1e-300)",
         lambda: toolkit.expected_years_to_reach(toolkit.ladder_matrix([1e-300, 0.2, 0.1], [0, 0.05, 0.05])),
         "too small to compute with (the smallest is 1e-300)"),
    Case("an up-probability that rounds away (1e-17)",
         lambda: toolkit.absorption_probabilities(toolkit.ladder_matrix([1e-17], [0], [0.0]), [0]),
         "too small to compute with"),
    Case("an instrument type outside NATO",
         lambda: toolkit.instrument_counts(["产业大脑"], {"产业大脑": "subsidy"}), "must be one of"),
    Case("a sorting that forgets a building block",
         lambda: toolkit.instrument_counts(["产业大脑", "未来工厂"], {"产业大脑": "nodality"}), "missing: 未来工厂"),
]
CASES.append(Case("30 February as a shock date", lambda: toolkit.simulate_daily(shock_start="02-30"), "month-day"))
CASES.append(Case("firm counts from a list, not the macro table", lambda: toolkit.firm_counts([1, 2]), "Expected the 'macro' dataset"))

CASES += [
    Case("only two cut-offs", lambda: toolkit.classify(_FIRMS, cutoffs=(10, 40)), "three percentiles"),
    Case("cut-offs as text", lambda: toolkit.classify(_FIRMS, cutoffs="10,40,70"), "three percentiles"),
    Case("a negative seed", lambda: toolkit.simulate_firms(seed=-1), "at least 0"),
    Case("a million firms", lambda: toolkit.simulate_firms(n=10**6), "at most 10000"),
]

CASES += [
    Case("a periods table without days", lambda: toolkit.flag_periods(pd.DataFrame({"mean": [1.0]}), 100, 4),
         "columns 'mean' and 'days'"),
    Case("a z of zero", lambda: toolkit.flag_periods(toolkit.periods(_SERIES, "week"), 100, 4, z=0), "greater than 0"),
    Case("a cadence setting the summary does not know", lambda: toolkit.cadence_summary(nois=2.0), "Unknown setting"),
    Case("up, down and exit above 1 on a rung",
         lambda: toolkit.ladder_matrix([0.3, 0.5, 0.1], [0, 0.3, 0], [0.1, 0.3, 0.1]), "plus exit"),
    Case("one exit probability too few",
         lambda: toolkit.ladder_matrix([0.3, 0.2, 0.1], [0, 0.05, 0.05], [0.1, 0.05]), "one exit probability per rung"),
    Case("a transient state as the target of absorption",
         lambda: toolkit.expected_years_given_absorbed(toolkit.ladder_matrix([0.5], [0], [0.1]), [0], 0), "must be absorbing"),
]

# issue 15 sweep (bad-inputs-models): raw pandas/numpy errors, NaN passing through, fractions for percentiles
import numpy as _np  # noqa: E402

from tests.bad_inputs import warning_of  # noqa: E402

_M = toolkit.ladder_matrix([0.3, 0.2, 0.1], [0, 0.05, 0.05])
_GAP = _SERIES.copy()
_GAP.iloc[3] = _np.nan
_BAD_FIRMS = _FIRMS.assign(land_mu=_FIRMS["land_mu"].where(_FIRMS.index != 2, _np.nan))

CASES += [
    Case("no building blocks", lambda: toolkit.instrument_counts(None, {}), "components (building blocks) must be a list"),
    Case("numbers as building blocks", lambda: toolkit.instrument_counts([1, 2], {1: "nodality", 2: "treasure"}),
         "building block 1 must be text"),
    Case("text instead of dates for 旬", lambda: toolkit.xun_start("abc"), "dates must be a list of dates"),
    Case("a missing date for 旬", lambda: toolkit.xun_start(["2024-01-01", None]), "missing date"),
    Case("a 旬 end of a day that starts no 旬", lambda: toolkit.xun_end(["2024-01-05"]), "first days of a 旬"),
    Case("a daily series with a missing day", lambda: toolkit.to_xun(_GAP), "missing or infinite value"),
    Case("an empty daily series", lambda: toolkit.periods(_SERIES.iloc[0:0], "month"), "is empty"),
    Case("a table of periods with a NaN mean",
         lambda: toolkit.flag_periods(toolkit.periods(_SERIES, "week").assign(mean=_np.nan), 10, 1),
         "finite means"),
    Case("an empty shock date", lambda: toolkit.cadence_report(_SERIES, "month", 100, 4, "", 5, "2024-08-05"),
         "shock_start must be a date"),
    Case("no shock length", lambda: toolkit.cadence_report(_SERIES, "month", 100, 4, "2024-01-13", None, "2024-02-05"),
         "shock_days must be a whole number"),
    Case("a firm without land (NaN)", lambda: toolkit.per_mu(_BAD_FIRMS), "must hold finite numbers"),
    Case("an empty firms table", lambda: toolkit.classify(_FIRMS.iloc[0:0]), "empty table"),
    Case("cut-offs given as fractions", warning_of(lambda: toolkit.check_cutoffs(0.1, 0.4, 0.7)), "look like fractions"),
    Case("no transient states", lambda: toolkit.fundamental_matrix(_M, None), "transient (state indices) must be a list"),
    Case("state names for transient states", lambda: toolkit.fundamental_matrix(_M, ["a"]),
         "transient state must be a whole number"),
    Case("an empty list of transient states", lambda: toolkit.fundamental_matrix(_M, []), "at least one state index"),
    Case("every state transient", lambda: toolkit.absorption_probabilities(_M, [0, 1, 2, 3]), "must be absorbing"),
    Case("a transition matrix of 10**400", lambda: toolkit.check_transition_matrix(10**400), "must be a table of numbers"),
    Case("True for the state names", lambda: toolkit.check_transition_matrix(_M, True),
         "states (state names) must be a list"),
    Case("True for the firm-count indicators", lambda: toolkit.firm_counts(__import__("cqlab").data.load("macro"), True),
         "indicators must be a list"),
    Case("no firm-count indicators", lambda: toolkit.firm_counts(__import__("cqlab").data.load("macro"), []),
         "at least one indicator"),
]

# found by a deep property search (CQLAB_PROPERTY_EXAMPLES=1500): the message now names the state
CASES += [
    Case("the top rung (absorbing) listed as transient",
         lambda: toolkit.fundamental_matrix(_M, [3]), "State(s) [3] can never be left"),
]
