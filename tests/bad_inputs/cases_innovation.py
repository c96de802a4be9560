"""Bad inputs for lesson 04's innovation targets."""

from cqlab import data
from cqlab.models import innovation
from cqlab.widgets.innovation import compare
from tests.bad_inputs import Case


def _firms():
    return innovation.observations(data.load("macro"), "high-tech enterprises", unit="家")


CASES = [
    Case("an indicator name with a typo", lambda: innovation.observations(data.load("macro"), "high-tech enterprise"),
         "Did you mean"),
    Case("a target year before the baseline", lambda: innovation.check_target(_firms(), 10000, 2020),
         "target year must come after the baseline year"),
    Case("a negative target", lambda: innovation.check_target(_firms(), -1, 2027), "target must be greater than 0"),
    Case("converting firms into yuan", lambda: innovation.convert_unit(1.1, "万家", "亿元"),
         "measure different things"),
    Case("an unknown comparison", lambda: compare("rd_everything"), "comparison must be one of"),
    Case("a target typed as text", lambda: compare("hte_custom", custom_target="9000"),
         "your target must be a number"),
    Case("annualise method misspelt", lambda: innovation.check_target(_firms(), 9000, 2027, annualise_method="scale"),
         "annualise method must be one of"),
    Case("include_expectations as text", lambda: innovation.check_target(_firms(), 9000, 2027,
                                                                           include_expectations="yes"),
         "include_expectations must be True or False"),
]

CASES += [
    Case("a target year a billion years away", lambda: innovation.check_target(_firms(), 1e5, 10**9), "at most 9999"),
    Case("a target year 600 years on", lambda: innovation.check_target(_firms(), 1e5, 2600), "at most 500"),
    Case("an infinite target", lambda: innovation.check_target(_firms(), float("inf"), 2027), "not inf"),
]
