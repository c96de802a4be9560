"""Lesson 08: the Nash bargaining widget, and the dot chart of the profile's activity counts."""

from __future__ import annotations

import ipywidgets as widgets

from cqlab.charts import PALETTE, _expect_axes, _expect_figure, source_note
from cqlab.errors import expect_number, expect_table
from cqlab.i18n import label
from cqlab.models import bargaining
from cqlab.widgets.base import ChartWidget, expect_result


def draw_split(figure, axes, outcome: bargaining.BargainingOutcome) -> None:
    """Draw the surplus as one bar cut into the disagreement payoffs and the shares of the gains."""
    _expect_figure(figure)
    _expect_axes(axes)
    expect_result(outcome, "outcome", bargaining.BargainingOutcome, example="nash_bargaining(100, 0.5, 20, 20)")
    o = outcome
    parts = [
        (o.worker_outside, PALETTE[5], label("Workers' disagreement payoff d_w", "职工方谈判破裂期间收益 d_w"), None),
        (o.worker_gain, PALETTE[0], label("Workers' share of the gains β·G", "职工分得的合作收益 β·G"), None),
        (o.firm_gain, PALETTE[1], label("Firm's share of the gains (1-β)·G", "企业分得的合作收益 (1-β)·G"), None),
        (o.firm_outside, "#F5C26B", label("Firm's disagreement payoff d_f", "企业方谈判破裂期间收益 d_f"), "//"),
    ]
    left = 0.0
    for width, colour, text, hatch in parts:
        axes.barh([0], [width], left=left, color=colour, hatch=hatch, edgecolor="white", height=0.5, label=text)
        if width >= 0.06 * o.surplus:
            axes.text(left + width / 2, 0, f"{width:.3g}", ha="center", va="center", fontsize=9, color="black")
        left += width
    axes.plot([o.worker, o.worker], [-0.33, 0.33], color=PALETTE[3], linewidth=2.5)
    axes.annotate(
        label(f"Workers get {o.worker:.3g} ({o.worker_share:.0%} of S)", f"职工方得 {o.worker:.3g}(占 S 的 {o.worker_share:.0%})"),
        xy=(o.worker, 0.34), xytext=(min(max(o.worker, 0.18 * o.surplus), 0.82 * o.surplus), 0.55),
        ha="center", fontsize=9, color=PALETTE[3], arrowprops={"arrowstyle": "->", "color": PALETTE[3]},
    )
    axes.set_xlim(0, o.surplus)
    axes.set_ylim(-0.9, 0.75)
    axes.set_yticks([])
    axes.grid(False, axis="y")
    axes.set_xlabel(label(
        f"Surplus S = {o.surplus:g} to share (illustrative units); gains from agreeing G = S - d_w - d_f = {o.gains:.3g}",
        f"待分配的合作剩余 S = {o.surplus:g}(示意单位);合作收益 G = S - d_w - d_f = {o.gains:.3g}",
    ))
    axes.set_title(label(
        f"Nash bargaining (illustrative): workers' power β = {o.beta:.2f}",
        f"纳什议价(示意):职工方议价能力 β = {o.beta:.2f}",
    ))
    axes.legend(loc="lower center", ncol=2, fontsize=8, bbox_to_anchor=(0.5, -0.02))
    source_note(figure, label(
        "illustrative model, no data: workers get d_w + β(S - d_w - d_f) (Nash 1950; Kalai 1977)",
        "示意模型,无数据:职工方得 d_w + β(S - d_w - d_f)(Nash 1950;Kalai 1977)",
    ))


class BargainingWidget(ChartWidget):
    """Bargaining power β and the two disagreement payoffs (the threat point) -> the wage and the split of the surplus."""

    figsize = (7.5, 3.8)

    def __init__(self, surplus: float = 100.0, beta: float = 0.5, worker_outside: float = 20.0, firm_outside: float = 20.0):
        surplus, beta, worker_outside, firm_outside = bargaining._check(surplus, beta, worker_outside, firm_outside)
        self.surplus = surplus
        style = {"description_width": "230px"}
        wide = widgets.Layout(width="600px")
        controls = {
            "beta": widgets.FloatSlider(
                value=beta, min=0.0, max=1.0, step=0.05, style=style, layout=wide,
                description=label("Workers' bargaining power β", "职工方议价能力 β"),
            ),
            "worker_outside": widgets.FloatSlider(
                value=worker_outside, min=0.0, max=surplus, step=1.0, style=style, layout=wide,
                description=label("Workers' disagreement payoff d_w", "职工方破裂点收益 d_w"),
            ),
            "firm_outside": widgets.FloatSlider(
                value=firm_outside, min=0.0, max=surplus, step=1.0, style=style, layout=wide,
                description=label("Firm's disagreement payoff d_f", "企业方破裂点收益 d_f"),
            ),
        }
        super().__init__(controls, main="beta")

    def compute(self, beta, worker_outside, firm_outside):
        return bargaining.nash_bargaining(self.surplus, beta, worker_outside, firm_outside)

    def draw(self, figure, axes, result):
        draw_split(figure, axes, result)

    def describe(self, result) -> str:
        o = result
        return label(
            f"Workers get <b>{o.worker:.3g}</b> = disagreement payoff {o.worker_outside:.3g} + β × gains "
            f"{o.gains:.3g}; the firm keeps <b>{o.firm:.3g}</b> (illustrative units of a surplus of {o.surplus:g}).",
            f"职工方得 <b>{o.worker:.3g}</b> = 破裂收益 {o.worker_outside:.3g} + β × 合作收益 {o.gains:.3g};"
            f"企业方得 <b>{o.firm:.3g}</b>(示意单位,合作剩余 {o.surplus:g})。",
        )


# --- the activity counts of the profile --------------------------------------------------------
def qualified(value: float, qualifier: str) -> str:
    """Write a count as the source qualifies it: 300 with 'more than (余)' -> '300+', exact -> '300'."""
    value = expect_number(value, "value (a count)")
    return f"{value:g}+" if str(qualifier).startswith("more than") else f"{value:g}"


def draw_counts(figure, axes, table) -> None:
    """Draw counts of activity as a dot plot on a log scale, a '+' where the source says 'more than'.

    ``table`` has columns label_en, label_zh, value, unit, qualifier and group_en, group_zh; dots are
    coloured by group, in the table's order from the top. A dot's position (not a bar's length, which
    would mean nothing on a log axis) is the count; lower bounds get an open arrow pointing right.
    """
    _expect_axes(axes)
    expect_table(table, "table", ["label_en", "label_zh", "value", "unit", "qualifier", "group_en", "group_zh"])
    shown = table.iloc[::-1].reset_index(drop=True)
    zh = label("en", "zh") == "zh"
    groups = list(dict.fromkeys(table["group_en"]))
    colours = {g: PALETTE[i % len(PALETTE)] for i, g in enumerate(groups)}
    names = [f"{(z if zh else e)} ({u})" for e, z, u in zip(shown["label_en"], shown["label_zh"], shown["unit"])]
    rows = list(range(len(shown)))
    axes.scatter(shown["value"], rows, s=45, color=[colours[g] for g in shown["group_en"]], zorder=3)
    axes.set_yticks(rows, names)
    axes.set_ylim(-0.6, len(shown) - 0.4)
    for y, (v, q) in enumerate(zip(shown["value"], shown["qualifier"])):
        lower_bound = str(q).startswith("more than")
        axes.annotate(qualified(v, q), (v * (1.8 if lower_bound else 1.0), y), xytext=(6, 0),
                      textcoords="offset points", va="center", fontsize=8)
        if lower_bound:  # an open arrow from the dot's edge: the true count lies further right
            axes.annotate("", xy=(v * 1.8, y), xytext=(v, y),
                          arrowprops={"arrowstyle": "->", "color": "#333333", "linewidth": 1, "shrinkA": 5,
                                      "shrinkB": 0})
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], marker="o", linestyle="none", color=colours[g],
                      label=table.loc[table["group_en"] == g, "group_zh"].iloc[0] if zh else g) for g in groups]
    axes.set_xscale("log")
    axes.set_xlim(1, shown["value"].max() * 8)
    axes.tick_params(axis="y", labelsize=8)
    axes.set_xlabel(label("count, log scale (unit in brackets after each name)\n+ and arrow: more than (余), a lower bound",
                          "数量,对数刻度(单位见名称后括号)\n+ 和箭头:余(多于),为下限"))
    axes.legend(handles=handles, loc="lower right", fontsize=8)
