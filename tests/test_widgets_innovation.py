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
    # two keys: the R&D expenses booked (研发费用, the series) and the plan's R&D input (研发投入, the target)
    partial = rows("cluster_indicators", "R&D expenses of above-scale industrial firms").iloc[0]
    target = rows("cluster_indicators", "R&D input of above-scale industrial firms").iloc[0]
    assert partial.period_type == "partial-year" and target.period_type == "target"
    y1, m1, y2, m2 = map(int, re.findall(r"\d+", partial.period))
    months = (y2 - y1) * 12 + m2 - m1 + 1
    check = w.result["check"]
    assert check.baseline == pytest.approx(partial.value * 12 / months)
    years = int(target.year) - int(partial.year)
    assert check.required == pytest.approx((target.value / check.baseline) ** (1 / years) - 1)
    assert check.scope_matches and not check.measure_matches  # R&D expenses booked vs R&D input
    assert "month figure" in w.result_box.value and "Measures differ" in w.result_box.value
    assert "[measures differ]" in w.figure.axes[0].get_title()
    # no compound rate from one 8-month figure, but the rate its own quote states is shown beside the need
    stated = float(re.search(r"同比增长([0-9.]+)%", partial.quote_original).group(1)) / 100
    assert check.achieved is None and check.stated_growth == pytest.approx(stated)
    assert f"{stated:+.1%}" in w.result_box.value and "not a trend" in w.result_box.value
    assert len(w.figure.axes[0].get_legend().get_texts()) <= 7 and len(w.figure.legends) == 0
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
    assert "hollow: partially verified" in texts
    w.controls["comparison"].value = "rd_intensity"  # every point verified: no hollow entry
    texts = legend_texts(w.figure.axes[0])
    # 2018, 2020, 2022: no two consecutive years, so no line joins them (a gap looks like a gap)
    assert "observed" not in texts and "preliminary (pre-census)" in texts and "hollow: partially verified" not in texts
    w.controls["comparison"].value = "hte_custom"  # 2020-2022 consecutive: a line, named in the legend
    assert "observed" in legend_texts(w.figure.axes[0])
    # one legend, lines and statuses together (not two keys competing for the corner)
    assert len([t for t in w.figure.axes[0].get_children() if type(t).__name__ == "Legend"]) == 1


def test_the_preliminary_point_is_left_out_of_the_rate_and_no_line_crosses_a_missing_year():
    w = TargetGapWidget("rd_intensity")
    series = rows("macro", "R&D intensity")
    prelim = series[series["revision"] == "preliminary"]
    later = series[(series["revision"] != "preliminary") & (series["period_type"] == "full-year")].sort_values("year")
    assert len(prelim) == 1
    check = w.result["check"]
    first, last = later.iloc[0], later.iloc[-1]
    assert check.achieved_from == int(first.year)
    assert check.achieved == pytest.approx((last.value / first.value) ** (1 / (last.year - first.year)) - 1)
    segments = [tuple(int(x) for x in line.get_xdata()) for line in w.figure.axes[0].get_lines()
                if len(line.get_xdata()) == 2 and line.get_linestyle() in ("-", ":")]
    observed = set(int(y) for y in series["year"])
    crossing = [(a, b) for a, b in segments if b - a > 1 and any(y not in observed for y in range(a + 1, b))]
    assert not crossing, f"a line joins across a year with no figure: {crossing}"
    assert (2022, 2023) in segments  # the dotted step on to the 2023 expectation stays


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
