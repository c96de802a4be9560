"""Growth arithmetic: compound annual growth, the growth a target requires, paths, annualising.

Formulas: a value V0 growing at rate g for n years reaches V0 (1 + g)^n, so the compound
annual growth rate (CAGR) from V0 to Vn is (Vn / V0)^(1/n) - 1. Rates are fractions
(0.05 means 5% a year); values are in any one unit, the same for baseline and target.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cqlab.errors import (
    MAX_YEARS,
    CqlabInputError,
    _say,
    check_fields,
    describe,
    expect_choice,
    expect_count,
    expect_finite_result,
    expect_number,
)


def cagr(start: float, end: float, years: float) -> float:
    """Return the compound annual growth rate (a fraction) that takes ``start`` to ``end``."""
    start = expect_number(start, "start value", minimum=0, allow_min=False)
    end = expect_number(end, "end value", minimum=0, allow_min=False)
    years = expect_number(years, "number of years", minimum=0, allow_min=False, maximum=MAX_YEARS)
    try:
        rate = (end / start) ** (1.0 / years) - 1.0
    except OverflowError:
        rate = float("inf")
    rate = expect_finite_result(rate, "The growth rate", f"start={start:g}, end={end:g}, years={years:g}")
    if rate <= -1.0:  # end/start so small that the rate rounds to -100%: no path can be drawn from it
        raise CqlabInputError(_say(
            f"The growth rate for start={start:g}, end={end:g}, years={years:g} rounds to -100%: the end value is "
            "vanishingly small beside the start value. Check that both are in the same unit.",
            f"start={start:g}、end={end:g}、years={years:g} 的增长率四舍五入为 -100%:终值与初值相比小得可以忽略。"
            "请检查二者是否使用同一单位。"))
    return rate


def required_growth_rate(baseline: float, target: float, base_year: int, target_year: int) -> float:
    """Return the CAGR needed to go from ``baseline`` in ``base_year`` to ``target`` in ``target_year``.

    Years are whole numbers between 1 and 9999, the target year after the base year and at most
    MAX_YEARS later; baseline and target are positive numbers.
    """
    base_year = expect_count(base_year, "base year", minimum=1, maximum=9999)
    target_year = expect_count(target_year, "target year", minimum=1, maximum=9999)
    return cagr(baseline, target, horizon(base_year, target_year))


def horizon(base_year: int, later_year: int, later: tuple[str, str] = ("target year", "目标年份"),
            base: tuple[str, str] = ("base year", "基年")) -> int:
    """Years from ``base_year`` to ``later_year`` (whole years already checked): from 1 to MAX_YEARS.

    Otherwise cqlab's error names both years, with ``later`` and ``base`` as (English, Chinese) names.
    """
    years = int(later_year) - int(base_year)
    if years <= 0:
        raise CqlabInputError(_say(
            f"The {later[0]} must come after the {base[0]} ({base_year}); got {later_year}.",
            f"{later[1]}必须晚于{base[1]}({base_year});收到的是 {later_year}。"))
    if years > MAX_YEARS:
        raise CqlabInputError(_say(
            f"The {later[0]} {later_year} is {years} years after the {base[0]} {base_year}; "
            f"at most {MAX_YEARS} years are accepted.",
            f"{later[1]} {later_year} 比{base[1]} {base_year} 晚 {years} 年;最多接受 {MAX_YEARS} 年。"))
    return years


def project(baseline: float, rate: float, years: int) -> np.ndarray:
    """Return the path baseline*(1+rate)^t for t = 0..years (years+1 values).

    ``baseline`` > 0, ``rate`` > -1 (a fraction), ``years`` a whole number from 0 to MAX_YEARS;
    a path that overflows (e.g. rate 1e6 for 500 years) raises CqlabInputError.
    """
    baseline = expect_number(baseline, "baseline", minimum=0, allow_min=False)
    rate = expect_number(rate, "growth rate", minimum=-1, allow_min=False)
    years = expect_count(years, "number of years", minimum=0, maximum=MAX_YEARS)
    with np.errstate(over="ignore"):
        path = baseline * (1.0 + rate) ** np.arange(years + 1)
    expect_finite_result(path[-1], "The projected value", f"baseline={baseline:g}, rate={rate:g}, years={years}")
    return path


def required_path(baseline: float, target: float, base_year: int, target_year: int) -> tuple[np.ndarray, np.ndarray]:
    """Return (years, values): the compound path from ``baseline`` in ``base_year`` to ``target`` in ``target_year``.

    One value per year, both ends included: values[0] is the baseline, values[-1] the target, and
    each year is (1 + g) times the one before, g = required_growth_rate(...).
    """
    rate = required_growth_rate(baseline, target, base_year, target_year)
    years = np.arange(int(base_year), int(target_year) + 1)
    return years, project(baseline, rate, int(target_year) - int(base_year))


@dataclass(frozen=True)
class PathCheck:
    """An outturn set beside the path a target requires (rates are fractions a year, nominal if values are)."""

    needed: float  # CAGR from the baseline to the target
    on_path: float  # the value the required path reaches in the outturn's year
    achieved: float  # CAGR from the baseline to the outturn
    gap: float  # outturn / on_path - 1 (negative: behind the path)
    on_track: bool  # achieved >= needed (the same as outturn >= on_path)

    def __post_init__(self):
        check_fields(self, "growth.check_against_path(...)")


def check_against_path(baseline: float, base_year: int, target: float, target_year: int,
                       actual: float, actual_year: int) -> PathCheck:
    """Return the growth needed, the value on the required path in ``actual_year``, and the growth achieved.

    ``baseline``, ``target`` and ``actual`` are positive and in one unit; ``actual_year`` comes after
    ``base_year``. An outturn after the target year is compared with the path extended at the same rate.
    """
    needed = required_growth_rate(baseline, target, base_year, target_year)
    actual_year = expect_count(actual_year, "year of the outturn", minimum=1, maximum=9999)
    horizon(base_year, actual_year, later=("year of the outturn", "实际值的年份"))
    actual = expect_number(actual, "outturn", minimum=0, allow_min=False)
    achieved = required_growth_rate(baseline, actual, base_year, actual_year)  # the CAGR actually achieved
    on_path = float(project(baseline, needed, int(actual_year) - int(base_year))[-1])
    return PathCheck(needed=needed, on_path=on_path, achieved=achieved, gap=float(actual) / on_path - 1.0,
                     on_track=bool(achieved >= needed))


def years_to_reach(baseline: float, target: float, rate: float) -> float:
    """Return how many years growth at ``rate`` takes from ``baseline`` to ``target`` (inf if never).

    ``baseline`` and ``target`` > 0, ``rate`` > -1. A rate of 0 or less never reaches a higher target:
    the answer is then ``inf`` on purpose (the only non-finite result cqlab returns).
    """
    baseline = expect_number(baseline, "baseline", minimum=0, allow_min=False)
    target = expect_number(target, "target", minimum=0, allow_min=False)
    rate = expect_number(rate, "growth rate", minimum=-1, allow_min=False)
    if target <= baseline:
        return 0.0
    if rate <= 0:
        return float("inf")
    return float(np.log(target / baseline) / np.log1p(rate))


def annualise(partial_value: float, months_covered: int, method: str = "proportional") -> float:
    """Return a full-year estimate from a figure that covers ``months_covered`` months.

    ``proportional`` scales by 12/months (assumes every month is like the average one);
    ``as_is`` keeps the partial figure (a lower bound for a full year of positive flows).
    Either is an assumption, not data: lessons must say which one a number rests on.
    """
    value = expect_number(partial_value, "partial-year value", minimum=0)
    months = int(expect_number(months_covered, "months covered", minimum=1, maximum=12, integer=True))
    # checked before any comparison: `method == "as_is"` on a table or an array is not a yes or no
    expect_choice(method, "method", ("proportional", "as_is"))
    return value * 12.0 / months if method == "proportional" else value


def months_covered(period: str) -> int:
    """Return how many months a period label covers: "2023-01/2023-10" -> 10, "2023" -> 12.

    Also "2023-H1" -> 6, "2025-Q1" -> 3, and a day range "2024-01-01/2024-08-02" -> 7 (its days as
    the nearest whole number of average months: an approximation, stated here). Months must be 01-12; an impossible month raises CqlabInputError.
    """
    import re

    if not isinstance(period, str):
        raise CqlabInputError(_say(f"A period must be text like '2023-01/2023-10'; got {describe(period)}.",
                                   f"时期必须是文本,例如 '2023-01/2023-10';收到的是 {describe(period)}。"))
    if any(int(year) == 0 for year in re.findall(r"\d{4}", period)):
        raise CqlabInputError(_say(f"The period {period!r} names the year 0000; years start at 0001.",
                                   f"时期 {period!r} 含有年份 0000;年份从 0001 开始。"))
    if re.fullmatch(r"\s*\d{4}-H[12]\s*", period):
        return 6
    if re.fullmatch(r"\s*\d{4}-Q[1-4]\s*", period):
        return 3
    days = re.fullmatch(r"\s*(\d{4})-(\d{2})-(\d{2})\s*/\s*(\d{4})-(\d{2})-(\d{2})\s*", period)
    if days:  # a day range: its length in days, as the nearest whole number of average months
        import datetime

        parts = [int(g) for g in days.groups()]
        try:
            start, end = datetime.date(*parts[:3]), datetime.date(*parts[3:])
        except ValueError as error:
            raise CqlabInputError(_say(f"The period {period!r} names an impossible date ({error}).",
                                       f"时期 {period!r} 含有不存在的日期({error})。")) from None
        if end < start:
            raise CqlabInputError(_say(f"The period {period!r} ends before it starts.", f"时期 {period!r} 的结束早于开始。"))
        return max(1, round(((end - start).days + 1) / (365.25 / 12)))
    match = re.fullmatch(r"\s*(\d{4})-(\d{2})\s*/\s*(\d{4})-(\d{2})\s*", period)
    if match:
        y1, m1, y2, m2 = (int(g) for g in match.groups())
        for month in (m1, m2):
            if not 1 <= month <= 12:
                raise CqlabInputError(_say(f"The period {period!r} names month {month:02d}; months run from 01 to 12.",
                                           f"时期 {period!r} 含有月份 {month:02d};月份只能是 01 到 12。"))
        months = (y2 - y1) * 12 + (m2 - m1) + 1
        if months < 1:
            raise CqlabInputError(_say(f"The period {period!r} ends before it starts.", f"时期 {period!r} 的结束早于开始。"))
        return months
    if re.fullmatch(r"\s*\d{4}\s*", period):
        return 12
    raise CqlabInputError(_say(
        f"Cannot tell how many months {period!r} covers; expected 'YYYY', 'YYYY-MM/YYYY-MM', 'YYYY-H1' or 'YYYY-Q1'.",
        f"无法判断 {period!r} 覆盖几个月;应为 'YYYY'、'YYYY-MM/YYYY-MM'、'YYYY-H1' 或 'YYYY-Q1'。"))
