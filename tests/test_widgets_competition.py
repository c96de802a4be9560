"""Lesson 05 widgets, driven by setting control values as a student would."""

from __future__ import annotations

import pytest

import cqlab
from cqlab.widgets.competition import MergerHHIWidget, NotificationWidget


@pytest.fixture
def english():
    cqlab.set_language("en")
    yield
    cqlab.set_language("en")


def test_merger_widget_default_is_the_lesson_example(english):
    w = MergerHHIWidget()
    assert w.error is None
    shares = [25, 20, 15, 15, 10]
    assert w.result.hhi_before == pytest.approx(sum(s * s for s in shares))
    assert w.result.delta == pytest.approx(2 * 15 * 10)
    assert w.image.value[:8] == b"\x89PNG\r\n\x1a\n"
    assert "ΔHHI 300" in w.result_box.value
    assert w.main_control is w.controls["share_A"]


def test_moving_a_share_changes_result_and_chart(english):
    w = MergerHHIWidget()
    before = w.image.value
    w.controls["share_A"].value = 35  # total now 95%
    assert w.result.hhi_before == pytest.approx(35**2 + 20**2 + 15**2 + 15**2 + 10**2)
    assert w.image.value != before


def test_choosing_other_firms_changes_delta(english):
    w = MergerHHIWidget()
    w.controls["first"].value = 0
    w.controls["second"].value = 1
    assert w.result.delta == pytest.approx(2 * 25 * 20)
    assert w.result.firms == (0, 1)
    assert "presumed" in w.result.reading_2023


def test_shares_above_100_give_a_message_and_keep_the_last_chart(english):
    w = MergerHHIWidget()
    chart, result = w.image.value, w.result
    w.controls["share_A"].value = 60  # 60 + 20 + 15 + 15 + 10 = 120
    assert w.error is not None and "120%" in w.error and "at most 100%" in w.error
    assert "Check the input" in w.message_box.value
    assert w.image.value == chart and w.result is result
    w.controls["share_A"].value = 30  # back within 100%: the message goes away
    assert w.error is None and w.message_box.value == ""


def test_same_firm_twice_gives_a_message(english):
    w = MergerHHIWidget()
    w.controls["second"].value = w.controls["first"].value
    assert "two different firms" in w.error


def test_notification_widget_default_contrast(english):
    w = NotificationWidget()
    assert w.error is None
    assert w.result["2018"].required and not w.result["2024"].required
    assert "neither test met" in w.result_box.value
    assert w.main_control is w.controls["parties"]


def test_notification_widget_third_party(english):
    w = NotificationWidget()
    before = w.image.value
    w.controls["world_c"].value = 50.0
    w.controls["china_c"].value = 20.0
    assert w.result["2024"].worldwide_combined == pytest.approx(115)  # C is not counted yet
    w.controls["parties"].value = 3
    # worldwide 165 > 120; China 56 > 40; parties above 8: A (30), C (20)
    assert w.result["2024"].tests_met == ["global", "China"]
    assert w.image.value != before


def test_notification_labels_keep_off_the_dashed_line_at_one(english):
    w = NotificationWidget()  # default: the 2024 ratios lie just under 1 (0.96, 0.90, 0.75)
    ratios = [r.worldwide_combined / r.thresholds.worldwide_combined for r in w.result.values()]
    assert 0.55 <= ratios[1] < 1.0  # the 2024 global ratio: the case the placement rule is for
    labels = [t for t in w.axes.texts if "×" in t.get_text()]
    assert len(labels) == 6
    for text in labels:
        ratio = float(text.get_text().split("×")[0])
        x, y = text.get_position()
        if 0.55 <= ratio < 1.0:  # inside the bar, hanging from its top: the text lies below the bar's top
            assert text.get_va() == "top" and y < ratio
        else:  # above the bar
            assert text.get_va() == "bottom" and y > ratio
    inside = [t for t in labels if t.get_va() == "top"]
    assert len(inside) == 3  # all three 2024 ratios of the default deal are between 0.55 and 1


def test_negative_turnover_gives_a_message(english):
    w = NotificationWidget()
    w.controls["china_b"].value = -3.0
    assert "China turnover of party 2" in w.error and "at least 0" in w.error
    assert "Check the input" in w.message_box.value


def test_widgets_render_in_chinese_without_missing_glyphs():
    # pyproject turns matplotlib's missing-glyph UserWarning into an error
    cqlab.set_language("zh")
    try:
        m = MergerHHIWidget()
        m.controls["share_B"].value = 22
        n = NotificationWidget()
        n.controls["parties"].value = 3
        assert m.error is None and n.error is None
    finally:
        cqlab.set_language("en")

