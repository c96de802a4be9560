"""Lesson 06 widget, driven by setting control values as a student would."""

from __future__ import annotations

import pytest

import cqlab
from cqlab.models import routes as m
from cqlab.widgets.routes import RouteChoiceWidget


@pytest.fixture
def english():
    cqlab.set_language("en")
    yield
    cqlab.set_language("en")


def test_default_state(english):
    w = RouteChoiceWidget()
    assert w.error is None
    assert w.main_control is w.controls["value_of_time"]
    river, rail = w.base_routes["river_sea"], w.base_routes["rail_sea"]
    # at 400 yuan/day the river-sea route wins when 400 is below the river/rail break-even
    v_star = (rail.cost - river.cost) / (river.days - rail.days)
    choice, shares = w.result
    assert (choice.winner.key == "river_sea") == (400 < v_star)
    assert choice.costs["river_sea"] == pytest.approx(river.cost + 400 * river.days)
    assert shares == pytest.approx(m.mode_shares(w.base_routes, 400, 0.8))
    assert w.image.value[:4] == b"\x89PNG"


def test_moving_the_value_of_time_past_each_switch_changes_the_winner(english):
    w = RouteChoiceWidget()
    switches = w.result[0].switches
    assert len(switches) >= 1
    for s in switches:
        w.controls["value_of_time"].value = int(s.value_of_time) + 10
        assert w.result[0].winner.key == s.after.key
        w.controls["value_of_time"].value = max(0, int(s.value_of_time) - 10)
        assert w.result[0].winner.key == s.before.key


def test_the_spread_moves_shares_but_not_switches(english):
    w = RouteChoiceWidget()
    switches = [s.value_of_time for s in w.result[0].switches]
    image = w.image.value
    w.controls["sigma"].value = 0.2
    assert [s.value_of_time for s in w.result[0].switches] == switches
    assert w.result[1] == pytest.approx(m.mode_shares(w.base_routes, 400, 0.2))
    assert sum(w.result[1].values()) == pytest.approx(1)
    assert w.image.value != image
    assert "Mode shares" in w.result_box.value


def test_a_zero_median_sends_everyone_by_the_cheapest_route(english):
    w = RouteChoiceWidget()
    w.controls["value_of_time"].value = 0
    assert w.error is None
    assert w.result[1]["river_sea"] == 1


def test_illustrative_parameters_are_controls_and_sourced_ones_are_not(english):
    w = RouteChoiceWidget()
    assert "cost_road" in w.controls and "days_road" in w.controls
    assert "days_rail_sea" not in w.controls and "days_river_sea" not in w.controls
    w.controls["cost_road"].value = 10_000
    road = next(r for r in w.result[0].routes if r.key == "road")
    assert road.cost == 10_000
    assert w.result[0].costs["road"] == pytest.approx(10_000 + w.controls["value_of_time"].value * road.days)


def test_describe_names_winner_and_switches(english):
    w = RouteChoiceWidget()
    assert w.result[0].winner.name_en in w.result_box.value
    assert "Switches:" in w.result_box.value


def test_chinese_labels_render():
    cqlab.set_language("zh")
    try:
        w = RouteChoiceWidget()
        w.controls["value_of_time"].value = 900
        assert w.error is None
    finally:
        cqlab.set_language("en")
