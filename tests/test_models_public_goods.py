"""The co-management (public-goods) game and the gap-to-target arithmetic of lesson 07."""

import itertools

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from cqlab.errors import CqlabInputError
from cqlab.models import public_goods as pg

sizes = st.integers(min_value=2, max_value=200)
multipliers = st.floats(min_value=0.05, max_value=50, allow_nan=False)
rewards = st.floats(min_value=0, max_value=3, allow_nan=False)
endowments = st.floats(min_value=0.5, max_value=1000, allow_nan=False)


def test_payoffs_by_hand():
    # 4 villagers, endowment 10, r = 2: contributions 0, 4, 6, 10 -> pot 20 * 2 / 4 = 10 each
    got = pg.payoffs([0, 4, 6, 10], multiplier=2, endowment=10)
    np.testing.assert_allclose(got, [20, 16, 14, 10])
    # with a reward of 0.5 per unit each gets 0.5 * own contribution more
    got = pg.payoffs([0, 4, 6, 10], multiplier=2, endowment=10, reward=0.5)
    np.testing.assert_allclose(got, [20, 18, 17, 15])


def test_default_setting_of_the_lesson_by_hand():
    # N = 10, r = 3: r/N = 0.3 < 1 -> nobody gives; r > 1 -> the optimum is to give everything
    outcome = pg.analyse(10, 3, 0, endowment=10)
    assert outcome.equilibrium == 0 and outcome.optimum == 10
    assert outcome.group_payoff_equilibrium == pytest.approx(100)  # 10 people keep 10 each
    assert outcome.group_payoff_optimum == pytest.approx(300)  # pot 100 * 3
    assert outcome.gap == pytest.approx(200)
    assert outcome.required_reward == pytest.approx(0.7)
    assert not outcome.gap_closed


def test_the_required_reward_flips_the_equilibrium_and_a_bit_less_does_not():
    s_star = pg.required_reward(10, 3)
    closed = pg.analyse(10, 3, s_star, endowment=10)
    assert closed.equilibrium == 10 and closed.gap_closed and closed.gap == 0
    assert closed.reward_bill == pytest.approx(0.7 * 10 * 10)  # s * N * e, paid by the funder
    assert pg.analyse(10, 3, s_star - 0.01, endowment=10).equilibrium == 0


def test_slider_rounding_at_the_threshold_counts_as_the_tie():
    # a FloatSlider with step 0.05 gives 0.7000000000000001 or 0.6999999999999998
    assert pg.equilibrium_contribution(10, 3, 0.35 * 2 - 1e-15, 1) == 1


def test_no_reward_is_needed_when_one_keeps_more_than_one_gives():
    assert pg.required_reward(4, 5) == 0
    assert pg.equilibrium_contribution(4, 5, 0, 7) == 7


@given(sizes, multipliers, rewards, endowments)
def test_equilibrium_is_zero_iff_private_return_below_one(n, r, s, e):
    assume(abs(r / n + s - 1) > 1e-6)  # away from the tie, where a villager is indifferent
    eq = pg.equilibrium_contribution(n, r, s, e)
    assert (eq == 0) == (r / n + s < 1)
    assert eq in (0, e)


@given(sizes, multipliers, rewards, endowments)
def test_equilibrium_is_a_best_response_against_every_deviation(n, r, s, e):
    """No villager gains by deviating from the equilibrium (checked with the payoff formula)."""
    eq = pg.equilibrium_contribution(n, r, s, e)
    base = pg.payoffs([eq] * n, r, e, s)[0]
    for deviation in np.linspace(0, e, 6):
        deviated = pg.payoffs([deviation] + [eq] * (n - 1), r, e, s)[0]
        assert deviated <= base + 1e-9 * max(1.0, abs(base))


@given(sizes, multipliers, rewards, endowments)
def test_optimum_group_payoff_is_at_least_the_equilibriums(n, r, s, e):
    outcome = pg.analyse(n, r, s, e)
    assert outcome.group_payoff_optimum >= outcome.group_payoff_equilibrium - 1e-9 * outcome.group_payoff_optimum
    # and the optimum beats every symmetric contribution (group payoff summed from payoffs, reward 0)
    for c in np.linspace(0, e, 5):
        total = pg.payoffs([c] * n, r, e).sum()
        assert outcome.group_payoff_optimum >= total - 1e-9 * max(1.0, total)


@given(sizes, multipliers, endowments)
def test_the_required_reward_is_the_smallest_that_makes_giving_pay(n, r, e):
    s_star = pg.required_reward(n, r)
    assert pg.equilibrium_contribution(n, r, s_star, e) == e
    if s_star > 1e-6:
        assert pg.equilibrium_contribution(n, r, s_star - 1e-6, e) == 0
    assert s_star == pytest.approx(max(0.0, (n - r) / n))


@given(sizes, multipliers, rewards, endowments)
def test_group_payoff_equals_the_sum_of_payoffs_net_of_rewards(n, r, s, e):
    c = e / 3
    with_reward = pg.payoffs([c] * n, r, e, s).sum()
    assert pg.group_payoff(n, r, c, e) == pytest.approx(with_reward - s * c * n, rel=1e-9, abs=1e-9)


def test_payoff_curves_have_the_slopes_of_the_incentives():
    curves = pg.payoff_curves(10, 3, 0.2, endowment=10, points=11)
    own_slope = np.diff(curves["own"]) / np.diff(curves["contribution"])
    group_slope = np.diff(curves["group_per_villager"]) / np.diff(curves["contribution"])
    np.testing.assert_allclose(own_slope, 3 / 10 + 0.2 - 1)
    np.testing.assert_allclose(group_slope, 3 - 1)
    # at c = 0 with others giving 0 (equilibrium), a villager keeps her endowment
    assert curves["own"].iloc[0] == pytest.approx(10)


def test_self_funded_payoffs_by_hand():
    # 4 villagers, e = 10, r = 2, s = 0.5, contributions 0, 4, 6, 10: bill 0.5 * 20 = 10, fee 2.5 each
    got = pg.payoffs([0, 4, 6, 10], multiplier=2, endowment=10, reward=0.5, self_funded=True)
    np.testing.assert_allclose(got, [17.5, 15.5, 14.5, 12.5])
    # the fees pay the bill exactly: the group total equals the total without any reward
    assert got.sum() == pytest.approx(pg.payoffs([0, 4, 6, 10], 2, 10).sum())


@given(st.integers(min_value=2, max_value=60), multipliers, endowments)
def test_self_funded_giving_pays_from_n_minus_r_over_n_minus_1(n, r, e):
    """The lesson's derivation: the gain from giving e instead of 0 changes sign at s = (N - r)/(N - 1)."""
    assume(r < n - 1e-3)
    s_star = (n - r) / (n - 1)

    def gain(s):  # villager 1 gives e or 0, the others give e/2 (any choice of theirs gives the same gain)
        others = [e / 2] * (n - 1)
        return (pg.payoffs([e] + others, r, e, s, self_funded=True)[0]
                - pg.payoffs([0.0] + others, r, e, s, self_funded=True)[0])

    assert gain(s_star) == pytest.approx(0, abs=1e-9 * e * n)
    assert gain(s_star + 0.01) > 0 > gain(max(0.0, s_star - 0.01))
    # and it is never less than what an outside funder must pay
    assert s_star >= pg.required_reward(n, r) - 1e-12


def test_gaps_to_targets_by_hand():
    table = pg.gaps_to_targets(89, 2023, {2027: 95, 2025: 92.2})
    assert list(table["target_year"]) == [2025, 2027]
    np.testing.assert_allclose(table["gap"], [3.2, 6.0])
    np.testing.assert_allclose(table["gap_per_year"], [1.6, 1.5])


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: pg.analyse(0, 3), "at least 2 villagers"),
        (lambda: pg.analyse(1, 3), "got a group size of 1"),
        (lambda: pg.analyse(2.5, 3), "whole number"),
        (lambda: pg.analyse("ten", 3), "whole number of villagers"),
        (lambda: pg.analyse(10, 0), "multiplier r must be greater than 0"),
        (lambda: pg.analyse(10, 3, -0.1), "reward per unit s must be at least 0"),
        (lambda: pg.payoffs([1, 20], 2, 10), "between 0 and the endowment 10"),
        (lambda: pg.payoffs([1, 2], 2, 10, 0.5, self_funded="yes"), "self_funded must be True or False"),
        (lambda: pg.gaps_to_targets(89, 2023, {2020: 95}), "must come after the year of the level (2023)"),
    ],
)
def test_bad_inputs_are_explained(call, message):
    with pytest.raises(CqlabInputError) as raised:
        call()
    assert message in str(raised.value)


def test_every_integer_group_from_two_works_and_below_two_is_refused():
    for n, r in itertools.product(range(-2, 6), (0.5, 2.0)):
        if n < 2:
            with pytest.raises(CqlabInputError):
                pg.analyse(n, r)
        else:
            pg.analyse(n, r)


# --- issue 15 (bad inputs) -------------------------------------------------------------------------------


def test_contributions_are_finite_numbers_not_true_false_nor_huge_integers():
    for bad in (True, [True, 2], [1, 10**400], [[1, 2], [3, 4]], "12", {"a": 1}):
        with pytest.raises(CqlabInputError, match="Contributions must be"):
            pg.payoffs(bad, 2, 10)
    np.testing.assert_allclose(pg.payoffs(np.array([1.0, 2.0]), 2, 10), [12.0, 11.0])
