"""Nash bargaining and the layout helpers of lesson 08."""

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from cqlab.errors import CqlabInputError
from cqlab.models import bargaining as nb

surpluses = st.floats(min_value=1, max_value=1e6, allow_nan=False)
powers = st.floats(min_value=0, max_value=1, allow_nan=False)
fractions = st.floats(min_value=0, max_value=0.5, allow_nan=False)


def test_split_by_hand():
    # S = 100, d_w = 20, d_f = 30: gains 50; beta = 0.4 -> workers 20 + 20 = 40, firm 60
    o = nb.nash_bargaining(100, 0.4, 20, 30)
    assert o.gains == pytest.approx(50)
    assert o.worker == pytest.approx(40) and o.firm == pytest.approx(60)
    assert o.worker_gain == pytest.approx(20) and o.firm_gain == pytest.approx(30)
    assert o.worker_share == pytest.approx(0.4)


def test_extreme_powers_give_everything_above_the_outside_options_to_one_side():
    assert nb.nash_bargaining(100, 1, 20, 30).firm == pytest.approx(30)
    assert nb.nash_bargaining(100, 0, 20, 30).worker == pytest.approx(20)


def test_outside_options_equal_to_the_surplus_leave_nothing_to_bargain_over():
    o = nb.nash_bargaining(100, 0.7, 60, 40)
    assert o.gains == 0 and o.worker == pytest.approx(60)


def test_outside_options_above_the_surplus_mean_no_deal():
    with pytest.raises(CqlabInputError, match="No deal: the outside options add up to 110"):
        nb.nash_bargaining(100, 0.5, 60, 50)


@given(surpluses, powers, fractions, fractions)
def test_split_sums_to_the_surplus_and_each_side_gets_at_least_its_outside_option(s, beta, fw, ff):
    o = nb.nash_bargaining(s, beta, fw * s, ff * s)
    assert o.worker + o.firm == pytest.approx(s, rel=1e-12)
    assert o.worker >= o.worker_outside - 1e-9 * s
    assert o.firm >= o.firm_outside - 1e-9 * s


@given(surpluses, powers, powers, fractions, fractions)
def test_worker_share_rises_with_beta(s, b1, b2, fw, ff):
    low, high = sorted((b1, b2))
    assert nb.nash_bargaining(s, low, fw * s, ff * s).worker <= nb.nash_bargaining(s, high, fw * s, ff * s).worker + 1e-9 * s


@given(surpluses, powers, fractions, fractions, fractions)
def test_worker_share_rises_with_the_workers_outside_option(s, beta, f1, f2, ff):
    low, high = sorted((f1, f2))
    a = nb.nash_bargaining(s, beta, low * s, ff * s).worker
    b = nb.nash_bargaining(s, beta, high * s, ff * s).worker
    assert a <= b + 1e-9 * s
    # exactly by (1 - beta) times the rise in d_w: w = d_w + beta (S - d_w - d_f)
    assert b - a == pytest.approx((1 - beta) * (high - low) * s, abs=1e-9 * s)


@given(surpluses, st.floats(min_value=0.05, max_value=0.95), fractions, fractions)
def test_the_split_maximises_the_nash_product(s, beta, fw, ff):
    """Independent check: a grid search over every possible deal finds the same worker payoff."""
    dw, df = fw * s, ff * s
    assume(s - dw - df > 1e-3 * s)
    grid = np.linspace(dw, s - df, 20001)
    best = grid[np.argmax(nb.nash_product(grid, s, beta, dw, df))]
    assert best == pytest.approx(nb.nash_bargaining(s, beta, dw, df).worker, abs=2e-4 * s)


def test_nash_product_is_zero_outside_the_deal_set():
    values = nb.nash_product([10, 50, 95], 100, 0.5, 20, 10)
    assert values[0] == 0 and values[2] == 0 and values[1] == pytest.approx((30 * 40) ** 0.5)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: nb.nash_bargaining(100, 1.2, 0, 0), "bargaining power beta must be at most 1"),
        (lambda: nb.nash_bargaining(0, 0.5, 0, 0), "surplus S must be greater than 0"),
        (lambda: nb.nash_bargaining(100, 0.5, -5, 0), "outside option d_w must be at least 0"),
        (lambda: nb.nash_bargaining(100, "half", 0, 0), "must be a number"),
    ],
)
def test_bad_inputs_are_explained(call, message):
    with pytest.raises(CqlabInputError) as raised:
        call()
    assert message in str(raised.value)


def test_tree_levels_spread_nodes_and_know_parents_only_below_a_single_node():
    levels = nb.tree_levels([("committee", 1), ("room", 1), ("stations", 4), ("small", 152)], max_drawn=60)
    assert [lvl.count for lvl in levels] == [1, 1, 4, 152]
    assert [lvl.y for lvl in levels] == [3, 2, 1, 0]
    assert [len(lvl.x) for lvl in levels] == [1, 1, 4, 60]
    assert [lvl.parent_known for lvl in levels] == [False, True, True, False]
    np.testing.assert_allclose(levels[2].x, [0, 1 / 3, 2 / 3, 1])


def test_tree_levels_refuse_an_empty_level():
    with pytest.raises(CqlabInputError, match="number of nodes in 'stations' must be at least 1"):
        nb.tree_levels([("committee", 1), ("stations", 0)])


def test_cycle_positions_start_at_the_top_and_go_clockwise_on_the_circle():
    x, y = nb.cycle_positions(6, radius=2)
    np.testing.assert_allclose(np.hypot(x, y), 2)
    assert x[0] == pytest.approx(0) and y[0] == pytest.approx(2)
    assert x[1] > 0  # clockwise: the second step is to the right of the top
    np.testing.assert_allclose(np.diff(np.unwrap(np.arctan2(y, x))), -2 * np.pi / 6)
