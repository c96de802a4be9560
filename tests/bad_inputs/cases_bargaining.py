"""Bad inputs for lesson 08: Nash bargaining, the outside-option wage and Rubinstein bargaining."""

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
    Case("disagreement payoffs larger than the surplus", lambda: nb.nash_bargaining(100, 0.5, 70, 40),
         "No deal: the disagreement payoffs add up to 110"),
    Case("disagreement payoffs above the surplus set on the widget", lambda: _widget_error(worker_outside=80, firm_outside=60),
         "No deal"),
    Case("bargaining power above one", lambda: nb.nash_bargaining(100, 1.5, 10, 10), "beta must be at most 1"),
    Case("bargaining power as a percentage", lambda: nb.nash_bargaining(100, 50, 10, 10), "beta must be at most 1"),
    Case("a surplus of zero", lambda: nb.nash_bargaining(0, 0.5, 0, 0), "surplus S must be greater than 0"),
    Case("a negative disagreement payoff", lambda: nb.nash_bargaining(100, 0.5, 10, -5), "d_f must be at least 0"),
    Case("an outside option the firm cannot pay", lambda: nb.outside_option_wage(100, 0.5, 0, 20, 90),
         "No deal: the workers' outside option 90"),
    Case("an outside option given as text", lambda: nb.outside_option_wage(100, 0.5, 0, 20, "30"), "must be a number"),
    Case("a discount factor above one", lambda: nb.rubinstein_share(1.1, 0.9), "delta_1 must be at most 1"),
    Case("two perfectly patient players", lambda: nb.rubinstein_share(1, 1), "no unique split"),
    Case("a discount rate of zero", lambda: nb.rubinstein_limit_share(0, 0.1), "r_1 must be greater than 0"),
    Case("a negative interval between offers", lambda: nb.rubinstein_limit_share(0.1, 0.1, -1),
         "interval between offers must be greater than 0"),
]

CASES += [
    Case("a NaN among the payoffs", lambda: nb.nash_product([float("nan"), 50], 100, 0.5, 10, 10), "finite numbers, not nan"),
    Case("payoffs as text", lambda: nb.nash_product("50", 100, 0.5, 10, 10), "list of numbers"),
]

# issue 15 sweep (bad-inputs-models): True and an empty list were taken as payoffs
CASES += [
    Case("True as the workers' payoff", lambda: nb.nash_product(True, 100, 0.5, 20, 10),
         "must be a number or a list of numbers"),
    Case("no workers' payoffs at all", lambda: nb.nash_product([], 100, 0.5, 20, 10), "at least one number"),
]
