"""Bad inputs for lesson 06 (route choice and period-safe flow arithmetic)."""

from cqlab.models.routes import (
    Route,
    break_even_value_of_time,
    generalised_cost,
    growth,
    mode_shares,
    period_span,
    total,
)
from tests.bad_inputs import Case

_ROUTE = Route("r", "route", "线路", days=10, cost=5_000)
_FAST = Route("f", "fast route", "快线", days=5, cost=9_000)
_FULL = {"value": 15, "period": "2022", "period_type": "full-year", "unit": "万标箱"}
_JAN_SEP = {"value": 12.6, "period": "2023-01/2023-09", "period_type": "partial-year", "unit": "万标箱"}
_PORTS = {"value": 473, "period": "2023-09", "period_type": "point-in-time", "unit": "ports"}

CASES = [
    Case("a negative value of time", lambda: generalised_cost(_ROUTE, -100), "at least 0"),
    Case("a spread of zero for the values of time", lambda: mode_shares([_ROUTE, _FAST], 400, 0), "greater than 0"),
    Case("a route with a negative cost", lambda: Route("x", "x", "x", days=5, cost=-1), "at least 0"),
    Case("a route taking zero days", lambda: Route("x", "x", "x", days=0, cost=1), "greater than 0"),
    Case("summing a full year with a nine-month figure", lambda: total([_FULL, _JAN_SEP]), "not full years"),
    Case("comparing a full year with a nine-month figure", lambda: growth(_FULL, _JAN_SEP), "different spans"),
    Case("treating a count of ports as a flow", lambda: total([_PORTS]), "not full years"),
    Case("a route name instead of a Route", lambda: generalised_cost("road", 100), "must be a Route"),
    Case("break-even of two route names", lambda: break_even_value_of_time("road", "rail_sea"), "must be a Route"),
    Case("months 13 and 14 in a partial year", lambda: period_span("2023-13/2023-14", "partial-year"), "months run from 01 to 12"),
    Case("30 February in a day range", lambda: period_span("2023-01-01/2023-02-30", "partial-year"), "impossible date"),
    Case("a partial year that ends before it starts", lambda: period_span("2023-09/2023-01", "partial-year"), "ends before it starts"),
    Case("an unknown period type", lambda: period_span("2023", "monthly"), "must be one of"),
]
