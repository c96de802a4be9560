"""Lesson 01's widget, driven by setting control values as a student's slider would."""

import pytest

import cqlab
from cqlab import data
from cqlab.models import growth
from cqlab.widgets.growth import CUSTOM, TargetPathWidget


@pytest.fixture
def widget():
    yield TargetPathWidget()
    cqlab.set_language("en")


def _jan_oct(cluster_cn):
    return data.value("cluster_indicators", indicator="cluster output", cluster_cn=cluster_cn,
                      period_type="partial-year")


def test_default_uses_the_largest_jan_oct_cluster_annualised(widget):
    largest = widget.baselines.iloc[0]
    assert widget.result["partial"] == _jan_oct(largest["cluster_cn"])
    assert widget.result["baseline"] == pytest.approx(widget.result["partial"] * 12 / 10)
    assert widget.result["target"] == largest["tier_scale_yuan"] / 1e8  # a trillion yuan in 亿元


def test_moving_the_target_year_changes_rate_chart_and_text(widget):
    before_png, before_text, before_rate = widget.image.value, widget.result_box.value, widget.result["rate"]
    widget.controls["target_year"].value = widget.controls["target_year"].value + 3
    assert widget.result["rate"] < before_rate  # more years, less growth needed each year
    assert widget.image.value != before_png
    assert widget.result_box.value != before_text
    r = widget.result
    # check by hand: baseline * (1 + rate)^years == target
    years = r["target_year"] - widget.base_year
    assert r["baseline"] * (1 + r["rate"]) ** years == pytest.approx(r["target"])


def test_annualisation_method_moves_the_answer(widget):
    proportional = widget.result["rate"]
    widget.controls["method"].value = "as_is"
    assert widget.result["baseline"] == widget.result["partial"]
    assert widget.result["rate"] > proportional  # a smaller baseline needs faster growth
    assert "as if it were a full year" in widget.result_box.value


def test_custom_baseline_and_bad_input_message(widget):
    widget.controls["cluster"].value = CUSTOM
    assert widget.controls["baseline"].disabled is False
    widget.controls["baseline"].value = 2000.0
    assert widget.result["rate"] == pytest.approx(
        growth.required_growth_rate(2000.0, widget.result["target"], widget.base_year,
                                    widget.controls["target_year"].value))
    shown = widget.image.value
    widget.controls["baseline"].value = -5.0
    assert "must be greater than 0; got -5.0" in widget.error
    assert "Check the input" in widget.message_box.value
    assert widget.image.value == shown  # the last good chart stays
    widget.controls["baseline"].value = 3000.0
    assert widget.error is None and widget.message_box.value == ""


def test_chinese_labels_render_without_missing_glyphs(widget):
    cqlab.set_language("zh")
    widget.refresh()  # pyproject turns matplotlib UserWarnings (missing glyphs) into errors
    assert "年" in widget.axes.get_title()


def test_outturns_are_drawn_beside_the_required_path_with_their_caveat(widget):
    widget.controls["cluster"].value = "先进材料"
    r = widget.result
    assert [c[0] for c in r["checks"]] == [2024]  # the 2024 outturn of the same measure
    year, value, qualifier, confidence, check = r["checks"][0]
    assert value == data.value("cluster_indicators", indicator="cluster output", cluster_cn="先进材料", year=2024)
    # by hand: the path value one year on, and the growth achieved from the annualised baseline
    assert check.on_path == pytest.approx(r["baseline"] * (1 + r["rate"]))
    assert check.achieved == pytest.approx(value / r["baseline"] - 1)
    assert check.on_track is False
    assert "more than" in widget.result_box.value and "lower bound is below the required path" in widget.result_box.value
    labels = [t.get_text() for t in widget.axes.get_legend().get_texts()]
    assert any("lower bound" in t for t in labels)
    # drawn as points, never joined across the missing years
    assert any(len(c.get_offsets()) == 1 and c.get_offsets()[0][0] == 2024 for c in widget.axes.collections)


def test_a_cluster_on_track_and_one_without_an_outturn(widget):
    widget.controls["cluster"].value = "智能网联新能源汽车"
    check = widget.result["checks"][0][-1]
    assert widget.result["checks"][0][0] == 2025 and check.on_track is True
    assert "on or above the required path" in widget.result_box.value
    widget.controls["cluster"].value = "新一代电子信息制造业"  # its later row measures a wider industry
    assert widget.result["checks"] == [] and "Outturn" not in widget.result_box.value
