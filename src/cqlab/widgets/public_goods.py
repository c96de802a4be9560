"""Lesson 07 widget: co-managing village upkeep as a public-goods game, with a reward per unit."""

from __future__ import annotations

import ipywidgets as widgets

from cqlab.charts import PALETTE, _expect_axes, _expect_figure, source_note
from cqlab.i18n import label
from cqlab.models import public_goods
from cqlab.widgets.base import ChartWidget, arg_in_range, expect_result


def draw_payoffs(figure, axes, outcome: public_goods.PublicGoodsOutcome) -> None:
    """Draw the two payoff curves of one setting, with the equilibrium and the optimum marked."""
    _expect_figure(figure)
    _expect_axes(axes)
    expect_result(outcome, "outcome", public_goods.PublicGoodsOutcome, example="analyse(10, 3.0, 0.0, 10.0)")
    curves = public_goods.payoff_curves(
        outcome.group_size, outcome.multiplier, outcome.reward, outcome.endowment
    )
    others = outcome.equilibrium
    axes.plot(
        curves["contribution"], curves["own"], color=PALETTE[0], linewidth=2,
        label=label(
            f"Your payoff as you give c (others give {others:g}; reward included)",
            f"你的收益:你出 c(其他人出 {others:g};含奖励)",
        ),
    )
    axes.plot(
        curves["contribution"], curves["group_per_villager"], color=PALETTE[1], linewidth=2,
        linestyle="--",
        label=label(
            "Group payoff per villager if everyone gives c (reward is a transfer, left out)",
            "人人都出 c 时的人均集体收益(奖励是转移支付,不计)",
        ),
    )
    e, n = outcome.endowment, outcome.group_size
    axes.plot(
        [outcome.equilibrium], [outcome.group_payoff_equilibrium / n], marker="o", markersize=10,
        color=PALETTE[3], linestyle="none", label=label("Equilibrium (on the group line)", "纳什均衡(集体收益线上)"),
    )
    axes.plot(
        [outcome.optimum], [outcome.group_payoff_optimum / n], marker="*", markersize=15,
        color=PALETTE[2], linestyle="none", label=label("Social optimum (on the group line)", "社会最优(集体收益线上)"),
    )
    axes.set_xlim(-0.03 * e, 1.03 * e)
    low = min(curves["own"].min(), curves["group_per_villager"].min())
    high = max(curves["own"].max(), curves["group_per_villager"].max())
    span = max(high - low, 1e-9)
    axes.set_ylim(low - 0.05 * span, high + 0.55 * span)  # headroom for the legend above the lines
    axes.set_xlabel(label(
        f"Contribution to upkeep c (0 to the endowment {e:g}; illustrative units)",
        f"管护投入 c(0 至禀赋 {e:g};示意单位)",
    ))
    axes.set_ylabel(label("Payoff per villager (illustrative units)", "每人收益(示意单位)"))
    axes.set_title(label(
        f"Co-management game (illustrative): N = {n}, r = {outcome.multiplier:g}, reward s = {outcome.reward:g}",
        f"共管博弈(示意):N = {n},r = {outcome.multiplier:g},奖励 s = {outcome.reward:g}",
    ))
    axes.legend(loc="upper left", fontsize=8)
    source_note(figure, label(
        "illustrative model, no data: payoff = e - c + r·Σc/N + s·c; parameters are the student's",
        "示意模型,无数据:收益 = e - c + r·Σc/N + s·c;参数由学生设定",
    ))


class PublicGoodsWidget(ChartWidget):
    """Group size N, return multiplier r and reward s -> payoffs, equilibrium and optimum."""

    figsize = (7.5, 4.6)

    def __init__(self, group_size: int = 10, multiplier: float = 3.0, reward: float = 0.0, endowment: float = 10.0):
        group_size = public_goods._group_size(group_size)
        arg_in_range(group_size, "The group size", 2, 40, integer=True)
        arg_in_range(multiplier, "The return multiplier r", 0.5, 12.0)
        arg_in_range(reward, "The reward per unit s", 0.0, 1.5)
        self.endowment = public_goods._endowment(endowment)
        style = {"description_width": "150px"}
        wide = widgets.Layout(width="520px")
        controls = {
            "group_size": widgets.IntSlider(
                value=group_size, min=0, max=40, step=1, style=style, layout=wide,
                description=label("Group size N", "小组人数 N"),
            ),
            "multiplier": widgets.FloatSlider(
                value=multiplier, min=0.5, max=12.0, step=0.1, style=style, layout=wide,
                description=label("Return multiplier r", "回报倍数 r"),
            ),
            "reward": widgets.FloatSlider(
                value=reward, min=0.0, max=1.5, step=0.05, style=style, layout=wide,
                description=label("Reward per unit s", "每单位奖励 s"),
            ),
        }
        super().__init__(controls, main="reward")

    def compute(self, group_size, multiplier, reward):
        return public_goods.analyse(group_size, multiplier, reward, self.endowment)

    def draw(self, figure, axes, result):
        draw_payoffs(figure, axes, result)

    def describe(self, result) -> str:
        r = result
        if r.gap_closed and r.equilibrium > 0 and r.multiplier / r.group_size < 1:
            status = label("the reward closes the gap", "奖励弥合了差距")
        elif r.gap_closed:
            status = label("no gap: the equilibrium is the optimum", "无差距:均衡即最优")
        elif r.equilibrium > r.optimum:
            status = label(
                f"gap {r.gap:g}: upkeep is worth less than it costs (r < 1), yet the reward makes people give",
                f"集体损失 {r.gap:g}:管护得不偿失(r < 1),奖励却促使人们投入",
            )
        else:
            status = label(f"gap {r.gap:g} for the group", f"集体损失 {r.gap:g}")
        private_return = r.multiplier / r.group_size + r.reward
        return label(
            f"At reward s = {r.reward:.2f}, each unit a villager gives returns r/N + s = "
            f"<b>{private_return:.2f}</b> to the giver (giving pays when this reaches 1). "
            f"Equilibrium: each gives <b>{r.equilibrium:g}</b>; optimum: each gives <b>{r.optimum:g}</b> "
            f"of {r.endowment:g} ({status}). Group payoff {r.group_payoff_equilibrium:g} vs "
            f"{r.group_payoff_optimum:g}. Reward that flips the equilibrium: s* = 1 - r/N = "
            f"<b>{r.required_reward:.2f}</b>; the funder pays {r.reward_bill:g} at this setting.",
            f"奖励 s = {r.reward:.2f} 时,每投入一单位,投入者自己得到 r/N + s = <b>{private_return:.2f}</b>"
            f"(达到 1 才值得投入)。均衡:每人出 <b>{r.equilibrium:g}</b>;最优:每人出 <b>{r.optimum:g}</b>(禀赋 {r.endowment:g};{status})。"
            f"集体收益 {r.group_payoff_equilibrium:g} 对 {r.group_payoff_optimum:g}。使均衡翻转的奖励:"
            f"s* = 1 - r/N = <b>{r.required_reward:.2f}</b>;此设定下出资方支付 {r.reward_bill:g}。",
        )
