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

# issue 15 sweep (bad-inputs-models): a misleading message, a year 0000, a column for a period
import pandas as _pd  # noqa: E402

CASES += [
    Case("a baseline of 1e300 for a target of 200 (the rate rounds to -100%)",
         lambda: growth.required_path(1e300, 200, 2023, 2027), "rounds to -100%"),
    Case("a base year of 3 for a target in 2027", lambda: growth.required_growth_rate(100, 200, 3, 2027),
         "at most 500 years"),
    Case("the year 0000 in a period", lambda: growth.months_covered("0000-01/0000-03"), "year 0000"),
    Case("a column for a period", lambda: growth.months_covered(_pd.Series(["2023-01/2023-09"])),
         "A period must be text"),
]
