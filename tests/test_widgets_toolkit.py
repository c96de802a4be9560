"""Lesson 02's widgets, driven by setting control values as a student's slider would."""

import numpy as np
import pandas as pd
import pytest

import cqlab
from cqlab.models import toolkit
from cqlab.widgets.base import MAIN_CONTROL_CLASS
from cqlab.widgets.toolkit import CadenceWidget, LadderWidget, MuRankingWidget, cadence_summary


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    cqlab.set_language("en")


# ---------------------------------------------------------------- cadence (the main widget)


def test_cadence_is_the_main_control_and_a_slider():
    w = CadenceWidget()
    assert w.main_control is w.controls["cadence"]
    assert MAIN_CONTROL_CLASS in w.main_control._dom_classes
    assert type(w.main_control).__name__ == "SelectionSlider"


def test_moving_the_cadence_smooths_the_shock_and_delays_the_flag():
    w = CadenceWidget()
    seen, lags, pngs = {}, {}, set()
    for cadence in toolkit.CADENCES:
        w.controls["cadence"].value = cadence
        seen[cadence], lags[cadence] = w.result["shock_seen"], w.result["lag_days"]
        pngs.add(w.image.value)
        assert w.result["cadence"] == cadence
    assert len(pngs) == 4  # a new chart for each cadence
    assert abs(seen["week"]) > abs(seen["xun"]) > abs(seen["month"]) > abs(seen["quarter"])
    assert lags["quarter"] > lags["month"] > lags["week"]
    # independent check of the quarterly figure: Q2 mean of the simulated series, minus the level
    series = w.result["series"]
    q2 = series[(series.index >= "2024-04-01") & (series.index <= "2024-06-30")].mean()
    assert seen["quarter"] == pytest.approx(q2 - 100)
    assert "quarterly" in w.result_box.value and "Simulated" in w.result_box.value


def test_noise_and_shock_sliders_reach_the_model():
    w = CadenceWidget(cadence="month")
    w.controls["noise"].value = 0.5
    w.controls["shock_size"].value = -20.0
    w.controls["shock_days"].value = 10
    series = w.result["series"]
    may = series[(series.index >= "2024-05-01") & (series.index <= "2024-05-31")]
    assert may.mean() - 100 == pytest.approx(w.result["shock_seen"])
    # with little noise the May dip is close to -20 * 10 / 31
    assert w.result["shock_seen"] == pytest.approx(-20 * 10 / 31, abs=0.3)


def test_cadence_summary_has_one_row_per_cadence_and_matches_the_widget():
    table = cadence_summary()
    assert len(table) == len(toolkit.CADENCES)
    w = CadenceWidget(cadence="xun")
    assert table.iloc[1]["lag, days"] == w.result["lag_days"]
    assert table.iloc[1]["false alarms"] == w.result["false_alarms"]


def test_the_weekly_chart_reports_its_false_alarms():
    w = CadenceWidget()
    table = w.result["table"]
    # independent count: flagged weeks ending before 5 Aug that hold no day of the 13-17 May shock
    quiet = (table["end"] < "2024-08-05") & ((table["end"] < "2024-05-13") | (table["start"] > "2024-05-17"))
    assert w.result["false_alarms"] == int((quiet & table["flag"]).sum())
    assert f"false alarms: {w.result['false_alarms']} of {int(quiet.sum())}" in w.result_box.value


# ---------------------------------------------------------------- 亩均 ranking


def test_mu_weight_changes_who_is_class_d():
    w = MuRankingWidget(tax_weight=0.0)
    assert w.result["changed"] == 0
    d_by_output = set(w.result["table"].query("`class` == 'D'")["firm"])
    w.controls["tax_weight"].value = 1.0
    table = w.result["table"]
    d_by_tax = set(table.query("`class` == 'D'")["firm"])
    assert d_by_tax != d_by_output
    # independent check: the firms with the lowest tax per mu, below the 10th percentile
    per_mu = toolkit.per_mu(w.firms)
    pct = per_mu["tax_per_mu"].rank(pct=True) * 100
    assert d_by_tax == set(per_mu.loc[pct < 10, "firm"])
    assert w.result["changed"] == int((table["class"] != table["class_by_output"]).sum())
    assert f"<b>{w.result['changed']}</b>" in w.result_box.value


def test_mu_cutoff_sliders_and_a_clear_message_when_out_of_order():
    w = MuRankingWidget()
    w.controls["d_below"].value = 30
    assert (w.result["table"]["class"] == "D").sum() == (100 * w.result["table"]["score"] < 30).sum()
    shown = w.image.value
    w.controls["d_below"].value = 50  # above the C cut-off of 40
    assert "D <= C <= B" in w.error
    assert "Check the input" in w.message_box.value
    assert w.image.value == shown
    w.controls["c_below"].value = 60
    assert w.error is None


# ---------------------------------------------------------------- the ladder


def test_ladder_sliders_drive_the_expected_years():
    w = LadderWidget()
    before = w.image.value
    w.controls["up1"].value = 0.5
    assert w.result["years_to_reach"][1] == pytest.approx(1 / 0.5)  # geometric wait at the bottom
    assert w.image.value != before
    w.controls["down2"].value = 0.0
    w.controls["down3"].value = 0.0
    up = [w.controls[f"up{i}"].value for i in (1, 2, 3)]
    assert w.result["years_to_reach"][3] == pytest.approx(sum(1 / p for p in up))
    w.controls["years"].value = 5
    assert w.result["shares"].shape == (6, 4)


def test_ladder_rows_must_sum_to_one():
    w = LadderWidget()
    w.controls["up2"].value = 0.9
    w.controls["down2"].value = 0.2
    assert "more than 1" in w.error
    assert "Check the input" in w.message_box.value


def test_ladder_legend_covers_none_of_the_stacked_areas():
    w = LadderWidget()
    left = w.axes[0]
    renderer = w.figure.canvas.get_renderer()
    legend = left.get_legend().get_window_extent(renderer)
    panel = left.get_window_extent(renderer)
    assert legend.y1 <= panel.y0  # wholly below the panel


def test_ladder_switch_changes_the_rung_names():
    w = LadderWidget()
    w.controls["ladder"].value = "specialised"
    assert "little giant" in w.result_box.value


def test_a_stuck_rung_shows_never_for_sure():
    w = LadderWidget()
    w.controls["up2"].value = 0.0
    w.controls["down2"].value = 0.0
    assert np.isinf(w.result["years_to_reach"][2])
    assert "∞" in w.result_box.value


# ---------------------------------------------------------------- Chinese labels render


def test_every_widget_draws_in_chinese_without_missing_glyphs():
    cqlab.set_language("zh")  # pyproject turns matplotlib's missing-glyph warning into an error
    for widget in (CadenceWidget(cadence="xun"), MuRankingWidget(), LadderWidget(ladder="specialised")):
        assert widget.error is None and widget.image.value[:4] == b"\x89PNG"
    assert "旬" in CadenceWidget(cadence="xun").result_box.value
    table = cadence_summary()
    # the data keep English keys in every language (code a student writes works in both); the displayed
    # headers are Chinese
    assert list(table.columns)[0] == "cadence"
    from cqlab import tables
    from cqlab.widgets.toolkit import SUMMARY_LABELS

    assert "<th>频率</th>" in tables.to_html(table, labels=SUMMARY_LABELS)
    assert isinstance(table, pd.DataFrame)


def test_controls_refuse_bad_values_in_cqlabs_words_and_keep_their_value():
    """A slider set beyond its range, to text or to a fraction on an integer slider is refused, not clamped."""
    from cqlab.errors import CqlabInputError

    w = CadenceWidget()
    for control, value, message in (("noise", 50, "at most 12"), ("noise", "3", "must be a number"),
                                    ("shock_days", 2.5, "whole number"), ("cadence", "Week", "got 'Week'"),
                                    ("cadence", None, "got None")):
        before = w.controls[control].value
        with pytest.raises(CqlabInputError, match=message):
            w.controls[control].value = value
        assert w.controls[control].value == before
    w.controls["noise"].value = 6.0  # a good value still works
    assert w.result is not None and w.error is None
