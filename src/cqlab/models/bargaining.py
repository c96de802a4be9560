"""Collective bargaining: generalised Nash bargaining, outside options, and Rubinstein's alternating offers.

Bargaining (Nash, 1950; the asymmetric form of Kalai, 1977; textbook: Muthoo, 1999, ch. 2):
a worker side and a firm side share a surplus S (illustrative units). While they disagree they get
their disagreement payoffs d_w and d_f (the threat point). With bargaining power beta in [0, 1]
for the workers, the generalised Nash solution maximises

    (w - d_w) ** beta * (S - w - d_f) ** (1 - beta)

over the workers' payoff w, which gives w = d_w + beta * (S - d_w - d_f) and the firm S - w.
Each side gets its disagreement payoff plus its power's share of the gains from agreeing,
S - d_w - d_f. When d_w + d_f > S, agreeing leaves someone worse off than walking away: no deal.

Outside options versus the threat point (Binmore, Rubinstein and Wolinsky, 1986; Muthoo, 1999,
ch. 5-6): d_w above is what the workers get *during* a disagreement (strike pay, what a claim
recovers while the talks go on). An outside option o_w is what they get only by walking away for
good (another job). It constrains the deal but does not enter the split: the wage is the Nash wage
with the threat point, unless o_w exceeds it, and then it is o_w (``outside_option_wage``).

Rubinstein (1982) alternating offers: two players share a pie of 1, proposing in turn; each
discounts a round's delay by delta_i. In the unique subgame-perfect equilibrium the first
proposer gets (1 - delta_2) / (1 - delta_1 * delta_2) (``rubinstein_share``). With delta_i =
exp(-r_i * Delta) and offers every Delta, the share tends to r_2 / (r_1 + r_2) as Delta -> 0: the
asymmetric Nash solution with beta_1 = r_2 / (r_1 + r_2) (Binmore, Rubinstein and Wolinsky, 1986;
``rubinstein_limit_share``). Patience is bargaining power.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cqlab.errors import (
    CqlabInputError,
    _say,
    check_fields,
    describe,
    expect_finite_result,
    expect_number,
    expect_numbers,
)


@dataclass(frozen=True)
class BargainingOutcome:
    """The Nash bargaining split of a surplus (all in the surplus's illustrative units)."""

    surplus: float
    beta: float
    worker_outside: float
    firm_outside: float
    worker: float  # what the workers get (their wage bill, in the surplus's units)
    firm: float  # what the firm keeps

    def __post_init__(self):
        check_fields(self, "bargaining.nash_bargaining(...)")

    @property
    def gains(self) -> float:
        """The gains from agreeing: S - d_w - d_f."""
        return self.surplus - self.worker_outside - self.firm_outside

    @property
    def worker_gain(self) -> float:
        """What the workers get above their disagreement payoff."""
        return self.worker - self.worker_outside

    @property
    def firm_gain(self) -> float:
        """What the firm gets above its disagreement payoff."""
        return self.firm - self.firm_outside

    @property
    def worker_share(self) -> float:
        """The workers' share of the whole surplus, a fraction."""
        return self.worker / self.surplus


def _check(surplus, beta, worker_outside, firm_outside) -> tuple[float, float, float, float]:
    s = expect_number(surplus, "The surplus S", minimum=0, allow_min=False)
    b = expect_number(beta, "The workers' bargaining power beta", minimum=0, maximum=1)
    dw = expect_number(worker_outside, "The workers' disagreement payoff d_w", minimum=0)
    df = expect_number(firm_outside, "The firm's disagreement payoff d_f", minimum=0)
    if dw + df > s:
        raise CqlabInputError(_say(
            f"No deal: the disagreement payoffs add up to {dw + df:g} (workers {dw:g} + firm {df:g}), "
            f"more than the surplus {s:g}, so at least one side does better without an agreement. "
            "Expected d_w + d_f at most S.",
            f"无法达成协议:谈判破裂时的收益合计 {dw + df:g}(工人 {dw:g} + 企业 {df:g}),超过剩余 {s:g},"
            "至少有一方不达成协议反而更好。应满足 d_w + d_f 不超过 S。"))
    return s, b, dw, df


def nash_bargaining(surplus: float, beta: float, worker_outside: float, firm_outside: float) -> BargainingOutcome:
    """Return the generalised Nash split: workers d_w + beta*(S - d_w - d_f), the firm the rest."""
    s, b, dw, df = _check(surplus, beta, worker_outside, firm_outside)
    worker = dw + b * (s - dw - df)
    return BargainingOutcome(surplus=s, beta=b, worker_outside=dw, firm_outside=df, worker=worker, firm=s - worker)


def nash_product(worker_payoff, surplus: float, beta: float, worker_outside: float, firm_outside: float):
    """Return (w - d_w)^beta * (S - w - d_f)^(1 - beta) for workers' payoffs w (0 outside the deal set).

    ``worker_payoff`` is one finite number or a non-empty list/array of them (not True/False).
    """
    s, b, dw, df = _check(surplus, beta, worker_outside, firm_outside)
    if isinstance(worker_payoff, (bool, np.bool_)):
        raise CqlabInputError(_say(f"The workers' payoffs w must be a number or a list of numbers; got {describe(worker_payoff)}.",
                                   f"工人收益 w 必须是一个数字或一组数字;收到的是 {describe(worker_payoff)}。"))
    w = expect_numbers(worker_payoff, "The workers' payoffs w")
    if w.size == 0:
        raise CqlabInputError(_say(f"The workers' payoffs w must hold at least one number; got {describe(worker_payoff)}.",
                                   f"工人收益 w 至少要有一个数字;收到的是 {describe(worker_payoff)}。"))
    given = np.asarray(worker_payoff, dtype=object).ravel()
    if any(isinstance(x, (bool, np.bool_)) for x in given):
        raise CqlabInputError(_say(f"The workers' payoffs w must be numbers, not True/False; got {describe(worker_payoff)}.",
                                   f"工人收益 w 必须是数字,不能是 True/False;收到的是 {describe(worker_payoff)}。"))
    gain_w = np.clip(w - dw, 0.0, None)
    gain_f = np.clip(s - w - df, 0.0, None)
    with np.errstate(divide="ignore", invalid="ignore"):
        product = np.power(gain_w, b) * np.power(gain_f, 1.0 - b)
    return np.where((w >= dw) & (w <= s - df), product, 0.0)


def outside_option_wage(
    surplus: float, beta: float, worker_threat: float, firm_threat: float, worker_outside_option: float
) -> float:
    """Return the workers' payoff when they also have an outside option o_w (outside-option principle).

    ``worker_threat`` and ``firm_threat`` are the payoffs *during* disagreement (the threat point d_w, d_f);
    ``worker_outside_option`` o_w is what the workers get only by leaving for good. The wage is
    max(Nash wage with the threat point, o_w), where the Nash wage is d_w + beta (S - d_w - d_f)
    (Binmore, Rubinstein and Wolinsky, 1986; Muthoo, 1999, ch. 5): a non-binding outside option
    changes nothing, a binding one is just met. When o_w + d_f > S there is no deal.
    """
    s, b, dw, df = _check(surplus, beta, worker_threat, firm_threat)
    ow = expect_number(worker_outside_option, "The workers' outside option o_w", minimum=0)
    if ow + df > s:
        raise CqlabInputError(_say(
            f"No deal: the workers' outside option {ow:g} and the firm's disagreement payoff {df:g} add up to "
            f"{ow + df:g}, more than the surplus {s:g}, so the workers do better leaving. Expected o_w + d_f at most S.",
            f"无法达成协议:工人的外部选择 {ow:g} 与企业的破裂收益 {df:g} 合计 {ow + df:g},超过剩余 {s:g},"
            "工人离开反而更好。应满足 o_w + d_f 不超过 S。"))
    return max(dw + b * (s - dw - df), ow)


def _discount(value, name: str) -> float:
    return expect_number(value, name, minimum=0, maximum=1, allow_min=True)


def rubinstein_share(delta_1: float, delta_2: float) -> float:
    """Return the first proposer's share of a pie of 1 in Rubinstein's (1982) alternating-offers game.

    In the unique subgame-perfect equilibrium player 1 (who proposes first) gets
    (1 - delta_2) / (1 - delta_1 * delta_2) and player 2 the rest; delta_i in [0, 1] is player i's
    discount factor per round, and the two may not both be 1 (then no share is determined).
    """
    d1 = _discount(delta_1, "The first proposer's discount factor delta_1")
    d2 = _discount(delta_2, "The responder's discount factor delta_2")
    if d1 * d2 == 1:
        raise CqlabInputError(_say(
            f"With both discount factors equal to 1 (delta_1 = {delta_1!r}, delta_2 = {delta_2!r}) nobody loses by "
            "waiting, so the game has no unique split. Expected at least one discount factor below 1.",
            f"两个贴现因子都等于 1(delta_1 = {delta_1!r},delta_2 = {delta_2!r})时,等待没有损失,"
            "博弈没有唯一的分配。至少一个贴现因子应小于 1。"))
    return (1 - d2) / (1 - d1 * d2)


def rubinstein_limit_share(rate_1: float, rate_2: float, interval: float | None = None) -> float:
    """Return player 1's Rubinstein share with delta_i = exp(-r_i * interval); the limit r_2/(r_1 + r_2) if none.

    ``rate_1``, ``rate_2`` are the players' discount rates per unit of time (> 0); ``interval`` is
    the time between offers (> 0). As the interval shrinks the first-mover advantage vanishes and
    the share tends to r_2 / (r_1 + r_2): the generalised Nash solution's beta.
    """
    r1 = expect_number(rate_1, "The first proposer's discount rate r_1", minimum=0, allow_min=False)
    r2 = expect_number(rate_2, "The responder's discount rate r_2", minimum=0, allow_min=False)
    if interval is None:
        return expect_finite_result(r2 / (r1 + r2), "The limit share r_2/(r_1 + r_2)", f"r_1 = {rate_1!r}, r_2 = {rate_2!r}")
    dt = expect_number(interval, "The interval between offers", minimum=0, allow_min=False)
    # -expm1(-x) = 1 - exp(-x), exact for small x (the limit Delta -> 0 is the interesting case)
    one_minus_d2 = -np.expm1(-r2 * dt)
    one_minus_d1d2 = -np.expm1(-(r1 + r2) * dt)
    if one_minus_d1d2 == 0:
        raise CqlabInputError(_say(
            f"The interval {interval!r} with rates r_1 = {rate_1!r}, r_2 = {rate_2!r} is too short to compute the "
            "share in floating point; expected a larger interval (or none, for the limit).",
            f"间隔 {interval!r}(贴现率 r_1 = {rate_1!r},r_2 = {rate_2!r})太短,浮点数无法算出份额;"
            "请用更大的间隔(或不给间隔,取极限)。"))
    return float(one_minus_d2 / one_minus_d1d2)
