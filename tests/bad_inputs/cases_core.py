"""Bad inputs to the shared code: data loading, units, language, growth, glossary."""

import math

import cqlab
from cqlab import data, glossary, units
from cqlab.models import growth, innovation
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
    # raw library exceptions, overflow, hangs
    Case("value() on a table without a value column", lambda: data.value("districts", district_cn="渝中区"), "no 'value' column"),
    Case("digits=None for humanize", lambda: units.humanize(5e8, digits=None), "digits (significant digits) must be a whole number"),
    Case("a growth period of a ten-thousandth of a year", lambda: growth.cagr(100, 200, 1e-4), "too large to compute"),
    Case("a projection over 10**12 years", lambda: growth.project(100, 0.05, 10**12), "at most 500"),
    Case("a projection that overflows", lambda: growth.project(100, 1e6, 400), "too large to compute"),
    Case("an int too large for a float", lambda: units.convert(10**400, "亿", "billion"), "far too large"),
    Case("a target year a billion years away", lambda: growth.required_growth_rate(1, 2, 2023, 10**9), "at most 9999"),
    # silently wrong
    Case("an unknown language for humanize", lambda: units.humanize(5e8, language="fr"), "one of 'en', 'zh'"),
    Case("a conversion that overflows to inf", lambda: units.convert(1e300, "万亿", ""), "too large to compute"),
    Case("infinity as a value", lambda: units.convert(math.inf, "亿", "billion"), "not inf"),
    Case("month 00 and month 13 in a period", lambda: growth.months_covered("2023-00/2023-13"), "months run from 01 to 12"),
    Case("a half-year period that ends before it starts", lambda: growth.months_covered("2023-09/2023-02"), "ends before it starts"),
    Case("a period in no known form", lambda: growth.months_covered("2023-W12"), "'YYYY-H1'"),
    # misleading messages
    Case("money converted into a count", lambda: innovation.convert_unit(1, "billion yuan", "万户"), "measure different things"),
    Case("observations of an indicator the table lacks", lambda: innovation.observations(
        data.load("macro"), "GPD"), "Did you mean: GDP"),
    Case("a glossary search in a lesson that does not exist", lambda: glossary.search("cluster", lesson=42), "got '42'"),
]

# second sweep (issue 15): data filters of the wrong kind, near misses, units' parameters, tables' options
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from cqlab import tables  # noqa: E402

_TABLE = pd.DataFrame({"year": [2022, 2023], "value": [1.5, 2.0]})

CASES += [
    Case("a year given as text in a data filter", lambda: data.value("macro", indicator="GDP", year="2024"),
         "the filter year= must be a number; got '2024' (str). Write year=2024"),
    Case("True given for a year in a data filter", lambda: data.value("macro", indicator="GDP", year=True),
         "the filter year= must be a number; got True"),
    Case("a number given for a text column in a data filter", lambda: data.row("glossary", lesson=5),
         "Write lesson='5', in quotes"),
    Case("None as a data filter", lambda: data.value("macro", indicator=None), "must be a value to match; got None"),
    Case("NaN as a data filter", lambda: data.row("pwt_china", year=np.nan), "must be a value to match; got nan"),
    Case("a list as a data filter", lambda: data.value("macro", indicator=["GDP"], year=2024), "must be one value"),
    Case("an indicator in the wrong case", lambda: data.value("macro", indicator="gdp", year=2024),
         "did you mean 'GDP'?"),
    Case("a filter that matches several rows", lambda: data.value("macro", indicator="GDP", year=2018),
         "found 3. They differ in"),
    Case("a column name with a typo names the column", lambda: data.value("macro", indicatr="GDP"),
         "Did you mean 'indicator'?"),
    Case("text given as the loaded frame", lambda: data.row("macro", frame="macro", indicator="GDP"),
         "frame must be the loaded dataset"),
    Case("a dataset name in capitals", lambda: data.load("MACRO"), "Did you mean 'macro'?"),
    Case("a dataset given as its path", lambda: data.load("datasets/macro.csv"), "Did you mean 'macro'?"),
    Case("a unit that is not text names the parameter", lambda: units.convert(1, None, "亿"), "from_unit: a unit must be text"),
    Case("an unknown unit names the parameter", lambda: units.convert(1, "亿", "lakh"), "Unknown unit 'lakh' for to_unit"),
    Case("to_ones overflowing to inf", lambda: units.to_ones(1e300, "万亿"), "too large to compute"),
    Case("None as the number to write", lambda: units.humanize(None), "ones (the number to write) must be a number"),
    Case("a table that is not a table", lambda: tables.to_html("GDP"), "frame must be a table"),
    Case("a number as a caption", lambda: tables.to_text(_TABLE, caption=2023), "caption must be text"),
    Case("an array as index", lambda: tables.to_text(_TABLE, index=np.array([1, 2])), "index must be True or False"),
    Case("a format that is not a format", lambda: tables.to_text(_TABLE, formats=3), "formats must be a format"),
    Case("a format for a column the table lacks", lambda: tables.to_text(_TABLE, formats={"vaule": "{:.1f}"}),
         "Did you mean 'value'?"),
    Case("a format code that does not exist", lambda: tables.to_text(_TABLE, formats="{:.2q}"),
         "formats: the format '{:.2q}' for column 'year' cannot write its value 2022"),
    Case("labels that are not a mapping", lambda: tables.to_text(_TABLE, labels="value"),
         "labels must map columns to headers"),
    Case("displayed() given a number", lambda: tables.displayed(1.5), "frame must be a table"),
]
