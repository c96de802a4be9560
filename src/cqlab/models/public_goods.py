"""Co-managing village infrastructure as a linear public-goods game; gaps between a level and targets.

The game (the voluntary-contribution mechanism of Isaac and Walker, 1988; survey: Ledyard, 1995):
N villagers each hold an endowment e (hours or yuan a month, illustrative units) and choose a
contribution c_i in [0, e] to upkeep. The total is multiplied by r, the return of upkeep to the
village, and shared equally. A reward s per unit contributed (a points system, 积分制, or a
waste-for-goods bank, 垃圾兑换银行) is paid by a funder outside the group. Villager i gets

    payoff_i = e - c_i + r * sum(c) / N + s * c_i

One more unit from villager i changes her own payoff by r/N + s - 1, whatever the others do. So
for r/N + s > 1 giving everything is each villager's dominant strategy; at exactly r/N + s = 1 she
is indifferent (the model breaks the tie towards giving); below it nobody gives. The group's payoff,
counting the reward as a transfer from the funder (it cancels out), changes by r - 1 per unit, so
the social optimum is to give everything when r > 1. The smallest reward that makes contributing
privately worthwhile is s* = 1 - r/N (0 when r >= N).

A reward per unit assumes that each c_i is observed and recorded (what the points of 积分制 do);
the model takes that as given.

If the villagers fund the reward themselves through an equal fee that covers the exact bill
(``payoffs(..., self_funded=True)``), each unit given also raises one's own fee by s/N, the private
return is r/N + s(N - 1)/N - 1, and giving pays from s = (N - r)/(N - 1). Lesson 07 derives that
threshold and its exercise set asks students to; it is deliberately not a library function.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cqlab.errors import (
    CqlabInputError,
    _say,
    check_fields,
    describe,
    expect_count,
    expect_finite_result,
    expect_number,
    expect_numbers,
)

#: Comparisons of r/N + s with 1 treat differences below this as ties (slider steps are floats).
TOLERANCE = 1e-9


def _group_size(group_size: object) -> int:
    """Check the number of villagers: a whole number, at least 2 (a game needs a group)."""
    if isinstance(group_size, bool) or not isinstance(group_size, (int, float, np.integer, np.floating)):
        raise CqlabInputError(_say(
            f"The group size must be a whole number of villagers, at least 2; got {describe(group_size)}.",
            f"群体人数必须是整数个村民,至少 2 人;收到的是 {describe(group_size)}。"))
    if group_size == group_size and group_size < 2:  # NaN falls through to expect_number
        raise CqlabInputError(_say(
            "A public-goods game needs a group of at least 2 villagers (alone, nobody shares the "
            f"upkeep); got a group size of {describe(group_size)}.",
            f"公共品博弈至少需要 2 个村民(一个人时没有人分担维护);收到的群体人数是 {describe(group_size)}。"))
    return expect_count(group_size, "The group size", minimum=2)


def _multiplier(multiplier: object) -> float:
    return expect_number(multiplier, "The return multiplier r", minimum=0, allow_min=False)


def _reward(reward: object) -> float:
    return expect_number(reward, "The reward per unit s", minimum=0)


def _endowment(endowment: object) -> float:
    return expect_number(endowment, "The endowment", minimum=0, allow_min=False)


def payoffs(
    contributions, multiplier: float, endowment: float, reward: float = 0.0, self_funded: bool = False
) -> np.ndarray:
    """Return each villager's payoff e - c_i + r*sum(c)/N + s*c_i (same units as the endowment).

    With ``self_funded=True`` the villagers pay the reward bill s*sum(c) themselves, in equal shares
    (a fee that covers the exact bill): each payoff is lowered by s*sum(c)/N. One more unit given then
    changes one's own payoff by r/N + s*(N - 1)/N - 1, so giving pays from s = (N - r)/(N - 1).
    """
    multiplier, endowment, reward = _multiplier(multiplier), _endowment(endowment), _reward(reward)
    if not isinstance(self_funded, (bool, np.bool_)):
        raise CqlabInputError(_say(f"self_funded must be True or False; got {describe(self_funded)}.",
                                   f"self_funded 必须是 True 或 False;收到的是 {describe(self_funded)}。"))
    flat = (f"Contributions must be a flat list of numbers, one per villager; got {describe(contributions)}.",
            f"贡献必须是一组数字(一维列表),每个村民一个;收到的是 {describe(contributions)}。")
    if isinstance(contributions, (bool, np.bool_, str, bytes, dict)) or hasattr(contributions, "columns"):
        raise CqlabInputError(_say(*flat))
    c = expect_numbers(contributions, "Contributions")
    if c.ndim != 1 or any(isinstance(x, (bool, np.bool_)) for x in np.asarray(contributions, dtype=object).ravel()):
        raise CqlabInputError(_say(*flat))
    if len(c) < 2:
        raise CqlabInputError(_say(
            f"Contributions must list one number per villager, for a group of at least 2; got {describe(contributions)}.",
            f"贡献必须每个村民一个数字,群体至少 2 人;收到的是 {describe(contributions)}。"))
    if c.min() < 0 or c.max() > endowment:
        raise CqlabInputError(_say(
            f"Each contribution must lie between 0 and the endowment {endowment:g}; got {c.tolist()}.",
            f"每个贡献都必须介于 0 和禀赋 {endowment:g} 之间;收到的是 {c.tolist()}。"))
    fee = reward * c.sum() / len(c) if self_funded else 0.0
    with np.errstate(over="ignore", invalid="ignore"):  # an overflow is reported below, in cqlab's words
        result = endowment - c + multiplier * c.sum() / len(c) + reward * c - fee
    if not np.isfinite(result).all():
        expect_finite_result(float(result[~np.isfinite(result)][0]), "A villager's payoff",
                             f"endowment {endowment:g}, multiplier {multiplier:g}, reward {reward:g}, "
                             f"contributions up to {c.max():g}")
    return result


def marginal_private_return(group_size: int, multiplier: float, reward: float = 0.0) -> float:
    """Return r/N + s - 1: what one more unit of one's own contribution adds to one's own payoff."""
    return _multiplier(multiplier) / _group_size(group_size) + _reward(reward) - 1.0


def equilibrium_contribution(
    group_size: int, multiplier: float, reward: float = 0.0, endowment: float = 1.0
) -> float:
    """Return each villager's equilibrium contribution: 0 if r/N + s < 1, else the whole endowment.

    At r/N + s = 1 a villager is indifferent; we take the tie as contributing, so that s* = 1 - r/N
    is the reward at which the equilibrium flips.
    """
    endowment = _endowment(endowment)
    gain = marginal_private_return(group_size, multiplier, reward)
    return endowment if gain >= -TOLERANCE else 0.0


def optimal_contribution(group_size: int, multiplier: float, endowment: float = 1.0) -> float:
    """Return the contribution each villager makes at the social optimum: all of it if r > 1, else 0."""
    _group_size(group_size)
    return _endowment(endowment) if _multiplier(multiplier) > 1.0 + TOLERANCE else 0.0


def group_payoff(group_size: int, multiplier: float, contribution: float, endowment: float = 1.0) -> float:
    """Return the group's total payoff N*(e + (r - 1)*c) when everyone contributes ``contribution``.

    Rewards are left out: they move money from the funder to the villagers, they create none.
    """
    n, r, e = _group_size(group_size), _multiplier(multiplier), _endowment(endowment)
    c = expect_number(contribution, "The contribution", minimum=0, maximum=e)
    return expect_finite_result(n * (e + (r - 1.0) * c), "The group's payoff",
                                f"N = {n}, r = {r:g}, contribution {c:g}, endowment {e:g}")


def required_reward(group_size: int, multiplier: float) -> float:
    """Return s* = max(0, 1 - r/N), the reward per unit at which the equilibrium flips to giving.

    For s > s* giving everything is each villager's dominant strategy; at exactly s* she is
    indifferent (the model breaks the tie towards giving); below it nobody gives.
    """
    return max(0.0, 1.0 - _multiplier(multiplier) / _group_size(group_size))


@dataclass(frozen=True)
class PublicGoodsOutcome:
    """The equilibrium and the optimum of one setting of the game (contributions per villager)."""

    group_size: int
    multiplier: float
    reward: float
    endowment: float
    equilibrium: float  # each villager's equilibrium contribution
    optimum: float  # each villager's contribution at the social optimum
    group_payoff_equilibrium: float  # total, reward excluded (a transfer)
    group_payoff_optimum: float
    required_reward: float  # s* = max(0, 1 - r/N)
    reward_bill: float  # what the funder pays at the equilibrium: s * N * c

    def __post_init__(self):
        check_fields(self, "public_goods.analyse(...)")

    @property
    def gap(self) -> float:
        """Group payoff lost at the equilibrium compared with the optimum (never negative)."""
        return self.group_payoff_optimum - self.group_payoff_equilibrium

    @property
    def gap_closed(self) -> bool:
        """True when the equilibrium is the optimum."""
        return abs(self.equilibrium - self.optimum) <= TOLERANCE


def analyse(group_size: int, multiplier: float, reward: float = 0.0, endowment: float = 10.0) -> PublicGoodsOutcome:
    """Return the equilibrium, the optimum, the payoff gap and the reward that closes it."""
    n, r, s, e = _group_size(group_size), _multiplier(multiplier), _reward(reward), _endowment(endowment)
    eq = equilibrium_contribution(n, r, s, e)
    opt = optimal_contribution(n, r, e)
    return PublicGoodsOutcome(
        group_size=n,
        multiplier=r,
        reward=s,
        endowment=e,
        equilibrium=eq,
        optimum=opt,
        group_payoff_equilibrium=group_payoff(n, r, eq, e),
        group_payoff_optimum=group_payoff(n, r, opt, e),
        required_reward=required_reward(n, r),
        reward_bill=s * n * eq,
    )


def payoff_curves(group_size: int, multiplier: float, reward: float = 0.0, endowment: float = 10.0, points: int = 41):
    """Return a table over contributions c in [0, e] with two payoff curves (units of the endowment).

    - ``own``: a villager's payoff when she gives c and the others stay at the equilibrium
      (reward included): its slope r/N + s - 1 is her private incentive;
    - ``group_per_villager``: the group's payoff divided by N when everyone gives c (reward
      excluded): its slope r - 1 is the social return.
    """
    import pandas as pd

    n, r, s, e = _group_size(group_size), _multiplier(multiplier), _reward(reward), _endowment(endowment)
    points = expect_count(points, "points", minimum=2)
    c = np.linspace(0.0, e, points)
    others = equilibrium_contribution(n, r, s, e)
    own = e - c + r * (c + (n - 1) * others) / n + s * c
    group = e + (r - 1.0) * c
    return pd.DataFrame({"contribution": c, "own": own, "group_per_villager": group})


def gaps_to_targets(level: float, level_year: int, targets):
    """Return, for each (year, target), the gap target - level and the yearly step it requires.

    ``targets`` maps a target year to a target value in the level's unit. The step per year is the
    gap divided by the years between the level and the target (a straight line, not a forecast).
    """
    import pandas as pd

    level = expect_number(level, "The level")
    level_year = expect_count(level_year, "The year of the level", minimum=1, maximum=9999)
    try:
        items = sorted(dict(targets).items())
    except (TypeError, ValueError):
        raise CqlabInputError(_say(
            f"Targets must map a year to a value, e.g. {{2025: 92.2}}; got {describe(targets)}.",
            f"targets 必须把年份映射到数值,例如 {{2025: 92.2}};收到的是 {describe(targets)}。")) from None
    if not items:
        raise CqlabInputError(_say(f"Targets must hold at least one year and value; got none ({describe(targets)}).",
                                   f"targets 至少要有一个年份和数值;收到的是空的({describe(targets)})。"))
    rows = []
    for year, target in items:
        year = expect_count(year, "A target year", minimum=1, maximum=9999)
        target = expect_number(target, f"The target for {year}")
        if year <= level_year:
            raise CqlabInputError(_say(
                f"A target year must come after the year of the level ({level_year}); got {year}.",
                f"目标年份必须晚于现状水平的年份({level_year});收到的是 {year}。"))
        gap = target - level
        rows.append(
            {"target_year": year, "target": target, "gap": gap, "years": year - level_year,
             "gap_per_year": gap / (year - level_year)}
        )
    return pd.DataFrame(rows)
