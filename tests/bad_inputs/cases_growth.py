"""Bad inputs for lesson 01's target check (the other growth cases are in cases_core.py)."""

from cqlab.models import growth
from tests.bad_inputs import Case

CASES = [
    Case("an outturn in the base year itself", lambda: growth.check_against_path(6385, 2023, 10000, 2027, 6200, 2023),
         "year of the outturn must come after the base year"),
    Case("a negative outturn", lambda: growth.check_against_path(6385, 2023, 10000, 2027, -6200, 2024),
         "outturn must be greater than 0"),
    Case("a required path whose target year comes first", lambda: growth.required_path(6385, 10000, 2027, 2023),
         "must come after the base year"),
]
