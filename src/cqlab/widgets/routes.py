"""Lesson 06 widget: which route from Chongqing to South-East Asia wins, and where the winner switches."""

from __future__ import annotations

from dataclasses import replace

import ipywidgets as widgets
import numpy as np

from cqlab.charts import PALETTE, source_note
from cqlab.errors import CqlabInputError, describe
from cqlab.i18n import get_language, label
from cqlab.models import routes as model
from cqlab.widgets.base import ChartWidget, arg_choice, arg_in_range

VOT_MAX = 3_000  # yuan per container-day: the slider's and the chart's range (illustrative)
#: Short names for the controls (the chart legend uses the full names).
SHORT = {"river_sea": ("River-sea", "水海联运"), "rail_sea": ("Rail-sea", "铁海联运"), "road": ("Road", "公路")}


class RouteChoiceWidget(ChartWidget):
    """Value of time and cargo type -> generalised cost of each route, the winner, the switch points."""

    def __init__(self, routes=None, value_of_time: float = 200.0, cargo: str = "standard"):
        arg_in_range(value_of_time, "value of time (yuan/container-day)", 0, VOT_MAX)
        arg_choice(cargo, "cargo", list(model.CARGO_FACTORS))
        if routes is not None and not isinstance(routes, dict):
            raise CqlabInputError(f"routes must be a dict of Route by key, e.g. default_routes(); got {describe(routes)}.")
        if routes is not None:
            model._routes(routes)
        self.base_routes = routes if routes is not None else model.default_routes()
        style = {"description_width": "230px"}
        wide = widgets.Layout(width="560px")
        controls = {
            "value_of_time": widgets.IntSlider(
                value=int(value_of_time), min=0, max=VOT_MAX, step=10, continuous_update=False,
                description=label("Value of time (yuan/container-day)", "时间价值(元/箱·天)"), style=style,
                layout=wide,
            ),
            "cargo": widgets.ToggleButtons(
                options=[(label(k, {"low-value": "低价值", "standard": "普通", "high-value": "高价值"}[k]), k)
                         for k in model.CARGO_FACTORS],
                value=cargo, description=label("Cargo", "货物"),
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

    def compute(self, value_of_time, cargo, **values):
        return model.choose_route(self.routes(**values), value_of_time, model.CARGO_FACTORS[cargo])

    def draw(self, figure, axes, result):
        choice = result
        zh = get_language() == "zh"
        grid = np.linspace(0, VOT_MAX, 61)
        for n, r in enumerate(choice.routes):
            costs = r.cost + grid * choice.cargo_factor * r.days
            tag = label(" (days illustrative)", "(天数为示例)") if r.days_source == "illustrative" else ""
            axes.plot(grid, costs / 1_000, color=PALETTE[n], lw=2,
                      label=f"{r.name_zh if zh else r.name_en}: {r.days:g} {label('days', '天')}{tag}")
        for s in choice.switches:
            if s.value_of_time <= VOT_MAX:
                y = model.generalised_cost(s.after, s.value_of_time, choice.cargo_factor) / 1_000
                axes.plot([s.value_of_time], [y], "o", color=PALETTE[7], ms=6)
                axes.annotate(f"{s.value_of_time:,.0f}", (s.value_of_time, y), textcoords="offset points",
                              xytext=(4, -12), fontsize=8)
        axes.axvline(choice.value_of_time, color=PALETTE[7], ls=":", lw=1.2)
        winner = choice.winner.name_zh if zh else choice.winner.name_en
        axes.set_xlim(0, VOT_MAX)
        axes.set_ylim(bottom=0)
        axes.set_xlabel(label("value of time, yuan per container-day", "时间价值(元/箱·天)"))
        axes.set_ylabel(label("generalised cost\n(thousand yuan per container)", "广义成本(千元/箱)"))
        axes.set_title(label(
            f"Cheapest at {choice.value_of_time:,.0f} yuan/day, {self.values['cargo']} cargo:\n{winner} (illustrative costs)",
            f"时间价值{choice.value_of_time:,.0f}元/天时最省:{winner}(运费为示例)",
        ), fontsize=10)
        # below the axes: the value-of-time line can never run through it
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=1)
        source_note(figure, label(
            "costs and road days illustrative; river-sea and rail-sea days from datasets/corridor_trade.csv (interpreted)",
            "运费与公路天数为示例;水海联运与铁海联运天数来自 datasets/corridor_trade.csv(本课程的解读)",
        ))

    def describe(self, result) -> str:
        choice = result
        switches = "; ".join(
            f"{s.before.name_en} → {s.after.name_en} at {s.value_of_time:,.0f} yuan/container-day"
            for s in choice.switches
        ) or "none"
        return (
            f"Winner: <b>{choice.winner.name_en}</b> (generalised cost "
            f"{choice.costs[choice.winner.key]:,.0f} yuan per container). Switches: {switches}."
        )
