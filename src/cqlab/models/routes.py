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
    _say,
    check_fields,
    describe,
    expect_choice,
    expect_count,
    expect_finite_result,
    expect_number,
    expect_table,
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
        for name in ("key", "name_en", "name_zh", "days_source", "cost_source"):
            expect_text(getattr(self, name), f"{name} of a route", "road" if name == "key" else "",
                        nonblank=name == "key")
        expect_number(self.days, f"transit time of route '{self.key}' (days)", minimum=0, allow_min=False)
        expect_number(self.cost, f"cost of route '{self.key}' (yuan per container)", minimum=0)


def _routes(routes) -> list[Route]:
    """Check a dict or list of at least two Routes with different keys; return them as a list."""
    need = (f"Route choice needs at least two Route objects; got {describe(routes)}.",
            f"路线选择至少需要两个 Route 对象;收到的是 {describe(routes)}。")
    if isinstance(routes, dict):
        items = list(routes.values())
    elif isinstance(routes, (str, bytes)) or not hasattr(routes, "__iter__") or hasattr(routes, "columns"):
        raise CqlabInputError(_say(*need))
    else:
        items = list(routes)
    if len(items) < 2 or not all(isinstance(r, Route) for r in items):
        raise CqlabInputError(_say(*need))
    keys = [r.key for r in items]
    if len(set(keys)) != len(keys):
        raise CqlabInputError(_say(f"Each route needs its own key; got the keys {keys}.",
                                   f"每条路线都需要不同的 key;收到的 key 是 {keys}。"))
    return items


def _route(route, name: str = "route") -> Route:
    if not isinstance(route, Route):
        raise CqlabInputError(_say(
            f"The {name} must be a Route, e.g. default_routes()['road']; got {describe(route)}.",
            f"{name} 必须是 Route,例如 default_routes()['road'];收到的是 {describe(route)}。"))
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

    def __post_init__(self):
        check_fields(self, "routes.choose_route(...)")


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

    def __post_init__(self):
        check_fields(self, "routes.choose_route(...)")


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
    ``shippers`` is a whole number from 1 to 1 000 000; ``seed`` a whole number from 0 to 2**32 - 1.
    """
    import numpy as np

    items = _routes(routes)
    lognormal_cdf(1.0, median, sigma)
    n = expect_count(shippers, "number of simulated shippers", minimum=1, maximum=1_000_000)
    seed = expect_count(seed, "seed", minimum=0, maximum=2**32 - 1)
    v = np.random.default_rng(seed).lognormal(math.log(median), sigma, n)
    costs = np.array([[r.cost] for r in items]) + np.array([[r.days] for r in items]) * v
    chosen = costs.argmin(axis=0)
    return {r.key: float(np.mean(chosen == k)) for k, r in enumerate(items)}


def illustrative_routes(days_river_sea: float, days_rail_sea: float, days_source: str = "given") -> dict:
    """Return three routes from Chongqing to an ASEAN destination; costs and road time are illustrative.

    No dataset holds route costs or the road route's time, so those are illustrative (the widget lets
    the student change them). The river-sea and rail-sea times are arguments: ``default_routes`` fills
    them from ``corridor_trade``. ``days_source`` is text saying where the two times come from.
    """
    expect_text(days_source, "days_source", "given")
    return {
        "river_sea": Route("river_sea", "Yangtze river + sea via Shanghai", "长江水运+海运(经上海)",
                           days_river_sea, 6_000.0, days_source=days_source),
        "rail_sea": Route("rail_sea", "Rail-sea via Qinzhou (Beibu Gulf)", "铁海联运(经钦州北部湾)",
                          days_rail_sea, 9_000.0, days_source=days_source),
        "road": Route("road", "Cross-border road via Pingxiang", "跨境公路(经凭祥)", 5.0, 20_000.0),
    }


def sourced_days(table) -> tuple[float, float]:
    """Return (earlier, current) Chongqing-ASEAN logistics time in days from the corridor_trade table.

    ``table`` is data.load('corridor_trade') (a table with the columns indicator and value).
    """
    expect_table(table, "The corridor table", ("indicator", "value"), "data.load('corridor_trade')")
    rows = table[table["indicator"] == "logistics time Chongqing-ASEAN"]
    values = sorted((expect_number(v, "a Chongqing-ASEAN logistics time (days)", minimum=0, allow_min=False)
                     for v in rows["value"]), reverse=True)
    if len(values) != 2:
        raise CqlabInputError(_say(
            f"corridor_trade should hold two Chongqing-ASEAN logistics times; found {len(values)}.",
            f"corridor_trade 应含两个重庆-东盟物流时间;找到 {len(values)} 个。"))
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
    ``period`` is text such as '2023-01/2023-09', '2023-H1', '2025-Q1' or a year (a whole number is read as one).
    """
    if isinstance(period, bool) or not isinstance(period, (str, int)):
        raise CqlabInputError(_say(f"period must be text such as '2023-01/2023-09'; got {describe(period)}.",
                                   f"period 必须是文本,例如 '2023-01/2023-09';收到的是 {describe(period)}。"))
    period = str(period).strip()
    expect_choice(period_type, f"period type of '{period}'", FLOW_TYPES + ("point-in-time", "cumulative", "expectation"))
    if period_type == "full-year":
        return "full year"
    if period_type != "partial-year":
        raise CqlabInputError(_say(
            f"'{period}' is a {period_type} figure, not a flow over a period: it cannot be summed or "
            "compared as one.",
            f"'{period}' 是 {period_type} 类数字,不是一段时期的流量:不能当作流量求和或比较。"))
    names = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    if (m := _MONTHS.match(period)) or (m := _DAYS.match(period)):
        import datetime

        groups = [int(g) for g in m.groups()]
        for month in (groups[1], groups[4] if len(groups) == 6 else groups[3]):
            if not 1 <= month <= 12:
                raise CqlabInputError(_say(f"The period '{period}' names month {month:02d}; months run from 01 to 12.",
                                           f"时期 '{period}' 含有月份 {month:02d};月份只能是 01 到 12。"))
        try:
            if len(groups) == 6:
                start, end = datetime.date(*groups[:3]), datetime.date(*groups[3:])
            else:
                start, end = datetime.date(groups[0], groups[1], 1), datetime.date(groups[2], groups[3], 1)
        except ValueError as error:
            raise CqlabInputError(_say(f"The period '{period}' names an impossible date ({error}).",
                                       f"时期 '{period}' 含有不存在的日期({error})。")) from None
        if end < start:
            raise CqlabInputError(_say(f"The period '{period}' ends before it starts.",
                                       f"时期 '{period}' 的结束早于开始。"))
        if (end.year - start.year) * 12 + end.month - start.month >= 12:
            raise CqlabInputError(_say(
                f"The period '{period}' covers more than a year; a partial-year flow covers part of one year.",
                f"时期 '{period}' 超过一年;部分年份的流量只覆盖一年中的一部分。"))
    if m := _MONTHS.match(period):
        return f"{names[int(m[2]) - 1]}-{names[int(m[4]) - 1]}"
    if m := _DAYS.match(period):
        return f"{names[int(m[2]) - 1]} {int(m[3])}-{names[int(m[5]) - 1]} {int(m[6])}"
    if m := re.match(r"^\d{4}-H([12])$", period):
        return "Jan-Jun" if m[1] == "1" else "Jul-Dec"
    if m := re.match(r"^\d{4}-Q([1-4])$", period):
        q = int(m[1])
        return f"{names[3 * q - 3]}-{names[3 * q - 1]}"
    raise CqlabInputError(_say(f"Cannot read the period '{period}' (expected e.g. 2023-01/2023-09, 2023-H1, 2025-Q1).",
                               f"无法读取时期 '{period}'(应为例如 2023-01/2023-09、2023-H1、2025-Q1)。"))


_MONTH_NAMES = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def shown_span(span: str) -> str:
    """A span from :func:`period_span` as a reader of the course language sees it: in Chinese 'Jan-Sep' is
    '1-9月', 'Jan 1-Aug 2' is '1月1日-8月2日' and 'full year' is '全年'. The span itself, the key two flows are
    compared by, stays English. Any other text raises CqlabInputError."""
    from cqlab.i18n import get_language

    given = span
    span = expect_text(span, "span", "Jan-Sep", nonblank=True)
    months = "|".join(_MONTH_NAMES)
    by_months = re.fullmatch(rf"({months})-({months})", span)
    by_days = re.fullmatch(rf"({months}) (\d{{1,2}})-({months}) (\d{{1,2}})", span)
    if span != "full year" and not by_months and not by_days:
        raise CqlabInputError(_say(
            f"span must be what period_span returns, e.g. 'full year', 'Jan-Sep' or 'Jan 1-Aug 2'; got {given!r}.",
            f"span 必须是 period_span 的返回值,例如 'full year'、'Jan-Sep' 或 'Jan 1-Aug 2';收到的是 {given!r}。"))
    if get_language() != "zh":
        return span
    if span == "full year":
        return "全年"
    if m := by_months:
        return f"{_MONTH_NAMES.index(m[1]) + 1}-{_MONTH_NAMES.index(m[2]) + 1}月"
    m = by_days
    return f"{_MONTH_NAMES.index(m[1]) + 1}月{m[2]}日-{_MONTH_NAMES.index(m[3]) + 1}月{m[4]}日"


def _records(rows) -> list[dict]:
    """Rows as dictionaries: from a DataFrame, or a list of dicts or pandas Series (table rows)."""
    if hasattr(rows, "columns"):
        rows = rows.to_dict("records")
    elif isinstance(rows, (str, bytes, dict)) or not hasattr(rows, "__iter__"):
        raise CqlabInputError(_say(
            f"rows must be a table or a list of rows (each with value, period and period_type); got {describe(rows)}.",
            f"rows 必须是表格或一组行(每行含 value、period 和 period_type);收到的是 {describe(rows)}。"))
    records = [r.to_dict() if hasattr(r, "to_dict") and not isinstance(r, dict) else r for r in rows]
    for k, r in enumerate(records):
        if not isinstance(r, dict) or not {"value", "period", "period_type"} <= set(r):
            raise CqlabInputError(_say(
                f"Row {k + 1} must have 'value', 'period' and 'period_type'; got {describe(r)}.",
                f"第 {k + 1} 行必须含 'value'、'period' 和 'period_type';收到的是 {describe(r)}。"))
    return records


def total(rows) -> float:
    """Return the sum of flow values, only if every row is a full calendar year (else a clear error)."""
    records = _records(rows)
    if not records:
        raise CqlabInputError(_say(f"There is nothing to sum: no rows were given ({describe(rows)}).",
                                   f"没有可求和的内容:没有给出任何行({describe(rows)})。"))
    odd = [
        str(r["period"]) if r["period_type"] in str(r["period"]) else f"{r['period']} ({r['period_type']})"
        for r in records
        if r["period_type"] != "full-year"
    ]
    if odd:
        raise CqlabInputError(_say(
            "Only full-year flows can be added up; these rows are not full years: "
            f"{', '.join(map(str, odd))}. Sum full years only, or report partial periods separately.",
            f"只有全年流量可以相加;以下各行不是全年:{', '.join(map(str, odd))}。请只加总全年,或分别报告部分时期。"))
    units = {r.get("unit") for r in records}
    if len(units) > 1:
        raise CqlabInputError(_say(f"The rows are in different units ({', '.join(map(str, units))}); convert first.",
                                   f"各行单位不同({', '.join(map(str, units))});请先换算。"))
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
        raise CqlabInputError(_say(
            f"The two flows are in different units ({a.get('unit')}, {b.get('unit')}); convert first.",
            f"两个流量的单位不同({a.get('unit')}、{b.get('unit')});请先换算。"))
    start = expect_number(a["value"], f"value for {a['period']}", minimum=0, allow_min=False)
    return expect_number(b["value"], f"value for {b['period']}") / start - 1.0
