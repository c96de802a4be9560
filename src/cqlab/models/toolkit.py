"""Models for lesson 02, the industrial-policy toolkit "eight focuses, eight systems" (八个围绕、八大体系).

Four small models, each a pure function of its inputs:

- **Instrument types.** Each building block of the eight systems is sorted into one of Hood's four
  kinds of government tool, NATO: Nodality (information), Authority (rules, ratings, mandates),
  Treasure (money) and Organisation (people and bodies the state sets up). Hood, C. (1983),
  *The Tools of Government*, Macmillan; Hood & Margetts (2007), *The Tools of Government in the
  Digital Age*. The sorting is a reading, not a fact: ``instrument_counts`` checks and counts any
  sorting a student proposes.
- **Monitoring cadence** (周监测、旬报告、月调度、季分析). ``to_xun`` averages a daily series over
  旬 (xún, ten-day periods: days 1-10, 11-20, 21-end of month), which pandas has no frequency for;
  ``aggregate`` does weeks, 旬, months and quarters; ``cadence_report`` says what each cadence sees
  of a short shock and how late it flags a lasting change.
- **亩均论英雄** (judging firms by output per mu of land): per-mu indicators, a blend of the
  output and tax rankings, and A/B/C/D classes by percentile cut-offs (illustrative).
- **The enterprise ladder** as an absorbing Markov chain: expected years to reach each rung from the
  fundamental matrix N = (I - Q)^-1 (Kemeny & Snell 1976, *Finite Markov Chains*, Springer,
  ch. III, thm 3.3.5: the expected number of steps before absorption is t = N 1; also Grinstead &
  Snell, *Introduction to Probability*, AMS, 1997, ch. 11, thm 11.5); with an exit state, the
  chance of ending listed or exited, B = N R (thm 3.3.7; Grinstead & Snell thm 11.6), and a
  Monte Carlo cohort to check both.

Everything simulated here comes from ``numpy.random.default_rng(seed)`` with a fixed seed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cqlab.errors import (
    CqlabInputError,
    CqlabWarning,
    _say,
    describe,
    expect_choice,
    expect_count,
    expect_list,
    expect_number,
    expect_number_columns,
    expect_table,
    expect_text,
)

# --------------------------------------------------------------------------------------------
# 1. Instrument types
# --------------------------------------------------------------------------------------------

#: Hood's NATO typology of government tools: key -> (English, Chinese, what the state uses).
INSTRUMENT_TYPES = {
    "nodality": ("Nodality (information)", "信息工具", "collects, maps or broadcasts information"),
    "authority": ("Authority (rules and ratings)", "权威工具", "commands, ranks, licenses or mandates"),
    "treasure": ("Treasure (money)", "财政工具", "pays, funds, taxes or prices"),
    "organisation": ("Organisation (people and bodies)", "组织工具", "sets up teams, posts and procedures"),
}


def instrument_counts(components, sorting: dict) -> pd.Series:
    """Count how many building blocks fall into each instrument type, checking the sorting.

    ``components`` lists the building blocks (e.g. "产业大脑"); ``sorting`` maps every one of them to
    a key of INSTRUMENT_TYPES. Returns a Series indexed by the four types (zeros included).
    ``components`` is a non-empty list of texts; ``sorting`` a dict.
    """
    components = expect_list(components, "components (building blocks)", "['产业大脑', '亩均论英雄']")
    components = [expect_text(c, f"building block {k + 1}", "产业大脑") for k, c in enumerate(components)]
    if not components:
        raise CqlabInputError(_say("components must list at least one building block; got an empty list.",
                                   "components 至少要列出一个构件;收到的是空列表。"))
    if not isinstance(sorting, dict):
        raise CqlabInputError(_say(
            f"The sorting must be a dictionary from building block to instrument type; got {describe(sorting)}.",
            f"分类必须是一个从构件到工具类型的字典;收到的是 {describe(sorting)}。"))
    missing = [c for c in components if c not in sorting]
    if missing:
        raise CqlabInputError(_say(
            f"Every building block needs an instrument type; missing: {', '.join(missing)}.",
            f"每个构件都需要一个工具类型;缺少:{', '.join(missing)}。"))
    extra = [c for c in sorting if c not in components]
    if extra:
        raise CqlabInputError(_say(
            f"The sorting names building blocks that are not in the table: {', '.join(map(str, extra))}.",
            f"分类中有表里没有的构件:{', '.join(map(str, extra))}。"))
    for component in components:
        expect_choice(sorting[component], f"the instrument type of {component}", INSTRUMENT_TYPES)
    counts = pd.Series([sorting[c] for c in components]).value_counts()
    return counts.reindex(list(INSTRUMENT_TYPES), fill_value=0).astype(int)


# --------------------------------------------------------------------------------------------
# 2. Monitoring cadence
# --------------------------------------------------------------------------------------------

#: Cadences of the 运行监测 mechanism, shortest first: key -> (English, Chinese).
CADENCES = {
    "week": ("weekly", "周"),
    "xun": ("ten-day (xun)", "旬"),
    "month": ("monthly", "月"),
    "quarter": ("quarterly", "季"),
}


def _expect_daily_series(series) -> pd.Series:
    """Check a non-empty Series of finite numbers with a date index (one value a day)."""
    if not isinstance(series, pd.Series):
        raise CqlabInputError(_say(f"Expected a pandas Series of daily values; got {describe(series)}.",
                                   f"需要一个按日取值的 pandas Series;收到的是 {describe(series)}。"))
    if not isinstance(series.index, pd.DatetimeIndex):
        raise CqlabInputError(_say(
            "The series needs a date index (a pandas DatetimeIndex), e.g. from pd.date_range; "
            f"its index is a {type(series.index).__name__}.",
            "序列需要日期索引(pandas DatetimeIndex),例如用 pd.date_range 生成;"
            f"它的索引是 {type(series.index).__name__}。"))
    if series.empty:
        raise CqlabInputError(_say("The daily series is empty (no days).", "按日序列是空的(没有任何一天)。"))
    try:
        values = series.to_numpy(dtype=float)
    except (TypeError, ValueError):
        raise CqlabInputError(_say(f"The daily series must hold numbers; it holds {describe(list(series[:3]))}.",
                                   f"按日序列必须是数字;现在是 {describe(list(series[:3]))}。")) from None
    bad = ~np.isfinite(values)
    if bad.any() or series.index.hasnans:
        day = series.index[bad][0].date() if bad.any() else "NaT"
        raise CqlabInputError(_say(
            f"The daily series holds a missing or infinite value (on {day}); drop or fill that day first.",
            f"按日序列含有缺失值或无穷大({day});请先删除或填补那一天。"))
    return series


def _dates(dates, name: str = "dates") -> pd.DatetimeIndex:
    """Dates (a list, an index, a Series of dates or date texts) as a DatetimeIndex without gaps."""
    if isinstance(dates, (str, bytes, dict)) or not hasattr(dates, "__iter__") or hasattr(dates, "columns"):
        raise CqlabInputError(_say(f"{name} must be a list of dates, e.g. pd.date_range('2024-01-01', periods=3); "
                                   f"got {describe(dates)}.",
                                   f"{name} 必须是一组日期,例如 pd.date_range('2024-01-01', periods=3);"
                                   f"收到的是 {describe(dates)}。"))
    try:
        index = pd.DatetimeIndex(dates)
    except (TypeError, ValueError, OverflowError):
        raise CqlabInputError(_say(f"{name} must hold dates; got {describe(dates)}.",
                                   f"{name} 必须是日期;收到的是 {describe(dates)}。")) from None
    if index.hasnans:
        raise CqlabInputError(_say(f"{name} holds a missing date (NaT); got {describe(dates)}.",
                                   f"{name} 含有缺失的日期(NaT);收到的是 {describe(dates)}。"))
    return index


def _date(value, name: str, example: str = "2024-05-13") -> pd.Timestamp:
    """One date: a text such as '2024-05-13', a datetime or a pandas Timestamp."""
    import datetime
    import re

    # text must spell the date out ('2024-05-13'): pandas would read 'August' as a day of this year
    if not isinstance(value, (str, datetime.date, np.datetime64)) or (
            isinstance(value, str) and not re.fullmatch(r"\s*\d{4}-\d{1,2}-\d{1,2}\s*", value)):
        raise CqlabInputError(_say(f"{name} must be a date such as '{example}'; got {describe(value)}.",
                                   f"{name} 必须是日期,例如 '{example}';收到的是 {describe(value)}。"))
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError, OverflowError):
        stamp = pd.NaT
    if stamp is pd.NaT or pd.isna(stamp):
        raise CqlabInputError(_say(f"{name} must be a date such as '{example}'; got {describe(value)}.",
                                   f"{name} 必须是日期,例如 '{example}';收到的是 {describe(value)}。"))
    return stamp


def xun_start(dates) -> pd.DatetimeIndex:
    """Return the first day of the 旬 (xún) that each date falls in: the 1st, 11th or 21st.

    ``dates`` is a list or index of dates (or date texts).
    """
    dates = _dates(dates)
    day = np.where(dates.day <= 10, 1, np.where(dates.day <= 20, 11, 21))
    return pd.DatetimeIndex(pd.to_datetime({"year": dates.year, "month": dates.month, "day": day}))


def to_xun(series: pd.Series, how: str = "mean") -> pd.Series:
    """Aggregate a daily series to 旬 (xún): days 1-10, 11-20 and 21 to month end.

    pandas has no 旬 frequency, so the series is grouped by the first day of each 旬 (the
    label of the result). ``how`` is "mean" (average daily value, comparable across 旬 of
    8 to 11 days) or "sum" (total over the 旬).
    """
    series = _expect_daily_series(series)
    expect_choice(how, "how", ("mean", "sum"))
    grouped = series.groupby(xun_start(series.index))
    result = grouped.mean() if how == "mean" else grouped.sum()
    result.index.name = "xun_start"
    return result


def xun_end(starts) -> pd.DatetimeIndex:
    """Return the last day of the 旬 that begins on each of ``starts`` (the 10th, 20th or month end).

    ``starts`` is a list or index of dates, each the 1st, 11th or 21st of a month.
    """
    starts = _dates(starts, "starts")
    if not starts.isin(xun_start(starts)).all():
        wrong = starts[~starts.isin(xun_start(starts))][0]
        raise CqlabInputError(_say(
            f"starts must be first days of a 旬 (the 1st, 11th or 21st); {wrong.date()} is not.",
            f"starts 必须是旬的第一天(1日、11日或21日);{wrong.date()} 不是。"))
    month_end = starts + pd.offsets.MonthEnd(0)
    return pd.DatetimeIndex(np.where(starts.day == 21, month_end, starts + pd.Timedelta(days=9)))


def periods(series: pd.Series, cadence: str) -> pd.DataFrame:
    """Split a daily series into the periods of a cadence: start, end, days observed and mean.

    Weeks run Monday to Sunday; 旬 as in ``to_xun``; months and quarters are calendar ones. A
    period's report is available at its ``end`` (no reporting delay is modelled).
    """
    series = _expect_daily_series(series)
    expect_choice(cadence, "cadence", CADENCES)
    index = series.index
    if cadence == "week":
        start = index.normalize() - pd.to_timedelta(index.day_of_week, unit="D")
    elif cadence == "xun":
        start = xun_start(index)
    elif cadence == "month":
        start = index.to_period("M").to_timestamp()
    else:
        start = index.to_period("Q").to_timestamp()
    grouped = series.groupby(pd.DatetimeIndex(start))
    table = pd.DataFrame({"mean": grouped.mean(), "days": grouped.size()})
    table.index.name = "start"
    table = table.reset_index()
    if cadence == "week":
        table["end"] = table["start"] + pd.Timedelta(days=6)
    elif cadence == "xun":
        table["end"] = xun_end(table["start"])
    elif cadence == "month":
        table["end"] = table["start"] + pd.offsets.MonthEnd(0)
    else:
        table["end"] = table["start"] + pd.offsets.QuarterEnd(0)
    return table[["start", "end", "days", "mean"]]


def aggregate(series: pd.Series, cadence: str) -> pd.Series:
    """Return the mean daily value of ``series`` per period of ``cadence``, labelled by period start."""
    table = periods(series, cadence)
    return pd.Series(table["mean"].to_numpy(), index=pd.DatetimeIndex(table["start"]), name=cadence)


def simulate_daily(
    seed: int = 2024,
    year: int = 2024,
    level: float = 100.0,
    noise: float = 4.0,
    shock_start: str = "05-13",
    shock_days: int = 5,
    shock_size: float = -12.0,
    step_start: str = "08-05",
    step_size: float = 3.0,
) -> pd.Series:
    """Simulate one year of a daily indicator (an index, illustrative): level + noise + shock + step.

    The noise is independent normal with standard deviation ``noise``; a short shock adds
    ``shock_size`` for ``shock_days`` days from ``shock_start`` (month-day); a lasting change adds
    ``step_size`` from ``step_start`` on. Fixed seed, so the same inputs give the same series.
    """
    seed = expect_count(seed, "seed", minimum=0, maximum=2**32 - 1)
    year = int(expect_number(year, "year", minimum=1900, maximum=2100, integer=True))
    level = expect_number(level, "level")
    noise = expect_number(noise, "noise (standard deviation)", minimum=0)
    shock_days = int(expect_number(shock_days, "shock length in days", minimum=0, maximum=90, integer=True))
    shock_size = expect_number(shock_size, "shock size")
    step_size = expect_number(step_size, "step size")
    dates = pd.date_range(f"{year}-01-01", f"{year}-12-31", freq="D")
    values = level + noise * np.random.default_rng(seed).standard_normal(len(dates))
    shock_from = _date_in_year(year, shock_start, "shock start")
    step_from = _date_in_year(year, step_start, "step start")
    in_shock = (dates >= shock_from) & (dates < shock_from + pd.Timedelta(days=shock_days))
    values = values + np.where(in_shock, shock_size, 0.0) + np.where(dates >= step_from, step_size, 0.0)
    return pd.Series(values, index=dates, name="simulated daily indicator")


def _date_in_year(year: int, month_day: str, name: str) -> pd.Timestamp:
    import re

    try:
        if not re.fullmatch(r"\d{2}-\d{2}", str(month_day)):
            raise ValueError
        return pd.Timestamp(f"{year}-{month_day}")
    except ValueError:
        raise CqlabInputError(_say(f"{name} must be a month-day like '05-13'; got {describe(month_day)}.",
                                   f"{name} 必须是“月-日”,例如 '05-13';收到的是 {describe(month_day)}。")) from None


def flag_periods(table: pd.DataFrame, baseline: float, noise: float, z: float = 2.0) -> pd.DataFrame:
    """Flag the periods whose mean lies more than ``z`` standard errors from ``baseline``.

    ``table`` has a period's ``mean`` and its number of ``days`` (as ``periods`` returns). With daily
    noise of standard deviation ``noise``, a period mean of n days has standard error noise / sqrt(n),
    so the rule is |mean - baseline| > z * noise / sqrt(n) (illustrative, z = 2 by default). Returns a
    copy with ``threshold``, ``deviation`` and ``flag`` columns.
    """
    if not isinstance(table, pd.DataFrame):
        raise CqlabInputError(_say(
            f"Expected a table (DataFrame) of periods, as toolkit.periods returns; got {describe(table)}.",
            f"需要一张时期表(DataFrame),即 toolkit.periods 的返回值;收到的是 {describe(table)}。"))
    if not {"mean", "days"} <= set(table.columns):
        raise CqlabInputError(_say(
            "Expected a table of periods with columns 'mean' and 'days' (as toolkit.periods returns); "
            f"its columns are {', '.join(map(str, table.columns))}.",
            "需要一张含 'mean' 和 'days' 列的时期表(即 toolkit.periods 的返回值);"
            f"它的列是 {', '.join(map(str, table.columns))}。"))
    expect_table(table, "The table of periods", ("mean", "days"), "toolkit.periods(series, 'month')")
    expect_number_columns(table, "The table of periods (it needs finite means)", ("mean", "days"), row_label="period")
    days = table["days"].to_numpy(dtype=float)
    if not (days >= 1).all():
        raise CqlabInputError(_say(
            "The table of periods must count at least 1 day in every period; "
            f"got days {describe(list(table['days'][:3]))}.",
            f"时期表的每个时期都必须至少有 1 天;收到的天数为 {describe(list(table['days'][:3]))}。"))
    baseline = expect_number(baseline, "baseline")
    noise = expect_number(noise, "noise (standard deviation)", minimum=0)
    z = expect_number(z, "z (standard errors for a flag)", minimum=0, allow_min=False)
    table = table.copy()
    table["threshold"] = z * noise / np.sqrt(table["days"])
    table["deviation"] = table["mean"] - baseline
    table["flag"] = table["deviation"].abs() > table["threshold"]
    return table


def cadence_report(
    series: pd.Series,
    cadence: str,
    baseline: float,
    noise: float,
    shock_start,
    shock_days: int,
    step_start,
    z: float = 2.0,
) -> dict:
    """Say what one cadence sees: the shock's visible size and the lag before a lasting change shows.

    A period is *flagged* by ``flag_periods``: its mean differs from ``baseline`` by more than ``z``
    standard errors, noise / sqrt(days) (the rule and z = 2 are illustrative). Returns a dict with the
    periods table (with a ``flag`` column), ``threshold`` per period, ``shock_seen`` (largest
    deviation among periods overlapping the shock), ``shock_detected``, ``step_flagged_on``
    (end of the first flagged period after the step starts, or None), ``lag_days``, and the false
    alarms: ``quiet_periods`` (periods that end before the step and hold no day of the shock) and
    ``false_alarms`` (how many of them are flagged, by noise alone). With normal noise a z = 2 rule
    flags about one quiet period in twenty (P(|Z| > 2) = 4.6%), whatever the noise level, since
    the threshold grows with the noise.
    """
    table = periods(series, cadence)
    shock_from = _date(shock_start, "shock_start")
    shock_days = expect_count(shock_days, "shock_days", minimum=0, maximum=366)
    shock_to = shock_from + pd.Timedelta(days=shock_days - 1)
    step_from = _date(step_start, "step_start", "2024-08-05")
    table = flag_periods(table, baseline, noise, z)
    touches_shock = (table["start"] <= shock_to) & (table["end"] >= shock_from)
    overlaps = touches_shock & (table["end"] < step_from)
    quiet = ~touches_shock & (table["end"] < step_from)
    shock_rows = table[overlaps]
    if len(shock_rows):
        biggest = shock_rows.loc[shock_rows["deviation"].abs().idxmax()]
        shock_seen = float(biggest["deviation"])
        shock_detected = bool(shock_rows["flag"].any())
    else:
        shock_seen, shock_detected = 0.0, False
    after = table[(table["end"] >= step_from) & table["flag"]]
    flagged_on = after["end"].iloc[0] if len(after) else None
    lag = int((flagged_on - step_from).days) if flagged_on is not None else None
    return {
        "cadence": cadence,
        "table": table,
        "shock_seen": shock_seen,
        "shock_detected": shock_detected,
        "step_flagged_on": flagged_on,
        "lag_days": lag,
        "quiet_periods": int(quiet.sum()),
        "false_alarms": int((quiet & table["flag"]).sum()),
    }


#: The lesson's fixed simulation (seed, year, level, shock and change dates) and its default sizes
#: (illustrative), shared by the widget, the summary table and the exercises.
CADENCE_SETTINGS = {"seed": 2024, "year": 2024, "level": 100.0, "shock_start": "05-13", "step_start": "08-05"}
CADENCE_DEFAULTS = {"noise": 4.0, "shock_size": -12.0, "shock_days": 5, "step_size": 3.0}


def cadence_result(cadence: str, noise: float, shock_size: float, shock_days: int, step_size: float,
                   z: float = 2.0) -> dict:
    """Simulate the lesson's daily series (CADENCE_SETTINGS) and report what ``cadence`` sees.

    ``cadence_report``'s dict, plus the ``series`` and the shock and change sizes.
    """
    fixed = CADENCE_SETTINGS
    series = simulate_daily(
        seed=fixed["seed"], year=fixed["year"], level=fixed["level"], noise=noise,
        shock_start=fixed["shock_start"], shock_days=shock_days, shock_size=shock_size,
        step_start=fixed["step_start"], step_size=step_size,
    )
    report = cadence_report(
        series, cadence, baseline=fixed["level"], noise=noise,
        shock_start=f"{fixed['year']}-{fixed['shock_start']}", shock_days=shock_days,
        step_start=f"{fixed['year']}-{fixed['step_start']}", z=z,
    )
    report.update(series=series, shock_size=shock_size, shock_days=shock_days, step_size=step_size)
    return report


def cadence_summary(**settings) -> pd.DataFrame:
    """A table, one row per cadence, of what each sees of the lesson's simulated series.

    ``settings`` override CADENCE_DEFAULTS (noise, shock_size, shock_days, step_size) and may set ``z``.
    Columns: cadence (English key), periods in the year, shock as seen, shock flagged, change flagged
    on, lag in days, quiet periods and false alarms.
    """
    unknown = set(settings) - set(CADENCE_DEFAULTS) - {"z"}
    if unknown:
        raise CqlabInputError(_say(
            f"Unknown setting(s) {', '.join(sorted(unknown))}; expected some of "
            f"{', '.join([*CADENCE_DEFAULTS, 'z'])}.",
            f"未知的设置 {', '.join(sorted(unknown))};应为以下之一:{', '.join([*CADENCE_DEFAULTS, 'z'])}。"))
    settings = {**CADENCE_DEFAULTS, **settings}
    rows = []
    for cadence in CADENCES:
        r = cadence_result(cadence, **settings)
        flagged_on = r["step_flagged_on"]
        rows.append({
            "cadence": CADENCES[cadence][0],
            "periods in the year": len(r["table"]),
            "shock as seen": round(r["shock_seen"], 2),
            "shock flagged": r["shock_detected"],
            "change flagged on": flagged_on.date().isoformat() if flagged_on is not None else None,
            "lag, days": r["lag_days"],
            "quiet periods": r["quiet_periods"],
            "false alarms": r["false_alarms"],
        })
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------------
# 3. 亩均论英雄: judging firms by output and tax per mu
# --------------------------------------------------------------------------------------------

#: Classes, best first, and what each class means (illustrative: the source article says firms are treated
#: by class, 分类, but not how many classes there are or what they mean).
CLASSES = ["A", "B", "C", "D"]
CLASS_MEANING = {
    "A": ("priority support", "优先发展"),
    "B": ("support to improve", "提升发展"),
    "C": ("rectify and upgrade", "整治提升"),
    "D": ("phase out or transform", "倒逼转型"),
}


def simulate_firms(n: int = 60, seed: int = 7) -> pd.DataFrame:
    """Simulate ``n`` industrial firms: land (mu), output and tax (万元 a year). Illustrative only.

    Output per mu and the tax rate are independent log-normal draws, so output and tax per mu
    are correlated but not the same ranking, as in real 亩均 data.
    """
    n = int(expect_number(n, "number of firms", minimum=4, maximum=10000, integer=True))
    seed = expect_count(seed, "seed", minimum=0, maximum=2**32 - 1)
    rng = np.random.default_rng(seed)
    land = np.round(rng.lognormal(mean=np.log(60), sigma=0.7, size=n), 1)
    output_per_mu = rng.lognormal(mean=np.log(400), sigma=0.6, size=n)
    tax_rate = rng.lognormal(mean=np.log(0.04), sigma=0.5, size=n)
    output = np.round(land * output_per_mu, 0)
    tax = np.round(output * tax_rate, 0)
    return pd.DataFrame(
        {"firm": [f"F{i + 1:02d}" for i in range(n)], "land_mu": land, "output": output, "tax": tax}
    )


def per_mu(firms: pd.DataFrame) -> pd.DataFrame:
    """Add ``output_per_mu`` and ``tax_per_mu`` (万元 per mu) to a table with land_mu, output, tax."""
    if not isinstance(firms, pd.DataFrame):
        raise CqlabInputError(_say(f"Expected a table (DataFrame) of firms; got {describe(firms)}.",
                                   f"需要一张企业表(DataFrame);收到的是 {describe(firms)}。"))
    needed = ["land_mu", "output", "tax"]
    missing = [c for c in needed if c not in firms.columns]
    if missing:
        raise CqlabInputError(_say(
            f"The firms table needs columns {', '.join(needed)}; missing: {', '.join(missing)}.",
            f"企业表需要列 {', '.join(needed)};缺少:{', '.join(missing)}。"))
    expect_table(firms, "The firms table", needed, "toolkit.simulate_firms()")
    expect_number_columns(firms, "The firms table", needed, row_label="firm")
    if (firms["land_mu"] <= 0).any():
        raise CqlabInputError(_say("Every firm's land (land_mu) must be greater than 0 mu.",
                                   "每家企业的用地(land_mu)都必须大于 0 亩。"))
    table = firms.copy()
    table["output_per_mu"] = table["output"] / table["land_mu"]
    table["tax_per_mu"] = table["tax"] / table["land_mu"]
    return table


def score(firms: pd.DataFrame, tax_weight: float = 0.0) -> pd.Series:
    """Return each firm's score in [0, 1]: the blend of its percentile ranks by output and tax per mu.

    score = (1 - w) * rank(output per mu) + w * rank(tax per mu), ranks as fractions (pandas
    ``rank(pct=True)``). w = 0 ranks by output per mu alone, w = 1 by tax per mu alone.
    """
    w = expect_number(tax_weight, "weight on tax per mu", minimum=0, maximum=1)
    table = per_mu(firms)
    return (1 - w) * table["output_per_mu"].rank(pct=True) + w * table["tax_per_mu"].rank(pct=True)


def check_cutoffs(d_below: float, c_below: float, b_below: float) -> tuple[float, float, float]:
    """Check percentile cut-offs (0-100): D below the first, C below the second, B below the third.

    Cut-offs that all lie in (0, 1] look like fractions (0.1 for the 10th percentile): a CqlabWarning says so.
    """
    import warnings

    d = expect_number(d_below, "cut-off for D (percentile)", minimum=0, maximum=100)
    c = expect_number(c_below, "cut-off for C (percentile)", minimum=0, maximum=100)
    b = expect_number(b_below, "cut-off for B (percentile)", minimum=0, maximum=100)
    if not d <= c <= b:
        raise CqlabInputError(_say(
            "The cut-offs must rise from D to C to B (D <= C <= B); "
            f"got D below {d:g}, C below {c:g}, B below {b:g}.",
            f"分界点必须从 D 到 C 到 B 递增(D <= C <= B);收到的是 D 低于 {d:g}、C 低于 {c:g}、B 低于 {b:g}。"))
    if 0 < b <= 1:
        warnings.warn(_say(
            f"The cut-offs {d:g}, {c:g}, {b:g} look like fractions: they are percentiles (0-100), so 0.7 means the "
            "0.7th percentile, not the 70th. Multiply by 100 if you meant fractions.",
            f"分界点 {d:g}、{c:g}、{b:g} 看起来是小数:它们是百分位(0-100),0.7 表示第 0.7 个百分位,不是第 70 个。"
            "如果你给的是小数,请乘以 100。"), CqlabWarning, stacklevel=3)
    return d, c, b


def _cutoffs(cutoffs) -> tuple[float, float, float]:
    """Check ``cutoffs``: three percentiles (D, C, B) in rising order."""
    if isinstance(cutoffs, (str, bytes, dict)) or not hasattr(cutoffs, "__len__") or len(cutoffs) != 3:
        raise CqlabInputError(_say(
            f"cutoffs must be three percentiles (for D, C and B), e.g. (10, 40, 70); got {describe(cutoffs)}.",
            f"cutoffs 必须是三个百分位(D、C、B 各一个),例如 (10, 40, 70);收到的是 {describe(cutoffs)}。"))
    return check_cutoffs(*cutoffs)


def classify(firms: pd.DataFrame, tax_weight: float = 0.0, cutoffs=(10, 40, 70)) -> pd.DataFrame:
    """Rank firms by ``score`` and give each a class A/B/C/D by percentile cut-offs (illustrative).

    A firm whose score, as a percentile (0-100), is below cutoffs[0] is D, below cutoffs[1] C,
    below cutoffs[2] B, otherwise A. Returns the per-mu table with ``score``, ``rank``
    (1 = best) and ``class``, sorted best first.
    """
    d, c, b = _cutoffs(cutoffs)
    table = per_mu(firms)
    table["score"] = score(firms, tax_weight)
    percentile = 100 * table["score"]
    table["class"] = np.select([percentile < d, percentile < c, percentile < b], ["D", "C", "B"], "A")
    table["rank"] = table["score"].rank(ascending=False, method="min").astype(int)
    return table.sort_values(["rank", "firm"]).reset_index(drop=True)


def class_changes(firms: pd.DataFrame, tax_weight: float, cutoffs=(10, 40, 70)) -> pd.DataFrame:
    """Cross-table of classes by output per mu (rows) against classes at ``tax_weight`` (columns)."""
    base = classify(firms, 0.0, cutoffs).set_index("firm")["class"]
    other = classify(firms, tax_weight, cutoffs).set_index("firm")["class"].reindex(base.index)
    table = pd.crosstab(base, other).reindex(index=CLASSES, columns=CLASSES, fill_value=0)
    table.index.name, table.columns.name = "by output per mu", "by chosen score"
    return table


def count_changed(firms: pd.DataFrame, tax_weight: float, cutoffs=(10, 40, 70)) -> int:
    """Return how many firms change class between output-per-mu ranking and the chosen score."""
    table = class_changes(firms, tax_weight, cutoffs).to_numpy()
    return int(table.sum() - np.trace(table))


# --------------------------------------------------------------------------------------------
# 4. The enterprise ladder as an absorbing Markov chain
# --------------------------------------------------------------------------------------------

#: Two ladders of the source article: rungs, bottom first, as (English, Chinese). The second is MIIT's
#: tiered cultivation of quality SMEs (优质中小企业梯度培育, 2022): innovative SME, then specialised SME,
#: then little giant. MIIT's 制造业单项冠军 (manufacturing single champions) are not a rung of it: that
#: recognition is open to manufacturing firms of any size.
LADDERS = {
    "scale": [
        ("small firm", "小微企业"),
        ("above-scale firm", "规上企业"),
        ("joint-stock company", "股份制企业"),
        ("listed company", "上市企业"),
    ],
    "specialised": [
        ("SME", "中小企业"),
        ("innovative SME", "创新型中小企业"),
        ("specialised SME", "专精特新中小企业"),
        ("little giant", "小巨人企业"),
    ],
}

#: The second absorbing state of a ladder with exits: the firm closes or is deregistered.
EXIT_STATE = ("exited (closed or deregistered)", "退出(关闭或注销)")

ROW_TOLERANCE = 1e-9


def check_transition_matrix(matrix, states=None) -> np.ndarray:
    """Check a transition matrix: square, entries in [0, 1], each row summing to one. Return it.

    The message names the first row that fails and by how much, e.g. "row 规上企业 sums to 1.1".
    """
    if isinstance(matrix, (str, bytes, dict, bool)):
        raise CqlabInputError(_say(f"A transition matrix must be a table of numbers; got {describe(matrix)}.",
                                   f"转移矩阵必须是一张数字表;收到的是 {describe(matrix)}。"))
    try:
        array = np.array(matrix, dtype=float)
    except (TypeError, ValueError, OverflowError):
        raise CqlabInputError(_say(f"A transition matrix must be a table of numbers; got {describe(matrix)}.",
                                   f"转移矩阵必须是一张数字表;收到的是 {describe(matrix)}。")) from None
    if array.ndim != 2 or array.shape[0] != array.shape[1] or array.shape[0] == 0:
        raise CqlabInputError(_say(
            f"A transition matrix must be square (as many columns as rows); got shape {array.shape} ({describe(matrix)}).",
            f"转移矩阵必须是方阵(列数等于行数);收到的形状为 {array.shape}({describe(matrix)})。"))
    if array.shape[0] > 1000:
        raise CqlabInputError(_say(f"A transition matrix may have at most 1000 states; got {array.shape[0]}.",
                                   f"转移矩阵最多 1000 个状态;收到的是 {array.shape[0]} 个。"))
    if states is None:
        names = [str(i) for i in range(array.shape[0])]
    else:
        names = [str(expect_text(s, f"state name {k + 1}", "规上企业"))
                 for k, s in enumerate(expect_list(states, "states (state names)", "['小微企业', '规上企业']"))]
    if len(names) != array.shape[0]:
        raise CqlabInputError(_say(f"Expected {array.shape[0]} state names; got {len(names)}.",
                                   f"需要 {array.shape[0]} 个状态名称;收到 {len(names)} 个。"))
    if not np.isfinite(array).all():
        raise CqlabInputError(_say("A transition matrix must hold finite numbers (no NaN or infinity).",
                                   "转移矩阵必须是有限的数字(不能有 NaN 或无穷大)。"))
    if (array < 0).any() or (array > 1).any():
        i, j = np.argwhere((array < 0) | (array > 1))[0]
        raise CqlabInputError(_say(
            f"Probabilities must lie between 0 and 1; row {names[i]}, column {names[j]} holds {array[i, j]:g}.",
            f"概率必须介于 0 和 1 之间;第 {names[i]} 行、第 {names[j]} 列为 {array[i, j]:g}。"))
    sums = array.sum(axis=1)
    bad = np.flatnonzero(np.abs(sums - 1) > 1e-6)
    if len(bad):
        i = bad[0]
        raise CqlabInputError(_say(
            f"Each row of a transition matrix must sum to 1 (a firm goes somewhere each year); "
            f"row {names[i]} sums to {sums[i]:.4g}.",
            f"转移矩阵的每一行之和都必须为 1(企业每年总要去某个状态);第 {names[i]} 行之和为 {sums[i]:.4g}。"))
    return array


def _states(states, size: int, name: str = "transient") -> list[int]:
    """Check a non-empty list of distinct state indices, each 0..size-1; return it as ints."""
    items = expect_list(states, f"{name} (state indices)", "[0, 1, 2]")
    if isinstance(states, range):
        items = list(states)
    indices = [expect_count(s, f"{name} state", minimum=0, maximum=size - 1) for s in items]
    if not indices:
        raise CqlabInputError(_say(f"{name} must list at least one state index; got {describe(states)}.",
                                   f"{name} 至少要列出一个状态编号;收到的是 {describe(states)}。"))
    if len(set(indices)) != len(indices):
        raise CqlabInputError(_say(f"{name} lists a state twice; got {indices}.",
                                   f"{name} 中有重复的状态;收到的是 {indices}。"))
    return indices


def ladder_matrix(up, down, exits=None) -> np.ndarray:
    """Build the yearly transition matrix of a ladder from per-rung up, down (and exit) probabilities.

    ``up[i]`` is the chance that a firm on rung i climbs one rung in a year, ``down[i]`` that it
    falls one rung (``down[0]`` must be 0: there is no rung below the bottom). The top rung is
    absorbing. With ``exits``, ``exits[i]`` is the chance that a firm on rung i closes or is
    deregistered in a year, and the matrix has one more state, the last: exited, also absorbing.
    The firm stays with probability 1 - up - down (- exit). Illustrative numbers, the student's to set.
    """
    up = expect_list(up, "up (probabilities per rung)", "[0.3, 0.2, 0.1]")
    down = expect_list(down, "down (probabilities per rung)", "[0, 0.05, 0.05]")
    if len(up) > 1000:
        raise CqlabInputError(_say(f"A ladder may have at most 1000 rungs; got {len(up)} up probabilities.",
                                   f"阶梯最多 1000 级;收到 {len(up)} 个上升概率。"))
    up = [expect_number(p, f"up probability of rung {i + 1}", minimum=0, maximum=1) for i, p in enumerate(up)]
    down = [
        expect_number(p, f"down probability of rung {i + 1}", minimum=0, maximum=1) for i, p in enumerate(down)
    ]
    if len(up) != len(down) or not up:
        raise CqlabInputError(_say(
            f"Give one up and one down probability per rung below the top; got {len(up)} and {len(down)} (up={up}, down={down}).",
            f"顶级以下每一级都要给一个上升概率和一个下降概率;收到 {len(up)} 个和 {len(down)} 个(up={up},down={down})。"))
    if down[0] != 0:
        raise CqlabInputError(_say(
            f"The bottom rung cannot fall further: its down probability must be 0; got {down[0]:g}.",
            f"最低一级不能再往下掉:它的下降概率必须为 0;收到的是 {down[0]:g}。"))
    if exits is None:
        leave = [0.0] * len(up)
    else:
        leave = expect_list(exits, "exits (probabilities per rung)", "[0.1, 0.05, 0.03]")
        leave = [expect_number(p, f"exit probability of rung {i + 1}", minimum=0, maximum=1)
                 for i, p in enumerate(leave)]
        if len(leave) != len(up):
            raise CqlabInputError(_say(
                f"Give one exit probability per rung below the top, as many as up ({len(up)}); got {len(leave)}.",
                f"顶级以下每一级都要给一个退出概率,与 up 一样多({len(up)} 个);收到 {len(leave)} 个。"))
    rungs = len(up) + 1
    size = rungs + (exits is not None)
    matrix = np.zeros((size, size))
    for i, (u, d, e) in enumerate(zip(up, down, leave)):
        if u + d + e > 1 + ROW_TOLERANCE:
            parts = f"up ({u:g}) plus down ({d:g})" + (f" plus exit ({e:g})" if exits is not None else "")
            raise CqlabInputError(_say(
                f"On rung {i + 1}, {parts} is {u + d + e:g}, more than 1, so the row "
                "cannot sum to 1 (staying would be negative). Lower one of them.",
                f"第 {i + 1} 级上,{parts} 为 {u + d + e:g},大于 1,这一行之和不可能为 1(停留概率会为负)。请调低其中一个。"))
        matrix[i, i + 1] = u
        if i > 0:
            matrix[i, i - 1] = d
        if exits is not None:
            matrix[i, -1] = e
        matrix[i, i] = max(0.0, 1 - u - d - e)
    matrix[rungs - 1, rungs - 1] = 1.0
    matrix[-1, -1] = 1.0
    return matrix


def fundamental_matrix(matrix, transient) -> np.ndarray:
    """Return N = (I - Q)^-1 for the transient states ``transient`` (Kemeny & Snell 1976, def. 3.2.2).

    N[i, j] is the expected number of years a firm starting in transient state i spends in j
    before absorption. Raises CqlabInputError when some transient state can never be left
    (I - Q is singular: absorption is not certain).
    """
    array = check_transition_matrix(matrix)
    transient = _states(transient, len(array))
    q = array[np.ix_(transient, transient)]
    identity = np.eye(len(transient))
    stuck = _never_left(array, transient)
    if stuck:
        raise CqlabInputError(_say(
            f"State(s) {stuck} can never be left (their firms stay forever), so the expected time to climb "
            "is infinite. Give every rung below the top a chance to move up, and list as transient only "
            "states that can be left.",
            f"状态 {stuck} 永远无法离开(其企业永远停留),因此攀升的期望时间为无穷大。"
            "请给顶级以下每一级一个上升的机会,并且只把能离开的状态列为 transient。"))
    # A move probability so small that 1 - p rounds to 1 (e.g. 1e-17) leaves I - Q singular in floating
    # point although every rung can be left: the answer (about 1/p years) cannot be computed honestly.
    condition = np.linalg.cond(identity - q)
    if not np.isfinite(condition) or condition > MAX_CONDITION:
        smallest = array[np.ix_(transient, range(len(array)))]
        smallest = smallest[(smallest > 0) & (smallest < 1)].min(initial=1.0)
        raise CqlabInputError(_say(
            f"A move probability is too small to compute with (the smallest is {smallest:g}): the expected "
            "time would run to about 1/p years and is lost to rounding. Use probabilities of at least 1e-9, "
            "or 0 for 'never'.",
            f"某个转移概率太小,无法计算(最小的是 {smallest:g}):期望时间约为 1/p 年,会因舍入误差而失真。"
            "请使用至少 1e-9 的概率,或用 0 表示“从不”。"))
    return np.linalg.inv(identity - q)


#: Above this condition number of I - Q the fundamental matrix would keep fewer than 4 exact digits.
MAX_CONDITION = 1e12


def _never_left(array: np.ndarray, transient: list) -> list[int]:
    """The transient states from which no path (of positive probabilities) leads outside the set."""
    inside = set(transient)
    can_leave = {i for i in transient if array[i, [j for j in range(len(array)) if j not in inside]].sum() > 0}
    changed = True
    while changed:
        changed = False
        for i in transient:
            if i not in can_leave and any(array[i, j] > 0 for j in can_leave):
                can_leave.add(i)
                changed = True
    return [int(i) for i in transient if i not in can_leave]


def expected_years_to_reach(matrix, start: int = 0) -> np.ndarray:
    """Expected years for a firm on rung ``start`` to first reach each rung (index = rung).

    For rung k above ``start``, rungs k and higher are made absorbing and the expected time to
    absorption is t = N 1, N the fundamental matrix of rungs below k (Kemeny & Snell, thm 3.3.5).
    Rungs at or below ``start`` get 0. Infinite when a rung cannot be reached for sure.
    """
    array = check_transition_matrix(matrix)
    size = array.shape[0]
    start = int(expect_number(start, "start rung", minimum=0, maximum=size - 1, integer=True))
    years = np.zeros(size)
    for k in range(start + 1, size):
        if _never_left(array, list(range(k))):  # a rung below k is never left: k is not reached for sure
            years[k:] = np.inf
            break
        n = fundamental_matrix(array, range(k))
        years[k] = (n @ np.ones(k))[start]
    return years


def absorption_probabilities(matrix, transient) -> np.ndarray:
    """Return B = N R: B[i, k] is the chance that a firm starting in transient state i ends in absorbing
    state k (Kemeny & Snell 1976, thm 3.3.7; Grinstead & Snell 1997, thm 11.6).

    R holds the one-year transitions from the ``transient`` states to all the other states, which
    are absorbing, in their order in the matrix. Each row of B sums to one.
    """
    array = check_transition_matrix(matrix)
    transient = _states(transient, len(array))
    absorbing = [j for j in range(len(array)) if j not in transient]
    if not absorbing:
        raise CqlabInputError(_say(f"Some state must be absorbing: transient lists all {len(array)} states.",
                                   f"必须有吸收状态:transient 列出了全部 {len(array)} 个状态。"))
    n = fundamental_matrix(array, transient)
    return n @ array[np.ix_(transient, absorbing)]


def expected_years_given_absorbed(matrix, transient, target: int) -> np.ndarray:
    """Expected years before absorption, counting only the firms absorbed in state ``target``.

    E[T | absorbed in target] from transient state i is (N b)_i / b_i, b = the column of B for
    ``target``: T counts the years spent in transient states, E[years in j and then absorbed in
    target] = N[i, j] * b_j by the Markov property, summed over j. NaN where b_i = 0.
    """
    array = check_transition_matrix(matrix)
    transient = _states(transient, len(array))
    absorbing = [j for j in range(len(array)) if j not in transient]
    target = int(expect_number(target, "target state", minimum=0, maximum=len(array) - 1, integer=True))
    if target not in absorbing:
        raise CqlabInputError(_say(
            f"The target state must be absorbing (not one of the transient states {transient}); got {target}.",
            f"目标状态必须是吸收状态(不能是暂态 {transient} 之一);收到的是 {target}。"))
    n = fundamental_matrix(array, transient)
    b = (n @ array[np.ix_(transient, absorbing)])[:, absorbing.index(target)]
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(b > 0, (n @ b) / np.where(b > 0, b, 1.0), np.nan)


def simulate_ladder(matrix, start: int = 0, firms: int = 10_000, seed: int = 2024,
                    max_years: int = 1000) -> pd.DataFrame:
    """Simulate ``firms`` firms on the chain from state ``start`` until each reaches an absorbing state.

    Returns one row per firm: ``years`` until absorption and the absorbing ``state`` it ends in
    (-1 if it is still on the ladder after ``max_years``). Fixed seed: the same inputs give the same
    cohort. Each year every firm still on the ladder draws its next state from its row of ``matrix``.
    """
    array = check_transition_matrix(matrix)
    size = len(array)
    start = int(expect_number(start, "start state", minimum=0, maximum=size - 1, integer=True))
    firms = int(expect_number(firms, "number of firms", minimum=1, maximum=1_000_000, integer=True))
    seed = expect_count(seed, "seed", minimum=0, maximum=2**32 - 1)
    max_years = int(expect_number(max_years, "max_years", minimum=1, maximum=100_000, integer=True))
    absorbing = np.diag(array) >= 1 - 1e-12  # rows sum to 1, so the rest of such a row is 0
    rng = np.random.default_rng(seed)
    cumulative = np.cumsum(array, axis=1)
    cumulative[:, -1] = 1.0
    state = np.full(firms, start)
    years = np.zeros(firms, dtype=int)
    active = ~absorbing[state]
    for _ in range(max_years):
        if not active.any():
            break
        moving = np.flatnonzero(active)
        draws = rng.random(len(moving))
        state[moving] = (draws[:, None] >= cumulative[state[moving]]).sum(axis=1)
        years[moving] += 1
        active[moving] = ~absorbing[state[moving]]
    state = np.where(active, -1, state)
    return pd.DataFrame({"years": years, "state": state})


def distribution_over_time(matrix, years: int, start: int = 0) -> np.ndarray:
    """Return the share of a cohort on each rung, year 0..years, starting all on rung ``start``.

    Row t is pi_0 P^t (rows sum to one). Shape (years + 1, number of rungs).
    """
    array = check_transition_matrix(matrix)
    years = int(expect_number(years, "number of years", minimum=0, maximum=200, integer=True))
    start = int(expect_number(start, "start rung", minimum=0, maximum=array.shape[0] - 1, integer=True))
    shares = np.zeros((years + 1, array.shape[0]))
    shares[0, start] = 1.0
    for t in range(years):
        shares[t + 1] = shares[t] @ array
    return shares


#: Firm counts in ``macro`` that stand for rungs of the innovation ladder: indicator -> (English, Chinese).
COUNT_INDICATORS = {
    # 科技型企业 (Chongqing's own register of tech-based enterprises of any size) is broader than the national
    # 科技型中小企业 (tech-based SMEs).
    "tech-based enterprises": ("tech-based enterprises", "科技型企业"),
    "high-tech enterprises": ("high-tech enterprises", "高新技术企业"),
    "national little giant firms": ("national little giants", "国家级专精特新小巨人企业"),
}


def firm_counts(macro: pd.DataFrame, indicators=None) -> pd.DataFrame:
    """Return firm counts by year from the ``macro`` dataset, in firms, with every gap shown.

    Counts given in 万家 are converted to firms (cqlab.units). Every year from the first to the
    last with any data appears for each indicator; a year with no figure has ``firms`` missing
    and status "missing"; an expectation ("有望突破") has status "expectation". Columns:
    indicator, year, firms, status, qualifier, source.
    """
    from cqlab.units import scale_of

    if indicators is None:
        indicators = list(COUNT_INDICATORS)
    else:
        indicators = [expect_text(i, "indicator", "high-tech enterprises")
                      for i in expect_list(indicators, "indicators", "['high-tech enterprises']")]
        if not indicators:
            raise CqlabInputError(_say("indicators must list at least one indicator (or be None for all); got [].",
                                       "indicators 至少要列出一个指标(或用 None 表示全部);收到的是 []。"))
    needed = {"indicator", "year", "value", "unit", "period_type", "value_qualifier", "source"}
    if not isinstance(macro, pd.DataFrame) or not needed <= set(macro.columns):
        raise CqlabInputError(_say(
            "Expected the 'macro' dataset (a table with columns "
            f"{', '.join(sorted(needed))}); got {describe(macro)}.",
            f"需要 'macro' 数据集(含列 {', '.join(sorted(needed))} 的表格);收到的是 {describe(macro)}。"))
    expect_table(macro, "The macro table", sorted(needed), "data.load('macro')")
    known = set(macro["indicator"].dropna().astype(str))
    for name in indicators:
        expect_choice(name, "indicator", sorted(known))
    rows = macro[macro["indicator"].isin(indicators)].copy()
    rows = rows[rows["year"].notna()]
    for value, unit, year in zip(rows["value"], rows["unit"], rows["year"]):
        expect_number(value, f"the firm count of {year:g} in the macro table")
        if not isinstance(unit, str):
            raise CqlabInputError(_say(f"The unit of the firm count of {year:g} must be text; got {describe(unit)}.",
                                       f"{year:g} 年企业数的单位必须是文本;收到的是 {describe(unit)}。"))
    rows["firms"] = [  # rounded to whole firms: 3.69 万家 is 36900 firms, not 36900.000000000004
        round(float(v) * scale_of(str(u).removesuffix("家"))) for v, u in zip(rows["value"], rows["unit"])
    ]
    rows["status"] = np.where(rows["period_type"].eq("expectation"), "expectation", "reported")
    rows = rows.rename(columns={"value_qualifier": "qualifier"})
    years = range(int(rows["year"].min()), int(rows["year"].max()) + 1)
    grid = pd.MultiIndex.from_product([indicators, years], names=["indicator", "year"]).to_frame(index=False)
    rows["year"] = rows["year"].astype(int)
    table = grid.merge(rows[["indicator", "year", "firms", "status", "qualifier", "source"]],
                       on=["indicator", "year"], how="left")
    table["status"] = table["status"].fillna("missing")
    return table
