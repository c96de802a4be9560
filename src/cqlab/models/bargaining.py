"""Collective bargaining as generalised Nash bargaining, and layouts for drawing a mediation network.

Bargaining (Nash, 1950; the asymmetric form of Kalai, 1977; textbook: Muthoo, 1999, ch. 2):
a worker side and a firm side share a surplus S (illustrative units). Without a deal they get
their outside options (disagreement payoffs) d_w and d_f. With bargaining power beta in [0, 1]
for the workers, the generalised Nash solution maximises

    (w - d_w) ** beta * (S - w - d_f) ** (1 - beta)

over the workers' payoff w, which gives w = d_w + beta * (S - d_w - d_f) and the firm S - w.
Each side gets its outside option plus its power's share of the gains from agreeing,
S - d_w - d_f. When d_w + d_f > S, agreeing leaves someone worse off than walking away: no deal.

Layouts: ``tree_levels`` places the nodes of a network drawn by levels (how nodes of one level
attach to the next is only drawn where it is unambiguous); ``cycle_positions`` places the steps
of a closed loop of services on a circle.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from cqlab.errors import CqlabInputError, describe, expect_count, expect_number, expect_numbers


@dataclass(frozen=True)
class BargainingOutcome:
    """The Nash bargaining split of a surplus (all in the surplus's illustrative units)."""

    surplus: float
    beta: float
    worker_outside: float
    firm_outside: float
    worker: float  # what the workers get (their wage bill, in the surplus's units)
    firm: float  # what the firm keeps

    @property
    def gains(self) -> float:
        """The gains from agreeing: S - d_w - d_f."""
        return self.surplus - self.worker_outside - self.firm_outside

    @property
    def worker_gain(self) -> float:
        """What the workers get above their outside option."""
        return self.worker - self.worker_outside

    @property
    def firm_gain(self) -> float:
        """What the firm gets above its outside option."""
        return self.firm - self.firm_outside

    @property
    def worker_share(self) -> float:
        """The workers' share of the whole surplus, a fraction."""
        return self.worker / self.surplus


def _check(surplus, beta, worker_outside, firm_outside) -> tuple[float, float, float, float]:
    s = expect_number(surplus, "The surplus S", minimum=0, allow_min=False)
    b = expect_number(beta, "The workers' bargaining power beta", minimum=0, maximum=1)
    dw = expect_number(worker_outside, "The workers' outside option d_w", minimum=0)
    df = expect_number(firm_outside, "The firm's outside option d_f", minimum=0)
    if dw + df > s:
        raise CqlabInputError(
            f"No deal: the outside options add up to {dw + df:g} (workers {dw:g} + firm {df:g}), "
            f"more than the surplus {s:g}, so at least one side does better without an agreement. "
            "Expected d_w + d_f at most S."
        )
    return s, b, dw, df


def nash_bargaining(surplus: float, beta: float, worker_outside: float, firm_outside: float) -> BargainingOutcome:
    """Return the generalised Nash split: workers d_w + beta*(S - d_w - d_f), the firm the rest."""
    s, b, dw, df = _check(surplus, beta, worker_outside, firm_outside)
    worker = dw + b * (s - dw - df)
    return BargainingOutcome(surplus=s, beta=b, worker_outside=dw, firm_outside=df, worker=worker, firm=s - worker)


def nash_product(worker_payoff, surplus: float, beta: float, worker_outside: float, firm_outside: float):
    """Return (w - d_w)^beta * (S - w - d_f)^(1 - beta) for workers' payoffs w (0 outside the deal set)."""
    s, b, dw, df = _check(surplus, beta, worker_outside, firm_outside)
    w = expect_numbers(worker_payoff, "The workers' payoffs w")
    gain_w = np.clip(w - dw, 0.0, None)
    gain_f = np.clip(s - w - df, 0.0, None)
    with np.errstate(divide="ignore", invalid="ignore"):
        product = np.power(gain_w, b) * np.power(gain_f, 1.0 - b)
    return np.where((w >= dw) & (w <= s - df), product, 0.0)


# --- drawing helpers: where to put the nodes ---------------------------------------------------
@dataclass(frozen=True)
class Level:
    """One level of a network drawn by levels: its nodes' x positions, its y, and its size."""

    name: str
    count: int
    y: float
    x: np.ndarray  # positions of the drawn nodes (at most ``max_drawn``)
    parent_known: bool  # True when every node's parent is unambiguous (the level above has one node)


def tree_levels(levels, max_drawn: int = 60) -> list[Level]:
    """Lay out a network by levels, top (y = len-1) to bottom (y = 0), nodes spread over [0, 1].

    ``levels`` is a list of (name, count) pairs, top first. A level with more than ``max_drawn``
    nodes is drawn with ``max_drawn`` evenly spaced markers (the label says the true count).
    A level's parents are unambiguous only when the level above has exactly one node; the
    drawing must not invent an assignment otherwise.
    """
    try:
        pairs = [(str(name), count) for name, count in levels]
    except (TypeError, ValueError):
        raise CqlabInputError(
            f"Levels must be a list of (name, count) pairs, top first; got {describe(levels)}."
        ) from None
    if not pairs:
        raise CqlabInputError("A network needs at least one level; got none.")
    max_drawn = expect_count(max_drawn, "max_drawn", minimum=1)
    laid_out = []
    above = None
    for index, (name, count) in enumerate(pairs):
        count = expect_count(count, f"The number of nodes in '{name}'", minimum=1)
        drawn = min(count, max_drawn)
        x = np.array([0.5]) if drawn == 1 else np.linspace(0.0, 1.0, drawn)
        laid_out.append(
            Level(name=name, count=count, y=float(len(pairs) - 1 - index), x=x,
                  parent_known=above is not None and above == 1)
        )
        above = count
    return laid_out


def cycle_positions(steps: int, radius: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """Return x, y of ``steps`` points on a circle, clockwise from the top (for a closed loop)."""
    n = expect_count(steps, "The number of steps", minimum=2)
    r = expect_number(radius, "The radius", minimum=0, allow_min=False)
    angles = math.pi / 2 - 2 * math.pi * np.arange(n) / n
    return r * np.cos(angles), r * np.sin(angles)
