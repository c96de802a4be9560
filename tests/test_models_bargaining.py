"""Nash bargaining, the outside-option principle and Rubinstein bargaining (lesson 08)."""

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
    with pytest.raises(CqlabInputError, match="No deal: the disagreement payoffs add up to 110"):
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
        (lambda: nb.nash_bargaining(100, 0.5, -5, 0), "disagreement payoff d_w must be at least 0"),
        (lambda: nb.nash_bargaining(100, "half", 0, 0), "must be a number"),
    ],
)
def test_bad_inputs_are_explained(call, message):
    with pytest.raises(CqlabInputError) as raised:
        call()
    assert message in str(raised.value)


def test_a_non_binding_outside_option_leaves_the_wage_unchanged():
    # threat point d_w = 0, d_f = 20: Nash wage 0 + 0.5 * 80 = 40; an outside option of 30 does not bind
    assert nb.outside_option_wage(100, 0.5, 0, 20, 30) == pytest.approx(40)
    assert nb.outside_option_wage(100, 0.5, 0, 20, 39.9) == pytest.approx(40)
    # a binding one is just met: the wage is the outside option, and rises one for one with it
    assert nb.outside_option_wage(100, 0.5, 0, 20, 50) == pytest.approx(50)
    assert nb.outside_option_wage(100, 0.5, 0, 20, 60) == pytest.approx(60)


@given(surpluses, powers, fractions, fractions, st.floats(min_value=0, max_value=0.5))
def test_the_outside_option_wage_is_the_larger_of_the_nash_wage_and_the_option(s, beta, fw, ff, fo):
    dw, df, ow = fw * s, ff * s, fo * s
    nash = nb.nash_bargaining(s, beta, dw, df).worker
    wage = nb.outside_option_wage(s, beta, dw, df, ow)
    assert wage == pytest.approx(max(nash, ow))
    # raising a non-binding option by a little changes nothing; the threat point moves it by (1 - beta)
    if ow + 1e-3 * s < nash:
        assert nb.outside_option_wage(s, beta, dw, df, ow + 1e-3 * s) == pytest.approx(wage)


def test_an_outside_option_above_what_the_firm_can_pay_means_no_deal():
    with pytest.raises(CqlabInputError, match="No deal: the workers' outside option 90"):
        nb.outside_option_wage(100, 0.5, 0, 20, 90)


def test_rubinstein_share_by_hand():
    # equal patience 0.9: the first proposer gets 0.1 / 0.19 = 10/19, a little more than half
    assert nb.rubinstein_share(0.9, 0.9) == pytest.approx(10 / 19)
    assert nb.rubinstein_share(0.5, 0) == pytest.approx(1)  # an impatient responder accepts anything
    assert nb.rubinstein_share(0, 0.5) == pytest.approx(0.5)  # player 1 keeps 1 - delta_2


def test_rubinstein_share_is_the_limit_of_finite_games_by_backward_induction():
    """Independent check: in a T-round game the last proposer takes all; going back, each proposer offers
    the responder exactly what waiting is worth to them. The first proposer's share converges to the formula."""
    d1, d2 = 0.9, 0.8
    # x = player 1's share when she proposes first in a game of 2k + 1 rounds (she also proposes last);
    # one round: she takes all. Two rounds more in front: player 2, proposing in round 2, offers her d1 * x and keeps
    # 1 - d1 * x; in round 1 she offers player 2 d2 * (1 - d1 * x) and keeps the rest.
    odd = [1.0]
    for _ in range(300):
        odd.append(1 - d2 * (1 - d1 * odd[-1]))
    assert odd[-1] == pytest.approx(nb.rubinstein_share(d1, d2), abs=1e-12)


@given(st.floats(min_value=0.01, max_value=5), st.floats(min_value=0.01, max_value=5))
def test_rubinstein_share_tends_to_the_nash_beta_as_the_interval_shrinks(r1, r2):
    limit = nb.rubinstein_limit_share(r1, r2)
    assert limit == pytest.approx(r2 / (r1 + r2))
    assert nb.rubinstein_limit_share(r1, r2, 1e-7) == pytest.approx(limit, abs=1e-6)
    # the interval's share is the discrete formula with delta_i = exp(-r_i dt)
    dt = 0.5
    assert nb.rubinstein_limit_share(r1, r2, dt) == pytest.approx(nb.rubinstein_share(np.exp(-r1 * dt), np.exp(-r2 * dt)))
    # the first-mover advantage: a longer interval helps whoever proposes first
    assert nb.rubinstein_limit_share(r1, r2, 1.0) >= nb.rubinstein_limit_share(r1, r2, 0.1) - 1e-12


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: nb.outside_option_wage(100, 0.5, 0, 20, -1), "outside option o_w must be at least 0"),
        (lambda: nb.outside_option_wage(100, 0.5, 0, 20, "30"), "must be a number"),
        (lambda: nb.rubinstein_share(1.2, 0.9), "discount factor delta_1 must be at most 1"),
        (lambda: nb.rubinstein_share(1, 1), "no unique split"),
        (lambda: nb.rubinstein_limit_share(0, 1), "discount rate r_1 must be greater than 0"),
        (lambda: nb.rubinstein_limit_share(1, 1, 0), "interval between offers must be greater than 0"),
    ],
)
def test_bad_inputs_of_the_new_rules_are_explained(call, message):
    with pytest.raises(CqlabInputError) as raised:
        call()
    assert message in str(raised.value)


# --- issue 15 (bad inputs) -------------------------------------------------------------------------------


def test_nash_product_refuses_true_false_and_an_empty_list():
    for bad in (True, [True, 50], np.array([True, False])):
        with pytest.raises(CqlabInputError, match="True/False|a number or a list of numbers"):
            nb.nash_product(bad, 100, 0.5, 20, 10)
    with pytest.raises(CqlabInputError, match="at least one number"):
        nb.nash_product([], 100, 0.5, 20, 10)
