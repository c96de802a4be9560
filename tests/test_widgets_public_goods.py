"""The lesson-07 widget, driven the way a student drives it: by setting control values."""

import warnings

import pytest

import cqlab
from cqlab.widgets.public_goods import PublicGoodsWidget


@pytest.fixture(autouse=True)
def english_after():
    yield
    cqlab.set_language("en")


def test_default_setting_shows_the_gap():
    w = PublicGoodsWidget()
    assert w.error is None
    assert w.result.equilibrium == 0 and w.result.optimum == 10
    assert w.result.required_reward == pytest.approx(1 - 3 / 10)
    assert "0.70" in w.result_box.value
    assert bytes(w.image.value).startswith(b"\x89PNG")
    assert "cqlab-main-control" in w.main_control._dom_classes
    assert w.main_control is w.controls["reward"]


def test_moving_the_reward_past_s_star_flips_the_equilibrium_and_redraws():
    w = PublicGoodsWidget()
    before = bytes(w.image.value)
    w.controls["reward"].value = 0.65
    assert w.result.equilibrium == 0
    assert bytes(w.image.value) != before  # the slope of the own-payoff line changed
    w.controls["reward"].value = 0.7  # s* = 1 - 3/10 (slider float; the tie counts as giving)
    assert w.result.equilibrium == 10 and w.result.gap_closed
    assert w.result.reward_bill == pytest.approx(0.7 * 10 * 10, rel=1e-6)
    assert "closes the gap" in w.result_box.value


def test_the_message_tells_apart_a_closed_gap_no_gap_and_wasteful_giving():
    w = PublicGoodsWidget()
    assert "gap 200 for the group" in w.result_box.value  # N 10, r 3, e 10: 10 * 10 * (3 - 1)
    w.controls["multiplier"].value = 0.8  # upkeep not worth it: the optimum is to give nothing
    assert "no gap" in w.result_box.value and w.result.optimum == 0
    w.controls["reward"].value = 1.0  # 0.8 / 10 + 1 >= 1: everyone gives, and loses 10 * 10 * 0.2
    assert w.result.equilibrium == 10 and w.result.gap == pytest.approx(20)
    assert "worth less than it costs" in w.result_box.value


def test_group_size_and_multiplier_change_the_required_reward():
    w = PublicGoodsWidget()
    w.controls["group_size"].value = 4
    w.controls["multiplier"].value = 2.0
    assert w.result.required_reward == pytest.approx(0.5)
    w.controls["multiplier"].value = 5.0  # r > N: giving pays even without a reward
    assert w.result.required_reward == 0 and w.result.equilibrium == 10


@pytest.mark.parametrize("size", [0, 1])
def test_a_group_of_zero_or_one_gives_a_message_and_keeps_the_last_chart(size):
    w = PublicGoodsWidget()
    last_image, last_result = bytes(w.image.value), w.result
    w.controls["group_size"].value = size
    assert w.error is not None and "at least 2 villagers" in w.error
    assert "Check the input" in w.message_box.value
    assert bytes(w.image.value) == last_image and w.result is last_result
    w.controls["group_size"].value = 5  # recovering clears the message
    assert w.error is None and w.message_box.value == "" and w.result.group_size == 5


def test_chinese_labels_render_without_missing_glyphs():
    cqlab.set_language("zh")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        w = PublicGoodsWidget()
        w.controls["reward"].value = 0.8
    assert "均衡" in w.result_box.value
    assert w.controls["group_size"].description == "小组人数 N"


