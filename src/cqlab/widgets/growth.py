"""Lesson 01's widget: from a cluster's baseline to a target, the growth a year it takes."""

from __future__ import annotations

import ipywidgets as widgets
from matplotlib.ticker import MaxNLocator

from cqlab import data
from cqlab.charts import PALETTE, axis_unit, source_note
from cqlab.errors import expect_number
from cqlab.i18n import get_language, label
from cqlab.models import growth
from cqlab.widgets.base import ChartWidget, arg_choice, arg_in_range

CUSTOM = "custom"


def leading_cluster_baselines():
    """Return the partial-year output rows of the clusters that have one (from cluster_indicators)."""
    table = data.load("cluster_indicators")
    rows = table[(table["indicator"] == "cluster output") & (table["period_type"] == "partial-year")]
    clusters = data.load("clusters").set_index("cluster_cn")
    rows = rows.assign(
        cluster_en=rows["cluster_cn"].map(clusters["cluster_en"]),
        tier_scale_yuan=rows["cluster_cn"].map(clusters["tier_scale_yuan"]),
        months=[growth.months_covered(p) for p in rows["period"]],
    )
    return rows.sort_values("value", ascending=False).reset_index(drop=True)


# The outturns that measure the same thing as the Jan-Oct baseline: the whole cluster's output value
# (产值, "cluster output") or its scale (规模, "cluster scale"), in 亿元, for a full year. Lesson 01 makes
# the same choice in the open; other rows (vehicle counts, a wider "industry scale") measure something else.
SAME_MEASURE = ("cluster output", "cluster scale")


def later_outturns(base_year: int):
    """Return the full-year outturns in 亿元 after ``base_year`` (a year, 1900-2100) of each cluster's output or scale."""
    base_year = int(arg_in_range(base_year, "base year", 1900, 2100, integer=True))
    table = data.load("cluster_indicators")
    rows = table[table["indicator"].isin(SAME_MEASURE) & (table["period_type"] == "full-year")
                 & (table["unit"] == "亿元") & (table["year"] > base_year)]
    return rows.sort_values(["cluster_cn", "year"]).reset_index(drop=True)


class TargetPathWidget(ChartWidget):
    """Pick a cluster (or enter a baseline), a target and a target year; see the growth required.

    Values are in 亿元 (100 million yuan). A Jan-Oct figure is annualised by the method chosen,
    and the result line always says which, because the required growth depends on it.
    """

    def __init__(self, cluster: str | None = None, target_year: int | None = None):
        self.baselines = leading_cluster_baselines()
        first = self.baselines.iloc[0]
        self.base_year = int(first["year"])
        self.outturns = later_outturns(self.base_year)
        options = [
            (f"{row.cluster_cn} {row.cluster_en}", row.cluster_cn) for row in self.baselines.itertuples()
        ] + [(label("Custom baseline (enter below)", "自定义基数(在下方输入)"), CUSTOM)]
        if cluster is not None:
            arg_choice(cluster, "cluster", options)
        if target_year is not None:
            arg_in_range(target_year, "target year", self.base_year + 1, self.base_year + 12, integer=True)
        default_target = float(first["tier_scale_yuan"]) / 1e8  # the tier's scale, in 亿元
        target_years = data.load("cluster_indicators").query("period_type == 'target'")["year"]
        default_year = int(target_years.mode().iloc[0])
        controls = {
            "cluster": widgets.Dropdown(options=options, value=cluster or first["cluster_cn"], description=label("Cluster", "集群")),
            "baseline": widgets.FloatText(value=round(float(first["value"]), 1), description=label("Baseline 亿元", "基数(亿元)"),
                                          disabled=True),
            "target": widgets.FloatSlider(value=default_target, min=1000, max=20000, step=500,
                                          description=label("Target 亿元", "目标(亿元)"), readout_format=".0f"),
            "target_year": widgets.IntSlider(value=target_year or default_year, min=self.base_year + 1,
                                             max=self.base_year + 12, description=label("Target year", "目标年份")),
            "method": widgets.ToggleButtons(
                options=[(label("annualise ×12/months", "按月折算为全年"), "proportional"),
                         (label("use partial year as is", "直接用部分年数据"), "as_is")],
                value="proportional", description=label("Baseline", "基数算法"),
                style={"button_width": "auto"},  # the whole option text, never "annualise ×12/m…"
            ),
        }
        for control in controls.values():
            control.style.description_width = "110px"
        super().__init__(controls, main="target_year")

    def compute(self, cluster, baseline, target, target_year, method):
        self.controls["baseline"].disabled = cluster != CUSTOM
        outturns = self.outturns.iloc[0:0]
        if cluster == CUSTOM:
            partial = expect_number(baseline, "baseline (亿元)", minimum=0, allow_min=False)
            months, name = 12, label("custom baseline", "自定义基数")
            source = label("baseline entered by the student", "学生输入的基数")
            annual = {"proportional": partial, "as_is": partial}
        else:
            row = self.baselines[self.baselines["cluster_cn"] == cluster].iloc[0]
            partial, months = float(row["value"]), int(row["months"])
            name = row["cluster_cn"] if get_language() == "zh" else row["cluster_en"]
            source = row["source"]
            annual = {m: growth.annualise(partial, months, m) for m in ("proportional", "as_is")}
            outturns = self.outturns[self.outturns["cluster_cn"] == cluster]
        target = expect_number(target, "target (亿元)", minimum=0, allow_min=False)
        rates = {
            m: growth.required_growth_rate(annual[m], target, self.base_year, target_year) for m in annual
        }
        years, path = growth.required_path(annual[method], target, self.base_year, target_year)
        checks = [
            (int(o.year), float(o.value), o.value_qualifier, o.confidence,
             growth.check_against_path(annual[method], self.base_year, target, target_year, float(o.value), int(o.year)))
            for o in outturns.itertuples()
        ]
        return {
            "name": name, "source": source, "partial": partial, "months": months, "method": method,
            "annual": annual, "baseline": annual[method], "rates": rates, "rate": rates[method], "target": target,
            "target_year": target_year, "years": years, "path": path, "checks": checks,
        }

    def draw(self, figure, axes, result):
        scale, unit = axis_unit("亿元")
        axes.plot(result["years"], result["path"] * scale, marker="o", color=PALETTE[0],
                  label=label("required path (nominal)", "所需路径(名义)"))
        axes.axhline(result["target"] * scale, color=PALETTE[3], linestyle="--",
                     label=label("target", "目标"))
        if result["months"] < 12:
            other = "as_is" if result["method"] == "proportional" else "proportional"
            axes.scatter([self.base_year], [result["annual"][other] * scale], color=PALETTE[1], zorder=3,
                         label=label("baseline by the other method", "另一种基数算法"))
        if result["checks"]:  # outturns as points only: the years between them are gaps, not a line
            years = [c[0] for c in result["checks"]]
            values = [c[1] * scale for c in result["checks"]]
            lower = any(c[2] != "exact" for c in result["checks"])
            axes.scatter(years, values, marker="^" if lower else "s", s=70, color=PALETTE[2], zorder=4,
                         label=label("outturn (\"more than\": a lower bound)" if lower else "outturn",
                                     "实际(“超过”:下限)" if lower else "实际"))
        axes.set_title(label(
            f"{result['name']}\n{result['rate']:.1%} a year (nominal) to reach the target by {result['target_year']}",
            f"{result['name']}\n到{result['target_year']}年达到目标需年均名义增长{result['rate']:.1%}",
        ))
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_xlabel(label("Year", "年份"))
        axes.set_ylabel(unit)
        top = max([result["target"], result["path"].max()] + [c[1] for c in result["checks"]])
        axes.set_ylim(0, top * scale * 1.12)
        axes.legend(loc="lower right", fontsize=8)
        source_note(figure, f"datasets/cluster_indicators.csv; {result['source']}"[:120])

    def describe(self, result) -> str:
        scale, unit = axis_unit("亿元", "en")
        other = "as_is" if result["method"] == "proportional" else "proportional"
        months, partial = result["months"], result["partial"]
        if get_language() == "zh":
            if months < 12:
                basis = (f"由前{months}个月的{partial:,.1f}亿元按×12/{months}折算为全年"
                         if result["method"] == "proportional" else f"把{months}个月的数据直接当作全年")
            else:
                basis = "全年数据"
            return (f"{self.base_year}年基数:{result['baseline']:,.1f}亿元,{basis}。到{result['target_year']}年"
                    f"达到{result['target']:,.0f}亿元,需要<b>年均名义增长{result['rate']:.1%}</b>"
                    f"(用另一种基数算法:{result['rates'][other]:.1%})。" + self._outturn_text(result))
        if months < 12:
            basis = (
                f"annualised ×12/{months} from {partial:,.1f} 亿元 in {months} months"
                if result["method"] == "proportional"
                else f"the {months}-month figure used as if it were a full year"
            )
        else:
            basis = "a full-year figure"
        return (
            f"Baseline {self.base_year}: {result['baseline']:,.1f} 亿元 ({result['baseline'] * scale:,.1f} {unit}), "
            f"{basis}. Reaching {result['target']:,.0f} 亿元 by {result['target_year']} takes "
            f"<b>{result['rate']:.1%} a year</b> in nominal terms (with the other baseline method: "
            f"{result['rates'][other]:.1%})." + self._outturn_text(result)
        )

    @staticmethod
    def _outturn_text(result) -> str:
        """One sentence per outturn: achieved beside needed, with its caveats."""
        parts = []
        for year, value, qualifier, confidence, check in result["checks"]:
            more = qualifier != "exact"
            if get_language() == "zh":
                verdict = ("达到或超过所需路径" if check.on_track else
                           ("下限低于所需路径" if more else "低于所需路径"))
                parts.append(f" 实际:{year}年{'超过' if more else ''}{value:,.0f}亿元,所需路径为{check.on_path:,.0f}亿元"
                             f"({verdict}):年均名义增长{'至少' if more else ''}{check.achieved:.1%},"
                             f"所需{check.needed:.1%}(可信度:{confidence})。")
            else:
                verdict = ("on or above the required path" if check.on_track else
                           ("its lower bound is below the required path" if more else "below the required path"))
                parts.append(f" Outturn: {'more than ' if more else ''}{value:,.0f} 亿元 in {year} against "
                             f"{check.on_path:,.0f} on the required path ({verdict}): "
                             f"{'at least ' if more else ''}{check.achieved:.1%} a year achieved against "
                             f"{check.needed:.1%} needed, nominal (confidence: {confidence}).")
        return "".join(parts)
