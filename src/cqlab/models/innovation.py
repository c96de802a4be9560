"""Innovation indicators against their targets: series with their breaks, growth needed vs achieved.

A published series is not one homogeneous line. Points differ in *status* (a final outturn, a
preliminary figure later revised by an economic census, a partial-year figure, or an
expectation announced before the year closed) and in *confidence* (verified from the source,
partially verified, low). This module keeps those labels on every point, converts units
(1.1 万家 = 11000 家) and compares the growth a target requires with the growth achieved,
using :mod:`cqlab.models.growth`. It says so when the baseline is an expectation, when it is
a lower bound ("more than ..."), when the target's scope differs from the series' scope, when
the series measures something close to but not the same as the target (R&D expenses booked
versus R&D input), and when the achieved rate would start from a preliminary (pre-census) point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from cqlab.errors import (
    CqlabInputError,
    CqlabWarning,
    _say,
    check_fields,
    describe,
    expect_choice,
    expect_count,
    expect_number,
    expect_number_columns,
    expect_table,
    expect_text,
)
from cqlab.i18n import label
from cqlab.models import growth
from cqlab.units import scale_of

#: The status of a point, from the columns period_type and revision, in drawing order.
STATUSES = ("outturn", "preliminary", "census-revised", "partial-year", "expectation")
CONFIDENCES = ("verified", "partial", "low")
#: The Chinese names of confidences and value qualifiers (data keys stay English), for text shown in Chinese.
#: Each status's name to show, (English, Chinese).
STATUS_NAMES = {
    "outturn": ("outturn", "实际值"), "preliminary": ("preliminary (pre-census)", "初步核算"),
    "census-revised": ("census-revised", "普查修订"), "partial-year": ("partial year", "部分月份"),
    "expectation": ("expectation", "预计值"),
}
_STATUS_ZH = {status: names[1] for status, names in STATUS_NAMES.items()}
CONFIDENCE_ZH = {"verified": "已核实", "partial": "部分核实", "low": "低"}
QUALIFIER_ZH = {"more than": "超过", "at least": "至少", "nearly": "接近", "order of magnitude": "量级",
                 "about": "约", "exact": ""}
#: The period types and revisions a row may carry (the datasets' schema); empty cells are allowed too.
PERIOD_TYPES = ("full-year", "partial-year", "cumulative", "target", "point-in-time", "expectation")
REVISIONS = ("preliminary", "census-revised", "final")
#: Columns that split one indicator into several series (a scope, a cluster, a district).
_GROUPS = ("scope", "cluster_cn", "district_cn")
_PREFIXES = ("万亿", "千亿", "百亿", "十亿", "亿", "千万", "百万", "十万", "万", "千")
_ENGLISH_PREFIXES = ("trillion", "billion", "million", "thousand")
#: English measure words and the Chinese ones they stand for.
_MEASURES = {"yuan": "元", "yuan RMB": "元", "RMB": "元"}
#: Measures that are not counts of things: a bare number ('million') never converts to these.
_NOT_COUNTS = ("元", "%", "days", "天", "年")


def _article(number: int) -> str:
    """'an' before numbers read with a leading vowel sound (8, 11, 18, 80-89, 800...), else 'a'."""
    digits = str(int(number))
    return "an" if digits.startswith("8") or digits in ("11", "18") else "a"


def status_of(period_type: str, revision: str = "") -> str:
    """Return a point's status: expectation, partial-year, preliminary, census-revised or outturn.

    ``period_type`` is one of PERIOD_TYPES and ``revision`` one of REVISIONS, or an empty cell ('', None, NaN).
    """
    for name, value in (("period_type", period_type), ("revision", revision)):
        # one cell's text (or an empty cell): a table or an array here is a column passed for a cell
        if not (value is None or isinstance(value, str) or (isinstance(value, float) and value != value)):
            raise CqlabInputError(_say(f"{name} must be one cell's text, such as 'full-year'; got {describe(value)}.",
                                       f"{name} 必须是一个单元格的文本,例如 'full-year';收到的是 {describe(value)}。"))
    period_type = "" if period_type is None or period_type != period_type else period_type.strip()  # NaN -> ""
    revision = "" if revision is None or revision != revision else revision.strip()
    if period_type:
        expect_choice(period_type, "period_type", PERIOD_TYPES)
    if revision:
        expect_choice(revision, "revision", REVISIONS)
    if period_type == "expectation":
        return "expectation"
    if period_type == "partial-year":
        return "partial-year"
    if revision in ("preliminary", "census-revised"):
        return revision
    return "outturn"


def split_unit(unit: str) -> tuple[str, str]:
    """Split a unit into (scale prefix, measure): '万家' -> ('万', '家'), '亿元' -> ('亿', '元'), '%' -> ('', '%').

    English units too: 'billion yuan' -> ('billion', '元'), 'million' -> ('million', '').
    """
    if not isinstance(unit, str):
        raise CqlabInputError(_say(f"A unit must be text such as '家' or '亿元'; got {describe(unit)}.",
                                   f"单位必须是文本,例如 '家' 或 '亿元';收到的是 {describe(unit)}。"))
    unit = unit.strip()
    for prefix in _ENGLISH_PREFIXES:
        if unit == prefix or unit.startswith(prefix + " "):
            measure = unit[len(prefix):].strip()
            return prefix, _MEASURES.get(measure, measure)
    if unit in _MEASURES:
        return "", _MEASURES[unit]
    for prefix in _PREFIXES:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return prefix, unit[len(prefix):]
    return "", unit


def convert_unit(value: float, from_unit: str, to_unit: str) -> float:
    """Convert between units with the same measure: convert_unit(1.1, '万家', '家') == 11000.

    Chinese and English scales mix: convert_unit(1, '万亿元', 'billion yuan') == 1000. A bare English
    number ('million') counts the things the other unit counts: convert_unit(3, 'million', '万户') == 300;
    it never converts to money, percentages or time.
    """
    value = expect_number(value, "value")
    p_from, m_from = split_unit(from_unit)
    p_to, m_to = split_unit(to_unit)
    bare_count = (m_from == "" and m_to not in _NOT_COUNTS) or (m_to == "" and m_from not in _NOT_COUNTS)
    if m_from != m_to and not bare_count:
        raise CqlabInputError(_say(
            f"Cannot convert {from_unit} to {to_unit}: they measure different things ({m_from} vs {m_to}).",
            f"无法把 {from_unit} 换算成 {to_unit}:二者计量的是不同的东西({m_from} 与 {m_to})。"))
    return value * scale_of(p_from) / scale_of(p_to)


def _optional_text(value, name: str, example: str) -> str | None:
    """None, or one piece of text (stripped): what a filter or a unit may be."""
    return None if value is None else expect_text(value, name, example)


def observations(table, indicator: str, unit: str | None = None, cluster_cn: str | None = None, *,
                 scope: str | None = None, district_cn: str | None = None):
    """Return the non-target rows of one indicator, sorted by year, in one unit, with a status.

    ``table`` is a long table such as data.load('macro'); ``indicator`` the text of one of its indicators;
    ``unit``, ``cluster_cn``, ``scope`` and ``district_cn`` are None or text. ``cluster_cn``, ``scope`` and
    ``district_cn`` keep only the rows of one cluster, scope or district (where the table has that column);
    when the rows left cover several of them (e.g. 'imports+exports' of all trade and of trade with ASEAN),
    a CqlabWarning says that the series mixes them.
    Columns: year, value (in ``unit``; default the most common unit of the rows), unit,
    source_value, source_unit, status, confidence, qualifier, period, months, note, quote (the
    row's quote_original, where the table has one).
    Rows without a year (e.g. "earlier" vs "current" figures) are left out: they cannot be ordered.
    Units may mix Chinese and English scales (亿元, billion yuan, 万亿元): see convert_unit.
    """
    import warnings

    import pandas as pd

    if not hasattr(table, "columns") or "indicator" not in table.columns:
        raise CqlabInputError(_say(
            f"observations needs a long table with an 'indicator' column, e.g. data.load('macro'); got {describe(table)}.",
            f"observations 需要一张含 'indicator' 列的长表,例如 data.load('macro');收到的是 {describe(table)}。"))
    expect_table(table, "The table", ("indicator", "value", "unit", "year", "period", "period_type", "confidence"),
                 "data.load('macro')")
    indicator = expect_text(indicator, "indicator", "high-tech enterprises", nonblank=True)
    unit = _optional_text(unit, "unit", "家")
    chosen = {"cluster_cn": _optional_text(cluster_cn, "cluster_cn", "人工智能"),
              "scope": _optional_text(scope, "scope", "Chongqing total foreign trade"),
              "district_cn": _optional_text(district_cn, "district_cn", "渝中区")}
    named = table[table["indicator"] == indicator]
    rows = named[named["period_type"] != "target"]
    for column, value in chosen.items():
        if value is not None and column in table.columns:
            rows = rows[rows[column].fillna("") == value]
    if rows.empty:
        import difflib

        if not named.empty and (named["period_type"] == "target").all():
            raise CqlabInputError(_say(
                f"The indicator {indicator!r} has only targets (period_type 'target'), no observed values; "
                "read its target with target_row(...) or data.row(...).",
                f"指标 {indicator!r} 只有目标值(period_type 为 'target'),没有观测值;"
                "请用 target_row(...) 或 data.row(...) 读取其目标。"))
        if not named.empty:
            picked = ", ".join(f"{c}={v!r}" for c, v in chosen.items() if v is not None)
            raise CqlabInputError(_say(f"The indicator {indicator!r} has no observed values for {picked}.",
                                       f"指标 {indicator!r} 在 {picked} 下没有观测值。"))
        known = sorted(set(table["indicator"].dropna().astype(str)))
        close = difflib.get_close_matches(indicator, known, n=3)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        hint_zh = f" 你是不是想找:{', '.join(close)}?" if close else ""
        raise CqlabInputError(_say(f"No observed values for the indicator {indicator!r}.{hint}",
                                   f"指标 {indicator!r} 没有观测值。{hint_zh}"))
    rows = rows[rows["year"].notna()] if "year" in rows.columns else rows.iloc[0:0]
    if rows.empty:
        raise CqlabInputError(_say(
            f"The indicator {indicator!r} has no observations with a year, so it is not a time series "
            "that observations() can order; read its rows with data.row(...) instead.",
            f"指标 {indicator!r} 没有带年份的观测值,不是 observations() 能排序的时间序列;请改用 data.row(...) 读取。"))
    for column in _GROUPS:
        if column in rows.columns and chosen[column] is None:
            groups = sorted(set(rows[column].fillna("").astype(str)))
            if len(groups) > 1:
                shown_groups = ", ".join(repr(g) for g in groups[:4]) + (", ..." if len(groups) > 4 else "")
                warnings.warn(_say(
                    f"The rows of {indicator!r} cover several {column} values ({shown_groups}); the series mixes "
                    f"them. Pass {column}=... to keep one.",
                    f"{indicator!r} 的行涵盖多个 {column}({shown_groups}),序列把它们混在一起。"
                    f"请传入 {column}=... 只保留一个。"), CqlabWarning, stacklevel=2)
    for value, year, period in zip(rows["value"], rows["year"], rows["period"]):
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = float("nan")
        if number != number or number in (float("inf"), float("-inf")):
            raise CqlabInputError(_say(
                f"The value of {indicator!r} for {period} ({year:g}) is {value!r}; every value must be a finite number.",
                f"{indicator!r} 在 {period}({year:g})的值为 {value!r};每个值都必须是有限的数字。"))
    unit = unit or rows["unit"].mode().iloc[0]
    revision = rows["revision"] if "revision" in rows.columns else pd.Series("", index=rows.index)
    qualifier = rows["value_qualifier"] if "value_qualifier" in rows.columns else pd.Series("exact", index=rows.index)
    frame = pd.DataFrame(
        {
            "year": rows["year"].astype(int).to_numpy(),
            "value": [convert_unit(float(v), u, unit) for v, u in zip(rows["value"], rows["unit"])],
            "unit": unit,
            "source_value": rows["value"].astype(float).to_numpy(),
            "source_unit": rows["unit"].to_numpy(),
            "status": [status_of(p, r) for p, r in zip(rows["period_type"], revision)],
            "confidence": rows["confidence"].fillna("").to_numpy(),
            "qualifier": qualifier.fillna("exact").to_numpy(),
            "period": rows["period"].astype(str).to_numpy(),
            "note": rows["note"].fillna("").to_numpy() if "note" in rows.columns else "",
            "quote": rows["quote_original"].fillna("").to_numpy() if "quote_original" in rows.columns else "",
        }
    )
    frame["months"] = [
        growth.months_covered(p) if s == "partial-year" else 12 for p, s in zip(frame["period"], frame["status"])
    ]
    return frame.sort_values(["year", "months"]).reset_index(drop=True)


_STATED_GROWTH = re.compile(r"同比(增长|下降)\s*(\d+(?:\.\d+)?)\s*%")


def stated_growth(quote) -> float | None:
    """The year-on-year growth a Chinese quote states, as a fraction: '...同比增长27.3%' -> 0.273,
    '同比下降2.1%' -> -0.021; None when the quote states no 同比 (year-on-year) rate. The first one stated
    counts: a quote that states several rates names the indicator's own first.

    ``quote`` is one cell's text; an empty cell (None or NaN) states no rate."""
    if quote is None or (isinstance(quote, float) and quote != quote):
        return None
    if not isinstance(quote, str):
        raise CqlabInputError(_say(f"quote must be one cell's text, such as '同比增长27.3%'; got {describe(quote)}.",
                                   f"quote 必须是一个单元格的文本,例如 '同比增长27.3%';收到的是 {describe(quote)}。"))
    found = _STATED_GROWTH.search(quote)
    if found is None:
        return None
    rate = float(found.group(2)) / 100
    return -rate if found.group(1) == "下降" else rate


@dataclass(frozen=True)
class TargetCheck:
    """The growth a target needs from the baseline, beside the growth achieved so far.

    Rates are fractions a year (0.1 = 10%). ``achieved`` (a compound rate over full years) is None
    when fewer than two comparable observations exist; ``stated_growth`` is then the year-on-year
    rate the baseline's own quote states, if it states one (one period on the same months a year
    earlier, not a trend). ``warnings`` lists, in plain words, every reason the comparison is weaker
    than it looks (expectation baseline, lower bound, scope, ...).
    """

    baseline_year: int
    baseline: float
    baseline_status: str
    baseline_qualifier: str
    source_baseline: float
    months: int
    target: float
    target_year: int
    target_qualifier: str
    unit: str
    required: float
    achieved: float | None
    achieved_from: int | None
    scope_matches: bool
    measure_matches: bool = True
    warnings: tuple[str, ...] = field(default_factory=tuple)
    stated_growth: float | None = None

    def __post_init__(self):
        check_fields(self, "innovation.check_target(...)")

    @property
    def horizon(self) -> int:
        return self.target_year - self.baseline_year

    def required_path(self):
        """Values from the baseline year to the target year at the required rate."""
        return growth.project(self.baseline, self.required, self.horizon)

    def achieved_path(self):
        """Values from the baseline year to the target year if the achieved rate continued (or None)."""
        if self.achieved is None or self.achieved <= -1:
            return None
        return growth.project(self.baseline, self.achieved, self.horizon)

    def value_at_achieved_rate(self) -> float | None:
        """Where the indicator would be in the target year if the achieved rate continued."""
        path = self.achieved_path()
        return None if path is None else float(path[-1])

    @property
    def on_track(self) -> bool | None:
        """True when the growth achieved is at least the growth required (None if unknown)."""
        return None if self.achieved is None else self.achieved >= self.required


def check_target(
    obs,
    target: float,
    target_year: int,
    *,
    include_expectations: bool = False,
    series_scope: str = "",
    target_scope: str = "",
    target_qualifier: str = "exact",
    annualise_method: str = "proportional",
    series_measure: str = "",
    target_measure: str = "",
) -> TargetCheck:
    """Compare the growth a target requires with the compound growth achieved by ``obs``.

    ``obs`` is a table from :func:`observations`; ``target`` a positive number in its unit;
    ``target_year`` a whole year after the baseline's, at most MAX_YEARS later; the scopes, measures
    and ``target_qualifier`` (one of QUALIFIER_ZH's keys) are text or None. The baseline is the latest outturn, or the
    latest value of any status with ``include_expectations=True``. A partial-year baseline is
    annualised by ``annualise_method`` (an assumption; see growth.annualise). The achieved
    rate is the CAGR from the first to the last full-year point used; preliminary (pre-census)
    points are left out of it when at least two later, revised or final points remain, since the
    revision itself is a break in the series. ``series_measure`` and ``target_measure`` name what
    each side counts (e.g. R&D expenses booked vs R&D input); when they differ the comparison
    is flagged as indicative, even if the scopes match.
    """
    expect_table(obs, "obs (observations)", ("year", "value", "unit", "status", "months", "qualifier", "period",
                                              "confidence", "source_value", "source_unit"),
                 "innovation.observations(data.load('macro'), 'high-tech enterprises')")
    target = expect_number(target, "target", minimum=0, allow_min=False)
    target_year = expect_count(target_year, "target year", minimum=1, maximum=9999)
    expect_choice(annualise_method, "annualise method", ("proportional", "as_is"))
    if not isinstance(include_expectations, (bool, np.bool_)):
        raise CqlabInputError(_say(f"include_expectations must be True or False; got {describe(include_expectations)}.",
                                   f"include_expectations 必须是 True 或 False;收到的是 {describe(include_expectations)}。"))
    series_scope = _optional_text(series_scope, "series_scope", "all R&D in Chongqing")
    target_scope = _optional_text(target_scope, "target_scope", "all R&D in Chongqing")
    series_measure = _optional_text(series_measure, "series_measure", "R&D expenses as booked")
    target_measure = _optional_text(target_measure, "target_measure", "R&D input")
    target_qualifier = _optional_text(target_qualifier, "target_qualifier", "more than")
    if target_qualifier:
        expect_choice(target_qualifier, "target_qualifier", list(QUALIFIER_ZH))
    expect_number_columns(obs, "obs (observations)", ("year", "value", "months"), row_label="year",
                          advice=("Make it with innovation.observations(...).", "请用 innovation.observations(...) 生成。"))
    usable = obs if include_expectations else obs[obs["status"] != "expectation"]
    if usable.empty:
        raise CqlabInputError(_say(
            "This series has no outturn, only expectations; include expectations to use one as a baseline "
            "(and read the result as conditional on that expectation).",
            "这个序列没有实际值,只有预计值;如要把预计值作为基数,请包含预计值(并把结果理解为以该预计为条件)。"))
    last = usable.iloc[-1]
    base_year, months = int(last["year"]), int(last["months"])
    growth.horizon(base_year, target_year, base=("baseline year", "基数年份"))
    warnings = []
    baseline = float(last["value"])
    if months < 12:
        baseline = growth.annualise(baseline, months, annualise_method)
        proportional = annualise_method == "proportional"
        how = f"scaled by 12/{months}" if proportional else "used as if it were a full year"
        how_zh = f"按 12/{months} 放大" if proportional else "当作全年数使用"
        warnings.append(label(
            f"The baseline is {_article(months)} {months}-month figure ({last['period']}), {how}: "
            "an assumption, not data.",
            f"基数是 {months} 个月的数字({last['period']}),{how_zh}:这是假设,不是数据。"))
    if last["status"] == "expectation":
        warnings.append(label(
            f"The baseline ({base_year}) is an expectation announced before the year closed, not an outturn.",
            f"基数({base_year}年)是年度结束前公布的预计值,不是实际值。"))
    if last["qualifier"] not in ("exact", "", None):
        warnings.append(label(
            f"The baseline is '{last['qualifier']} {last['source_value']:g} {last['source_unit']}': "
            "a bound, not a measured value.",
            f"基数为“{QUALIFIER_ZH.get(last['qualifier'], last['qualifier'])}{last['source_value']:g}"
            f"{last['source_unit']}”:是一个界限,不是测得的数值。"))
    if target_qualifier not in ("exact", "", None):
        warnings.append(label(
            f"The target reads '{target_qualifier} {target:g}': the number is a threshold to pass.",
            f"目标为“{QUALIFIER_ZH.get(target_qualifier, target_qualifier)}{target:g}”:这个数是要越过的门槛。"))
    scope_matches = (series_scope or "") == (target_scope or "")
    if not scope_matches:
        warnings.append(label(
            f"Scopes differ: the target covers {target_scope}, the series covers {series_scope}. "
            "They are different quantities, so the gap below is indicative at best.",
            f"口径不同:目标覆盖 {target_scope},序列覆盖 {series_scope}。二者是不同的量,下面的差距至多只能作参考。"))
    measure_matches = (series_measure or "") == (target_measure or "")
    if not measure_matches:
        warnings.append(label(
            f"Measures differ: the target counts {target_measure}, the series {series_measure}. The series is "
            "the closest number we have, close to but not the same measure: treat the result as indicative.",
            f"指标不同:目标统计 {target_measure},序列统计 {series_measure}。该序列是我们能找到的最接近的数字,"
            "相近但并非同一指标:结果只能作参考。"))
    full = usable[usable["months"] == 12]
    achieved = achieved_from = stated = None
    if full["year"].nunique() >= 2:
        preliminary = full["status"] == "preliminary"
        if preliminary.any() and not preliminary.all():
            later = full[~preliminary]
            years = ", ".join(str(int(y)) for y in full.loc[preliminary, "year"])
            if later["year"].nunique() >= 2:
                full = later
                warnings.append(label(
                    f"Left out of the achieved rate: the preliminary (pre-census) point(s) of {years}, "
                    "not comparable with the revised or final figures that follow.",
                    f"实际增速未计入 {years} 年的初步(普查前)数据点:它与其后修订或最终的数字不可比。"))
            elif preliminary.iloc[0]:
                warnings.append(label(
                    f"The achieved rate starts from a preliminary (pre-census) point ({years}): part of the "
                    "change may be the census revision, not growth.",
                    f"实际增速从初步(普查前)数据点({years}年)算起:部分变化可能来自普查修订,而非增长。"))
        first_row, last_row = full.iloc[0], full.iloc[-1]
        achieved_from = int(first_row["year"])
        achieved = growth.cagr(float(first_row["value"]), float(last_row["value"]), int(last_row["year"]) - achieved_from)
        used = full
        if used["status"].nunique() > 1:
            statuses = sorted(set(used["status"]))
            warnings.append(label(
                f"The achieved rate spans points of different status ({', '.join(statuses)}): "
                "a series break, not only growth.",
                f"实际增速跨越不同状态的数据点({'、'.join(_STATUS_ZH[s] for s in statuses)}):"
                "这是序列断点,不只是增长。"))
        weak = sorted(set(used["confidence"]) - {"verified"})
        if weak:
            warnings.append(label(f"Some points used are rated {' / '.join(weak)} confidence.",
                                  f"所用数据点中有的可信度为{'/'.join(CONFIDENCE_ZH.get(w, w) for w in weak)}。"))
    else:
        stated = stated_growth(last["quote"]) if "quote" in last.index else None
        if stated is None:
            warnings.append(label(
                "Fewer than two full-year observations: there is no achieved growth rate to compare.",
                "全年观测值少于两个:没有可比较的实际增速(年均)。"))
        else:
            warnings.append(label(
                f"Fewer than two full-year observations, so no compound rate; the baseline's own quote states "
                f"{stated:+.1%} on the same months a year earlier: one period's growth, not a trend.",
                f"全年观测值少于两个,算不出年均复合增速;基数本身的引文给出同比 {stated:+.1%}:"
                "这只是一个时期的增长,不是趋势。"))
    required = growth.required_growth_rate(baseline, target, base_year, target_year)
    if required < 0:
        warnings.append(label("The target is below the baseline: it needs no growth at all (check the scope).",
                              "目标低于基数:根本不需要增长(请检查口径)。"))
    return TargetCheck(
        baseline_year=base_year,
        baseline=baseline,
        baseline_status=str(last["status"]),
        baseline_qualifier=str(last["qualifier"]),
        source_baseline=float(last["value"]),
        months=months,
        target=target,
        target_year=target_year,
        target_qualifier=target_qualifier or "exact",
        unit=str(last["unit"]),
        required=required,
        achieved=achieved,
        achieved_from=achieved_from,
        scope_matches=scope_matches,
        measure_matches=measure_matches,
        warnings=tuple(warnings),
        stated_growth=stated,
    )


#: Illustrative: a student-set target defaults to this multiple of the latest outturn.
ILLUSTRATIVE_MULTIPLE = 2.0


@dataclass(frozen=True)
class Comparison:
    """A series and a target to compare, with the scope (which units are counted) and the measure (what is
    counted, and over which denominator) of each side; check_target warns when either differs."""

    title: tuple[str, str]
    series: tuple[str, str, str | None]  # dataset, indicator, cluster_cn (None: any)
    series_scope: tuple[str, str]  # (English, Chinese), like the title
    target: tuple[str, str] | None  # dataset, indicator; None: an illustrative target the student sets
    target_scope: tuple[str, str]
    unit: str | None = None  # the unit to show the series in (default: the target's unit)
    series_measure: tuple[str, str] | str = ""  # what the series counts, when it differs from what the target counts
    target_measure: tuple[str, str] | str = ""

    def __post_init__(self):
        check_fields(self, "innovation.COMPARISONS (a comparison the lesson defines)")


#: macro.csv's indicator name for 科技型企业 (tech-based enterprises, Chongqing's register; broader
#: than the 科技型中小企业 the source names).
TECH_BASED = "tech-based enterprises"


ABOVE_SCALE = ("above-scale industrial firms (规上工业企业)", "规模以上工业企业")
_INDUSTRY_VA = ("share of above-scale industrial value added", "占规上工业增加值的比重")
_ALL_HTE = ("all high-tech enterprises in Chongqing", "重庆全部高新技术企业")
_ALL_TECH = ("all tech-based enterprises (科技型企业) in Chongqing", "重庆全部科技型企业")
COMPARISONS = {
    "rd_industry": Comparison(
        ("Industrial firms' R&D expenses vs the plan's R&D-input target", "规上工业研发费用 vs 规划研发投入目标"),
        ("cluster_indicators", "R&D expenses of above-scale industrial firms", ""), ABOVE_SCALE,
        ("cluster_indicators", "R&D input of above-scale industrial firms"), ABOVE_SCALE,
        series_measure=("R&D expenses as booked (规上工业研发费用)", "账面研发费用(规上工业研发费用)"),
        target_measure=("R&D input (规模以上工业企业研发投入)", "研发投入(规模以上工业企业研发投入)"),
    ),
    "rd_all": Comparison(
        ("All R&D spending vs the industrial-firm target", "全社会R&D经费 vs 规上工业企业目标"),
        ("macro", "R&D expenditure", None), ("all R&D in Chongqing (全社会R&D经费)", "重庆全社会R&D经费"),
        ("cluster_indicators", "R&D input of above-scale industrial firms"), ABOVE_SCALE,
    ),
    "rd_intensity": Comparison(
        ("R&D intensity (% of GDP) vs the industrial-firm target (% of revenue)", "R&D强度(占GDP) vs 规上工业企业目标(占营收)"),
        ("macro", "R&D intensity", None), ("all R&D as a share of GDP", "全社会R&D经费占GDP的比重"),
        ("cluster_indicators", "R&D intensity of above-scale industrial firms"),
        ("R&D of above-scale industrial firms as a share of their revenue", "规上工业企业研发投入占其营业收入的比重"),
        series_measure=("R&D divided by GDP (研发经费投入强度)", "R&D经费除以GDP(研发经费投入强度)"),
        target_measure=("R&D input divided by the firms' revenue, 营业收入 (yíngyè shōurù)",
                        "研发投入除以企业营业收入"),
    ),
    "sei_share": Comparison(
        ("Strategic emerging industries' share of industrial value added", "战略性新兴产业增加值占规上工业比重"),
        ("cluster_indicators", "strategic emerging industries share of above-scale industrial VA", ""),
        _INDUSTRY_VA,
        ("cluster_indicators", "strategic emerging industries share of above-scale industrial VA"), _INDUSTRY_VA,
    ),
    "hitech_share": Comparison(
        ("High-tech manufacturing's share of industrial value added", "高技术制造业增加值占规上工业比重"),
        ("cluster_indicators", "high-tech manufacturing share of above-scale industrial VA", ""), _INDUSTRY_VA,
        ("cluster_indicators", "high-tech manufacturing share of above-scale industrial VA"), _INDUSTRY_VA,
    ),
    "hte_future": Comparison(
        ("All high-tech enterprises vs the future-industries target", "高新技术企业总数 vs 未来产业目标"),
        ("macro", "high-tech enterprises", None), _ALL_HTE,
        ("cluster_indicators", "high-tech enterprises in future industries"),
        ("high-tech enterprises in future industries only (2024 plan)", "仅未来产业中的高新技术企业(2024年规划)"),
        unit="家",
    ),
    "hte_custom": Comparison(
        ("High-tech enterprises vs a target you set (illustrative)", "高新技术企业 vs 自设目标(示意)"),
        ("macro", "high-tech enterprises", None), _ALL_HTE, None, _ALL_HTE, unit="家",
    ),
    "tech_custom": Comparison(
        ("Tech-based enterprises vs a target you set (illustrative)", "科技型企业 vs 自设目标(示意)"),
        ("macro", TECH_BASED, None), _ALL_TECH, None, _ALL_TECH, unit="家",
    ),
}


def shown(text) -> str:
    """A scope or measure of COMPARISONS in the current language: an (English, Chinese) pair, or plain text.

    ``text`` is an (English, Chinese) pair of texts, one text, or None/'' (nothing to show).
    """
    if isinstance(text, tuple) and len(text) == 2 and all(isinstance(t, str) for t in text):
        return label(*text)
    if text is None or isinstance(text, str):
        return text or ""
    raise CqlabInputError(_say(f"text must be an (English, Chinese) pair of texts or one text; got {describe(text)}.",
                               f"text 必须是一对(英文, 中文)文本或一段文本;收到的是 {describe(text)}。"))


def target_row(dataset: str, indicator: str):
    """Return the one target row (period_type 'target', no cluster) of an indicator."""
    from cqlab import data

    dataset = expect_text(dataset, "dataset", "cluster_indicators", nonblank=True)
    indicator = expect_text(indicator, "indicator", "R&D input of above-scale industrial firms", nonblank=True)
    table = data.load(dataset)
    if "indicator" not in table.columns or "period_type" not in table.columns:
        raise CqlabInputError(_say(f"The dataset {dataset!r} has no indicators with targets.",
                                   f"数据集 {dataset!r} 没有带目标的指标。"))
    rows = table[(table["indicator"] == indicator) & (table["period_type"] == "target")]
    if "cluster_cn" in rows.columns:
        rows = rows[rows["cluster_cn"].fillna("") == ""]
    if len(rows) != 1:
        raise CqlabInputError(_say(f"Expected one target row for {indicator!r} in {dataset}; found {len(rows)}.",
                                   f"{dataset} 中 {indicator!r} 应恰有一行目标;找到 {len(rows)} 行。"))
    return rows.iloc[0]


def series_for(key: str):
    """Return (comparison, observations) for a comparison key, the observations in the target's unit."""
    from cqlab import data

    expect_choice(key, "comparison", list(COMPARISONS))
    comparison = COMPARISONS[key]
    dataset, indicator, cluster = comparison.series
    unit = comparison.unit
    if unit is None and comparison.target is not None:
        unit = target_row(*comparison.target)["unit"]
    obs = observations(data.load(dataset), indicator, unit=unit, cluster_cn=cluster)
    return comparison, obs


def plan_year() -> int:
    """The horizon of the 2023-2027 manufacturing plan, read from the R&D target row."""
    return int(target_row("cluster_indicators", "R&D input of above-scale industrial firms")["year"])


def compare(key: str, include_expectations: bool = False, method: str = "proportional",
            custom_target: float | None = None, custom_year: int | None = None):
    """Compare one series with one target, by key of COMPARISONS; returns a dict of key, comparison, obs, check
    (a TargetCheck) and target_source.

    The series' observations are put in the target's unit; the target row's qualifier ("more than") and both
    scopes and measures go to check_target, which writes the warnings. A comparison without a target row is
    illustrative: its target defaults to ILLUSTRATIVE_MULTIPLE times the latest outturn, in the plan's year.
    """
    comparison, obs = series_for(key)
    if comparison.target is None:
        outturns = obs[obs["status"] != "expectation"]
        default = float(outturns["value"].iloc[-1]) * ILLUSTRATIVE_MULTIPLE
        target = default if custom_target is None else expect_number(custom_target, "your target", minimum=0,
                                                                       allow_min=False)
        year = plan_year() if custom_year is None else custom_year
        qualifier, source = "exact", label("illustrative target set by you", "自设示意目标")
    else:
        row = target_row(*comparison.target)
        target = convert_unit(float(row["value"]), row["unit"], obs["unit"].iloc[0])
        year, qualifier, source = int(row["year"]), row["value_qualifier"], row["source"]
    check = check_target(
        obs, target, year, include_expectations=include_expectations, series_scope=shown(comparison.series_scope),
        target_scope=shown(comparison.target_scope), target_qualifier=qualifier, annualise_method=method,
        series_measure=shown(comparison.series_measure), target_measure=shown(comparison.target_measure),
    )
    return {"key": key, "comparison": comparison, "obs": obs, "check": check, "target_source": source}
