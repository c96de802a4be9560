"""Bad inputs for lesson 07: the co-management (public-goods) game and gaps to targets."""

from cqlab.models import public_goods as pg
from cqlab.widgets.public_goods import PublicGoodsWidget
from tests.bad_inputs import Case


def _widget_error(**values):
    """Set the widget's controls as a student would; the widget shows the model's message."""
    w = PublicGoodsWidget()
    for name, value in values.items():
        w.controls[name].value = value
    if w.error:
        from cqlab.errors import CqlabInputError

        raise CqlabInputError(w.error)
    return w


CASES = [
    Case("a group of zero villagers", lambda: pg.analyse(0, 3), "at least 2 villagers"),
    Case("a group of one villager", lambda: pg.analyse(1, 3), "got a group size of 1"),
    Case("a group of zero set on the widget's slider", lambda: _widget_error(group_size=0), "at least 2 villagers"),
    Case("half a villager", lambda: pg.analyse(2.5, 3), "must be a whole number"),
    Case("group size typed as text", lambda: pg.analyse("ten", 3), "whole number of villagers"),
    Case("a return multiplier of zero", lambda: pg.analyse(10, 0), "multiplier r must be greater than 0"),
    Case("a negative reward", lambda: pg.analyse(10, 3, -0.2), "reward per unit s must be at least 0"),
    Case("a contribution above the endowment", lambda: pg.payoffs([2, 12], 2, 10), "between 0 and the endowment 10"),
    Case("self-funded given as text", lambda: pg.payoffs([1, 2], 2, 10, 0.5, self_funded="yes"),
         "self_funded must be True or False"),
    Case("a target year before the level's year", lambda: pg.gaps_to_targets(89, 2023, {2020: 95}),
         "must come after the year of the level (2023)"),
    Case("targets given as a plain number", lambda: pg.gaps_to_targets(89, 2023, 95), "Targets must map a year"),
]

# issue 15 sweep (bad-inputs-models): OverflowError and True taken as contributions
CASES += [
    Case("a contribution of 10**400", lambda: pg.payoffs([1, 10**400], 2, 10), "Contributions must be a number"),
    Case("True as the contributions", lambda: pg.payoffs(True, 2, 10), "flat list of numbers"),
]

# found by a deep property search (CQLAB_PROPERTY_EXAMPLES=1500): an overflow to inf returned without a word
CASES += [
    Case("payoffs that overflow (reward and contributions of 1e200)",
         lambda: pg.payoffs([0.0, 1e200], 1.0, 1e200, 1e200), "A villager's payoff"),
]
