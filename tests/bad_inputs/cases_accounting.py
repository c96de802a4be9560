"""Bad inputs for lesson 03's growth accounting."""

import pandas as pd

from cqlab import data
from cqlab.models import accounting
from tests.bad_inputs import Case


def _pwt():
    return data.load("pwt_china")


CASES = [
    Case("end year before the start year", lambda: accounting.account(_pwt(), 2000, 1990), "end year must come after"),
    Case("start year outside the data", lambda: accounting.account(_pwt(), 1900, 2019), "start year must be at least"),
    Case("labour share given in percent", lambda: accounting.account(_pwt(), 1980, 2019, labour_share=58),
         "labour share must be at most 1"),
    Case("labour share of zero", lambda: accounting.account(_pwt(), 1980, 2019, labour_share=0),
         "labour share must be greater than 0"),
    Case("labour measure misspelt", lambda: accounting.account(_pwt(), 1980, 2019, labour_measure="workers"),
         "labour measure must be one of"),
    Case("hours before PWT has them", lambda: accounting.account(_pwt(), 1960, 2019, labour_measure="hours"),
         "Hours worked (avh) are missing"),
    Case("a list instead of a table", lambda: accounting.account([1, 2, 3], 1980, 2019), "needs a table"),
    Case("a table without human capital", lambda: accounting.account(_pwt().drop(columns="hc"), 1980, 2019),
         "lacks the column(s) hc"),
    Case("year given as text", lambda: accounting.account(_pwt(), "1980", 2019), "start year must be a whole number"),
    Case("a made-up table with a zero capital stock",
         lambda: accounting.account(pd.DataFrame({"year": [1, 2], "rgdpna": [1.0, 2.0], "rnna": [0.0, 1.0],
                                                  "emp": [1.0, 1.0], "hc": [1.0, 1.0], "labsh": [0.5, 0.5]}), 1, 2),
         "must be positive"),
]

CASES += [
    Case("an empty table", lambda: accounting.account(_pwt().iloc[0:0], 1990, 2000), "empty table"),
    Case("a labour share of 1.5 in one year", lambda: accounting.account(
        _pwt().assign(labsh=lambda t: t["labsh"].where(t["year"] != 1995, 1.5)), 1990, 2000), "in 1995 it is 1.5"),
    Case("an infinite capital stock", lambda: accounting.account(
        _pwt().assign(rnna=lambda t: t["rnna"].where(t["year"] != 1995, float("inf"))), 1990, 2000), "column rnna must hold finite numbers; at year 1995 it holds inf"),
    Case("a list instead of a table", lambda: accounting.year_range([1, 2]), "needs a table"),
]

# issue 15 sweep (bad-inputs-models): raw pandas/Python errors and a silently accepted duplicate year
CASES += [
    Case("a column name in capitals for first_year_with", lambda: accounting.first_year_with(_pwt(), "AVH"),
         "column must be one of"),
    Case("labour input of a list instead of the table's rows", lambda: accounting.labour_input([1, 2], "persons"),
         "rows must be a table"),
    Case("one break year instead of a list", lambda: accounting.sub_periods(1978, 2019),
         "breaks (break years) must be a list"),
    Case("an end year of NaN for the sub-periods", lambda: accounting.sub_periods([1956], float("nan")),
         "end year must be a whole number"),
    Case("an accounting table of no results", lambda: accounting.accounting_table([]),
         "at least one growth accounting"),
    Case("an accounting table of numbers", lambda: accounting.accounting_table([1, 2]),
         "results must hold what account(...) returns"),
    Case("a table with 1995 twice", lambda: accounting.account(
        pd.concat([_pwt(), _pwt()[_pwt()["year"] == 1995]]), 1990, 2000), "appear twice"),
]
