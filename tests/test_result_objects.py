"""The result objects (TargetCheck, GrowthAccounting, ...) refuse bad fields when a student builds one by hand.

Each is made from a real call, then rebuilt with one field replaced by a value of the wrong kind
(text, True/False, None, NaN, infinity, a table): the rebuild raises cqlab's error naming the class, the
field and the value, and an unchanged rebuild is accepted.
"""

import dataclasses
import math

import pandas as pd
import pytest

from cqlab import data
from cqlab.errors import CqlabInputError
from cqlab.models import (
    accounting,
    bargaining,
    competition,
    growth,
    innovation,
    public_goods,
    routes,
)


def _results():
    macro = data.load("macro")
    obs = innovation.observations(macro, "high-tech enterprises")
    choice = routes.choose_route(routes.default_routes(), 300.0)
    yield accounting.account(data.load("pwt_china"), 1978, 2019)
    yield bargaining.nash_bargaining(100.0, 0.5, 20.0, 20.0)
    yield competition.merger_effect([30, 20, 50], 0, 1)
    thresholds = competition.load_thresholds("2024")
    yield thresholds
    yield competition.notification_required([(150, 60), (80, 20)], "2024")
    yield competition.cournot_linear([10.0, 20.0])
    yield growth.check_against_path(100.0, 2020, 200.0, 2030, 130.0, 2023)
    yield innovation.check_target(obs, 10000, 2027)
    yield innovation.COMPARISONS["rd_all"]
    yield public_goods.analyse(5, 2.0)
    yield choice
    yield from choice.switches[:1]


RESULTS = list(_results())
BAD = ["text", True, None, math.nan, math.inf, pd.DataFrame({"year": [2023]})]


def test_every_result_class_is_covered():
    made = {type(result).__name__ for result in RESULTS}
    defined = {name for module in (accounting, bargaining, competition, growth, innovation, public_goods, routes)
               for name, kind in vars(module).items()
               if dataclasses.is_dataclass(kind) and isinstance(kind, type) and kind.__module__ == module.__name__}
    assert defined - {"Route"} <= made, defined - made  # Route has its own checks (test_models_routes)


@pytest.mark.parametrize("result", RESULTS, ids=lambda r: type(r).__name__)
def test_a_result_rebuilt_unchanged_is_accepted(result):
    assert dataclasses.replace(result) == result or isinstance(result, innovation.TargetCheck)


@pytest.mark.parametrize("result", RESULTS, ids=lambda r: type(r).__name__)
def test_a_result_built_by_hand_with_a_bad_field_is_refused_by_name(result):
    refused = 0
    for field in dataclasses.fields(result):
        for bad in BAD:
            if _allowed(bad, str(field.type)):
                continue
            try:
                dataclasses.replace(result, **{field.name: bad})
            except CqlabInputError as error:
                message = str(error)
                assert type(result).__name__ in message and field.name in message, message
                assert "\n" not in message
                refused += 1
            else:
                raise AssertionError(f"{type(result).__name__}({field.name}={bad!r}) was accepted")
    assert refused >= len(dataclasses.fields(result))


def _allowed(bad, annotation: str) -> bool:
    """True when ``bad`` is of a kind the field's annotation names (text for a str field ...): not bad there."""
    if isinstance(bad, str):
        return "str" in annotation
    if isinstance(bad, bool):
        return "bool" in annotation
    if bad is None:
        return "None" in annotation
    return False
