"""Tests of cqlab.models.competition: HHI, mergers, the US readings, China's notification tests."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cqlab.errors import CqlabInputError
from cqlab.models import competition as c

# Thresholds written out here from the decree text (independent of the dataset file): 2024 and 2018.
T2024 = c.NotificationThresholds("2024", worldwide_combined=120, china_combined=40, china_each=8)
T2018 = c.NotificationThresholds("2018", worldwide_combined=100, china_combined=20, china_each=4)


@st.composite
def share_lists(draw, min_size=2, max_size=8):
    """Lists of percentage shares that total at most 100."""
    weights = draw(st.lists(st.floats(0, 1), min_size=min_size, max_size=max_size))
    total = draw(st.floats(0, 100))
    scale = sum(weights)
    if scale == 0:
        return [0.0] * len(weights)
    return [total * w / scale * (1 - 1e-12) for w in weights]


# --- HHI ---------------------------------------------------------------------------------------


def test_hhi_by_hand():
    # 30^2 + 30^2 + 20^2 + 20^2 = 900 + 900 + 400 + 400
    assert c.hhi([30, 30, 20, 20]) == pytest.approx(2600)
    assert c.hhi([100]) == pytest.approx(10_000)
    assert c.hhi([10] * 10) == pytest.approx(1_000)  # n equal firms: 10000 / n


def test_cr4_is_the_four_largest():
    assert c.concentration_ratio([5, 40, 10, 20, 15], n=4) == pytest.approx(85)


@settings(max_examples=200, deadline=None)
@given(share_lists(min_size=1))
def test_hhi_within_bounds(shares):
    value = c.hhi(shares)
    assert 0 <= value <= c.HHI_MAX + 1e-6
    # no more concentrated than one firm holding the whole listed total
    assert value <= sum(shares) ** 2 + 1e-6


@settings(max_examples=200, deadline=None)
@given(share_lists(), st.data())
def test_merger_never_lowers_hhi_and_delta_is_2_si_sj(shares, data):
    i = data.draw(st.integers(0, len(shares) - 1))
    j = data.draw(st.integers(0, len(shares) - 1))
    assume(i != j)
    effect = c.merger_effect(shares, i, j)
    assert effect.hhi_after >= effect.hhi_before - 1e-9
    assert effect.delta == pytest.approx(2 * shares[i] * shares[j], abs=1e-6)
    assert effect.hhi_after - effect.hhi_before == pytest.approx(effect.delta, abs=1e-6)
    assert effect.delta == pytest.approx(c.delta_hhi(shares[i], shares[j]), abs=1e-6)
    # the merged firm holds the two shares, the others keep theirs, the total is unchanged
    assert len(effect.shares_after) == len(shares) - 1
    assert sum(effect.shares_after) == pytest.approx(sum(shares))
    assert effect.merged_share in [pytest.approx(s) for s in effect.shares_after]


def test_merge_keeps_the_order_and_puts_the_merged_firm_first_chosen_place():
    assert c.merge([40, 30, 20, 10], 3, 1) == [40, 20, 40]  # firm 4 (10) + firm 2 (30) in firm 4's place
    assert c.merge([40, 30, 20, 10], 0, 2) == [60, 30, 10]


# --- US readings ---------------------------------------------------------------------------------


def test_2023_and_2010_read_the_lesson_default_differently():
    effect = c.merger_effect([25, 20, 15, 15, 10], 3, 4)
    assert effect.hhi_before == pytest.approx(625 + 400 + 225 + 225 + 100)
    assert effect.hhi_after == pytest.approx(1575 + 300)
    assert "presumed" in effect.reading_2023
    assert "moderately" in effect.reading_2010 and "presumed" not in effect.reading_2010


@pytest.mark.parametrize(
    ("hhi_after", "delta", "share", "expected"),
    [
        (1801, 101, 20, "presumed"),  # just over both 2023 thresholds
        (1800, 500, 20, "not highly"),  # 1800 itself is not 'greater than 1,800'
        (2000, 100, 20, "no structural presumption"),  # ΔHHI must exceed 100
        (1200, 150, 31, "merged share > 30%"),  # the share-based presumption
        (1200, 100, 31, "not highly"),  # share > 30% alone is not enough: ΔHHI must also exceed 100
        (1200, 150, 30, "not highly"),  # ... and the share must exceed 30%, not equal it
    ],
)
def test_2023_boundaries(hhi_after, delta, share, expected):
    assert expected in c.classify_2023(hhi_after, delta, share)


@pytest.mark.parametrize(
    ("hhi_after", "delta", "expected"),
    [
        (5000, 99, "unlikely"),
        (1400, 300, "unconcentrated"),
        (2000, 150, "moderately"),
        (3000, 150, "100-200"),
        (3000, 201, "presumed likely to enhance"),
    ],
)
def test_2010_boundaries(hhi_after, delta, expected):
    assert expected in c.classify_2010(hhi_after, delta)


def test_constants_are_the_published_thresholds():
    assert (c.MG2023_HIGHLY_CONCENTRATED, c.MG2023_SIGNIFICANT_DELTA, c.MG2023_MERGED_SHARE) == (1800, 100, 30)
    assert (c.HMG2010_MODERATE, c.HMG2010_HIGH, c.HMG2010_SMALL_DELTA, c.HMG2010_LARGE_DELTA) == (
        1500, 2500, 100, 200)
    text = open(c.__file__, encoding="utf-8").read()  # the citation travels with the constants
    assert "Merger Guidelines* (18 December 2023), Section 2.1" in text
    assert "Horizontal Merger Guidelines* (19 August 2010), Section 5.3" in text


# --- bad inputs ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: c.hhi([60, 50]), "110%"),
        (lambda: c.hhi([-5, 50]), "at least 0"),
        (lambda: c.hhi("30,20"), "list of percentages"),
        (lambda: c.hhi([]), "at least one firm"),
        (lambda: c.merge([40, 30], 0, 0), "two different firms"),
        (lambda: c.merge([40, 30], 0, 5), "at most 1"),
    ],
)
def test_bad_shares_say_what_is_wrong(call, fragment):
    with pytest.raises(CqlabInputError, match=fragment):
        call()


def test_rounding_of_shares_that_total_100_is_accepted():
    assert c.hhi([33.3, 33.3, 33.4]) == pytest.approx(33.3**2 * 2 + 33.4**2)


# --- China's notification tests ------------------------------------------------------------------


def test_met_in_2018_but_not_in_2024():
    pairs = [(100, 30), (15, 6)]  # worldwide 115, China 36; second-largest China 6
    old = c.notification_required(pairs, "2018", thresholds=T2018)
    new = c.notification_required(pairs, "2024", thresholds=T2024)
    assert old.required and old.global_test and old.china_test
    assert not new.required and new.tests_met == []
    assert new.parties_above_each == 1
    assert any("36 ≤ 40" in r for r in new.reasons)


def test_only_the_global_test():
    pairs = [(200, 10), (50, 9)]  # worldwide 250 > 120, China 19 < 40, both China > 8
    result = c.notification_required(pairs, "2024", thresholds=T2024)
    assert result.required and result.tests_met == ["global"]


def test_only_the_china_test():
    pairs = [(30, 30), (20, 20)]  # worldwide 50 < 120, China 50 > 40
    result = c.notification_required(pairs, "2024", thresholds=T2024)
    assert result.tests_met == ["China"]


def test_the_combined_test_alone_is_not_enough():
    pairs = [(500, 200), (10, 8)]  # 8 is not 'more than 8'
    result = c.notification_required(pairs, "2024", thresholds=T2024)
    assert not result.required and result.parties_above_each == 1


def test_exactly_at_the_threshold_is_not_above():
    pairs = [(60, 20), (60, 20)]  # worldwide = 120, China = 40: 'exceeds' is strict
    assert not c.notification_required(pairs, "2024", thresholds=T2024).required


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 500), st.floats(0, 1)), min_size=2, max_size=5))
def test_notification_matches_a_direct_reading_of_the_rule(raw):
    pairs = [(w, w * share) for w, share in raw]
    for t in (T2018, T2024):
        result = c.notification_required(pairs, t.version, thresholds=t)
        china = [x for _, x in pairs]
        two_above = len([x for x in china if x > t.china_each]) >= 2
        expected = two_above and (
            sum(w for w, _ in pairs) > t.worldwide_combined or sum(china) > t.china_combined
        )
        assert result.required == expected


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 500), st.floats(0, 1)), min_size=2, max_size=4))
def test_2024_is_never_stricter_than_2018(raw):
    # every 2024 threshold is at least the 2018 one, so a deal notifiable in 2024 was notifiable in 2018
    pairs = [(w, w * share) for w, share in raw]
    if c.notification_required(pairs, "2024", thresholds=T2024).required:
        assert c.notification_required(pairs, "2018", thresholds=T2018).required


def test_thresholds_from_the_dataset_match_the_decree():
    assert c.load_thresholds("2024") == T2024
    assert c.load_thresholds("2018") == T2018


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: c.notification_required([(100, -5), (20, 10)], "2024", T2024), "at least 0"),
        (lambda: c.notification_required([(-1, 0), (20, 10)], "2024", T2024), "worldwide turnover of party 1"),
        (lambda: c.notification_required([(100, 30)], "2024", T2024), "at least two parties"),
        (lambda: c.notification_required([(10, 30), (20, 10)], "2024", T2024), "cannot exceed its worldwide"),
        (lambda: c.notification_required([(10, 3), (20, 10)], "2020", T2024), "'2018', '2024'"),
        (lambda: c.notification_required([(10, 3), 5], "2024", T2024), "Party 2 needs two turnovers"),
        (lambda: c.notification_required([(10, math.nan), (5, 1)], "2024", T2024), "not nan"),
    ],
)
def test_bad_turnovers_say_what_is_wrong(call, fragment):
    with pytest.raises(CqlabInputError, match=fragment):
        call()


def test_dict_parties_are_accepted():
    result = c.notification_required(
        [{"worldwide": 30, "china": 30}, {"worldwide": 20, "china": 20}], "2024", thresholds=T2024
    )
    assert result.china_combined == 50


# --- Cournot and the Lerner index ------------------------------------------------------------------


def test_cournot_linear_duopoly_by_hand():
    # P = 100 - Q, c = 10 each: P = (100 + 20) / 3 = 40, q = 30 each, shares 50/50, HHI 5000
    eq = c.cournot_linear([10, 10], intercept=100, slope=1)
    assert eq.price == pytest.approx(40)
    assert eq.quantities == pytest.approx([30, 30])
    assert eq.hhi == pytest.approx(5000)
    assert eq.elasticity == pytest.approx(40 / 60)  # P / (b Q)
    assert eq.average_lerner == pytest.approx(0.75)  # (40 - 10) / 40


def test_cournot_linear_is_a_nash_equilibrium():
    costs, a, b = [10, 14, 20, 25], 120.0, 2.0
    eq = c.cournot_linear(costs, a, b)
    for i, cost in enumerate(costs):
        others = sum(eq.quantities) - eq.quantities[i]

        def profit(q, others=others, cost=cost):
            return (a - b * (others + q) - cost) * q

        best = profit(eq.quantities[i])
        assert all(profit(eq.quantities[i] + d) <= best + 1e-9 for d in (-1, -0.01, 0.01, 1))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(0, 20), min_size=1, max_size=8))
def test_average_lerner_is_hhi_over_elasticity_linear(costs):
    assume(max(costs) < (100 + sum(costs)) / (len(costs) + 1) - 1e-6)  # every firm produces
    eq = c.cournot_linear(costs, intercept=100, slope=1.5)
    assert sum(eq.shares) == pytest.approx(100)
    assert eq.average_lerner == pytest.approx(eq.hhi / (10_000 * eq.elasticity))
    for share, lerner in zip(eq.shares, eq.lerner):  # firm by firm: L_i = s_i / elasticity
        assert lerner == pytest.approx(share / 100 / eq.elasticity)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(1, 2), min_size=2, max_size=8), st.floats(1.0, 4.0))
def test_average_lerner_is_hhi_over_elasticity_constant(costs, elasticity):
    assume(max(costs) < sum(costs) / (len(costs) - 1 / elasticity) - 1e-6)  # every firm produces
    eq = c.cournot_constant_elasticity(costs, elasticity)
    total = sum(eq.quantities)
    assert eq.price == pytest.approx(100 * total ** (-1 / elasticity))  # on the demand curve
    assert eq.average_lerner == pytest.approx(c.lerner_from_hhi(eq.hhi, elasticity))


def test_symmetric_cournot_lerner_is_one_over_n_elasticity():
    for n in (1, 2, 5):
        eq = c.cournot_constant_elasticity([10] * n, elasticity=2.0)
        assert eq.hhi == pytest.approx(10_000 / n)
        assert eq.average_lerner == pytest.approx(1 / (n * 2.0))


def test_cournot_refuses_firms_that_would_not_produce():
    with pytest.raises(CqlabInputError, match="would not produce"):
        c.cournot_linear([10, 90], intercept=100)
    with pytest.raises(CqlabInputError, match="no Cournot equilibrium"):
        c.cournot_constant_elasticity([10], elasticity=0.8)
    with pytest.raises(CqlabInputError, match="list of numbers"):
        c.cournot_linear("10, 12")
    with pytest.raises(CqlabInputError):
        c.lerner_from_hhi(12_000, 1.5)


# --- issue 15 (bad inputs) -------------------------------------------------------------------------------


def test_merger_effect_reads_whole_float_indices_and_thresholds_are_checked():
    assert c.merger_effect([30, 20, 50], 0.0, 1.0).delta == c.merger_effect([30, 20, 50], 0, 1).delta == 1200
    with pytest.raises(CqlabInputError, match="thresholds must be None or what load_thresholds"):
        c.notification_required([(150, 30), (60, 12)], "2024", {"china_each": 8})
    assert c.notification_required([(150, 30), (60, 12)], 2024).version == "2024"  # a whole-number year is read
    for bad in (2024.0, True, ["2024"]):
        with pytest.raises(CqlabInputError, match="rules version must be one of"):
            c.load_thresholds(bad)


def test_constant_elasticity_scale_that_overflows_or_vanishes_gets_a_message():
    with pytest.raises(CqlabInputError, match="too large to compute"):
        c.cournot_constant_elasticity([10, 12, 15], 1.5, 1e300)
    with pytest.raises(CqlabInputError, match="too small"):
        c.cournot_constant_elasticity([10, 12, 15], 1.5, 1e-300)
    with pytest.raises(CqlabInputError, match=r"marginal cost \(90\)"):
        c.cournot_linear([10, 90], 100)
