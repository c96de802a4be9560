"""Property tests for issue 15: every public function, fed arbitrary values, either returns a finite,
sensible result or raises cqlab's own error naming the bad value; never a raw library exception and
never a hang (the inputs' cost is bounded by the validators, so each example runs in milliseconds).
"""

from __future__ import annotations

import math
import numbers
import os
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cqlab import charts, data, glossary, i18n, units
from cqlab.errors import CqlabInputError, CqlabWarning
from cqlab.models import (
    accounting,
    bargaining,
    competition,
    growth,
    innovation,
    public_goods,
    routes,
    toolkit,
)

NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([0, 1, -1, 0.5, 2, 12, 100, 1e-9, 1e308, 10**12, 2023, 2027]),
)
ANYTHING = st.one_of(
    NUMBERS,
    st.text(max_size=6),
    st.none(),
    st.booleans(),
    st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=4),
    st.just(pd.DataFrame()),
)

_ROUTES = routes.default_routes()
_MACRO = data.load("macro")
_FIRMS = toolkit.simulate_firms(n=8, seed=1)

#: name -> (function, how many arguments to draw). Each is a public function a lesson or student calls.
FUNCTIONS = {
    "units.convert": (units.convert, 3),
    "units.to_ones": (units.to_ones, 2),
    "units.humanize": (units.humanize, 3),
    "units.scale_of": (units.scale_of, 1),
    "growth.cagr": (growth.cagr, 3),
    "growth.required_growth_rate": (growth.required_growth_rate, 4),
    "growth.project": (growth.project, 3),
    "growth.years_to_reach": (growth.years_to_reach, 3),
    "growth.annualise": (growth.annualise, 3),
    "growth.months_covered": (growth.months_covered, 1),
    "competition.hhi": (competition.hhi, 1),
    "competition.concentration_ratio": (competition.concentration_ratio, 2),
    "competition.merge": (competition.merge, 3),
    "competition.delta_hhi": (competition.delta_hhi, 2),
    "competition.classify_2023": (competition.classify_2023, 3),
    "competition.classify_2010": (competition.classify_2010, 2),
    "competition.notification_required": (competition.notification_required, 2),
    "competition.thresholds_from_table": (competition.thresholds_from_table, 2),
    "competition.cournot_linear": (competition.cournot_linear, 3),
    "competition.cournot_constant_elasticity": (competition.cournot_constant_elasticity, 3),
    "competition.lerner_from_hhi": (competition.lerner_from_hhi, 2),
    "routes.generalised_cost": (lambda v: routes.generalised_cost(_ROUTES["road"], v), 1),
    "routes.generalised_cost(any route)": (routes.generalised_cost, 2),
    "routes.break_even_value_of_time": (routes.break_even_value_of_time, 2),
    "routes.choose_route": (lambda v: routes.choose_route(_ROUTES, v), 1),
    "routes.mode_shares": (lambda m, s: routes.mode_shares(_ROUTES, m, s), 2),
    "routes.period_span": (routes.period_span, 2),
    "bargaining.nash_bargaining": (bargaining.nash_bargaining, 4),
    "bargaining.nash_product": (bargaining.nash_product, 5),
    "bargaining.outside_option_wage": (bargaining.outside_option_wage, 5),
    "bargaining.rubinstein_share": (bargaining.rubinstein_share, 2),
    "bargaining.rubinstein_limit_share": (bargaining.rubinstein_limit_share, 3),
    "public_goods.payoffs": (public_goods.payoffs, 4),
    "public_goods.analyse": (public_goods.analyse, 4),
    "public_goods.payoff_curves": (public_goods.payoff_curves, 5),
    "public_goods.required_reward": (public_goods.required_reward, 2),
    "public_goods.group_payoff": (public_goods.group_payoff, 4),
    "toolkit.simulate_firms": (toolkit.simulate_firms, 2),
    "toolkit.classify": (lambda w, c: toolkit.classify(_FIRMS, w, c), 2),
    "toolkit.ladder_matrix": (toolkit.ladder_matrix, 2),
    "toolkit.check_cutoffs": (toolkit.check_cutoffs, 3),
    "innovation.convert_unit": (innovation.convert_unit, 3),
    "innovation.observations": (innovation.observations, 2),
    "accounting.account": (accounting.account, 3),
    "data.load": (data.load, 1),
    "data.value(macro)": (lambda i, y: data.value("macro", indicator=i, year=y), 2),
    "glossary.lookup": (glossary.lookup, 1),
    "glossary.search": (glossary.search, 1),
    "i18n.set_language": (i18n.set_language, 1),
    "glossary.search(lesson)": (glossary.search, 2),
    "charts.axis_unit": (charts.axis_unit, 2),
    # bi-widgets: the language of a label, a figure's grid, the widgets' name helpers
    "i18n.label(language)": (lambda language: i18n.label("a", "甲", language), 1),
    "charts.new_figure": (lambda r, c: charts.new_figure(r, c, (2, 2)), 2),
}

# --- added by bad-inputs-data: data filters of every kind, tables' options, humanize's language ---
from cqlab import tables  # noqa: E402

_TABLE = pd.DataFrame({"year": [2022, 2023], "value": [1.5, 2.0], "indicator": ["GDP", "GDP"]})
FUNCTIONS.update({
    "data.row(pwt_china, year=)": (lambda y: data.row("pwt_china", year=y), 1),
    "data.value(glossary-like text filter)": (lambda f: data.value("source_facts", fact_id=f), 1),
    "units.humanize(language)": (lambda n, lang: units.humanize(n, language=lang), 2),
    "tables.to_text": (lambda c, f, i: tables.to_text(_TABLE, caption=c, formats=f, index=i), 3),
    "tables.to_html(frame, labels)": (lambda t, lab: tables.to_html(t, labels=lab), 2),
    "tables.displayed": (tables.displayed, 1),
})

# --- added by bad-inputs-models: the rest of cqlab.models, and the arguments the entries above keep fixed ---
_PWT = data.load("pwt_china")
_OBS = innovation.observations(_MACRO, "high-tech enterprises", unit="家")
_DAILY = toolkit.simulate_daily()
_LADDER = toolkit.ladder_matrix([0.3, 0.2, 0.1], [0, 0.05, 0.05])
FUNCTIONS.update({
    "accounting.first_year_with": (lambda c: accounting.first_year_with(_PWT, c), 1),
    "accounting.sub_periods": (accounting.sub_periods, 2),
    "accounting.accounting_table": (accounting.accounting_table, 1),
    "accounting.account(years, share)": (lambda s, e, w: accounting.account(_PWT, s, e, "persons", w), 3),
    "bargaining.nash_product(w)": (lambda w: bargaining.nash_product(w, 100, 0.5, 20, 10), 1),
    "competition.merger_effect": (competition.merger_effect, 3),
    "competition.notification_required(thresholds)": (
        lambda v, t: competition.notification_required([(150, 30), (60, 12)], v, t), 2),
    "growth.required_path": (growth.required_path, 4),
    "growth.check_against_path": (growth.check_against_path, 6),
    "innovation.status_of": (innovation.status_of, 2),
    "innovation.stated_growth": (innovation.stated_growth, 1),
    "innovation.shown": (innovation.shown, 1),
    "innovation.observations(filters)": (
        lambda u, c, s: innovation.observations(_MACRO, "GDP", unit=u, cluster_cn=c, scope=s), 3),
    "innovation.check_target(texts)": (lambda t, y, q, a: innovation.check_target(
        _OBS, t, y, target_qualifier=q, series_scope=a), 4),
    "innovation.check_target(obs)": (lambda o: innovation.check_target(o, 1e5, 2027), 1),
    "innovation.target_row": (innovation.target_row, 2),
    "public_goods.payoffs(contributions)": (lambda c: public_goods.payoffs(c, 2, 10), 1),
    "routes.Route": (lambda k, d, c: routes.Route(k, "a", "b", d, c), 3),
    "routes.simulated_mode_shares": (lambda n, s: routes.simulated_mode_shares(_ROUTES, 500, 1.0, n, s), 2),
    "routes.shown_span": (routes.shown_span, 1),
    "routes.total": (routes.total, 1),
    "routes.switch_points": (routes.switch_points, 1),
    "routes.sourced_days": (routes.sourced_days, 1),
    "toolkit.instrument_counts": (toolkit.instrument_counts, 2),
    "toolkit.xun_start": (toolkit.xun_start, 1),
    "toolkit.periods": (toolkit.periods, 2),
    "toolkit.cadence_report(dates)": (
        lambda a, n, b: toolkit.cadence_report(_DAILY, "month", 100, 4, a, n, b), 3),
    "toolkit.per_mu": (toolkit.per_mu, 1),
    "toolkit.fundamental_matrix": (lambda t: toolkit.fundamental_matrix(_LADDER, t), 1),
    "toolkit.check_transition_matrix": (toolkit.check_transition_matrix, 2),
    "toolkit.distribution_over_time": (lambda y, s: toolkit.distribution_over_time(_LADDER, y, s), 2),
    "toolkit.simulate_ladder": (lambda s, f, y: toolkit.simulate_ladder(_LADDER, s, f, 1, y), 3),
    "toolkit.firm_counts": (lambda i: toolkit.firm_counts(_MACRO, i), 1),
})


def _fragments(value) -> list[str]:
    """The ways a message may quote a value: repr, str, short number forms; for a list, each item."""
    if isinstance(value, pd.DataFrame):  # a table is named by what it lacks, not quoted whole
        return ["table", "column", "DataFrame"]
    out = [repr(value)[:20], str(value)[:20], type(value).__name__]
    if isinstance(value, str) and value.strip():  # cqlab strips the text it is given (a blank is quoted raw)
        out += [repr(value.strip())[:20], value.strip()[:20]]
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        try:
            number = float(value)
            out += [f"{number:g}", str(number), repr(number)[:12]]
        except OverflowError:
            pass
    if isinstance(value, (list, tuple)):
        for item in value:
            out += _fragments(item)
    return [f for f in out if f]


#: examples per function; CQLAB_PROPERTY_EXAMPLES=2000 for a deep search before a release (about 20 min)
EXAMPLES = int(os.environ.get("CQLAB_PROPERTY_EXAMPLES", "40"))


def _finite(result) -> bool:
    """A sensible result holds no NaN or infinity (a years_to_reach of inf is its documented 'never')."""
    if isinstance(result, numbers.Real) and not isinstance(result, bool):
        return math.isfinite(result)
    if isinstance(result, np.ndarray) and result.dtype.kind == "f":
        return bool(np.isfinite(result).all())
    if isinstance(result, tuple):
        return all(_finite(r) for r in result)
    return True


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(data_=st.data())
def test_arbitrary_values_get_a_result_or_cqlabs_own_error(name, data_):
    function, arity = FUNCTIONS[name]
    args = [data_.draw(ANYTHING, label=f"argument {k + 1}") for k in range(arity)]
    language = i18n.get_language()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CqlabWarning)
            result = function(*args)
    except CqlabInputError as error:
        message = str(error)
        assert message and "Traceback" not in message and len(message) < 600
        assert any(fragment in message for arg in args for fragment in _fragments(arg)), (
            f"{name}{tuple(args)!r}: the message does not quote the value given: {message!r}"
        )
        return
    finally:
        i18n.set_language(language)
    if name != "growth.years_to_reach":
        assert _finite(result), f"{name}{tuple(args)!r} returned a non-finite result {result!r}"


@settings(max_examples=60)
@given(st.floats(min_value=-9e14, max_value=9e14, allow_nan=False), st.sampled_from(["en", "zh"]),
       st.integers(min_value=1, max_value=6))
def test_humanize_never_shows_a_thousand_of_a_unit(number, language, digits):
    text = units.humanize(number, language=language, digits=digits)
    head = text.split("×")[0]  # a power of ten (tiny numbers) follows the mantissa
    shown = float(head.split()[0] if language == "en" else "".join(c for c in head if c in "-.0123456789"))
    assert abs(shown) < 1000 or (language == "zh" and abs(shown) < 10000), text


@settings(max_examples=80)
@given(st.one_of(st.floats(min_value=-9e14, max_value=9e14, allow_nan=False), st.integers(-10**15, 10**15)),
       st.sampled_from(["en", "zh"]), st.integers(min_value=1, max_value=6))
def test_humanize_writes_plain_digits_that_read_back_as_the_number(number, language, digits):
    """No '1e+02 million': the text reads as a plain number (or a ×10^ power) that, times its unit,
    is the number rounded to the digits asked for."""
    text = units.humanize(number, language=language, digits=digits)
    assert "e+" not in text and "e-" not in text, text
    words = dict(units.ENGLISH_STEPS if language == "en" else units.CHINESE_STEPS)
    sizes = {word: size for size, word in words.items()}
    head, unit = (text.split(" ", 1) + [""])[:2] if language == "en" else (
        text.rstrip("万亿"), text[len(text.rstrip("万亿")):])
    mantissa, _, power = head.replace(",", "").partition("×10^")
    shown = float(mantissa) * (10.0 ** int(power) if power else 1.0) * sizes.get(unit, 1.0)
    expected = float(f"{number:.{digits}g}")
    assert shown == pytest.approx(expected, rel=10.0 ** (1 - digits), abs=1e-12), (number, digits, text)


def test_every_indicator_works_with_observations_and_check_target():
    """Every indicator of the long tables (except yearless ones) gives observations in one unit."""
    checked = 0
    for name in ("macro", "cluster_indicators", "corridor_trade"):
        table = data.load(name)
        observed = table[(table["period_type"] != "target") & table["year"].notna()]
        for indicator in sorted(set(observed["indicator"])):
            obs = innovation.observations(table, indicator)
            assert obs["value"].notna().all() and np.isfinite(obs["value"]).all(), indicator
            assert obs["unit"].nunique() == 1 and 1 <= obs["months"].min() <= obs["months"].max() <= 12
            checked += 1
            last = obs[obs["status"] != "expectation"]
            if not last.empty and float(last["value"].iloc[-1]) > 0:
                check = innovation.check_target(obs, float(last["value"].iloc[-1]) * 2, int(last["year"].iloc[-1]) + 5)
                assert math.isfinite(check.required) and len(check.required_path()) == 6
    assert checked >= 30


def test_every_period_in_the_data_is_read_by_months_covered_and_period_span():
    for name in ("macro", "cluster_indicators", "corridor_trade", "district_gdp"):
        table = data.load(name)
        for period in table.loc[table["period_type"] == "partial-year", "period"].dropna().unique():
            assert 1 <= growth.months_covered(period) <= 12, period
            assert routes.period_span(period, "partial-year"), period
