"""Bad inputs to the shared code: data loading, units, language, growth, glossary."""

import math

import cqlab
from cqlab import data, glossary, units
from cqlab.models import growth
from tests.bad_inputs import Case

CASES = [
    Case("a dataset name with a typo", lambda: data.load("macr"), "Did you mean 'macro'?"),
    Case("an unknown dataset name", lambda: data.load("gdp_by_planet"), "Available:"),
    Case("a number instead of a dataset name", lambda: data.load(3), "must be text"),
    Case("a column that the dataset lacks", lambda: data.value("macro", indicatr="GDP"), "has no column 'indicatr'"),
    Case("a filter that matches no row", lambda: data.value("macro", indicator="GDP", year=1800), "found 0"),
    Case("an unknown unit", lambda: units.convert(1, "lakh", "万"), "Unknown unit 'lakh'"),
    Case("text instead of a number", lambda: units.convert("12", "亿", "billion"), "must be a number"),
    Case("NaN as a value", lambda: units.convert(math.nan, "亿", "billion"), "not nan"),
    Case("an unknown chart language", lambda: cqlab.set_language("fr"), "one of 'en', 'zh'"),
    Case("a negative baseline", lambda: growth.cagr(-5, 10, 3), "start value must be greater than 0"),
    Case("zero years of growth", lambda: growth.cagr(5, 10, 0), "number of years must be greater than 0"),
    Case("a target year before the base year", lambda: growth.required_growth_rate(1, 2, 2027, 2023), "must come after"),
    Case("a year given as text", lambda: growth.required_growth_rate(1, 2, "2023", 2027), "base year must be a whole number"),
    Case("thirteen months in a year", lambda: growth.annualise(10, 13), "at most 12"),
    Case("a growth rate below -100%", lambda: growth.project(1, -1.5, 3), "greater than -1"),
    Case("a term not in the glossary", lambda: glossary.lookup("flux capacitor"), "not in the glossary"),
    Case("a number as a glossary search", lambda: glossary.search(33618), "needs text"),
]
