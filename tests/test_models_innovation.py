"""Innovation indicators against targets: statuses, units, and growth needed vs achieved."""

import math
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cqlab.errors import CqlabInputError
from cqlab.models import growth, innovation


def long_table(rows):
    """A small made-up table in the layout of datasets/macro.csv."""
    columns = ["indicator", "value", "unit", "year", "period", "period_type", "value_qualifier", "revision",
               "confidence", "note"]
    return pd.DataFrame(rows, columns=columns)


def firms():
    return long_table([
        ["firms", 1.0, "万家", 2018, "2018", "point-in-time", "exact", "", "verified", ""],
        ["firms", 16000, "家", 2020, "2020", "point-in-time", "exact", "", "verified", ""],
        ["firms", 2.0, "万家", 2021, "2021", "point-in-time", "exact", "", "partial", ""],
        ["firms", 2.5, "万家", 2022, "2022 (expectation)", "expectation", "more than", "", "partial", ""],
        ["firms", 9.9, "万家", 2027, "2027 target", "target", "exact", "", "verified", ""],
    ])


def test_status_comes_from_period_type_then_revision():
    assert innovation.status_of("expectation", "") == "expectation"
    assert innovation.status_of("partial-year", "preliminary") == "partial-year"
    assert innovation.status_of("full-year", "preliminary") == "preliminary"
    assert innovation.status_of("full-year", "census-revised") == "census-revised"
    assert innovation.status_of("point-in-time", float("nan")) == "outturn"


def test_units_convert_within_a_measure_and_refuse_across():
    assert innovation.convert_unit(1.1, "万家", "家") == pytest.approx(11000)
    assert innovation.convert_unit(5000, "亿元", "万亿元") == pytest.approx(0.5)
    assert innovation.convert_unit(2.5, "%", "%") == 2.5
    with pytest.raises(CqlabInputError, match="measure different things"):
        innovation.convert_unit(1, "万家", "亿元")


def test_observations_drop_targets_convert_units_and_keep_status():
    obs = innovation.observations(firms(), "firms", unit="家")
    assert list(obs["year"]) == [2018, 2020, 2021, 2022]  # the 2027 target is not an observation
    assert list(obs["value"]) == pytest.approx([10000, 16000, 20000, 25000])
    assert list(obs["status"]) == ["outturn", "outturn", "outturn", "expectation"]
    with pytest.raises(CqlabInputError, match="Did you mean: firms"):
        innovation.observations(firms(), "firm")


def test_the_baseline_is_the_latest_outturn_unless_expectations_are_asked_for():
    obs = innovation.observations(firms(), "firms", unit="家")
    check = innovation.check_target(obs, 40000, 2027)
    assert (check.baseline_year, check.baseline, check.baseline_status) == (2021, 20000, "outturn")
    assert check.required == pytest.approx((40000 / 20000) ** (1 / 6) - 1)
    assert check.achieved == pytest.approx((20000 / 10000) ** (1 / 3) - 1)
    assert check.achieved_from == 2018
    assert any("partial confidence" in w for w in check.warnings)
    with_exp = innovation.check_target(obs, 40000, 2027, include_expectations=True)
    assert (with_exp.baseline_year, with_exp.baseline_status) == (2022, "expectation")
    assert any("is an expectation" in w for w in with_exp.warnings)
    assert any("'more than 2.5 万家'" in w for w in with_exp.warnings)
    assert any("different status" in w for w in with_exp.warnings)


def test_scope_mismatch_is_said_and_a_target_below_baseline_is_flagged():
    obs = innovation.observations(firms(), "firms", unit="家")
    check = innovation.check_target(obs, 100, 2027, series_scope="all firms", target_scope="future industries")
    assert not check.scope_matches
    assert any("Scopes differ" in w and "future industries" in w for w in check.warnings)
    assert check.required < 0
    assert any("below the baseline" in w for w in check.warnings)
    same = innovation.check_target(obs, 40000, 2027, series_scope="all firms", target_scope="all firms")
    assert same.scope_matches and not any("Scopes" in w for w in same.warnings)


def test_a_partial_year_baseline_is_annualised_and_said_so():
    table = long_table([["rd", 300.0, "亿元", 2023, "2023-01/2023-09", "partial-year", "exact", "", "partial", ""]])
    obs = innovation.observations(table, "rd")
    check = innovation.check_target(obs, 800, 2027)
    assert check.months == 9 and check.baseline == pytest.approx(400)  # 300 * 12 / 9
    assert check.achieved is None
    assert any("a 9-month figure" in w for w in check.warnings)
    assert any("no achieved growth" in w for w in check.warnings)
    as_is = innovation.check_target(obs, 800, 2027, annualise_method="as_is")
    assert as_is.baseline == 300 and as_is.required > check.required


def test_the_article_before_a_month_count_reads_right():
    for months, article in [(8, "an"), (11, "an"), (9, "a"), (1, "a"), (6, "a")]:
        table = long_table([["rd", 100.0, "亿元", 2023, f"2023-01/2023-{months:02d}", "partial-year", "exact", "",
                             "verified", ""]])
        check = innovation.check_target(innovation.observations(table, "rd"), 800, 2027)
        assert any(w.startswith(f"The baseline is {article} {months}-month figure") for w in check.warnings), months


def intensity(rows):
    """R&D intensity rows: (year, value, revision)."""
    return long_table([["ri", v, "%", y, str(y), "full-year", "exact", r, "verified", ""] for y, v, r in rows])


def test_a_preliminary_first_point_is_left_out_of_the_achieved_rate():
    obs = innovation.observations(intensity([(2018, 2.0, "preliminary"), (2020, 2.2, ""), (2022, 2.42, "")]), "ri")
    check = innovation.check_target(obs, 3.0, 2027)
    assert check.achieved_from == 2020
    assert check.achieved == pytest.approx(math.sqrt(2.42 / 2.2) - 1)  # two years, 2020 to 2022
    assert any("Left out of the achieved rate" in w and "2018" in w for w in check.warnings)
    assert not any("different status" in w for w in check.warnings)


def test_a_preliminary_first_point_is_kept_with_a_warning_when_nothing_else_would_remain():
    obs = innovation.observations(intensity([(2018, 2.0, "preliminary"), (2022, 2.42, "")]), "ri")
    check = innovation.check_target(obs, 3.0, 2027)
    assert check.achieved_from == 2018
    assert check.achieved == pytest.approx((2.42 / 2.0) ** 0.25 - 1)
    assert any("starts from a preliminary" in w for w in check.warnings)


def test_a_different_measure_is_flagged_even_when_scopes_match():
    table = long_table([["rd", 300.0, "亿元", 2023, "2023-01/2023-08", "partial-year", "exact", "", "partial", ""]])
    obs = innovation.observations(table, "rd")
    check = innovation.check_target(obs, 800, 2027, series_scope="firms", target_scope="firms",
                                    series_measure="R&D expenses", target_measure="R&D input")
    assert check.scope_matches and not check.measure_matches
    assert any("Measures differ" in w and "R&D input" in w and "indicative" in w for w in check.warnings)
    same = innovation.check_target(obs, 800, 2027, series_measure="R&D input", target_measure="R&D input")
    assert same.measure_matches and not any("Measures" in w for w in same.warnings)


def test_only_expectations_is_an_error_that_explains():
    table = long_table([["x", 5.0, "%", 2023, "2023 (expectation)", "expectation", "exact", "", "partial", ""]])
    obs = innovation.observations(table, "x")
    with pytest.raises(CqlabInputError, match="only expectations"):
        innovation.check_target(obs, 6, 2027)
    assert innovation.check_target(obs, 6, 2027, include_expectations=True).baseline == 5


@settings(max_examples=80, deadline=None)
@given(
    st.floats(min_value=0.5, max_value=1e5), st.floats(min_value=0.5, max_value=1e5),
    st.integers(min_value=2000, max_value=2024), st.integers(min_value=1, max_value=12),
)
def test_the_required_path_ends_on_the_target(baseline, target, year, horizon):
    table = long_table([["x", baseline, "家", year, str(year), "point-in-time", "exact", "", "verified", ""]])
    check = innovation.check_target(innovation.observations(table, "x"), target, year + horizon)
    path = check.required_path()
    assert len(path) == horizon + 1
    assert path[-1] == pytest.approx(target, rel=1e-9)
    assert growth.years_to_reach(baseline, target, check.required) == pytest.approx(
        horizon if target > baseline else 0, abs=1e-6)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(min_value=1, max_value=1e4), min_size=2, max_size=8), st.floats(0.01, 0.5))
def test_achieved_growth_continued_reaches_the_projection(values, rate):
    years = list(range(2010, 2010 + len(values)))
    table = long_table([["x", v, "家", y, str(y), "point-in-time", "exact", "", "verified", ""]
                        for v, y in zip(values, years)])
    obs = innovation.observations(table, "x")
    check = innovation.check_target(obs, values[-1] * (1 + rate) ** 3, years[-1] + 3)
    expected = (values[-1] / values[0]) ** (1 / (years[-1] - years[0])) - 1
    assert check.achieved == pytest.approx(expected)
    assert check.value_at_achieved_rate() == pytest.approx(values[-1] * (1 + expected) ** 3)
    if not math.isclose(expected, rate, rel_tol=1e-9):
        assert check.on_track == (expected > rate)


def test_the_scope_comparisons_live_in_the_model_and_the_widget_reuses_them():
    from cqlab.widgets import innovation as view

    assert view.compare is innovation.compare and view.COMPARISONS is innovation.COMPARISONS
    result = innovation.compare("rd_industry")
    check = result["check"]
    assert check.scope_matches and not check.measure_matches  # same firms; expenses booked vs R&D input
    assert check.required == pytest.approx((800 / (352.38 * 12 / 8)) ** (1 / 4) - 1)


def test_rd_intensity_over_gdp_is_not_the_same_measure_as_over_revenue():
    check = innovation.compare("rd_intensity")["check"]
    assert not check.scope_matches and not check.measure_matches
    assert any("Measures differ" in w for w in check.warnings)


def test_an_illustrative_comparison_defaults_to_twice_the_latest_outturn():
    result = innovation.compare("hte_custom")
    outturns = result["obs"][result["obs"]["status"] != "expectation"]
    assert result["check"].target == pytest.approx(innovation.ILLUSTRATIVE_MULTIPLE * outturns["value"].iloc[-1])
    assert innovation.compare("hte_custom", custom_target=9000, custom_year=2030)["check"].target_year == 2030
    with pytest.raises(CqlabInputError):
        innovation.compare("no such comparison")


def test_stated_growth_reads_the_year_on_year_rate_a_quote_states():
    assert innovation.stated_growth("今年1月至8月,研发费用352.38亿元,同比增长27.3%。") == pytest.approx(0.273)
    assert innovation.stated_growth("利润同比下降2.1%,营收同比增长5%") == pytest.approx(-0.021)  # the first one
    assert innovation.stated_growth("研发投入超过800亿元") is None
    assert innovation.stated_growth(None) is None


def test_a_partial_year_baseline_carries_the_rate_its_quote_states_and_says_it_is_not_a_trend():
    obs = innovation.observations(pd.DataFrame({
        "indicator": ["x"], "value": [80.0], "unit": ["亿元"], "year": [2023], "period": ["2023-01/2023-08"],
        "period_type": ["partial-year"], "confidence": ["verified"], "quote_original": ["x同比增长12.5%"],
    }), "x")
    check = innovation.check_target(obs, 200, 2027)
    assert check.achieved is None and check.stated_growth == pytest.approx(0.125)
    assert any("+12.5%" in w and "not a trend" in w for w in check.warnings)
    no_quote = innovation.check_target(obs.drop(columns="quote"), 200, 2027)
    assert no_quote.stated_growth is None and any("no achieved growth rate" in w for w in no_quote.warnings)


def test_the_warnings_speak_the_course_language():
    import cqlab

    obs = innovation.observations(pd.DataFrame({
        "indicator": ["x", "x"], "value": [80.0, 100.0], "unit": ["亿元", "亿元"], "year": [2021, 2022],
        "period": ["2021", "2022"], "period_type": ["full-year", "expectation"], "confidence": ["partial", "low"],
        "value_qualifier": ["exact", "more than"],
    }), "x")
    english = innovation.check_target(obs, 50, 2027, include_expectations=True, target_qualifier="more than",
                                      series_scope="a", target_scope="b", series_measure="c", target_measure="d")
    try:
        cqlab.set_language("zh")
        chinese = innovation.check_target(obs, 50, 2027, include_expectations=True, target_qualifier="more than",
                                          series_scope="a", target_scope="b", series_measure="c", target_measure="d")
    finally:
        cqlab.set_language("en")
    assert len(english.warnings) == len(chinese.warnings) >= 5
    assert all(re.search(r"[\u4e00-\u9fff]", w) for w in chinese.warnings)
    assert all(re.match(r"[A-Z][a-z]", w) for w in english.warnings)  # units such as 亿元 stay as written
    assert any("超过100" in w for w in chinese.warnings)  # the qualifier is translated, not left in English


def test_status_of_reads_one_cell_and_names_a_column_passed_for_it():
    import numpy as np

    assert innovation.status_of("full-year", float("nan")) == "outturn"
    assert innovation.status_of(float("nan"), None) == "outturn"
    assert innovation.status_of("full-year", "preliminary") == "preliminary"
    for column in (pd.DataFrame({"a": [1]}), np.array(["full-year", "target"]), ["full-year"], 3):
        with pytest.raises(CqlabInputError, match="one cell's text"):
            innovation.status_of(column, "")
        with pytest.raises(CqlabInputError, match="revision must be one cell's text"):
            innovation.status_of("full-year", column)


# --- issue 15 (bad inputs): every indicator of the data, one group at a time -------------------------------


def _groups(table, indicator):
    """The (column, value) choices that split an indicator into series: scope, cluster or district."""
    rows = table[(table["indicator"] == indicator) & (table["period_type"] != "target") & table["year"].notna()]
    for column in ("scope", "cluster_cn", "district_cn"):
        if column in rows.columns and rows[column].fillna("").nunique() > 1:
            return [(column, value) for value in sorted(set(rows[column].fillna("")))]
    return [(None, None)]


def test_every_indicator_of_every_long_table_gives_one_series_per_group_without_a_warning():
    import warnings

    import numpy as np

    from cqlab import data
    from cqlab.errors import CqlabWarning

    checked = 0
    for name in ("macro", "cluster_indicators", "corridor_trade", "district_gdp"):
        table = data.load(name)
        observed = table[(table["period_type"] != "target") & table["year"].notna()]
        for indicator in sorted(set(observed["indicator"])):
            for column, value in _groups(table, indicator):
                keep = {} if column is None else {column: value}
                with warnings.catch_warnings():
                    warnings.simplefilter("error", CqlabWarning)
                    obs = innovation.observations(table, indicator, **keep)
                assert np.isfinite(obs["value"]).all() and obs["unit"].nunique() == 1, (name, indicator, keep)
                assert 1 <= obs["months"].min() <= obs["months"].max() <= 12
                checked += 1
    assert checked >= 150


def test_observations_warns_when_an_indicator_mixes_scopes_and_keeps_one_when_asked():
    from cqlab import data
    from cqlab.errors import CqlabWarning

    corridor = data.load("corridor_trade")
    with pytest.warns(CqlabWarning, match="cover several scope values"):
        mixed = innovation.observations(corridor, "imports+exports")
    asean = innovation.observations(corridor, "imports+exports", scope="Chongqing trade with ASEAN")
    assert 0 < len(asean) < len(mixed)
    with pytest.raises(CqlabInputError, match="no observed values for scope='nowhere'"):
        innovation.observations(corridor, "imports+exports", scope="nowhere")


def test_observations_names_an_indicator_with_only_targets_and_a_row_without_a_value():
    from cqlab import data

    with pytest.raises(CqlabInputError, match="has only targets"):
        innovation.observations(data.load("cluster_indicators"), "R&D input of above-scale industrial firms")
    macro = data.load("macro")
    macro.loc[macro.index[macro["indicator"] == "GDP"][3], "value"] = float("inf")
    with pytest.raises(CqlabInputError, match="'GDP' for .* is inf"):
        innovation.observations(macro, "GDP")
    for bad in (["GDP"], pd.Series(["GDP"]), 3, None):
        with pytest.raises(CqlabInputError, match="indicator must be text"):
            innovation.observations(macro, bad)


def test_check_target_refuses_columns_for_texts_and_a_horizon_past_max_years():
    import numpy as np

    from cqlab import data

    obs = innovation.observations(data.load("macro"), "high-tech enterprises", unit="家")
    for name in ("series_scope", "target_scope", "series_measure", "target_measure", "target_qualifier"):
        with pytest.raises(CqlabInputError, match=f"{name} must be text"):
            innovation.check_target(obs, 1e5, 2027, **{name: np.array(["a", "b"])})
    with pytest.raises(CqlabInputError, match="target_qualifier must be one of"):
        innovation.check_target(obs, 1e5, 2027, target_qualifier="roughly")
    with pytest.raises(CqlabInputError, match="at most 500 years"):
        innovation.check_target(obs, 1e5, 9999)
    assert len(innovation.check_target(obs, 1e5, 2522).required_path()) == 501  # the longest horizon still works
    with pytest.raises(CqlabInputError, match="obs .observations. must be a table"):
        innovation.check_target(None, 1e5, 2027)
    with pytest.raises(CqlabInputError, match="period_type must be one of"):
        innovation.status_of("full year")
    assert innovation.stated_growth(float("nan")) is None
    with pytest.raises(CqlabInputError, match="quote must be one cell's text"):
        innovation.stated_growth(0.12)
