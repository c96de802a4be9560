"""Lesson 02's models: instrument counts, 旬 and cadences, 亩均 classes, the enterprise ladder.

Expected values are computed independently: by hand, by a loop instead of pandas grouping, by a
closed formula (geometric waiting times), or by Monte Carlo simulation.
"""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cqlab.errors import CqlabInputError
from cqlab.models import toolkit

# ---------------------------------------------------------------- instrument types


def test_instrument_counts_counts_every_type_including_zero():
    counts = toolkit.instrument_counts(["a", "b", "c"], {"a": "nodality", "b": "nodality", "c": "treasure"})
    assert counts.to_dict() == {"nodality": 2, "authority": 0, "treasure": 1, "organisation": 0}


def test_instrument_counts_rejects_unknown_type_and_missing_block():
    with pytest.raises(CqlabInputError, match="instrument type of b"):
        toolkit.instrument_counts(["a", "b"], {"a": "nodality", "b": "money"})
    with pytest.raises(CqlabInputError, match="missing: b"):
        toolkit.instrument_counts(["a", "b"], {"a": "nodality"})


# ---------------------------------------------------------------- 旬 and cadences


def _xun_by_loop(series):
    """Group by hand: day 1-10 -> 1st, 11-20 -> 11th, 21+ -> 21st."""
    groups = {}
    for date, value in series.items():
        day = 1 if date.day <= 10 else 11 if date.day <= 20 else 21
        groups.setdefault(pd.Timestamp(date.year, date.month, day), []).append(value)
    return {key: (np.mean(v), len(v)) for key, v in groups.items()}


def test_to_xun_matches_a_hand_loop_including_february_and_31_day_months():
    dates = pd.date_range("2024-01-01", "2024-03-31", freq="D")
    series = pd.Series(np.arange(len(dates), dtype=float) ** 1.5, index=dates)
    result = toolkit.to_xun(series)
    expected = _xun_by_loop(series)
    assert len(result) == 9  # three months, three 旬 each
    for start, value in result.items():
        assert value == pytest.approx(expected[start][0])
    assert expected[pd.Timestamp("2024-02-21")][1] == 9  # leap-year February: 21-29
    assert expected[pd.Timestamp("2024-01-21")][1] == 11
    assert toolkit.to_xun(series, how="sum")[pd.Timestamp("2024-01-01")] == pytest.approx(series.iloc[:10].sum())


def test_to_xun_rejects_a_series_without_dates():
    with pytest.raises(CqlabInputError, match="DatetimeIndex"):
        toolkit.to_xun(pd.Series([1.0, 2.0]))


@settings(max_examples=30, deadline=None)
@given(st.dates(min_value=pd.Timestamp("2000-01-01").date(), max_value=pd.Timestamp("2030-12-31").date()))
def test_every_day_lies_inside_its_xun(day):
    start = toolkit.xun_start([day])[0]
    end = toolkit.xun_end([start])[0]
    assert start <= pd.Timestamp(day) <= end
    assert start.day in (1, 11, 21) and start.month == day.month
    assert 8 <= (end - start).days + 1 <= 11


def test_periods_cover_the_year_once_for_each_cadence():
    series = toolkit.simulate_daily(noise=0.0, shock_size=0.0, step_size=0.0)
    for cadence, count in [("week", None), ("xun", 36), ("month", 12), ("quarter", 4)]:
        table = toolkit.periods(series, cadence)
        assert table["days"].sum() == len(series)
        if count:
            assert len(table) == count
        assert ((table["end"] - table["start"]).dt.days + 1 >= table["days"]).all()
    weeks = toolkit.periods(series, "week")
    assert (weeks["start"].dt.day_of_week == 0).all()  # Mondays


def test_a_shock_is_averaged_down_by_days_in_shock_over_days_in_period():
    # no noise: a 5-day shock of -10 inside one month shows as -10 * 5 / 31 in May
    series = toolkit.simulate_daily(noise=0.0, shock_start="05-13", shock_days=5, shock_size=-10.0, step_size=0.0)
    month = toolkit.aggregate(series, "month")
    assert month[pd.Timestamp("2024-05-01")] == pytest.approx(100 - 10 * 5 / 31)
    quarter = toolkit.aggregate(series, "quarter")
    assert quarter[pd.Timestamp("2024-04-01")] == pytest.approx(100 - 10 * 5 / 91)
    xun = toolkit.to_xun(series)
    assert xun[pd.Timestamp("2024-05-11")] == pytest.approx(100 - 10 * 5 / 10)


def test_cadence_report_lag_is_the_end_of_the_first_period_holding_the_change():
    # no noise, step of +3 on Monday 5 August 2024: every cadence flags its first period with the step
    series = toolkit.simulate_daily(noise=0.0, shock_size=0.0, step_start="08-05", step_size=3.0)
    lags = {c: toolkit.cadence_report(series, c, 100, 1.0, "2024-05-13", 5, "2024-08-05")["lag_days"]
            for c in toolkit.CADENCES}
    # by hand: week ends Sun 11 Aug (6 days); 旬 1-10 Aug ends 10 Aug (5); month 31 Aug (26); Q3 30 Sep (56)
    assert lags == {"week": 6, "xun": 5, "month": 26, "quarter": 56}


def test_cadence_report_shock_shrinks_with_longer_periods_and_noise_hides_it():
    series = toolkit.simulate_daily(noise=0.0, shock_size=-12.0, shock_days=5, step_size=0.0)
    seen = [toolkit.cadence_report(series, c, 100, 0.1, "2024-05-13", 5, "2024-08-05")["shock_seen"]
            for c in toolkit.CADENCES]
    assert seen == sorted(seen)  # week most negative, quarter least
    assert seen[-1] == pytest.approx(-12 * 5 / 91)
    noisy = toolkit.simulate_daily(noise=12.0, shock_size=-2.0, shock_days=2, step_size=0.0)
    report = toolkit.cadence_report(noisy, "quarter", 100, 12.0, "2024-05-13", 2, "2024-08-05")
    assert not report["shock_detected"]


def test_false_alarms_count_flagged_quiet_periods_only():
    # no noise: nothing is flagged by chance; then push one quiet week (19-25 Feb) up by hand
    series = toolkit.simulate_daily(noise=0.0, shock_size=-12.0, shock_days=5, step_size=3.0)
    args = ("week", 100, 1.0, "2024-05-13", 5, "2024-08-05")
    report = toolkit.cadence_report(series, *args)
    # by hand: Monday 1 Jan to Monday 5 Aug is 31 whole weeks; the week of 13 May holds the shock
    assert report["quiet_periods"] == (pd.Timestamp("2024-08-05") - pd.Timestamp("2024-01-01")).days // 7 - 1
    assert report["false_alarms"] == 0
    bumped = series.copy()
    bumped["2024-02-19":"2024-02-25"] += 5.0
    assert toolkit.cadence_report(bumped, *args)["false_alarms"] == 1
    # the shock week and the weeks after the change are flagged, but they are not false alarms
    assert report["table"]["flag"].sum() > 0


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.floats(0.5, 12.0), st.floats(0.5, 12.0))
def test_false_alarms_do_not_depend_on_the_noise_level(seed, noise_a, noise_b):
    # the threshold grows with the noise, so the same standard-normal draws give the same false alarms
    def alarms(noise):
        series = toolkit.simulate_daily(seed=seed, noise=noise, shock_size=-12.0, step_size=3.0)
        return toolkit.cadence_report(series, "xun", 100, noise, "2024-05-13", 5, "2024-08-05")["false_alarms"]

    assert alarms(noise_a) == alarms(noise_b)


def test_simulation_is_reproducible_and_seed_dependent():
    a, b = toolkit.simulate_daily(), toolkit.simulate_daily()
    assert a.equals(b)
    assert not a.equals(toolkit.simulate_daily(seed=1))
    assert len(a) == 366  # 2024 is a leap year


def test_flag_rule_by_hand_threshold_shrinks_with_the_square_root_of_days():
    table = pd.DataFrame({"mean": [100.0, 103.0, 97.5, 101.0], "days": [1, 4, 9, 16]})
    flagged = toolkit.flag_periods(table, baseline=100, noise=4, z=2)
    # thresholds 2 * 4 / sqrt(n): 8, 4, 8/3, 2
    assert flagged["threshold"].tolist() == pytest.approx([8, 4, 8 / 3, 2])
    assert flagged["flag"].tolist() == [False, False, False, False]
    assert toolkit.flag_periods(table, 100, 4, z=1)["flag"].tolist() == [False, True, True, False]
    assert "flag" not in table  # a copy, not the caller's table


def test_cadence_report_flags_exactly_what_the_rule_flags():
    r = toolkit.cadence_result("month", **toolkit.CADENCE_DEFAULTS)
    table = r["table"]
    by_hand = (table["mean"] - 100).abs() > 2 * 4 / np.sqrt(table["days"])
    assert (table["flag"] == by_hand).all()


def test_cadence_summary_one_row_per_cadence_matches_each_report():
    table = toolkit.cadence_summary()
    assert table["cadence"].tolist() == [en for en, _ in toolkit.CADENCES.values()]
    for row, cadence in zip(table.itertuples(index=False), toolkit.CADENCES):
        r = toolkit.cadence_result(cadence, **toolkit.CADENCE_DEFAULTS)
        assert row[1] == len(r["table"]) and row[5] == r["lag_days"] and row[7] == r["false_alarms"]
    assert table["periods in the year"].tolist() == [53, 36, 12, 4]  # 2024 starts on a Monday
    # a stricter rule flags fewer quiet weeks
    strict = toolkit.cadence_summary(z=3.0)
    assert strict.loc[0, "false alarms"] <= table.loc[0, "false alarms"]


# ---------------------------------------------------------------- 亩均


def _firms():
    return pd.DataFrame({"firm": ["p", "q", "r", "s"], "land_mu": [10.0, 20.0, 5.0, 40.0],
                         "output": [1000.0, 4000.0, 200.0, 2000.0], "tax": [100.0, 40.0, 30.0, 400.0]})


def test_per_mu_by_hand():
    table = toolkit.per_mu(_firms())
    assert table["output_per_mu"].tolist() == [100.0, 200.0, 40.0, 50.0]
    assert table["tax_per_mu"].tolist() == [10.0, 2.0, 6.0, 10.0]


def test_classes_by_output_and_by_tax_differ_as_worked_by_hand():
    # output per mu ranks q > p > s > r ; percentile ranks 0.75, 1.0, 0.25, 0.5 (p, q, r, s)
    by_output = toolkit.classify(_firms(), 0.0, (30, 60, 90)).set_index("firm")["class"]
    assert by_output.to_dict() == {"q": "A", "p": "B", "s": "C", "r": "D"}
    # tax per mu: p and s tie at 10 (rank 0.875), r 6 (0.5), q 2 (0.25)
    by_tax = toolkit.classify(_firms(), 1.0, (30, 60, 90)).set_index("firm")["class"]
    assert by_tax.to_dict() == {"p": "B", "s": "B", "r": "C", "q": "D"}
    assert toolkit.count_changed(_firms(), 1.0, (30, 60, 90)) == 3  # q, r, s change; p stays B


def test_cutoffs_must_rise():
    with pytest.raises(CqlabInputError, match="D <= C <= B"):
        toolkit.classify(_firms(), 0.0, (50, 40, 70))


@settings(max_examples=25, deadline=None)
@given(st.floats(0, 1), st.integers(0, 100), st.integers(0, 100), st.integers(0, 100))
def test_every_firm_gets_one_class_and_changes_match_the_crosstab(weight, a, b, c):
    d_cut, c_cut, b_cut = sorted([a, b, c])
    firms = toolkit.simulate_firms(n=30, seed=3)
    table = toolkit.classify(firms, weight, (d_cut, c_cut, b_cut))
    assert len(table) == 30 and table["class"].isin(toolkit.CLASSES).all()
    base = toolkit.classify(firms, 0.0, (d_cut, c_cut, b_cut)).set_index("firm")["class"]
    moved = (table.set_index("firm")["class"] != base.reindex(table["firm"])).sum()
    assert toolkit.count_changed(firms, weight, (d_cut, c_cut, b_cut)) == moved
    assert toolkit.class_changes(firms, weight, (d_cut, c_cut, b_cut)).to_numpy().sum() == 30
    # a higher score never gets a worse class
    order = "ABCD"
    ranked = table.sort_values("score", ascending=False)["class"].map(order.index).to_numpy()
    assert (np.diff(ranked) >= 0).all()


def test_weight_zero_changes_nobody():
    assert toolkit.count_changed(toolkit.simulate_firms(), 0.0) == 0


# ---------------------------------------------------------------- the ladder


def test_ladder_matrix_rows_and_bad_rows():
    matrix = toolkit.ladder_matrix([0.3, 0.2, 0.1], [0.0, 0.05, 0.1])
    assert matrix[1].tolist() == pytest.approx([0.05, 0.75, 0.2, 0.0])
    assert matrix[3].tolist() == [0, 0, 0, 1]
    with pytest.raises(CqlabInputError, match="more than 1"):
        toolkit.ladder_matrix([0.3, 0.8, 0.1], [0.0, 0.3, 0.1])


def test_check_transition_matrix_names_the_bad_row():
    with pytest.raises(CqlabInputError, match="row b sums to 1.1"):
        toolkit.check_transition_matrix([[1, 0], [0.5, 0.6]], states=["a", "b"])
    with pytest.raises(CqlabInputError, match="square"):
        toolkit.check_transition_matrix([[1, 0, 0], [0, 1, 0]])


def test_expected_years_without_falling_back_is_a_sum_of_geometric_waits():
    up = [0.25, 0.5, 0.1]
    matrix = toolkit.ladder_matrix(up, [0, 0, 0])
    # each rung takes a geometric number of years with mean 1 / up
    assert toolkit.expected_years_to_reach(matrix).tolist() == pytest.approx([0, 4, 6, 16])


def test_expected_years_with_falling_back_match_monte_carlo():
    matrix = toolkit.ladder_matrix([0.4, 0.3, 0.2], [0.0, 0.1, 0.15])
    expected = toolkit.expected_years_to_reach(matrix)
    rng = np.random.default_rng(0)
    first_hit = np.zeros((4000, 4))
    for run in range(4000):
        state, year = 0, 0
        while state < 3:
            state = rng.choice(4, p=matrix[state])
            year += 1
            if first_hit[run, state] == 0 and state > 0:
                first_hit[run, state] = year
        first_hit[run, 3] = first_hit[run, 3] or year
    for k in (1, 2, 3):
        hits = first_hit[:, k]
        assert hits.mean() == pytest.approx(expected[k], rel=0.05)


def test_a_rung_that_is_never_left_gives_infinite_years():
    matrix = toolkit.ladder_matrix([0.3, 0.0, 0.1], [0.0, 0.0, 0.0])
    years = toolkit.expected_years_to_reach(matrix)
    assert years[1] == pytest.approx(1 / 0.3)
    assert np.isinf(years[2]) and np.isinf(years[3])
    with pytest.raises(CqlabInputError, match="never be left"):
        toolkit.fundamental_matrix(matrix, [0, 1, 2])


def test_fundamental_matrix_by_hand_for_two_states():
    # Q = [[0.5, 0.5], [0, 0.5]] -> (I - Q)^-1 = [[2, 2], [0, 2]]
    matrix = [[0.5, 0.5, 0.0], [0.0, 0.5, 0.5], [0.0, 0.0, 1.0]]
    assert toolkit.fundamental_matrix(matrix, [0, 1]) == pytest.approx(np.array([[2, 2], [0, 2]]))


probability = st.floats(0.01, 0.6)


@settings(max_examples=40, deadline=None)
@given(st.lists(probability, min_size=3, max_size=3), st.lists(st.floats(0, 0.39), min_size=2, max_size=2),
       st.integers(0, 30))
def test_ladder_laws(up, down, years):
    matrix = toolkit.ladder_matrix(up, [0.0, *down])
    assert matrix.sum(axis=1) == pytest.approx(np.ones(4))  # rows sum to one
    shares = toolkit.distribution_over_time(matrix, years)
    assert shares.sum(axis=1) == pytest.approx(np.ones(years + 1))
    assert (np.diff(shares[:, -1]) >= -1e-12).all()  # the absorbing top only fills up
    reach = toolkit.expected_years_to_reach(matrix)
    assert (np.diff(reach) > 0).all()  # higher rungs take longer
    assert reach[1] == pytest.approx(1 / up[0])  # the first climb is a geometric wait
    n = toolkit.fundamental_matrix(matrix, [0, 1, 2])
    assert (n >= -1e-12).all() and (np.diag(n) >= 1 - 1e-9).all()


def test_distribution_by_hand_after_two_years():
    matrix = toolkit.ladder_matrix([0.5, 0.5, 0.5], [0, 0, 0])
    shares = toolkit.distribution_over_time(matrix, 2)
    assert shares[2].tolist() == pytest.approx([0.25, 0.5, 0.25, 0.0])


def test_ladder_with_exits_has_a_second_absorbing_state():
    P = toolkit.ladder_matrix([0.3, 0.2, 0.1], [0, 0.05, 0.05], [0.1, 0.05, 0.03])
    assert P.shape == (5, 5)
    assert np.allclose(P.sum(axis=1), 1)
    assert P[0].tolist() == pytest.approx([0.6, 0.3, 0, 0, 0.1])
    assert P[3, 3] == 1 and P[4, 4] == 1
    assert np.array_equal(toolkit.ladder_matrix([0.3], [0]), [[0.7, 0.3], [0, 1]])  # no exits: as before


def test_absorption_probabilities_of_one_rung_are_the_odds_of_the_two_exits():
    # one transient rung: each year up with u, out with e, else stay; the first move decides
    u, e = 0.2, 0.05
    P = toolkit.ladder_matrix([u], [0], [e])
    assert toolkit.absorption_probabilities(P, [0]) == pytest.approx(np.array([[u / (u + e), e / (u + e)]]))
    # and the time before absorption is geometric with mean 1 / (u + e), whichever way it ends
    assert toolkit.expected_years_given_absorbed(P, [0], 1) == pytest.approx([1 / (u + e)])
    assert toolkit.expected_years_given_absorbed(P, [0], 2) == pytest.approx([1 / (u + e)])


def test_absorption_probabilities_rows_sum_to_one_and_match_a_linear_solve():
    P = toolkit.ladder_matrix([0.3, 0.2, 0.1], [0, 0.05, 0.05], [0.1, 0.05, 0.03])
    B = toolkit.absorption_probabilities(P, [0, 1, 2])
    assert B.shape == (3, 2) and np.allclose(B.sum(axis=1), 1)
    # first-step analysis: b = R + Q b, solved without forming the inverse
    Q, R = P[:3, :3], P[:3, 3:]
    assert np.allclose(B, np.linalg.solve(np.eye(3) - Q, R))


def test_ladder_with_exits_matches_a_monte_carlo_cohort():
    P = toolkit.ladder_matrix([0.3, 0.2, 0.1], [0, 0.05, 0.05], [0.1, 0.05, 0.03])
    cohort = toolkit.simulate_ladder(P, start=0, firms=40_000, seed=11)
    listed = cohort["state"] == 3
    p = toolkit.absorption_probabilities(P, [0, 1, 2])[0, 0]
    assert listed.mean() == pytest.approx(p, abs=4 * np.sqrt(p * (1 - p) / len(cohort)))
    t_list = toolkit.expected_years_given_absorbed(P, [0, 1, 2], 3)[0]
    sd = cohort.loc[listed, "years"].std()
    assert cohort.loc[listed, "years"].mean() == pytest.approx(t_list, abs=4 * sd / np.sqrt(listed.sum()))
    t_all = toolkit.fundamental_matrix(P, [0, 1, 2]).sum(axis=1)[0]
    assert cohort["years"].mean() == pytest.approx(t_all, abs=4 * cohort["years"].std() / np.sqrt(len(cohort)))
    assert (cohort["state"] >= 3).all()  # every firm ends listed or exited


def test_simulated_ladder_is_reproducible_and_without_exits_everyone_lists():
    P = toolkit.ladder_matrix([0.3, 0.2, 0.1], [0, 0.05, 0.05])
    a = toolkit.simulate_ladder(P, firms=500, seed=3)
    assert a.equals(toolkit.simulate_ladder(P, firms=500, seed=3))
    assert not a.equals(toolkit.simulate_ladder(P, firms=500, seed=4))
    assert (a["state"] == 3).all() and (a["years"] >= 3).all()  # three climbs at least
    stuck = toolkit.simulate_ladder([[1 - 1e-6, 1e-6], [0, 1]], firms=10, max_years=5)
    assert (stuck["state"] == -1).all() and (stuck["years"] == 5).all()


def test_single_champions_are_not_a_rung_of_the_sme_ladder():
    rungs = [zh for _, zh in toolkit.LADDERS["specialised"]]
    assert "单项冠军企业" not in rungs and rungs[-1] == "小巨人企业"


# ---------------------------------------------------------------- real counts


def test_firm_counts_convert_wan_and_show_gaps():
    macro = pd.DataFrame({
        "indicator": ["x", "x", "y"], "year": [2018, 2021, 2020], "value": [1.1, 4222.0, 7.0],
        "unit": ["万家", "家", "家"], "period_type": ["point-in-time", "point-in-time", "expectation"],
        "value_qualifier": ["exact", "exact", "more than"], "source": ["s", "t", "u"],
    })
    table = toolkit.firm_counts(macro, ["x", "y"]).set_index(["indicator", "year"])
    assert table.loc[("x", 2018), "firms"] == 11000
    assert table.loc[("x", 2019), "status"] == "missing" and pd.isna(table.loc[("x", 2019), "firms"])
    assert table.loc[("y", 2020), "status"] == "expectation"
    assert len(table) == 8  # two indicators x four years 2018-2021


def test_tech_based_enterprises_are_not_labelled_smes():
    # 科技型企业 (Chongqing's register) is broader than 科技型中小企业 (tech-based SMEs)
    en, zh = toolkit.COUNT_INDICATORS["tech-based enterprises"]
    assert (en, zh) == ("tech-based enterprises", "科技型企业")
    assert all("SME" not in en for en, _ in toolkit.COUNT_INDICATORS.values())


# --- issue 15 (bad inputs) -------------------------------------------------------------------------------


def test_daily_series_and_period_tables_with_gaps_are_refused_not_averaged():
    series = toolkit.simulate_daily()
    gap = series.copy()
    gap.iloc[40] = np.nan
    for cadence in toolkit.CADENCES:
        with pytest.raises(CqlabInputError, match="missing or infinite value .on 2024-02-10"):
            toolkit.periods(gap, cadence)
    table = toolkit.periods(series, "month")
    with pytest.raises(CqlabInputError, match="at least 1 day"):
        toolkit.flag_periods(table.assign(days=0), 100, 4)
    with pytest.raises(CqlabInputError, match="finite means.*column mean must hold finite numbers"):
        toolkit.flag_periods(table.assign(mean=np.nan), 100, 4)
    with pytest.raises(CqlabInputError, match="shock_start must be a date"):
        toolkit.cadence_report(series, "month", 100, 4, float("nan"), 5, "2024-08-05")
    with pytest.raises(CqlabInputError, match="step_start must be a date"):
        toolkit.cadence_report(series, "month", 100, 4, "2024-05-13", 5, "August")


def test_firms_with_nan_or_inf_are_refused_and_fraction_cutoffs_warned():
    from cqlab.errors import CqlabWarning

    firms = toolkit.simulate_firms(10, 1)
    for bad in (np.nan, np.inf):
        with pytest.raises(CqlabInputError, match="column output must hold finite numbers; at firm F04"):
            toolkit.classify(firms.assign(output=firms["output"].where(firms.index != 3, bad)))
    with pytest.warns(CqlabWarning, match="look like fractions"):
        toolkit.classify(firms, 0.0, (0.1, 0.4, 0.7))


def test_markov_chain_functions_check_the_transient_states():
    matrix = toolkit.ladder_matrix([0.3, 0.2, 0.1], [0, 0.05, 0.05])
    np.testing.assert_allclose(toolkit.fundamental_matrix(matrix, (0, 1, 2)), toolkit.fundamental_matrix(matrix, [0, 1, 2]))
    for bad, message in ((None, "must be a list"), ("012", "must be a list"), ([], "at least one state"),
                         ([0, 0], "twice"), ([0, 9], "at most 3"), ([0.5], "whole number")):
        with pytest.raises(CqlabInputError, match=message):
            toolkit.fundamental_matrix(matrix, bad)
    with pytest.raises(CqlabInputError, match="must be absorbing"):
        toolkit.absorption_probabilities(matrix, [0, 1, 2, 3])
    with pytest.raises(CqlabInputError, match="at most 1000 states"):
        toolkit.check_transition_matrix(np.eye(1001))
    with pytest.raises(CqlabInputError, match="first days of a 旬"):
        toolkit.xun_end(["2024-01-02"])
    assert list(toolkit.xun_end(["2024-02-21"]).day) == [29]
