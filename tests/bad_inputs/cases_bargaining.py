"""Bad inputs for lesson 08: Nash bargaining and the network layout."""

from cqlab.errors import CqlabInputError
from cqlab.models import bargaining as nb
from cqlab.widgets.bargaining import BargainingWidget
from tests.bad_inputs import Case


def _widget_error(**values):
    """Set the widget's controls as a student would; the widget shows the model's message."""
    w = BargainingWidget()
    for name, value in values.items():
        w.controls[name].value = value
    if w.error:
        raise CqlabInputError(w.error)
    return w


CASES = [
    Case("outside options larger than the surplus", lambda: nb.nash_bargaining(100, 0.5, 70, 40),
         "No deal: the outside options add up to 110"),
    Case("outside options above the surplus set on the widget", lambda: _widget_error(worker_outside=80, firm_outside=60),
         "No deal"),
    Case("bargaining power above one", lambda: nb.nash_bargaining(100, 1.5, 10, 10), "beta must be at most 1"),
    Case("bargaining power as a percentage", lambda: nb.nash_bargaining(100, 50, 10, 10), "beta must be at most 1"),
    Case("a surplus of zero", lambda: nb.nash_bargaining(0, 0.5, 0, 0), "surplus S must be greater than 0"),
    Case("a negative outside option", lambda: nb.nash_bargaining(100, 0.5, 10, -5), "d_f must be at least 0"),
    Case("a network level with no nodes", lambda: nb.tree_levels([("committee", 1), ("stations", 0)]),
         "must be at least 1"),
    Case("a closed loop of one step", lambda: nb.cycle_positions(1), "number of steps must be at least 2"),
]

CASES += [
    Case("a NaN among the payoffs", lambda: nb.nash_product([float("nan"), 50], 100, 0.5, 10, 10), "finite numbers, not nan"),
    Case("payoffs as text", lambda: nb.nash_product("50", 100, 0.5, 10, 10), "list of numbers"),
    Case("a billion steps round a cycle", lambda: nb.cycle_positions(10**9), "at most 100000"),
]
