"""Bad inputs for lesson 06 (route choice and period-safe flow arithmetic)."""

from cqlab.models import routes as _routes
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

# issue 15 sweep (bad-inputs-models): raw TypeErrors, a random seed, unchecked texts and spans
import pandas as _pd  # noqa: E402

CASES += [
    Case("no routes at all", lambda: _routes.best_route(None, 100), "needs at least two Route objects"),
    Case("a route without a key", lambda: Route(None, "a", "b", 5, 100), "key of a route must be text"),
    Case("a simulation seed of None (random shares)",
         lambda: _routes.simulated_mode_shares(_routes.default_routes(), 500, 1.0, 1000, None), "seed must be a whole number"),
    Case("10**12 simulated shippers", lambda: _routes.simulated_mode_shares(_routes.default_routes(), 500, 1.0, 10**12),
         "at most 1e+06"),
    Case("no table for the logistics times", lambda: _routes.sourced_days(None), "must be a table"),
    Case("a column for a period", lambda: period_span(_pd.Series(["2023-01/2023-09"]), "partial-year"),
         "period must be text"),
    Case("a partial-year period of 18 months", lambda: period_span("2022-01/2023-06", "partial-year"),
         "covers more than a year"),
    Case("a span that period_span never returns", lambda: _routes.shown_span("Sept"),
         "span must be what period_span returns"),
    Case("None for the rows to sum", lambda: total(None), "rows must be a table or a list of rows"),
    Case("None for where the times come from", lambda: _routes.illustrative_routes(20, 10, None),
         "days_source must be text"),
]

CASES += [
    Case("a span of only a control character", lambda: _routes.shown_span("\x1f"), "got '\\x1f'"),
]

# found by a deep property search (CQLAB_PROPERTY_EXAMPLES=1500): a blank key was quoted as ''
CASES += [
    Case("a route key of a control character", lambda: _routes.Route("\x1f", "a", "b", 1, 1), r"got '\x1f'"),
]
