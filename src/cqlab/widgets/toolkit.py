"""Widgets for lesson 02: monitoring cadence (the main one), 亩均 ranking, and the enterprise ladder.

Each is a thin view over :mod:`cqlab.models.toolkit`: the controls' values go to a model function,
and its result is drawn. Every chart of simulated data says so; the ladder's is a calculation from
illustrative probabilities, not a simulation.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import pandas as pd

from cqlab.charts import PALETTE, _expect_axes, source_note
from cqlab.errors import CqlabInputError, _say, describe, expect_choice
from cqlab.i18n import get_language, label
from cqlab.models import toolkit
from cqlab.widgets.base import ChartWidget, arg_choice, arg_in_range, expect_result

_CADENCE_KEYS = ("series", "table", "cadence", "shock_days", "shock_seen", "shock_size", "shock_detected",
                 "lag_days", "false_alarms", "quiet_periods")

_STYLE = {"description_width": "200px"}
_WIDE = widgets.Layout(width="480px")


def _slider(kind, value, minimum, maximum, step, description, **extra):
    return kind(
        value=value, min=minimum, max=maximum, step=step, description=description,
        style=_STYLE, layout=_WIDE, continuous_update=False, **extra,
    )


def cadence_name(cadence: str) -> str:
    """The cadence in the current language, e.g. 'ten-day (xun)' or '旬'; ``cadence`` is a key of
    toolkit.CADENCES ('week', 'xun', 'month', 'quarter')."""
    expect_choice(cadence, "cadence", list(toolkit.CADENCES))
    en, zh = toolkit.CADENCES[cadence]
    return label(en, zh)


# ------------------------------------------------------------------------------------------------
# 1. Monitoring cadence (the lesson's main widget)
# ------------------------------------------------------------------------------------------------


class CadenceWidget(ChartWidget):
    """Choose a reporting cadence and the noise; see a short shock and a lasting change through it.

    The series is simulated (fixed seed). Shock and step dates are fixed; their sizes are the
    student's to set (illustrative).
    """

    figsize = (7.5, 4.2)
    SHOCK_START = toolkit.CADENCE_SETTINGS["shock_start"]
    STEP_START = toolkit.CADENCE_SETTINGS["step_start"]
    LEVEL = toolkit.CADENCE_SETTINGS["level"]
    SEED = toolkit.CADENCE_SETTINGS["seed"]
    YEAR = toolkit.CADENCE_SETTINGS["year"]

    #: The default settings (illustrative), shared by the widget, the summary table and static charts.
    DEFAULTS = toolkit.CADENCE_DEFAULTS

    def __init__(self, cadence: str = "week", noise: float = DEFAULTS["noise"],
                 shock_size: float = DEFAULTS["shock_size"], shock_days: int = DEFAULTS["shock_days"],
                 step_size: float = DEFAULTS["step_size"]):
        arg_choice(cadence, "cadence", list(toolkit.CADENCES))
        arg_in_range(noise, "noise (standard deviation)", 0.5, 12.0)
        arg_in_range(shock_size, "shock size", -30.0, 30.0)
        arg_in_range(shock_days, "shock length in days", 1, 30, integer=True)
        arg_in_range(step_size, "step size", -10.0, 10.0)
        options = [(cadence_name(key), key) for key in toolkit.CADENCES]
        controls = {
            "cadence": widgets.SelectionSlider(
                options=options, value=cadence, description=label("Cadence", "频率"),
                style=_STYLE, layout=_WIDE, continuous_update=False,
            ),
            "noise": _slider(widgets.FloatSlider, noise, 0.5, 12.0, 0.5,
                             label("Daily noise (s.d., illustrative)", "日度噪声(标准差,示意)")),
            "shock_size": _slider(widgets.FloatSlider, shock_size, -30.0, 30.0, 1.0,
                                  label("Shock size (illustrative)", "冲击幅度(示意)")),
            "shock_days": _slider(widgets.IntSlider, shock_days, 1, 30, 1,
                                  label("Shock length, days", "冲击持续天数")),
            "step_size": _slider(widgets.FloatSlider, step_size, -10.0, 10.0, 0.5,
                                 label("Lasting change (illustrative)", "持续变化(示意)")),
        }
        super().__init__(controls, main="cadence")

    def compute(self, cadence, noise, shock_size, shock_days, step_size):
        return toolkit.cadence_result(cadence, noise, shock_size, shock_days, step_size)

    def draw(self, figure, axes, result):
        draw_cadence(axes, result)
        source_note(figure, label(
            f"simulated data (seed {self.SEED}); shock and change sizes illustrative; flag rule: 2 standard errors",
            f"模拟数据(种子 {self.SEED});冲击与变化幅度为示意;标记规则:偏离超过2个标准误",
        ))

    def describe(self, result) -> str:
        return describe_cadence(result)


#: One run of the lesson's simulation and the table of all four cadences live in the model (tested there).
cadence_result = toolkit.cadence_result
cadence_summary = toolkit.cadence_summary


def draw_cadence(ax, result, legend: bool = True) -> None:
    """Draw a simulated daily series, its period means at one cadence, the shock and the change.

    ``result`` is toolkit.cadence_result(...) (a CadenceWidget's ``result``); ``legend`` True or False.
    """
    _expect_axes(ax, "ax")
    expect_result(result, "result", keys=_CADENCE_KEYS, example="toolkit.cadence_result('week')")
    arg_choice(legend, "legend", [True, False])
    series, table = result["series"], result["table"]
    year = series.index[0].year
    ax.plot(series.index, series.to_numpy(), color="#BBBBBB", linewidth=0.7,
            label=label("daily (simulated)", "日度(模拟)"))
    ends = table["end"] + pd.Timedelta(days=1)
    normal = ~table["flag"]
    ax.hlines(table.loc[normal, "mean"], table.loc[normal, "start"], ends[normal], color=PALETTE[0],
              linewidth=2.2, label=label(f"{cadence_name(result['cadence'])} mean", f"{cadence_name(result['cadence'])}均值"))
    ax.hlines(table.loc[~normal, "mean"], table.loc[~normal, "start"], ends[~normal], color=PALETTE[3],
              linewidth=2.2, label=label("flagged period", "被标记的时段"))
    shock_from = pd.Timestamp(f"{year}-{CadenceWidget.SHOCK_START}")
    ax.axvspan(shock_from, shock_from + pd.Timedelta(days=result["shock_days"]), color=PALETTE[1], alpha=0.25,
               label=label("short shock", "短期冲击"))
    ax.axvline(pd.Timestamp(f"{year}-{CadenceWidget.STEP_START}"), color=PALETTE[2], linestyle="--",
               label=label("lasting change begins", "持续变化开始"))
    ax.set_title(label(f"What a {cadence_name(result['cadence'])} report sees (simulated data)",
                       f"{cadence_name(result['cadence'])}报告能看到什么(模拟数据)"))
    ax.set_ylabel(label("index (illustrative units)", "指数(示意单位)"))
    if legend:
        ax.legend(loc="lower left", fontsize=7, ncol=3)
    ax.xaxis.set_major_formatter(_month_formatter())


def _month_formatter():
    from matplotlib.dates import DateFormatter

    return DateFormatter("%m月" if get_language() == "zh" else "%b")


def describe_cadence(result) -> str:
    """One line: how big the shock looks at this cadence, and how late the lasting change is flagged."""
    expect_result(result, "result", keys=_CADENCE_KEYS, example="toolkit.cadence_result('week')")
    name = cadence_name(result["cadence"])
    seen, size = result["shock_seen"], result["shock_size"]
    share = f"{seen / size:.0%}" if size else "-"
    detected = label("flagged", "被标记") if result["shock_detected"] else label("not flagged", "未被标记")
    if result["lag_days"] is None:
        lag = label("the lasting change is never flagged", "持续变化始终未被标记")
    else:
        lag = label(f"the lasting change is flagged {result['lag_days']} days after it begins",
                    f"持续变化在开始后 {result['lag_days']} 天被标记")
    alarms, quiet = result["false_alarms"], result["quiet_periods"]
    return label(
        f"<b>{name}</b>: the {result['shock_days']}-day shock of {size:g} shows as {seen:.1f} "
        f"({share} of its size, {detected}); {lag}; false alarms: {alarms} of {quiet} quiet periods "
        "before the change are flagged by noise alone. (Simulated data.)",
        f"<b>{name}</b>:{result['shock_days']} 天、幅度 {size:g} 的冲击显示为 {seen:.1f}"
        f"(为原幅度的 {share},{detected});{lag};误报:变化前 {quiet} 个平静时段中有 {alarms} 个"
        "仅因噪声被标记。(模拟数据)",
    )


#: Displayed headers of toolkit.cadence_summary's table, by course language (the keys stay English, so code
#: that reads the table works in both languages).
SUMMARY_LABELS = {
    "cadence": ("cadence", "频率"),
    "periods in the year": ("periods in the year", "全年时段数"),
    "shock as seen": ("shock as seen", "冲击显示幅度"),
    "shock flagged": ("shock flagged", "冲击被标记"),
    "change flagged on": ("change flagged on", "变化被标记日期"),
    "lag, days": ("lag, days", "滞后天数"),
    "quiet periods": ("quiet periods", "平静时段数"),
    "false alarms": ("false alarms", "误报数"),
}


# ------------------------------------------------------------------------------------------------
# 2. 亩均论英雄: who is called inefficient?
# ------------------------------------------------------------------------------------------------

CLASS_COLOURS = {"A": PALETTE[2], "B": PALETTE[0], "C": PALETTE[1], "D": PALETTE[3]}


class MuRankingWidget(ChartWidget):
    """Rank simulated firms by output and/or tax per mu and sort them into A/B/C/D by cut-offs."""

    figsize = (7.5, 4.6)

    def __init__(self, firms: pd.DataFrame | None = None, tax_weight: float = 1.0,
                 cutoffs=(10, 40, 70)):
        if firms is not None:
            toolkit.per_mu(firms)
        arg_in_range(tax_weight, "weight on tax per mu", 0.0, 1.0)
        d, c, b = toolkit._cutoffs(cutoffs)
        for name, value in zip(("D", "C", "B"), (d, c, b)):  # the sliders hold whole percentiles: 0.1 is not 0
            arg_in_range(value, f"cutoff for {name} (a percentile, 0-100)", 0, 100, integer=True)
        self.firms = toolkit.simulate_firms() if firms is None else firms
        controls = {
            "tax_weight": _slider(widgets.FloatSlider, tax_weight, 0.0, 1.0, 0.1,
                                  label("Weight on tax per mu", "亩均税收权重"),
                                  readout_format=".1f"),
            "d_below": _slider(widgets.IntSlider, d, 0, 100, 5, label("D: below percentile", "D类:低于百分位")),
            "c_below": _slider(widgets.IntSlider, c, 0, 100, 5, label("C: below percentile", "C类:低于百分位")),
            "b_below": _slider(widgets.IntSlider, b, 0, 100, 5, label("B: below percentile", "B类:低于百分位")),
        }
        super().__init__(controls, main="tax_weight")

    def compute(self, tax_weight, d_below, c_below, b_below):
        cutoffs = (d_below, c_below, b_below)
        table = toolkit.classify(self.firms, tax_weight, cutoffs)
        base = toolkit.classify(self.firms, 0.0, cutoffs).set_index("firm")["class"]
        table["class_by_output"] = table["firm"].map(base)
        return {"table": table, "tax_weight": tax_weight,
                "changed": toolkit.count_changed(self.firms, tax_weight, cutoffs)}

    def draw(self, figure, axes, result):
        draw_mu(axes, result)
        source_note(figure, label(
            "simulated firms (seed 7); class cut-offs illustrative, not any city's rules",
            "模拟企业(种子 7);分类阈值为示意,并非任何城市的规定",
        ))

    def describe(self, result) -> str:
        table = result["table"]
        d = int((table["class"] == "D").sum())
        return label(
            f"Weight on tax per mu {result['tax_weight']:.1f}: <b>{d}</b> of {len(table)} firms are class D; "
            f"<b>{result['changed']}</b> firms are in a different class than when ranked by output per mu alone. "
            "(Simulated firms.)",
            f"亩均税收权重 {result['tax_weight']:.1f}:{len(table)} 家企业中 <b>{d}</b> 家为D类;"
            f"与只按亩均产出排名相比,<b>{result['changed']}</b> 家企业的类别发生变化。(模拟企业)",
        )


def draw_mu(ax, result) -> None:
    """Each firm at its percentile rank by output per mu (x) and by tax per mu (y), coloured by class.

    With weight 0 the classes are vertical bands, with weight 1 horizontal ones, in between
    diagonal: the picture shows which firms a change of indicator moves. Firms that changed
    class compared with the output-per-mu ranking are ringed. ``result`` is a MuRankingWidget's ``result``.
    """
    _expect_axes(ax, "ax")
    expect_result(result, "result", keys=("table", "tax_weight"), example="MuRankingWidget().result")
    table = result["table"]
    x = 100 * table["output_per_mu"].rank(pct=True)
    y = 100 * table["tax_per_mu"].rank(pct=True)
    for cls in toolkit.CLASSES:
        part = table["class"] == cls
        en, zh = toolkit.CLASS_MEANING[cls]
        ax.scatter(x[part], y[part], s=28, color=CLASS_COLOURS[cls],
                   label=f"{cls}: {label(en, zh)} ({int(part.sum())})", zorder=3)
    moved = table["class"] != table["class_by_output"]
    ax.scatter(x[moved], y[moved], s=80, facecolors="none", edgecolors="black", linewidths=0.8,
               label=label(f"changed class ({int(moved.sum())})", f"类别改变({int(moved.sum())})"), zorder=4)
    ax.set_xlim(0, 101)
    ax.set_ylim(0, 101)
    ax.set_xlabel(label("percentile rank by output per mu", "按亩均产出的百分位排名"))
    ax.set_ylabel(label("percentile rank by tax per mu", "按亩均税收的百分位排名"))
    ax.set_title(label(f"Simulated firms by 亩均 class, weight on tax per mu {result['tax_weight']:.1f}",
                       f"模拟企业的亩均分类,亩均税收权重 {result['tax_weight']:.1f}"))
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=7)


# ------------------------------------------------------------------------------------------------
# 3. The enterprise ladder
# ------------------------------------------------------------------------------------------------


def ladder_names(ladder: str) -> list[str]:
    """The rung names of a ladder (a key of toolkit.LADDERS) in the current language."""
    expect_choice(ladder, "ladder", list(toolkit.LADDERS))
    return [label(en, zh) for en, zh in toolkit.LADDERS[ladder]]


class LadderWidget(ChartWidget):
    """Set yearly up/down probabilities per rung; see the cohort's spread and the expected climb."""

    figsize = (9.0, 4.2)
    nrows, ncols = 1, 2

    def __init__(self, ladder: str = "scale", up=(0.3, 0.2, 0.1), down=(0.05, 0.05), years: int = 15):
        arg_choice(ladder, "ladder", list(toolkit.LADDERS))
        for name, values, count in (("up", up, 3), ("down", down, 2)):
            if isinstance(values, (str, bytes)) or not hasattr(values, "__len__") or len(values) != count:
                raise CqlabInputError(_say(f"{name} must list {count} probabilities (0-1); got {describe(values)}.",
                                           f"{name} 必须列出 {count} 个概率(0-1);收到的是 {describe(values)}。"))
        toolkit.ladder_matrix(list(up), [0.0, *down])
        arg_in_range(years, "number of years", 1, 40, integer=True)
        controls = {
            "ladder": widgets.Dropdown(
                options=[(" → ".join(ladder_names(key)), key) for key in toolkit.LADDERS], value=ladder,
                description=label("Ladder", "梯度"), style=_STYLE, layout=_WIDE),
        }
        for i in range(3):
            controls[f"up{i + 1}"] = _slider(widgets.FloatSlider, up[i], 0.0, 1.0, 0.01,
                                             label(f"Up from rung {i + 1} (a year)", f"第{i + 1}级上升概率(每年)"))
        for i in range(2):
            controls[f"down{i + 2}"] = _slider(widgets.FloatSlider, down[i], 0.0, 1.0, 0.01,
                                               label(f"Down from rung {i + 2} (a year)", f"第{i + 2}级下降概率(每年)"))
        controls["years"] = _slider(widgets.IntSlider, years, 1, 40, 1, label("Years shown", "显示年数"))
        super().__init__(controls, main="up1")

    def compute(self, ladder, up1, up2, up3, down2, down3, years):
        matrix = toolkit.ladder_matrix([up1, up2, up3], [0.0, down2, down3])
        return {
            "ladder": ladder,
            "matrix": matrix,
            "years_to_reach": toolkit.expected_years_to_reach(matrix, start=0),
            "shares": toolkit.distribution_over_time(matrix, years, start=0),
        }

    def draw(self, figure, axes, result):
        draw_ladder(axes, result)
        source_note(figure, label(
            "transition probabilities illustrative; no exit state (every firm survives); shares from pi_0 P^t, "
            "expected years from N = (I - Q)^-1 (Kemeny & Snell 1976)",
            "转移概率为示意;不含退出状态(所有企业存续);占比由 pi_0 P^t 计算,期望年数由 N = (I - Q)^-1 计算"
            "(Kemeny & Snell 1976)",
        ))

    def describe(self, result) -> str:
        names = ladder_names(result["ladder"])
        years = result["years_to_reach"]
        shown = [f"{name} {value:.1f}" if np.isfinite(value) else f"{name} ∞" for name, value in
                 zip(names[1:], years[1:])]
        return label(
            f"Expected years from {names[0]} to reach: " + "; ".join(shown) + " (illustrative probabilities).",
            f"从{names[0]}出发到达各级的期望年数:" + ";".join(shown) + "(示意概率)",
        )


def draw_ladder(axes, result) -> None:
    """Left: expected share of a cohort on each rung by year (pi_0 P^t, no simulation). Right: expected
    years to reach each rung. ``axes``: two axes side by side; ``result``: a LadderWidget's ``result``."""
    _expect_axes(axes, count=2)
    expect_result(result, "result", keys=("ladder", "shares", "years_to_reach"), example="LadderWidget().result")
    from matplotlib.ticker import MaxNLocator

    left, right = axes
    names = ladder_names(result["ladder"])
    shares = result["shares"]
    years = np.arange(len(shares))
    left.stackplot(years, 100 * shares.T, labels=names, colors=PALETTE[: len(names)], alpha=0.85)
    left.set_xlim(0, years[-1])
    left.xaxis.set_major_locator(MaxNLocator(integer=True))
    left.set_ylim(0, 100)
    left.set_xlabel(label("year", "年"))
    left.set_ylabel(label("share of the cohort (%)", "队列占比(%)"))
    left.set_title(label("Expected share of a cohort on each rung", "一个队列在各级的预期占比"), fontsize=10)
    # below the panel: inside it, any corner would cover part of a stacked area
    left.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize=7, frameon=False)
    reach = result["years_to_reach"][1:]
    finite = np.where(np.isfinite(reach), reach, 0.0)
    bars = right.barh(names[1:], finite, color=PALETTE[1 : len(names)])
    for bar, value in zip(bars, reach):
        text = f"{value:.1f}" if np.isfinite(value) else label("never for sure", "不一定能到达")
        right.annotate(text, (bar.get_width(), bar.get_y() + bar.get_height() / 2), xytext=(3, 0),
                       textcoords="offset points", va="center", fontsize=8)
    right.invert_yaxis()
    right.set_xlabel(label("expected years from the bottom rung", "从最低一级出发的期望年数"))
    right.set_title(label("Expected years to reach (illustrative model)", "到达各级的期望年数(示意模型)"), fontsize=10)
    right.margins(x=0.2)
