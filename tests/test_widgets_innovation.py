"""Lesson 04's widget, driven by setting control values as a student would."""

import re
import warnings

import pytest

import cqlab
from cqlab import data
from cqlab.widgets.innovation import COMPARISONS, TargetGapWidget


@pytest.fixture(autouse=True)
def english_after():
    yield
    cqlab.set_language("en")


def rows(dataset, indicator):
    table = data.load(dataset)
    return table[table["indicator"] == indicator]


def test_default_compares_annualised_industrial_rd_with_its_target():
    w = TargetGapWidget()
    r = rows("cluster_indicators", "R&D spending of above-scale industrial firms")
    partial = r[r.period_type == "partial-year"].iloc[0]
    target = r[r.period_type == "target"].iloc[0]
    y1, m1, y2, m2 = map(int, re.findall(r"\d+", partial.period))
    months = (y2 - y1) * 12 + m2 - m1 + 1
    check = w.result["check"]
    assert check.baseline == pytest.approx(partial.value * 12 / months)
    years = int(target.year) - int(partial.year)
    assert check.required == pytest.approx((target.value / check.baseline) ** (1 / years) - 1)
    assert check.scope_matches
    assert "month figure" in w.result_box.value
    w.controls["method"].value = "as_is"
    assert w.result["check"].baseline == pytest.approx(partial.value)


def test_all_rd_against_the_industrial_target_says_the_scopes_differ():
    w = TargetGapWidget()
    png = w.image.value
    w.controls["comparison"].value = "rd_all"
    check = w.result["check"]
    series = rows("macro", "R&D expenditure").sort_values("year")
    first, last = series.iloc[0], series.iloc[-1]
    assert check.achieved == pytest.approx((last.value / first.value) ** (1 / (last.year - first.year)) - 1)
    assert not check.scope_matches and "Scopes differ" in w.result_box.value
    assert w.image.value != png


def test_expectations_change_the_baseline_and_are_flagged():
    w = TargetGapWidget("hte_custom")
    series = rows("macro", "high-tech enterprises")
    outturn = series[series.period_type != "expectation"].sort_values("year").iloc[-1]
    assert w.result["check"].baseline == pytest.approx(outturn.value)
    assert w.controls["custom_target"].value == pytest.approx(outturn.value * 2)  # illustrative default
    w.controls["baseline"].value = "expectations"
    check = w.result["check"]
    assert check.baseline_status == "expectation"
    assert "expectation" in w.result_box.value and "a bound" in w.result_box.value


def test_a_target_set_by_the_student_drives_the_required_rate():
    w = TargetGapWidget("hte_custom")
    assert not w.controls["custom_target"].disabled
    check = w.result["check"]
    w.controls["custom_target"].value = 20000.0
    w.controls["custom_year"].value = check.baseline_year + 4
    assert w.result["check"].required == pytest.approx((20000 / check.baseline) ** (1 / 4) - 1)
    w.controls["custom_target"].value = -5.0
    assert "your target must be greater than 0" in w.error
    w.controls["comparison"].value = "sei_share"
    assert w.controls["custom_target"].disabled and w.error is None


def test_units_are_converted_before_growth_is_computed():
    w = TargetGapWidget("sme_custom")
    obs = w.result["obs"]
    table = rows("macro", "tech-based SMEs")
    in_wan = table[(table.unit == "万家") & (table.period_type != "expectation")].iloc[0]
    assert obs.set_index("year").loc[int(in_wan.year), "value"] == pytest.approx(in_wan.value * 10000)


def test_every_comparison_draws_in_chinese_without_missing_glyphs():
    cqlab.set_language("zh")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        w = TargetGapWidget()
        for key in COMPARISONS:
            w.controls["comparison"].value = key
            assert w.error is None, (key, w.error)
            w.controls["baseline"].value = "expectations"
            assert w.error is None, (key, w.error)
            w.controls["baseline"].value = "outturns"
