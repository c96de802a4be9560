"""Lesson 03's widget, driven by setting control values as a student would."""

import math
import warnings

import pytest

import cqlab
from cqlab import data
from cqlab.widgets.accounting import GrowthAccountingWidget


@pytest.fixture(autouse=True)
def english_after():
    yield
    cqlab.set_language("en")


@pytest.fixture(scope="module")
def pwt():
    return data.load("pwt_china").set_index("year")


def test_default_period_starts_where_pwt_tfp_starts_and_matches_a_hand_computation(pwt):
    w = GrowthAccountingWidget()
    start, end = w.controls["start"].value, w.controls["end"].value
    assert start == int(pwt["rtfpna"].first_valid_index()) and end == int(pwt.index.max())
    r = w.result
    n = end - start
    assert r.output == pytest.approx(math.log(pwt.rgdpna[end] / pwt.rgdpna[start]) / n)
    share = pwt.labsh.loc[start:end].mean()
    assert r.labour_share == pytest.approx(share) and r.share_from_data
    assert r.capital == pytest.approx((1 - share) * math.log(pwt.rnna[end] / pwt.rnna[start]) / n)
    assert r.pwt_tfp == pytest.approx(math.log(pwt.rtfpna[end] / pwt.rtfpna[start]) / n)
    assert w.controls["labour_share"].disabled
    assert "TFP" in w.result_box.value and bytes(w.image.value).startswith(b"\x89PNG")


def test_moving_the_period_changes_result_and_chart():
    w = GrowthAccountingWidget()
    before, png = w.result, w.image.value
    w.controls["start"].value = 1980
    assert w.result.start == 1980 and w.result.output != before.output
    assert w.image.value != png


def test_a_labour_share_set_by_the_student_is_used():
    w = GrowthAccountingWidget()
    w.controls["share_source"].value = "set"
    assert not w.controls["labour_share"].disabled
    w.controls["labour_share"].value = 0.7
    assert w.result.labour_share == pytest.approx(0.7) and not w.result.share_from_data
    low_share_tfp = None
    w.controls["labour_share"].value = 0.4
    low_share_tfp = w.result.tfp
    w.controls["labour_share"].value = 0.7
    assert w.result.tfp != low_share_tfp
    w.controls["share_source"].value = "data"
    assert w.result.share_from_data and w.controls["labour_share"].disabled


def test_hours_before_the_data_start_give_a_message_and_keep_the_last_chart(pwt):
    w = GrowthAccountingWidget()
    png = w.image.value
    w.controls["labour"].value = "hours"  # default start precedes the first hours figure
    first_hours = int(pwt["avh"].first_valid_index())
    assert w.error is not None and "Hours worked" in w.error and str(first_hours) in w.error
    assert w.image.value == png
    w.controls["start"].value = first_hours
    assert w.error is None and w.result.labour_measure == "hours"


def test_an_end_before_the_start_is_explained():
    w = GrowthAccountingWidget()
    w.controls["end"].value = w.controls["start"].value
    assert "end year must come after the start year" in w.error


def test_chinese_labels_render_without_missing_glyphs():
    cqlab.set_language("zh")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        w = GrowthAccountingWidget(start=1952, end=1978)  # no PWT TFP: the note is drawn too
        assert w.result.pwt_tfp is None
        w.controls["labour"].value = "persons"
        w.controls["share_source"].value = "set"
    assert w.error is None


def test_the_right_panel_draws_the_cumulative_tfp_index_of_the_chosen_period(pwt):
    w = GrowthAccountingWidget()
    left, right = w.figure.axes[:2]
    assert left.patches and not right.patches  # bars on the left, lines on the right
    ours = right.get_lines()[0]
    assert list(ours.get_xdata())[0] == w.result.start and ours.get_ydata()[0] == pytest.approx(1.0)
    assert math.log(ours.get_ydata()[-1]) / w.result.years == pytest.approx(w.result.tfp)
    w.controls["start"].value = 2008
    ours = w.figure.axes[1].get_lines()[0]
    assert list(ours.get_xdata())[0] == 2008 and w.result.tfp < 0  # TFP fell after 2008 in these data


def test_the_result_line_follows_the_language():
    w = GrowthAccountingWidget()
    assert "GDP grew" in w.result_box.value and "rgdpna" in w.result_box.value
    cqlab.set_language("zh")
    w.controls["start"].value = 1980
    assert "年均增长" in w.result_box.value and "GDP grew" not in w.result_box.value
