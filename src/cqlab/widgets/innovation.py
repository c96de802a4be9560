"""Lesson 04's widget: an innovation indicator against a target, growth needed vs growth achieved.

Every point keeps its status (outturn, preliminary, census-revised, partial-year, expectation)
as a marker shape and its confidence as a filled or hollow marker, so a series break is seen,
not smoothed over. The comparisons pair a series with a target and name both scopes; where
they differ, the chart and the result line say so.
"""

from __future__ import annotations

import ipywidgets as widgets
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from cqlab.charts import PALETTE, _expect_axes, axis_unit, source_note
from cqlab.errors import (
    CqlabInputError,
    _say,
    describe,
    expect_choice,
    expect_number,
    expect_table,
    expect_text,
)
from cqlab.i18n import label
from cqlab.models import innovation

# the comparisons and their model call live in cqlab.models.innovation; re-exported here for the widget's users
from cqlab.models.innovation import (  # noqa: F401
    ABOVE_SCALE,
    COMPARISONS,
    ILLUSTRATIVE_MULTIPLE,
    TECH_BASED,
    Comparison,
    compare,
    plan_year,
    series_for,
    target_row,
)
from cqlab.widgets.base import ChartWidget, arg_choice

#: Marker shape per status and its bilingual name (the names are the model's).
STATUS_STYLE = {
    status: (marker, innovation.STATUS_NAMES[status])
    for status, marker in {"outturn": "o", "preliminary": "s", "census-revised": "P", "partial-year": "h",
                           "expectation": "D"}.items()
}


def unit_label(unit: str) -> tuple[float, str]:
    """Return (multiplier, axis label) for a unit (text, e.g. '亿元') in the current language (家 -> firms)."""
    expect_text(unit, "unit", "亿元")
    if unit == "家":
        return 1.0, label("firms", "家")
    if unit == "万元/人":
        return 1.0, label("10,000 yuan per worker", "万元/人")
    return axis_unit(unit)


def draw_observations(axes, obs, colour=PALETTE[0], name: str = "", scale: float = 1.0) -> None:
    """Plot a series from innovation.observations: a line through full-year points, every point
    marked by status (shape) and confidence (filled = verified, hollow = partial or low).

    The line is solid between points of the same kind in consecutive years and dotted across a break:
    into or out of a preliminary (pre-census) point, and on to an expectation. Where a year has no figure
    (2019 in several series) no line is drawn at all: a gap looks like a gap. ``name`` labels the line only
    when a line is drawn, so a legend never lists a line that is not there. ``scale`` multiplies the values
    (a number above 0).
    """
    _expect_axes(axes)
    _expect_obs(obs)
    expect_text(name, "name")
    scale = expect_number(scale, "scale", minimum=0, allow_min=False)
    solid = obs[obs["status"].isin(["outturn", "preliminary", "census-revised"]) & (obs["months"] == 12)]
    years, values, statuses = list(solid["year"]), list(solid["value"] * scale), list(solid["status"])
    labelled = False
    for i in range(len(years) - 1):
        if years[i + 1] - years[i] > 1:  # a missing year: never join across it
            continue
        pair = {statuses[i], statuses[i + 1]}
        broken = "preliminary" in pair and len(pair) > 1
        axes.plot(years[i:i + 2], values[i:i + 2], color=colour, linewidth=1.2 if not broken else 1.0,
                  linestyle=":" if broken else "-", label=None if labelled or broken else (name or None))
        labelled = labelled or not broken
    if len(solid) and (obs["status"] == "expectation").any():
        tail = obs[obs["status"] == "expectation"].iloc[[-1]]
        if tail["year"].iloc[0] - years[-1] == 1:
            axes.plot([years[-1], tail["year"].iloc[0]], [values[-1], tail["value"].iloc[0] * scale],
                      color=colour, linewidth=1.0, linestyle=":")
    hollow = obs["confidence"] != "verified"
    for (status, is_hollow), group in obs.groupby([obs["status"], hollow], sort=False):
        axes.plot(group["year"], group["value"] * scale, marker=STATUS_STYLE[status][0], markersize=7,
                  linestyle="none", color=colour, markerfacecolor="white" if is_hollow else colour,
                  markeredgewidth=1.5)
    for point in obs[~obs["qualifier"].isin(["exact", ""])].itertuples():
        axes.annotate(">" if point.qualifier in ("more than", "at least") else "~",
                      (point.year, point.value * scale), textcoords="offset points", xytext=(6, 4),
                      fontsize=9, color=colour)


def _expect_obs(obs):
    """Check a table of innovation.observations (one row per point, with its status and confidence)."""
    return expect_table(obs, "obs", ["year", "value", "status", "confidence", "months", "qualifier"],
                        "innovation.observations(data.load('macro'), 'R&D expenses')")


def status_handles(obs) -> list:
    """Legend entries for the points drawn from ``obs`` (one table or a list of them): one per status shown
    (marker shape), one for hollow markers if any point is not verified, and the dotted line when a break or
    an expectation is drawn. Filled markers need no entry: hollow is the exception."""
    import pandas as pd

    tables = list(obs) if isinstance(obs, (list, tuple)) else [obs]
    if not tables:
        _expect_obs(obs)
    for table in tables:
        _expect_obs(table)
    points = pd.concat(tables)
    statuses, confidences = set(points["status"]), set(points["confidence"])
    grey = "#444444"
    handles = [
        Line2D([], [], marker=STATUS_STYLE[s][0], linestyle="none", color=grey, markerfacecolor=grey,
               label=label(*STATUS_STYLE[s][1]))
        for s in innovation.STATUSES if s in statuses
    ]
    if confidences - {"verified"}:
        handles.append(Line2D([], [], marker="o", linestyle="none", color=grey, markerfacecolor="white",
                              markeredgewidth=1.5, label=label("hollow: partially verified", "空心:部分核实")))
    if statuses & {"preliminary", "expectation"}:
        handles.append(Line2D([], [], color=grey, linestyle=":", linewidth=1.0,
                              label=label("dotted: break / to expectation", "虚线:断点/至预计值")))
    return handles


def status_legend(target, obs, loc="upper left", extra=(), ncol: int = 1):
    """Add one legend to ``target`` (axes or a figure): the ``extra`` handles (the lines of a chart) first,
    then the status and confidence entries of :func:`status_handles`. Returns the legend."""
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    if not isinstance(target, (Axes, Figure)):
        raise CqlabInputError(_say(f"target must be matplotlib axes or a figure; got {describe(target)}.",
                                   f"target 必须是 matplotlib 坐标轴或图形;收到的是 {describe(target)}。"))
    legend = target.legend(handles=list(extra) + status_handles(obs), loc=loc, fontsize=7, handlelength=1.6,
                           ncol=ncol, frameon=False if ncol > 1 else True)
    return legend


class TargetGapWidget(ChartWidget):
    """Pick an indicator and its target; see the growth needed against the growth achieved."""

    figsize = (7.5, 4.6)

    def __init__(self, comparison: str = "rd_industry"):
        arg_choice(comparison, "comparison", list(COMPARISONS))
        options = [(label(c.title[0], c.title[1]), key) for key, c in COMPARISONS.items()]
        horizon = plan_year()
        controls = {
            "comparison": widgets.Dropdown(options=options, value=comparison, description=label("Compare", "比较"),
                                           layout=widgets.Layout(width="100%", max_width="720px")),
            "baseline": widgets.ToggleButtons(
                options=[(label("outturns only", "仅实际值"), "outturns"), (label("include expectations", "含预计值"), "expectations")],
                value="outturns", description=label("Baseline", "基数"), style={"button_width": "auto"}),
            "method": widgets.ToggleButtons(
                options=[(label("partial year ×12/months", "部分年×12/月数"), "proportional"), (label("partial year as is", "部分年原值"), "as_is")],
                value="proportional", description=label("Part-year", "部分年"), style={"button_width": "auto"}),
            "custom_target": widgets.FloatText(value=0.0, description=label("Your target", "自设目标"), disabled=True),
            "custom_year": widgets.IntSlider(value=horizon, min=horizon - 3, max=horizon + 8,
                                             description=label("Target year", "目标年份"), disabled=True),
        }
        for control in controls.values():
            control.style.description_width = "120px"
        self._last_key = None
        self._muted = False
        super().__init__(controls, main="comparison")

    def _on_change(self, change=None) -> None:
        if not self._muted:  # ignore the change compute() itself makes to the target box
            self.refresh()

    def compute(self, comparison, baseline, method, custom_target, custom_year):
        expect_choice(comparison, "comparison", list(COMPARISONS))
        custom = COMPARISONS[comparison].target is None
        self.controls["custom_target"].disabled = not custom
        self.controls["custom_year"].disabled = not custom
        expectations = baseline == "expectations"
        if not custom:
            self._last_key = comparison
            return compare(comparison, expectations, method)
        if comparison != self._last_key:  # a new series: start from the illustrative default target
            default = compare(comparison, expectations, method, None, custom_year)["check"].target
            self._muted = True
            try:
                self.controls["custom_target"].value = round(default, 1)
            finally:
                self._muted = False
            custom_target = self.controls["custom_target"].value
        self._last_key = comparison
        return compare(comparison, expectations, method, custom_target, custom_year)

    def draw(self, figure, axes, result):
        check, obs, comparison = result["check"], result["obs"], result["comparison"]
        scale, unit = unit_label(check.unit)
        draw_observations(axes, obs, PALETTE[0], label("observed", "观测值"), scale)
        years = list(range(check.baseline_year, check.target_year + 1))
        axes.plot(years, check.required_path() * scale, color=PALETTE[3], linestyle="--",
                  label=label(f"needed: {check.required:.1%} a year", f"所需:年均{check.required:.1%}"))
        achieved = check.achieved_path()
        if achieved is not None:
            axes.plot(years, achieved * scale, color=PALETTE[2], linestyle="-.",
                      label=label(f"achieved {check.achieved_from}-: {check.achieved:.1%} a year",
                                  f"已实现{check.achieved_from}-:年均{check.achieved:.1%}"))
        if check.months < 12:
            axes.plot([check.baseline_year], [check.baseline * scale], marker="o", color=PALETTE[1],
                      linestyle="none", label=label("annualised baseline", "年化基数"))
        axes.plot([check.target_year], [check.target * scale], marker="*", markersize=14, color=PALETTE[3],
                  linestyle="none", label=label(f"target ({check.target_year})", f"目标({check.target_year}年)"))
        lines, _ = axes.get_legend_handles_labels()
        status_legend(axes, obs, loc="upper left", extra=lines)
        flag = "" if check.scope_matches else label("  [scopes differ]", "  [口径不同]")
        flag += "" if check.measure_matches else label("  [measures differ]", "  [指标不同]")
        axes.set_title(label(*comparison.title) + flag, fontsize=10)
        axes.set_xlabel(label("Year", "年份"))
        axes.set_ylabel(unit)
        highest = max([obs["value"].max(), check.target, check.baseline, check.required_path().max()]
                      + ([] if achieved is None else [achieved.max()]))
        axes.set_ylim(0, highest * scale * 1.12)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        source_note(figure, label("datasets/macro.csv and cluster_indicators.csv (see sources there)",
                                  "datasets/macro.csv 与 cluster_indicators.csv(来源见表内)"))

    def describe(self, result) -> str:
        check = result["check"]
        if check.achieved is not None:
            achieved = label(f"achieved {check.achieved:.1%} a year since {check.achieved_from}",
                             f"{check.achieved_from} 年以来实际每年 {check.achieved:.1%}")
        elif check.stated_growth is not None:
            achieved = label(f"no compound rate; the source states {check.stated_growth:+.1%} on a year earlier "
                             "(one period, not a trend)",
                             f"无年均复合增速;来源给出同比 {check.stated_growth:+.1%}(一个时期,不是趋势)")
        else:
            achieved = label("no achieved rate (too few full-year points)", "无实际增速（全年数据点太少）")
        notes = "".join(f"<li>{w}</li>" for w in check.warnings)
        baseline, target = _amount(check.baseline), _amount(check.target)
        status = label(*STATUS_STYLE[check.baseline_status][1])
        return label(
            f"Baseline {check.baseline_year}: {baseline} {check.unit} ({status}); "
            f"target {target} {check.unit} by {check.target_year}. Needed <b>{check.required:.1%} "
            f"a year</b>; {achieved}.",
            f"基期 {check.baseline_year} 年：{baseline} {check.unit}（{status}）；"
            f"目标 {check.target_year} 年 {target} {check.unit}。所需<b>每年 {check.required:.1%}</b>；{achieved}。",
        ) + f"<ul style='margin:2px 0'>{notes}</ul>"


def _amount(value: float) -> str:
    """A whole number without decimals (55,000 firms, not 55,000.00); others to two decimals."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
