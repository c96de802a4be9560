"""Route choice by generalised cost, and safe arithmetic on flows reported for different periods.

Generalised cost of a route r for one container: GC_r(v) = c_r + v * d_r, where c_r is the money
cost (yuan per container), d_r the door-to-port time (days) and v the shipper's value of time (yuan per
container-day: roughly the cargo's value times a daily holding-cost rate, i.e. interest on the capital
tied up, depreciation or spoilage, missed sales). The shipper picks the route with the lowest GC. Two
routes a (cheaper, slower) and b (dearer, faster) cost the same when c_a + v d_a = c_b + v d_b, i.e. at
the break-even value of time v* = (c_b - c_a) / (d_a - d_b). Below v* the slow route wins, above it the
fast one. With three routes the winner as v rises follows the lower envelope of three straight lines
(slopes d_r), so there are at most two switches.

Shippers differ in v. If v is distributed across shippers with CDF F, the share of shippers for whom a
route is cheapest (its mode share in this model) is F at the switch point where it stops winning minus
F where it starts: share_k = F(v_k) - F(v_{k-1}), with v_0 = 0 and the last v = infinity.
``mode_shares`` does this for a lognormal F; ``simulated_mode_shares`` checks it by drawing shippers.

The second half of the module keeps flow figures honest: a nine-month total is not a year, and a
count of ports reached at one date is not a flow at all. ``total`` and ``growth`` refuse to mix them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from cqlab.errors import (
    CqlabInputError,
    describe,
    expect_choice,
    expect_finite_result,
    expect_number,
    expect_text,
)


@dataclass(frozen=True)
class Route:
    """One way to send a container from Chongqing to South-East Asia."""

    key: str
    name_en: str
    name_zh: str
    days: float  # door-to-port transit time, days
    cost: float  # money cost, yuan per container (TEU)
    days_source: str = "illustrative"
    cost_source: str = "illustrative"

    def __post_init__(self):
        expect_number(self.days, f"transit time of route '{self.key}' (days)", minimum=0, allow_min=False)
        expect_number(self.cost, f"cost of route '{self.key}' (yuan per container)", minimum=0)


def _routes(routes) -> list[Route]:
    items = list(routes.values()) if isinstance(routes, dict) else list(routes)
    if len(items) < 2 or not all(isinstance(r, Route) for r in items):
        raise CqlabInputError(
            f"Route choice needs at least two Route objects; got {describe(routes)}."
        )
    return items


def _route(route, name: str = "route") -> Route:
    if not isinstance(route, Route):
        raise CqlabInputError(
            f"The {name} must be a Route, e.g. default_routes()['road']; got {describe(route)}."
        )
    return route


def generalised_cost(route: Route, value_of_time: float) -> float:
    """Return money cost + value of time x days, in yuan per container.

    ``route`` is a Route; value of time a finite number >= 0 (yuan per container-day).
    """
    route = _route(route)
    v = expect_number(value_of_time, "value of time (yuan per container-day)", minimum=0)
    return expect_finite_result(route.cost + v * route.days, "The generalised cost",
                                f"value of time {v:g}")


def break_even_value_of_time(a: Route, b: Route) -> float | None:
    """Return the value of time (yuan per container-day) at which routes a and b cost the same.

    v* = (c_b - c_a) / (d_a - d_b). Returns None when the two routes take the same time (their
    costs never cross) and a negative number when one route is both cheaper and faster (it always wins).
    """
    a, b = _route(a, "first route"), _route(b, "second route")
    if a.days == b.days:
        return None
    return expect_finite_result((b.cost - a.cost) / (a.days - b.days), "The break-even value of time")


def best_route(routes, value_of_time: float) -> Route:
    """Return the route with the lowest generalised cost (ties go to the faster route)."""
    items = _routes(routes)
    return min(items, key=lambda r: (generalised_cost(r, value_of_time), r.days))


@dataclass(frozen=True)
class Switch:
    """The value of time at which the cheapest route in generalised cost changes."""

    value_of_time: float
    before: Route
    after: Route


def switch_points(routes) -> list[Switch]:
    """Return every switch of the winning route as the value of time rises from 0 (analytic)."""
    items = _routes(routes)
    current = min(items, key=lambda r: (r.cost, r.days))  # the winner when time is free
    v = 0.0
    switches = []
    while True:
        # Only a faster route can overtake; it does so at its break-even with the current winner.
        candidates = [
            (break_even_value_of_time(current, r), r) for r in items if r.days < current.days
        ]
        candidates = [(b, r) for b, r in candidates if b is not None and b >= v]
        if not candidates:
            return switches
        v, nxt = min(candidates, key=lambda pair: (pair[0], pair[1].days))
        switches.append(Switch(v, current, nxt))
        current = nxt


@dataclass(frozen=True)
class RouteChoice:
    """Generalised costs of every route at one value of time, the winner and the switch points."""

    value_of_time: float
    costs: dict
    winner: Route
    switches: list
    routes: list


def choose_route(routes, value_of_time: float) -> RouteChoice:
    """Return the generalised cost of each route, the winner, and where the winner changes."""
    items = _routes(routes)
    v = expect_number(value_of_time, "value of time (yuan per container-day)", minimum=0)
    costs = {r.key: generalised_cost(r, v) for r in items}
    return RouteChoice(v, costs, best_route(items, v), switch_points(items), items)


def lognormal_cdf(value_of_time: float, median: float, sigma: float) -> float:
    """Return P(V <= v) for a lognormal value of time with the given median (yuan per container-day) and sigma.

    ln V is normal with mean ln(median) and standard deviation sigma, so
    F(v) = Phi((ln v - ln median) / sigma) = (1 + erf((ln v - ln median) / (sigma sqrt 2))) / 2.
    """
    if isinstance(value_of_time, float) and value_of_time == math.inf:
        return 1.0
    v = expect_number(value_of_time, "value of time (yuan per container-day)", minimum=0)
    m = expect_number(median, "median value of time (yuan per container-day)", minimum=0, allow_min=False)
    s = expect_number(sigma, "spread sigma of the log value of time", minimum=0, allow_min=False)
    if v == 0:
        return 0.0
    return 0.5 * (1.0 + math.erf((math.log(v) - math.log(m)) / (s * math.sqrt(2.0))))


def mode_shares(routes, median: float, sigma: float) -> dict:
    """Return {route key: share of shippers for whom it is cheapest}, values of time lognormal(median, sigma).

    From the switch points v_1 < v_2 ... of the lower envelope: the route winning between v_(k-1) and v_k
    gets F(v_k) - F(v_(k-1)), with v_0 = 0 and a last bound of infinity; a route that never wins gets 0.
    The shares add up to 1.
    """
    items = _routes(routes)
    lognormal_cdf(1.0, median, sigma)  # validates median and sigma with clear messages
    shares = {r.key: 0.0 for r in items}
    switches = switch_points(items)
    winners = [switches[0].before if switches else best_route(items, 0.0)] + [s.after for s in switches]
    bounds = [0.0] + [s.value_of_time for s in switches] + [math.inf]
    for route, low, high in zip(winners, bounds[:-1], bounds[1:]):
        shares[route.key] += lognormal_cdf(high, median, sigma) - lognormal_cdf(low, median, sigma)
    return shares


def simulated_mode_shares(routes, median: float, sigma: float, shippers: int = 100_000, seed: int = 6) -> dict:
    """Return {route key: share} from drawing ``shippers`` lognormal values of time (simulated; fixed seed).

    Each simulated shipper takes the route with the lowest c + v d; the shares converge to ``mode_shares``.
    """
    import numpy as np

    items = _routes(routes)
    lognormal_cdf(1.0, median, sigma)
    n = int(expect_number(shippers, "number of simulated shippers", minimum=1, integer=True))
    v = np.random.default_rng(seed).lognormal(math.log(median), sigma, n)
    costs = np.array([[r.cost] for r in items]) + np.array([[r.days] for r in items]) * v
    chosen = costs.argmin(axis=0)
    return {r.key: float(np.mean(chosen == k)) for k, r in enumerate(items)}


def illustrative_routes(days_river_sea: float, days_rail_sea: float, days_source: str = "given") -> dict:
    """Return three routes from Chongqing to an ASEAN destination; costs and road time are illustrative.

    No dataset holds route costs or the road route's time, so those are illustrative (the widget lets
    the student change them). The river-sea and rail-sea times are arguments: ``default_routes`` fills
    them from ``corridor_trade``.
    """
    return {
        "river_sea": Route("river_sea", "Yangtze river + sea via Shanghai", "长江水运+海运(经上海)",
                           days_river_sea, 6_000.0, days_source=days_source),
        "rail_sea": Route("rail_sea", "Rail-sea via Qinzhou (Beibu Gulf)", "铁海联运(经钦州北部湾)",
                          days_rail_sea, 9_000.0, days_source=days_source),
        "road": Route("road", "Cross-border road via Pingxiang", "跨境公路(经凭祥)", 5.0, 20_000.0),
    }


def sourced_days(table) -> tuple[float, float]:
    """Return (earlier, current) Chongqing-ASEAN logistics time in days from the corridor_trade table."""
    rows = table[table["indicator"] == "logistics time Chongqing-ASEAN"]
    values = sorted(rows["value"].astype(float), reverse=True)
    if len(values) != 2:
        raise CqlabInputError(
            f"corridor_trade should hold two Chongqing-ASEAN logistics times; found {len(values)}."
        )
    return values[0], values[1]


def default_routes() -> dict:
    """Return the lesson's routes: river-sea and rail-sea times from ``corridor_trade``, the rest illustrative.

    The dataset reports that the corridor cut the Chongqing-ASEAN logistics time from the earlier
    figure to the current one; reading the earlier figure as the river-sea route and the current one as
    the rail-sea route is this course's interpretation, and the lesson says so.
    """
    from cqlab import data

    earlier, current = sourced_days(data.load("corridor_trade"))
    return illustrative_routes(earlier, current, days_source="corridor_trade (interpreted)")


# --- flows reported for different periods -------------------------------------------------------

FLOW_TYPES = ("full-year", "partial-year")
_MONTHS = re.compile(r"^(\d{4})-(\d{2})/(\d{4})-(\d{2})$")
_DAYS = re.compile(r"^(\d{4})-(\d{2})-(\d{2})/(\d{4})-(\d{2})-(\d{2})$")


def period_span(period: str, period_type: str) -> str:
    """Return the span a flow covers within its year: 'full year', 'Jan-Sep', 'Jan 1-Aug 2' ...

    Two flows can be compared only when their spans are equal (e.g. Jan-Sep 2022 with Jan-Sep 2023).
    """
    period = str(period).strip()
    expect_choice(period_type, f"period type of '{period}'", FLOW_TYPES + ("point-in-time", "cumulative", "expectation"))
    if period_type == "full-year":
        return "full year"
    if period_type != "partial-year":
        raise CqlabInputError(
            f"'{period}' is a {period_type} figure, not a flow over a period: it cannot be summed or "
            "compared as one."
        )
    names = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    if (m := _MONTHS.match(period)) or (m := _DAYS.match(period)):
        import datetime

        groups = [int(g) for g in m.groups()]
        for month in (groups[1], groups[4] if len(groups) == 6 else groups[3]):
            if not 1 <= month <= 12:
                raise CqlabInputError(f"The period '{period}' names month {month:02d}; months run from 01 to 12.")
        if len(groups) == 6:
            try:
                start, end = datetime.date(*groups[:3]), datetime.date(*groups[3:])
            except ValueError as error:
                raise CqlabInputError(f"The period '{period}' names an impossible date ({error}).") from None
        else:
            start, end = datetime.date(groups[0], groups[1], 1), datetime.date(groups[2], groups[3], 1)
        if end < start:
            raise CqlabInputError(f"The period '{period}' ends before it starts.")
    if m := _MONTHS.match(period):
        return f"{names[int(m[2]) - 1]}-{names[int(m[4]) - 1]}"
    if m := _DAYS.match(period):
        return f"{names[int(m[2]) - 1]} {int(m[3])}-{names[int(m[5]) - 1]} {int(m[6])}"
    if m := re.match(r"^\d{4}-H([12])$", period):
        return "Jan-Jun" if m[1] == "1" else "Jul-Dec"
    if m := re.match(r"^\d{4}-Q([1-4])$", period):
        q = int(m[1])
        return f"{names[3 * q - 3]}-{names[3 * q - 1]}"
    raise CqlabInputError(f"Cannot read the period '{period}' (expected e.g. 2023-01/2023-09, 2023-H1, 2025-Q1).")


_MONTH_NAMES = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def shown_span(span: str) -> str:
    """A span from :func:`period_span` as a reader of the course language sees it: in Chinese 'Jan-Sep' is
    '1-9月', 'Jan 1-Aug 2' is '1月1日-8月2日' and 'full year' is '全年'. The span itself, the key two flows are
    compared by, stays English."""
    from cqlab.i18n import get_language

    span = expect_text(span, "span", "Jan-Sep")
    if get_language() != "zh":
        return span
    if span == "full year":
        return "全年"
    if m := re.fullmatch(r"([A-Z][a-z]{2})-([A-Z][a-z]{2})", span):
        return f"{_MONTH_NAMES.index(m[1]) + 1}-{_MONTH_NAMES.index(m[2]) + 1}月"
    if m := re.fullmatch(r"([A-Z][a-z]{2}) (\d+)-([A-Z][a-z]{2}) (\d+)", span):
        return f"{_MONTH_NAMES.index(m[1]) + 1}月{m[2]}日-{_MONTH_NAMES.index(m[3]) + 1}月{m[4]}日"
    return span


def _records(rows) -> list[dict]:
    """Rows as dictionaries: from a DataFrame, or a list of dicts or pandas Series (table rows)."""
    if hasattr(rows, "columns"):
        rows = rows.to_dict("records")
    records = [r.to_dict() if hasattr(r, "to_dict") and not isinstance(r, dict) else r for r in rows]
    for k, r in enumerate(records):
        if not isinstance(r, dict) or not {"value", "period", "period_type"} <= set(r):
            raise CqlabInputError(
                f"Row {k + 1} must have 'value', 'period' and 'period_type'; got {describe(r)}."
            )
    return records


def total(rows) -> float:
    """Return the sum of flow values, only if every row is a full calendar year (else a clear error)."""
    records = _records(rows)
    if not records:
        raise CqlabInputError("There is nothing to sum: no rows were given.")
    odd = [
        str(r["period"]) if r["period_type"] in str(r["period"]) else f"{r['period']} ({r['period_type']})"
        for r in records
        if r["period_type"] != "full-year"
    ]
    if odd:
        raise CqlabInputError(
            "Only full-year flows can be added up; these rows are not full years: "
            f"{', '.join(map(str, odd))}. Sum full years only, or report partial periods separately."
        )
    units = {r.get("unit") for r in records}
    if len(units) > 1:
        raise CqlabInputError(f"The rows are in different units ({', '.join(map(str, units))}); convert first.")
    return float(sum(expect_number(r["value"], f"value for {r['period']}") for r in records))


def growth(earlier, later) -> float:
    """Return later / earlier - 1 for two flows over the same span of their years (else a clear error)."""
    a, b = _records([earlier, later])
    span_a, span_b = period_span(a["period"], a["period_type"]), period_span(b["period"], b["period_type"])
    if span_a != span_b:
        from cqlab.i18n import label

        shown_a, shown_b = shown_span(span_a), shown_span(span_b)
        raise CqlabInputError(label(
            f"Cannot compare {a['period']} ({span_a}) with {b['period']} ({span_b}): they cover different "
            "spans of the year. Compare a full year with a full year, or Jan-Sep with Jan-Sep.",
            f"不能把 {a['period']}({shown_a})与 {b['period']}({shown_b})相比:二者覆盖一年中不同的时段。"
            "请全年比全年,或1-9月比1-9月。"))
    if a.get("unit") != b.get("unit"):
        raise CqlabInputError(f"The two flows are in different units ({a.get('unit')}, {b.get('unit')}); convert first.")
    start = expect_number(a["value"], f"value for {a['period']}", minimum=0, allow_min=False)
    return expect_number(b["value"], f"value for {b['period']}") / start - 1.0
