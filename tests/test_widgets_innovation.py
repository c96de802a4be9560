"""Lesson 04's widget, driven by setting control values as a student would."""

import re
import warnings

import pytest

import cqlab
from cqlab import data
from cqlab.widgets.innovation import COMPARISONS, TECH_BASED, TargetGapWidget


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
    assert check.scope_matches and not check.measure_matches  # R&D expenses booked vs R&D input
    assert "month figure" in w.result_box.value and "Measures differ" in w.result_box.value
    assert "[measures differ]" in w.figure.axes[0].get_title()
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
    w = TargetGapWidget("tech_custom")
    obs = w.result["obs"]
    table = rows("macro", TECH_BASED)
    assert set(table["indicator_cn"]) == {"科技型企业"}  # tech-based enterprises, not only SMEs
    in_wan = table[(table.unit == "万家") & (table.period_type != "expectation")].iloc[0]
    assert obs.set_index("year").loc[int(in_wan.year), "value"] == pytest.approx(in_wan.value * 10000)


def legend_texts(axes):
    from matplotlib.legend import Legend
    legends = [a for a in axes.get_children() if isinstance(a, Legend)]
    return [t.get_text() for legend in legends for t in legend.get_texts()]


def test_legends_list_only_what_is_drawn():
    w = TargetGapWidget()  # one partial-year point, rated partial: no observed line, no verified point
    texts = legend_texts(w.figure.axes[0])
    assert "observed" not in texts
    assert "partial year" in texts and "outturn" not in texts
    assert "hollow: partially verified / low" in texts and "filled: verified" not in texts
    w.controls["comparison"].value = "rd_intensity"
    texts = legend_texts(w.figure.axes[0])
    assert "observed" in texts and "preliminary (pre-census)" in texts and "filled: verified" in texts
    # shape and fill have their own headers, so a filled circle never means two things at once
    assert "Marker shape = status:" in texts and "Marker fill = confidence:" in texts


def test_the_preliminary_point_is_joined_by_a_dotted_segment_and_left_out_of_the_rate():
    w = TargetGapWidget("rd_intensity")
    series = rows("macro", "R&D intensity")
    prelim = series[series["revision"] == "preliminary"]
    later = series[(series["revision"] != "preliminary") & (series["period_type"] == "full-year")].sort_values("year")
    assert len(prelim) == 1
    check = w.result["check"]
    first, last = later.iloc[0], later.iloc[-1]
    assert check.achieved_from == int(first.year)
    assert check.achieved == pytest.approx((last.value / first.value) ** (1 / (last.year - first.year)) - 1)
    dotted = [tuple(line.get_xdata()) for line in w.figure.axes[0].get_lines() if line.get_linestyle() == ":"]
    assert (int(prelim.iloc[0].year), int(first.year)) in dotted


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


def test_counts_show_without_decimals_and_the_result_line_follows_the_language():
    """High-tech enterprises are a count: 'Baseline 2023: 8,000 家', never '8,000.00'."""
    import re

    from cqlab import i18n

    w = TargetGapWidget("hte_custom")
    baseline = w.result["check"].baseline
    assert float(baseline).is_integer()
    assert f"{baseline:,.0f} " in w.result_box.value and not re.search(r"\d\.00 ", w.result_box.value)
    i18n.set_language("zh")
    try:
        zh = TargetGapWidget("hte_custom").result_box.value
    finally:
        i18n.set_language("en")
    assert "基期" in zh and "所需" in zh and "Baseline" not in zh
