"""Growth accounting: split output growth into capital, labour, human capital and TFP.

The method (Solow 1957) assumes a Cobb-Douglas production function with constant returns,
Y = A K^α (h L)^(1-α), so that in log differences

    Δln Y = α Δln K + (1-α) Δln L + (1-α) Δln h + Δln A,

where α is capital's share of income and 1-α labour's share. Every term but the last is
measured; TFP growth Δln A is the residual, what the inputs do not account for. Growth here
is a log difference: 100·Δln Y is close to, but not the same as, the percentage change.

Data: the Penn World Table 10.01 (Feenstra, Inklaar & Timmer 2015) in wide form, one row per
year, with ``rgdpna`` (real GDP), ``rnna`` (real capital stock), ``emp`` (persons engaged),
``avh`` (average annual hours per person), ``hc`` (human-capital index), ``labsh`` (labour
share) and, for comparison, ``rtfpna`` (PWT's own TFP index).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cqlab.errors import (
    CqlabInputError,
    _say,
    check_fields,
    describe,
    expect_choice,
    expect_count,
    expect_list,
    expect_number,
    expect_number_columns,
    expect_table,
    expect_text,
)

#: Labour input: persons engaged, or total hours (persons x average hours).
LABOUR_MEASURES = ("persons", "hours")
#: The parts of output growth, in the order charts stack them.
COMPONENTS = ("capital", "labour", "human_capital", "tfp")
REQUIRED_COLUMNS = ("year", "rgdpna", "rnna", "emp", "hc", "labsh")


@dataclass(frozen=True)
class GrowthAccounting:
    """Average annual contributions to output growth over ``start``-``end`` (log points, fractions).

    ``output`` = ``capital`` + ``labour`` + ``human_capital`` + ``tfp`` exactly (TFP is the
    residual). ``pwt_tfp`` is PWT's own TFP growth (rtfpna) over the same years, or None where
    rtfpna is missing; ``tornqvist_tfp`` is the residual with year-by-year labour shares.
    """

    start: int
    end: int
    labour_measure: str
    labour_share: float
    share_from_data: bool
    output: float
    capital: float
    labour: float
    human_capital: float
    tfp: float
    tornqvist_tfp: float
    pwt_tfp: float | None

    def __post_init__(self):
        check_fields(self, "accounting.account(...)")

    @property
    def capital_share(self) -> float:
        """α = 1 - labour share."""
        return 1.0 - self.labour_share

    @property
    def years(self) -> int:
        return self.end - self.start

    def contributions(self) -> dict[str, float]:
        """The four parts of output growth, by name (fractions per year)."""
        return {name: getattr(self, name) for name in COMPONENTS}

    def tfp_share_of_growth(self) -> float:
        """The share of output growth that TFP accounts for (a fraction; NaN when output did not grow)."""
        return self.tfp / self.output if self.output else float("nan")


def _check_table(table) -> None:
    columns = getattr(table, "columns", None)
    if columns is None:
        raise CqlabInputError(_say(
            f"Growth accounting needs a table (a DataFrame) such as data.load('pwt_china'); got {describe(table)}.",
            f"增长核算需要一张表格(DataFrame),例如 data.load('pwt_china');收到的是 {describe(table)}。"))
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise CqlabInputError(_say(
            f"The table lacks the column(s) {', '.join(missing)}; expected the Penn World Table columns "
            f"{', '.join(REQUIRED_COLUMNS)} (load it with data.load('pwt_china')).",
            f"表格缺少列 {', '.join(missing)};需要宾大世界表的列 {', '.join(REQUIRED_COLUMNS)}"
            "(用 data.load('pwt_china') 读取)。"))
    expect_table(table, "The growth-accounting table", REQUIRED_COLUMNS, "data.load('pwt_china')")
    # blank cells are allowed (the Penn World Table's early years are blank); text and infinities are not
    expect_number_columns(table, "The growth-accounting table", REQUIRED_COLUMNS, allow_missing=True,
                          row_label="year")
    if table["year"].isna().any():
        raise CqlabInputError(_say("Every row of the growth-accounting table needs a year; some have none.",
                                   "增长核算表的每一行都需要年份;有些行没有。"))


def year_range(table) -> tuple[int, int]:
    """Return the first and last year of the table."""
    _check_table(table)
    years = table["year"].astype(int)
    return int(years.min()), int(years.max())


def first_year_with(table, column: str) -> int:
    """Return the first year in which ``column`` has a value (e.g. avh for hours, rtfpna for PWT TFP).

    ``column`` is the name (text) of one of the table's columns.
    """
    _check_table(table)
    column = expect_text(column, "column", "avh", nonblank=True)
    expect_choice(column, "column", [str(c) for c in table.columns])
    present = table.loc[table[column].notna(), "year"]
    if present.empty:
        raise CqlabInputError(_say(f"The column {column} has no value in any year.", f"列 {column} 在任何年份都没有数值。"))
    return int(present.min())


def _period(table, start, end, labour_measure):
    """Check the period and return the rows start..end (inclusive), sorted by year."""
    _check_table(table)
    expect_choice(labour_measure, "labour measure", LABOUR_MEASURES)
    first, last = year_range(table)
    start = int(expect_number(start, "start year", minimum=first, maximum=last, integer=True))
    end = int(expect_number(end, "end year", minimum=first, maximum=last, integer=True))
    if end <= start:
        raise CqlabInputError(_say(
            f"The end year must come after the start year ({start}); got {end}. "
            "Growth needs at least two years.",
            f"结束年份必须晚于起始年份({start});收到的是 {end}。增长至少需要两个年份。"))
    rows = table[(table["year"] >= start) & (table["year"] <= end)].sort_values("year")
    needed = ["rgdpna", "rnna", "emp", "hc", "labsh"] + (["avh"] if labour_measure == "hours" else [])
    for column in needed:
        if column not in rows.columns or rows[column].isna().any():
            if column == "avh":
                available = first_year_with(table, "avh") if "avh" in table.columns else None
                since = f" (PWT has them from {available})" if available else ""
                since_zh = f"(宾大世界表从 {available} 年起才有)" if available else ""
                raise CqlabInputError(_say(
                    f"Hours worked (avh) are missing for part of {start}-{end}{since}; "
                    "choose a later start year, or count labour as persons.",
                    f"{start}-{end} 年间部分年份缺少工作小时数(avh){since_zh};请选更晚的起始年份,或按人数计算劳动。"))
            raise CqlabInputError(_say(f"The column {column} has gaps in {start}-{end}; choose another period.",
                                       f"列 {column} 在 {start}-{end} 年间有缺失;请换一个时期。"))
    if len(rows) != end - start + 1 or rows["year"].duplicated().any():
        raise CqlabInputError(_say(
            f"Some years between {start} and {end} are missing from the table, or appear twice.",
            f"表中 {start} 到 {end} 年之间有年份缺失或重复。"))
    shares = rows["labsh"].astype(float)
    outside = (shares <= 0) | (shares >= 1)
    if outside.any():
        year = int(rows["year"][outside].iloc[0])
        raise CqlabInputError(_say(
            f"The labour share (labsh) must lie strictly between 0 and 1 in every year; in {year} it is "
            f"{shares[outside].iloc[0]:g}.",
            f"劳动份额(labsh)每年都必须严格介于 0 和 1 之间;{year} 年为 {shares[outside].iloc[0]:g}。"))
    return start, end, rows


def labour_input(rows, labour_measure: str):
    """Return labour input per year: persons engaged, or total hours (persons x average hours).

    ``rows`` is a table with ``emp`` (and ``avh`` for hours), e.g. rows of data.load('pwt_china').
    """
    expect_choice(labour_measure, "labour measure", LABOUR_MEASURES)
    needed = ("emp", "avh") if labour_measure == "hours" else ("emp",)
    expect_table(rows, "rows", needed, "data.load('pwt_china')")
    expect_number_columns(rows, "rows", needed, row_label="year")
    persons = rows["emp"].to_numpy(dtype=float)
    if labour_measure == "hours":
        return persons * rows["avh"].to_numpy(dtype=float)
    return persons


def average_labour_share(table, start: int, end: int) -> float:
    """Return the mean of PWT's labour share (labsh) over the years start..end, inclusive."""
    start, end, rows = _period(table, start, end, "persons")
    return float(rows["labsh"].to_numpy(dtype=float).mean())


def _log(values, name):
    values = np.asarray(values, dtype=float)
    if (values <= 0).any():
        raise CqlabInputError(_say(f"{name} must be positive in every year to take logs.",
                                   f"{name} 每年都必须为正数,才能取对数。"))
    return np.log(values)


def yearly_contributions(table, start: int, end: int, labour_measure: str = "persons", labour_share=None):
    """Return a table, one row per year after ``start``, of Δln Y and its four parts (fractions).

    With ``labour_share=None`` the share is the period average of labsh; otherwise the
    student's value, a number strictly between 0 and 1.
    """
    import pandas as pd

    start, end, rows = _period(table, start, end, labour_measure)
    if labour_share is None:
        share = float(rows["labsh"].to_numpy(dtype=float).mean())
    else:
        share = expect_number(labour_share, "labour share", minimum=0, maximum=1, allow_min=False)
        if share == 1:
            raise CqlabInputError(_say("labour share must be below 1 (capital must earn something); got 1.",
                                       "labour share 必须小于 1(资本也要有收入);收到的是 1。"))
    alpha = 1.0 - share
    d_output = np.diff(_log(rows["rgdpna"], "Real GDP (rgdpna)"))
    d_capital = np.diff(_log(rows["rnna"], "The capital stock (rnna)"))
    d_labour = np.diff(_log(labour_input(rows, labour_measure), "Labour input"))
    d_hc = np.diff(_log(rows["hc"], "Human capital (hc)"))
    frame = pd.DataFrame(
        {
            "year": rows["year"].to_numpy()[1:].astype(int),
            "output": d_output,
            "capital": alpha * d_capital,
            "labour": share * d_labour,
            "human_capital": share * d_hc,
        }
    )
    frame["tfp"] = frame["output"] - frame["capital"] - frame["labour"] - frame["human_capital"]
    frame.attrs["labour_share"] = share
    return frame


def tornqvist_tfp_growth(table, start: int, end: int, labour_measure: str = "persons") -> float:
    """Return average annual TFP growth with a labour share that changes every year.

    Each year's weight is the average of that year's and the previous year's labsh (a
    Törnqvist index, the weighting PWT uses); inputs are ours (rnna, persons or hours, hc).
    """
    start, end, rows = _period(table, start, end, labour_measure)
    shares = rows["labsh"].to_numpy(dtype=float)
    weight = (shares[1:] + shares[:-1]) / 2.0
    d_output = np.diff(_log(rows["rgdpna"], "Real GDP (rgdpna)"))
    d_capital = np.diff(_log(rows["rnna"], "The capital stock (rnna)"))
    d_labour = np.diff(_log(labour_input(rows, labour_measure), "Labour input"))
    d_hc = np.diff(_log(rows["hc"], "Human capital (hc)"))
    residual = d_output - (1.0 - weight) * d_capital - weight * (d_labour + d_hc)
    return float(residual.mean())


def pwt_tfp_growth(table, start: int, end: int) -> float | None:
    """Return PWT's own average annual TFP growth (Δln rtfpna per year), or None where rtfpna is missing."""
    start, end, rows = _period(table, start, end, "persons")
    if "rtfpna" not in rows.columns:
        return None
    first, last = rows["rtfpna"].iloc[0], rows["rtfpna"].iloc[-1]
    if first != first or last != last:  # NaN: PWT has no TFP for that year
        return None
    return float(np.log(float(last) / float(first)) / (end - start))


def tfp_index(table, start: int, end: int, labour_measure: str = "persons", labour_share=None):
    """Return, for each year start..end, our cumulative TFP index and PWT's, both 1 in ``start``.

    ``ours`` is exp of the running sum of the yearly residuals (``yearly_contributions``), so its
    average log growth is ``account(...).tfp``; ``pwt`` is rtfpna divided by its ``start`` value
    (NaN in every year when rtfpna is missing in ``start``, NaN in a year without rtfpna).
    """
    import pandas as pd

    yearly = yearly_contributions(table, start, end, labour_measure, labour_share)
    start, end, rows = _period(table, start, end, labour_measure)
    ours = np.exp(np.concatenate([[0.0], np.cumsum(yearly["tfp"].to_numpy())]))
    if "rtfpna" in rows.columns:
        pwt = rows["rtfpna"].to_numpy(dtype=float)
        pwt = pwt / pwt[0]  # NaN throughout when PWT has no TFP for the start year
    else:
        pwt = np.full(len(rows), np.nan)
    return pd.DataFrame({"year": rows["year"].to_numpy().astype(int), "ours": ours, "pwt": pwt})


def sub_periods(breaks, end: int) -> list[tuple[int, int]]:
    """Return consecutive periods from a list of break years and the last year, e.g. [1956, 1978], 2019
    -> [(1956, 1978), (1978, 2019)]. The break years must rise and come before ``end``.

    ``breaks`` is a list of whole years (at least one); every year lies between 1 and 9999.
    """
    breaks = expect_list(breaks, "breaks (break years)", "[1956, 1978]")
    years = [expect_count(b, "break year", minimum=1, maximum=9999) for b in breaks]
    years.append(expect_count(end, "end year", minimum=1, maximum=9999))
    if len(years) < 2 or any(later <= earlier for earlier, later in zip(years, years[1:])):
        raise CqlabInputError(_say(f"The break years must rise and come before the end year {end}; got {list(breaks)}.",
                                   f"断点年份必须递增,且早于结束年份 {end};收到的是 {list(breaks)}。"))
    return list(zip(years[:-1], years[1:]))


def account(table, start: int, end: int, labour_measure: str = "persons", labour_share=None) -> GrowthAccounting:
    """Return the average annual growth accounting for ``start``-``end`` (see the module docstring).

    ``labour_share=None`` takes the period average of PWT's labsh; a number in (0, 1) sets it.
    """
    yearly = yearly_contributions(table, start, end, labour_measure, labour_share)
    means = yearly[["output", *COMPONENTS]].mean()
    return GrowthAccounting(
        start=int(start),
        end=int(end),
        labour_measure=labour_measure,
        labour_share=float(yearly.attrs["labour_share"]),
        share_from_data=labour_share is None,
        output=float(means["output"]),
        capital=float(means["capital"]),
        labour=float(means["labour"]),
        human_capital=float(means["human_capital"]),
        # the residual of the means, so that the parts add up to output growth to the last bit
        tfp=float(means["output"] - means["capital"] - means["labour"] - means["human_capital"]),
        tornqvist_tfp=tornqvist_tfp_growth(table, start, end, labour_measure),
        pwt_tfp=pwt_tfp_growth(table, start, end),
    )


def accounting_table(results):
    """Return several results side by side: one row per period, contributions in percentage points.

    ``results`` is a list of at least one GrowthAccounting (what ``account`` returns).
    """
    import pandas as pd

    results = expect_list(results, "results", "[account(pwt, 1978, 2019)]")
    if not results:
        raise CqlabInputError(_say("results must list at least one growth accounting; got an empty list.",
                                   "results 至少要包含一个增长核算结果;收到的是空列表。"))
    for k, result in enumerate(results):
        if not isinstance(result, GrowthAccounting):
            raise CqlabInputError(_say(
                f"results must hold what account(...) returns; item {k + 1} is {describe(result)}.",
                f"results 必须是 account(...) 的返回结果;第 {k + 1} 项是 {describe(result)}。"))
    rows = []
    for result in results:
        row = {"period": f"{result.start}-{result.end}", "labour input": result.labour_measure,
               "labour share": round(result.labour_share, 3)}
        row["output growth"] = 100 * result.output
        for name in COMPONENTS:
            row[name] = 100 * getattr(result, name)
        row["TFP share of growth (%)"] = 100 * result.tfp_share_of_growth()
        row["PWT TFP (rtfpna)"] = None if result.pwt_tfp is None else 100 * result.pwt_tfp
        rows.append(row)
    return pd.DataFrame(rows).set_index("period")
