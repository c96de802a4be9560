"""Lesson 08: the Nash bargaining widget, and drawings of a closed loop of services and a network."""

from __future__ import annotations

import ipywidgets as widgets

from cqlab.charts import PALETTE, source_note
from cqlab.i18n import label
from cqlab.models import bargaining
from cqlab.widgets.base import ChartWidget


def draw_split(figure, axes, outcome: bargaining.BargainingOutcome) -> None:
    """Draw the surplus as one bar cut into outside options and shares of the gains."""
    o = outcome
    parts = [
        (o.worker_outside, PALETTE[5], label("Workers' outside option d_w", "职工方谈判破裂收益 d_w"), None),
        (o.worker_gain, PALETTE[0], label("Workers' share of the gains β·G", "职工分得的合作收益 β·G"), None),
        (o.firm_gain, PALETTE[1], label("Firm's share of the gains (1-β)·G", "企业分得的合作收益 (1-β)·G"), None),
        (o.firm_outside, "#F5C26B", label("Firm's outside option d_f", "企业方谈判破裂收益 d_f"), "//"),
    ]
    left = 0.0
    for width, colour, text, hatch in parts:
        axes.barh([0], [width], left=left, color=colour, hatch=hatch, edgecolor="white", height=0.5, label=text)
        if width >= 0.06 * o.surplus:
            axes.text(left + width / 2, 0, f"{width:.3g}", ha="center", va="center", fontsize=9, color="black")
        left += width
    axes.axvline(o.worker, color=PALETTE[3], linewidth=2.5)
    axes.annotate(
        label(f"Workers get {o.worker:.3g} ({o.worker_share:.0%} of S)", f"职工方得 {o.worker:.3g}(占 S 的 {o.worker_share:.0%})"),
        xy=(o.worker, 0.27), xytext=(o.worker, 0.5), ha="center", fontsize=9, color=PALETTE[3],
        arrowprops={"arrowstyle": "->", "color": PALETTE[3]},
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
    """Bargaining power β and the two outside options -> the wage and the split of the surplus."""

    figsize = (7.5, 3.8)

    def __init__(self, surplus: float = 100.0, beta: float = 0.5, worker_outside: float = 20.0, firm_outside: float = 20.0):
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
                description=label("Workers' outside option d_w", "职工方破裂收益 d_w"),
            ),
            "firm_outside": widgets.FloatSlider(
                value=firm_outside, min=0.0, max=surplus, step=1.0, style=style, layout=wide,
                description=label("Firm's outside option d_f", "企业方破裂收益 d_f"),
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
            f"Workers get <b>{o.worker:.3g}</b> = outside option {o.worker_outside:.3g} + β × gains "
            f"{o.gains:.3g}; the firm keeps <b>{o.firm:.3g}</b> (illustrative units of a surplus of {o.surplus:g}).",
            f"职工方得 <b>{o.worker:.3g}</b> = 破裂收益 {o.worker_outside:.3g} + β × 合作收益 {o.gains:.3g};"
            f"企业方得 <b>{o.firm:.3g}</b>(示意单位,合作剩余 {o.surplus:g})。",
        )


# --- static drawings for the mediation network ---------------------------------------------------
def draw_service_cycle(figure, axes, steps) -> None:
    """Draw a closed loop of service steps, given as (English, Chinese) pairs, clockwise from the top."""
    steps = list(steps)
    x, y = bargaining.cycle_positions(len(steps))
    n = len(steps)
    for i in range(n):
        j = (i + 1) % n
        axes.annotate(
            "", xy=(x[j] * 0.97 + x[i] * 0.03, y[j] * 0.97 + y[i] * 0.03),
            xytext=(x[i] * 0.97 + x[j] * 0.03, y[i] * 0.97 + y[j] * 0.03),
            arrowprops={"arrowstyle": "-|>", "color": "#777777", "linewidth": 1.5,
                        "connectionstyle": "arc3,rad=-0.25", "shrinkA": 22, "shrinkB": 22},
        )
    for i, (english, chinese) in enumerate(steps):
        axes.text(
            x[i], y[i], label(f"{i + 1}. {english}", f"{i + 1}. {chinese}"), ha="center", va="center",
            fontsize=10, bbox={"boxstyle": "round,pad=0.4", "facecolor": PALETTE[5], "alpha": 0.35, "edgecolor": PALETTE[0]},
        )
    axes.text(0, 0, label("closed loop\n(闭环)", "闭环式\n法律服务"), ha="center", va="center", fontsize=10, color="#555555")
    axes.set_xlim(-1.45, 1.45)
    axes.set_ylim(-1.3, 1.3)
    axes.set_aspect("equal")
    axes.axis("off")


def draw_network(figure, axes, levels, names) -> list[bargaining.Level]:
    """Draw a network by levels: ``levels`` as (name, count), ``names`` as (English, Chinese) per level.

    Node-to-node lines are drawn only where a node's parent is unambiguous (the level above has
    one node); elsewhere a shaded band joins the two levels and says the assignment is not stated.
    """
    laid = bargaining.tree_levels(levels)
    colours = [PALETTE[3], PALETTE[4], PALETTE[0], PALETTE[2]]
    for index, level in enumerate(laid):
        if index > 0:
            above = laid[index - 1]
            if level.parent_known:
                for x in level.x:
                    axes.plot([above.x[0], x], [above.y, level.y], color="#999999", linewidth=1, zorder=1)
            else:
                axes.fill_between(
                    [0, 1], [level.y + 0.08] * 2, [above.y - 0.08] * 2, color="#bbbbbb", alpha=0.25, zorder=0,
                    linewidth=0,
                )
                axes.text(
                    0.5, (level.y + above.y) / 2,
                    label("how these attach to the level above is not stated in the source",
                          "原文未说明与上一层的对应关系"),
                    ha="center", va="center", fontsize=8, color="#555555", style="italic",
                )
        size = 140 if level.count <= 4 else 18
        axes.scatter(level.x, [level.y] * len(level.x), s=size, color=colours[index % len(colours)], zorder=2)
        english, chinese = names[index]
        axes.text(
            1.04, level.y, label(f"{level.count} × {english}", f"{level.count} 个{chinese}"),
            ha="left", va="center", fontsize=9,
        )
    axes.set_xlim(-0.05, 1.75)
    axes.set_ylim(-0.5, len(laid) - 0.5)
    axes.axis("off")
    return laid
