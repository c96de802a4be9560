"""Lesson 06 widget: which route wins at a value of time, where the winner switches, and the mode shares
when shippers' values of time are spread around that value (lognormal, illustrative)."""

from __future__ import annotations

from dataclasses import replace

import ipywidgets as widgets
import numpy as np

from cqlab.charts import PALETTE, source_note
from cqlab.errors import CqlabInputError, _say, describe
from cqlab.i18n import get_language, label
from cqlab.models import routes as model
from cqlab.widgets.base import ChartWidget, arg_in_range

VOT_MAX = 3_000  # yuan per container-day: the slider's and the chart's range (illustrative)
SIGMA_MAX = 2.0  # the spread of log values of time across shippers (illustrative)
#: Short names for the controls (the chart legend uses the full names).
SHORT = {"river_sea": ("River-sea", "水海联运"), "rail_sea": ("Rail-sea", "铁海联运"), "road": ("Road", "公路")}


class RouteChoiceWidget(ChartWidget):
    """Median value of time and its spread -> generalised cost of each route, the median shipper's winner,
    the switch points and the mode shares (share of shippers for whom each route is cheapest)."""

    def __init__(self, routes=None, value_of_time: float = 400.0, sigma: float = 0.8):
        """``routes``: None (the lesson's) or a dict of Route by key; ``value_of_time``: whole yuan per
        container-day, 0-3000; ``sigma``: 0.1-2. Anything else is refused with cqlab's message."""
        # the slider counts whole yuan: 400.7 is refused rather than cut to 400 without a word
        arg_in_range(value_of_time, "value of time (yuan/container-day)", 0, VOT_MAX, integer=True)
        arg_in_range(sigma, "spread sigma of the log value of time", 0.1, SIGMA_MAX)
        if routes is not None and not isinstance(routes, dict):
            raise CqlabInputError(_say(
                f"routes must be a dict of Route by key, e.g. default_routes(); got {describe(routes)}.",
                f"routes 必须是按键排列的 Route 字典,例如 default_routes();收到的是 {describe(routes)}。"))
        if routes is not None:
            model._routes(routes)
        self.base_routes = routes if routes is not None else model.default_routes()
        style = {"description_width": "300px"}
        wide = widgets.Layout(width="640px")
        controls = {
            "value_of_time": widgets.IntSlider(
                value=int(value_of_time), min=0, max=VOT_MAX, step=10, continuous_update=False,
                description=label("Median value of time (yuan/container-day)", "时间价值中位数(元/箱·天)"),
                style=style, layout=wide,
            ),
            "sigma": widgets.FloatSlider(
                value=float(sigma), min=0.1, max=SIGMA_MAX, step=0.1, continuous_update=False, style=style,
                layout=wide, description=label("Spread across shippers, σ (simulated)", "货主间离散度σ(模拟)"),
            ),
        }
        # The illustrative parameters are the student's to set; the sourced ones are fixed.
        for key, r in self.base_routes.items():
            short = SHORT.get(key, (r.name_en, r.name_zh))
            if r.cost_source == "illustrative":
                controls[f"cost_{key}"] = widgets.IntSlider(
                    value=int(r.cost), min=0, max=40_000, step=500, continuous_update=False, style=style,
                    layout=wide, description=label(f"{short[0]} cost, yuan (illustrative)",
                                                   f"{short[1]}运费,元(示例)"),
                )
            if r.days_source == "illustrative":
                controls[f"days_{key}"] = widgets.IntSlider(
                    value=int(r.days), min=1, max=40, continuous_update=False, style=style, layout=wide,
                    description=label(f"{short[0]} days (illustrative)", f"{short[1]}天数(示例)"),
                )
        super().__init__(controls, main="value_of_time")

    def routes(self, **values) -> dict:
        """The routes with the student's illustrative costs and days applied."""
        out = {}
        for key, r in self.base_routes.items():
            out[key] = replace(r, cost=float(values.get(f"cost_{key}", r.cost)),
                               days=float(values.get(f"days_{key}", r.days)))
        return out

    def compute(self, value_of_time, sigma, **values):
        network = self.routes(**values)
        choice = model.choose_route(network, value_of_time)
        # a median of 0 has no lognormal: every shipper then takes the cheapest route in money
        shares = (model.mode_shares(network, value_of_time, sigma) if value_of_time > 0
                  else {r.key: float(r.key == choice.winner.key) for r in choice.routes})
        return choice, shares

    def draw(self, figure, axes, result):
        choice, shares = result
        zh = get_language() == "zh"
        grid = np.linspace(0, VOT_MAX, 61)
        for n, r in enumerate(choice.routes):
            costs = r.cost + grid * r.days
            tag = label(" (days illustrative)", "(天数为示例)") if r.days_source == "illustrative" else ""
            axes.plot(grid, costs / 1_000, color=PALETTE[n], lw=2,
                      label=f"{r.name_zh if zh else r.name_en}: {r.days:g} {label('days', '天')}{tag}")
        for s in choice.switches:
            if s.value_of_time <= VOT_MAX:
                y = model.generalised_cost(s.after, s.value_of_time) / 1_000
                axes.plot([s.value_of_time], [y], "o", color=PALETTE[7], ms=6)
                axes.annotate(f"{s.value_of_time:,.0f}", (s.value_of_time, y), textcoords="offset points",
                              xytext=(4, -12), fontsize=8)
        axes.axvline(choice.value_of_time, color=PALETTE[7], ls=":", lw=1.2)
        winner = choice.winner.name_zh if zh else choice.winner.name_en
        axes.set_xlim(0, VOT_MAX)
        axes.set_ylim(bottom=0)
        axes.set_xlabel(label("value of time, yuan per container-day", "时间价值(元/箱·天)"))
        axes.set_ylabel(label("generalised cost\n(thousand yuan per container)", "广义成本(千元/箱)"))
        share_text = ", ".join(f"{SHORT.get(r.key, (r.name_en, r.name_zh))[1 if zh else 0]} {shares[r.key]:.0%}"
                               for r in choice.routes)
        axes.set_title(label(
            f"Median shipper ({choice.value_of_time:,.0f} yuan/day): {winner}\n"
            f"mode shares, σ = {self.values['sigma']:.1f} (simulated shippers, illustrative costs): {share_text}",
            f"中位货主({choice.value_of_time:,.0f}元/天)最省:{winner}\n"
            f"各线路份额,σ = {self.values['sigma']:.1f}(模拟货主,运费为示例):{share_text}",
        ), fontsize=9)
        # below the axes: the value-of-time line can never run through it
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=1)
        source_note(figure, label(
            "costs and road days illustrative; river-sea and rail-sea days from datasets/corridor_trade.csv (interpreted)",
            "运费与公路天数为示例;水海联运与铁海联运天数来自 datasets/corridor_trade.csv(本课程的解读)",
        ))

    def describe(self, result) -> str:
        choice, shares = result
        switches = "; ".join(
            f"{s.before.name_en} → {s.after.name_en} at {s.value_of_time:,.0f} yuan/container-day"
            for s in choice.switches
        ) or "none"
        return (
            f"Winner: <b>{choice.winner.name_en}</b> (generalised cost "
            f"{choice.costs[choice.winner.key]:,.0f} yuan per container). Switches: {switches}. Mode shares "
            f"(simulated lognormal shippers): " + ", ".join(f"{r.name_en} {shares[r.key]:.1%}" for r in choice.routes)
            + "."
        )
