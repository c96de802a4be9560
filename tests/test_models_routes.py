"""Tests of cqlab.models.routes: generalised cost, break-even value of time, switches, period-safe sums."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cqlab.errors import CqlabInputError
from cqlab.models import routes as m

SLOW = m.Route("slow", "slow", "慢", days=30, cost=6_000)
MID = m.Route("mid", "mid", "中", days=18, cost=9_000)
FAST = m.Route("fast", "fast", "快", days=5, cost=20_000)
THREE = [SLOW, MID, FAST]


def test_generalised_cost_by_hand():
    # 6000 + 200 * 30 = 12000; at v = 600: 6000 + 600 * 30 = 24000
    assert m.generalised_cost(SLOW, 200) == pytest.approx(12_000)
    assert m.generalised_cost(SLOW, 600) == pytest.approx(24_000)


def test_break_even_by_hand():
    # (9000 - 6000) / (30 - 18) = 250 yuan per container-day; (20000 - 9000) / (18 - 5) = 846.15...
    assert m.break_even_value_of_time(SLOW, MID) == pytest.approx(250)
    assert m.break_even_value_of_time(MID, FAST) == pytest.approx(11_000 / 13)
    assert m.break_even_value_of_time(MID, SLOW) == pytest.approx(250)  # the order of the two does not matter
    assert m.break_even_value_of_time(SLOW, m.Route("x", "x", "x", 30, 1)) is None  # same days


def test_switches_of_three_routes():
    switches = m.switch_points(THREE)
    assert [(s.before.key, s.after.key) for s in switches] == [("slow", "mid"), ("mid", "fast")]
    assert switches[0].value_of_time == pytest.approx(250)
    assert switches[1].value_of_time == pytest.approx(11_000 / 13)


def test_a_route_that_never_wins_is_skipped():
    # the middle route is dear: slow -> fast directly at (20000 - 6000) / 25 = 560
    dear_mid = m.Route("mid", "mid", "中", days=18, cost=16_000)
    switches = m.switch_points([SLOW, dear_mid, FAST])
    assert [(s.before.key, s.after.key) for s in switches] == [("slow", "fast")]
    assert switches[0].value_of_time == pytest.approx(560)


def test_a_dominant_route_wins_at_any_value_of_time():
    cheap_fast = m.Route("cf", "cf", "cf", days=5, cost=1_000)
    assert m.switch_points([SLOW, cheap_fast]) == []
    for v in (0, 100, 10_000):
        assert m.best_route([SLOW, cheap_fast], v).key == "cf"


routes_strategy = st.lists(
    st.builds(
        lambda k, d, c: m.Route(f"r{k}", "r", "r", days=d, cost=c),
        st.integers(0, 10**6),
        st.integers(1, 60),
        st.integers(0, 50_000),
    ),
    min_size=2,
    max_size=4,
    unique_by=lambda r: r.key,
)


@settings(max_examples=200, deadline=None)
@given(routes_strategy)
def test_switch_points_agree_with_brute_force(routes):
    """At each analytic switch the two routes cost the same, and the brute-force winner changes there."""
    switches = m.switch_points(routes)
    values = [s.value_of_time for s in switches]
    assert values == sorted(values)
    for s in switches:
        gc_before = m.generalised_cost(s.before, s.value_of_time)
        gc_after = m.generalised_cost(s.after, s.value_of_time)
        assert gc_before == pytest.approx(gc_after, rel=1e-9, abs=1e-6)
        # both tie for the minimum there
        lowest = min(m.generalised_cost(r, s.value_of_time) for r in routes)
        assert gc_after == pytest.approx(lowest, rel=1e-9, abs=1e-6)
    # between and beyond switches the brute-force minimum is the route the switches predict
    probes = [0.0] + [v + 1e-3 for v in values]
    expected = [switches[0].before if switches else None] + [s.after for s in switches]
    for v, route in zip(probes, expected):
        if route is None:
            continue
        best = min(m.generalised_cost(r, v) for r in routes)
        assert m.generalised_cost(route, v) == pytest.approx(best, rel=1e-9, abs=1e-6)
    # far beyond the last switch the winner is a fastest route
    far = (values[-1] if values else 0) * 10 + 10**9
    assert m.best_route(routes, far).days == min(r.days for r in routes)


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 20_000), st.integers(0, 20_000), st.integers(1, 40), st.integers(1, 40))
def test_break_even_makes_costs_equal(c1, c2, d1, d2):
    assume(d1 != d2)
    a, b = m.Route("a", "a", "a", d1, c1), m.Route("b", "b", "b", d2, c2)
    v = m.break_even_value_of_time(a, b)
    if v >= 0:
        assert m.generalised_cost(a, v) == pytest.approx(m.generalised_cost(b, v), abs=1e-6)


def test_choose_route_reports_winner_and_costs():
    choice = m.choose_route(THREE, 500)
    assert choice.winner.key == "mid"  # between 250 and 846
    assert choice.costs["slow"] == pytest.approx(6_000 + 500 * 30)
    assert m.choose_route(THREE, 100).winner.key == "slow"
    assert m.choose_route(THREE, 1_000).winner.key == "fast"
    assert m.choose_route(THREE, 300).winner.key == "mid"  # just above the first switch, 250


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: m.generalised_cost(SLOW, -1), "value of time"),
        (lambda: m.mode_shares(THREE, 400, 0), "sigma of the log value of time must be greater than 0"),
        (lambda: m.Route("x", "x", "x", days=0, cost=1), "transit time"),
        (lambda: m.Route("x", "x", "x", days=3, cost=-1), "cost of route 'x'"),
        (lambda: m.switch_points([SLOW]), "at least two"),
    ],
)
def test_bad_route_inputs(call, fragment):
    with pytest.raises(CqlabInputError, match=fragment):
        call()


def test_default_routes_take_days_from_the_dataset():
    routes = m.default_routes()
    assert routes["river_sea"].days > routes["rail_sea"].days
    assert routes["rail_sea"].days_source.startswith("corridor_trade")
    assert routes["road"].days_source == "illustrative" and routes["road"].cost_source == "illustrative"


# --- period-safe arithmetic -------------------------------------------------------------------------


def row(value, period, period_type, unit="万标箱"):
    return {"value": value, "period": period, "period_type": period_type, "unit": unit}


@pytest.mark.parametrize(
    ("period", "kind", "span"),
    [
        ("2023", "full-year", "full year"),
        ("2023-01/2023-09", "partial-year", "Jan-Sep"),
        ("2023-H1", "partial-year", "Jan-Jun"),
        ("2025-Q1", "partial-year", "Jan-Mar"),
        ("2024-01-01/2024-08-02", "partial-year", "Jan 1-Aug 2"),
    ],
)
def test_period_span(period, kind, span):
    assert m.period_span(period, kind) == span


def test_total_of_full_years():
    assert m.total([row(11.2, "2021", "full-year"), row(15, "2022", "full-year")]) == pytest.approx(26.2)


def test_growth_of_like_with_like():
    assert m.growth(row(10, "2022-01/2022-09", "partial-year"), row(12, "2023-01/2023-09", "partial-year")) == (
        pytest.approx(0.2)
    )
    assert m.growth(row(7.8, "2023-H1", "partial-year"), row(9.0, "2024-01/2024-06", "partial-year")) == (
        pytest.approx(9.0 / 7.8 - 1)
    )


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: m.total([row(15, "2022", "full-year"), row(12.6, "2023-01/2023-09", "partial-year")]),
         "not full years: 2023-01/2023-09"),
        (lambda: m.total([row(473, "2023-09", "point-in-time")]), "not full years"),
        (lambda: m.growth(row(15, "2022", "full-year"), row(12.6, "2023-01/2023-09", "partial-year")),
         "different spans"),
        (lambda: m.growth(row(7.8, "2023-H1", "partial-year"), row(6.4, "2025-Q1", "partial-year")),
         "Jan-Jun"),
        (lambda: m.growth(row(393, "2022", "point-in-time"), row(473, "2023-09", "point-in-time")),
         "not a flow"),
        (lambda: m.total([row(11.2, "2021", "full-year"), row(1, "2022", "full-year", "亿元")]),
         "different units"),
        (lambda: m.total([]), "nothing to sum"),
    ],
)
def test_mixed_periods_are_refused(call, fragment):
    with pytest.raises(CqlabInputError, match=fragment):
        call()


def test_total_and_growth_accept_a_dataframe():
    import pandas as pd

    frame = pd.DataFrame([row(11.2, "2021", "full-year"), row(15, "2022", "full-year")])
    assert m.total(frame) == pytest.approx(26.2)


def test_growth_accepts_table_rows():
    import pandas as pd

    frame = pd.DataFrame([row(10, "2022-01/2022-10", "partial-year"), row(11, "2023-01/2023-10", "partial-year")])
    assert m.growth(frame.iloc[0], frame.iloc[1]) == pytest.approx(0.1)


# --- mode shares from a distribution of values of time across shippers --------------------------

def test_lognormal_cdf_by_hand():
    assert m.lognormal_cdf(400, 400, 0.8) == pytest.approx(0.5)  # the median
    assert m.lognormal_cdf(0, 400, 0.8) == 0.0
    # one sigma above the median in logs: Phi(1) = 0.8413...
    assert m.lognormal_cdf(400 * 2.718281828459045 ** 0.8, 400, 0.8) == pytest.approx(0.841344746, rel=1e-6)


def test_mode_shares_are_cdf_differences_at_the_switch_points():
    shares = m.mode_shares(THREE, 400, 0.8)
    v1, v2 = 250, 11_000 / 13
    assert shares["slow"] == pytest.approx(m.lognormal_cdf(v1, 400, 0.8))
    assert shares["mid"] == pytest.approx(m.lognormal_cdf(v2, 400, 0.8) - m.lognormal_cdf(v1, 400, 0.8))
    assert shares["fast"] == pytest.approx(1 - m.lognormal_cdf(v2, 400, 0.8))
    assert sum(shares.values()) == pytest.approx(1)


def test_a_route_that_never_wins_has_no_share():
    dear_mid = m.Route("mid", "mid", "中", days=18, cost=16_000)
    shares = m.mode_shares([SLOW, dear_mid, FAST], 400, 0.8)
    assert shares["mid"] == 0
    assert shares["slow"] == pytest.approx(m.lognormal_cdf(560, 400, 0.8))


def test_simulation_agrees_with_the_analytic_shares():
    analytic = m.mode_shares(THREE, 400, 0.8)
    simulated = m.simulated_mode_shares(THREE, 400, 0.8, shippers=200_000, seed=1)
    assert simulated == pytest.approx(analytic, abs=0.005)
    assert m.simulated_mode_shares(THREE, 400, 0.8, seed=1) == m.simulated_mode_shares(THREE, 400, 0.8, seed=1)


def test_a_narrow_spread_gives_the_median_shipper_s_route_to_almost_everyone():
    assert m.mode_shares(THREE, 400, 0.01)["mid"] == pytest.approx(1, abs=1e-6)


def test_mode_share_inputs_are_checked():
    with pytest.raises(CqlabInputError, match="sigma"):
        m.mode_shares(THREE, 400, 0)
    with pytest.raises(CqlabInputError, match="median value of time"):
        m.mode_shares(THREE, -1, 0.8)


def test_spans_are_shown_in_the_course_language_and_stay_english_keys():
    import cqlab

    assert m.period_span("2023-01/2023-09", "partial-year") == "Jan-Sep"
    try:
        cqlab.set_language("zh")
        assert m.period_span("2023-01/2023-09", "partial-year") == "Jan-Sep"  # the key compared by
        assert m.shown_span("Jan-Sep") == "1-9月"
        assert m.shown_span("Jan 1-Aug 2") == "1月1日-8月2日"
        assert m.shown_span("full year") == "全年"
        with pytest.raises(CqlabInputError, match="不能把.*全年.*1-9月"):
            m.growth({"period": "2022", "period_type": "full-year", "value": 1.0, "unit": "万"},
                          {"period": "2023-01/2023-09", "period_type": "partial-year", "value": 1.0, "unit": "万"})
    finally:
        cqlab.set_language("en")
    assert m.shown_span("Jan-Sep") == "Jan-Sep"
    import pandas as pd

    for wrong in (pd.DataFrame({"a": [1]}), None, ["Jan-Sep"]):
        with pytest.raises(CqlabInputError, match="span must be text"):
            m.shown_span(wrong)


# --- issue 15 (bad inputs) -------------------------------------------------------------------------------


def test_period_span_reads_every_flow_period_in_the_data_and_names_the_others():
    from cqlab import data

    for name in ("macro", "cluster_indicators", "corridor_trade", "district_gdp"):
        table = data.load(name)
        for period, kind in set(zip(table["period"].astype(str), table["period_type"])):
            if kind in ("full-year", "partial-year"):
                assert m.period_span(period, kind), (name, period)
            else:
                with pytest.raises(CqlabInputError, match="not a flow over a period|period type"):
                    m.period_span(period, kind)


def test_route_lists_rows_spans_and_the_simulation_are_checked_at_the_door():
    import pandas as pd

    routes = m.default_routes()
    for bad in (None, 3, "road", pd.DataFrame()):
        with pytest.raises(CqlabInputError, match="at least two Route objects"):
            m.switch_points(bad)
    with pytest.raises(CqlabInputError, match="its own key"):
        m.best_route([routes["road"], routes["road"]], 10)
    with pytest.raises(CqlabInputError, match="key of a route must be text"):
        m.Route(3, "a", "b", 5, 100)
    with pytest.raises(CqlabInputError, match="seed must be a whole number"):
        m.simulated_mode_shares(routes, 500, 1.0, 100, None)
    with pytest.raises(CqlabInputError, match="at most 1e\\+06"):
        m.simulated_mode_shares(routes, 500, 1.0, 10**7)
    with pytest.raises(CqlabInputError, match="covers more than a year"):
        m.period_span("2022-01/2023-01", "partial-year")
    assert m.period_span("2022-02/2023-01", "partial-year") == "Feb-Jan"  # twelve months still read
    with pytest.raises(CqlabInputError, match="span must be what period_span returns"):
        m.shown_span("Jan-Sept")
    with pytest.raises(CqlabInputError, match="rows must be a table or a list of rows"):
        m.total(5)
