"""The lesson-08 widget and network drawings, driven by setting control values."""

import warnings

import pytest

import cqlab
from cqlab import charts
from cqlab.widgets.bargaining import BargainingWidget


@pytest.fixture(autouse=True)
def english_after():
    yield
    cqlab.set_language("en")


def test_default_setting_splits_evenly():
    w = BargainingWidget()
    assert w.error is None
    # S = 100, d_w = d_f = 20, beta = 0.5: each gets 20 + 0.5 * 60 = 50
    assert w.result.worker == pytest.approx(50) and w.result.firm == pytest.approx(50)
    assert "<b>50</b>" in w.result_box.value
    assert w.main_control is w.controls["beta"]
    assert "cqlab-main-control" in w.main_control._dom_classes


def test_moving_beta_and_the_outside_option_moves_the_wage_and_the_chart():
    w = BargainingWidget()
    before = bytes(w.image.value)
    w.controls["beta"].value = 0.75
    assert w.result.worker == pytest.approx(20 + 0.75 * 60)
    assert bytes(w.image.value) != before
    w.controls["worker_outside"].value = 40
    assert w.result.worker == pytest.approx(40 + 0.75 * 40)
    assert w.result.worker + w.result.firm == pytest.approx(100)


def test_outside_options_above_the_surplus_give_a_message_not_a_traceback():
    w = BargainingWidget()
    w.controls["worker_outside"].value = 70  # 70 + 20 <= 100: still a deal
    last_image = bytes(w.image.value)
    w.controls["firm_outside"].value = 50
    assert w.error is not None and "No deal" in w.error and "120" in w.error
    assert "Check the input" in w.message_box.value
    assert bytes(w.image.value) == last_image
    w.controls["firm_outside"].value = 30  # exactly S: a deal with no gains to share
    assert w.error is None and w.result.gains == pytest.approx(0) and w.result.worker == pytest.approx(70)


def test_chinese_labels_render_without_missing_glyphs():
    cqlab.set_language("zh")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        w = BargainingWidget()
        w.controls["beta"].value = 0.3
        charts.figure_png(w.figure)
    assert "职工方" in w.result_box.value


def test_counts_chart_marks_lower_bounds_and_uses_a_log_scale():
    import pandas as pd

    from cqlab.widgets.bargaining import draw_counts, qualified

    assert qualified(300, "more than (余/超过)") == "300+" and qualified(14, "exact") == "14"
    table = pd.DataFrame({
        "label_en": ["consultations", "competitions"], "label_zh": ["法律咨询", "竞赛"], "value": [300.0, 14.0],
        "unit": ["次", "次"], "qualifier": ["more than (余/超过)", "exact"],
        "group_en": ["service", "skills"], "group_zh": ["服务", "技能"],
    })
    cqlab.set_language("zh")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        figure, axes = charts.new_figure()
        draw_counts(figure, axes, table)
        charts.figure_png(figure)
    assert axes.get_xscale() == "log"
    assert not axes.patches  # a dot plot: no bars, whose length would mean nothing on a log axis
    dots = axes.collections[0].get_offsets()
    assert sorted(dots[:, 0]) == [14.0, 300.0]  # each dot sits at its count
    bar_labels = sorted(t.get_text() for t in axes.texts)
    assert bar_labels == ["", "14", "300+"]  # one arrow (empty annotation) for the one lower bound
    assert [t.get_text() for t in axes.get_yticklabels()] == ["竞赛 (次)", "法律咨询 (次)"]
