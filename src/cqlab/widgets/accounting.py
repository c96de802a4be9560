"""Lesson 03's widget: growth accounting for China (PWT 10.01), period and labour share of your choice."""

from __future__ import annotations

import ipywidgets as widgets

from cqlab import data
from cqlab.charts import PALETTE, _expect_axes, _expect_figure, source_note
from cqlab.errors import CqlabInputError, _say, expect_table, expect_text
from cqlab.i18n import label
from cqlab.models import accounting
from cqlab.widgets.base import ChartWidget, arg_in_range, expect_result

#: Colours and bilingual names of the parts of output growth, in stacking order.
PARTS = {
    "capital": (PALETTE[0], ("Capital α·Δln K", "资本 α·Δln K")),
    "labour": (PALETTE[1], ("Labour (1-α)·Δln L", "劳动 (1-α)·Δln L")),
    "human_capital": (PALETTE[2], ("Human capital (1-α)·Δln h", "人力资本 (1-α)·Δln h")),
    "tfp": (PALETTE[4], ("TFP (residual)", "全要素生产率(残差)")),
}
FROM_DATA, SET_BY_STUDENT = "data", "set"
CITATION = "Penn World Table 10.01 (Feenstra, Inklaar & Timmer 2015), datasets/pwt_china.csv"


def draw_sources(axes, result) -> None:
    """Draw one result as a stacked bar of the contributions; the black diamond marks output growth.

    Positive parts stack up from zero and negative parts down, so each bar's length is its contribution.
    """
    _expect_axes(axes)
    expect_result(result, "result", accounting.GrowthAccounting, example="accounting.account(pwt, 1980, 2019)")
    up = down = 0.0
    for name, (colour, (en, zh)) in PARTS.items():
        value = 100 * getattr(result, name)
        bottom = up if value >= 0 else down
        axes.bar(0, value, bottom=bottom, width=0.6, color=colour, label=label(en, zh))
        if value >= 0:
            up += value
        else:
            down += value
    axes.scatter([0], [100 * result.output], marker="D", color="black", zorder=4,
                 label=label("Output growth Δln Y", "产出增长 Δln Y"))
    axes.axhline(0, color="#333333", linewidth=0.8)
    axes.set_xticks([])
    axes.set_xlim(-0.8, 0.8)
    axes.set_ylabel(label("percentage points a year (100·Δln)", "百分点/年(100·Δln)"))
    axes.set_title(label("Sources of growth", "增长来源"), fontsize=10)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.02), fontsize=7, ncol=1, frameon=False)


def draw_tfp_index(axes, index, result) -> None:
    """Draw our cumulative TFP index and PWT's rtfpna (both 1 in the start year) over the result's period."""
    _expect_axes(axes)
    expect_table(index, "index", ["year", "ours", "pwt"], "accounting.tfp_index(pwt, 1980, 2019)")
    expect_result(result, "result", accounting.GrowthAccounting, example="accounting.account(pwt, 1980, 2019)")
    axes.plot(index["year"], index["ours"], color=PALETTE[4], linewidth=2,
              label=label(f"ours: TFP growth {100 * result.tfp:.2f} a year", f"本课:TFP年均增长{100 * result.tfp:.2f}"))
    if index["pwt"].notna().any():
        axes.plot(index["year"], index["pwt"], color=PALETTE[7], linewidth=1.5, linestyle="--",
                  label=label(f"PWT rtfpna: {100 * result.pwt_tfp:.2f} a year", f"PWT rtfpna:年均{100 * result.pwt_tfp:.2f}"))
    else:
        axes.text(0.5, 0.05, label("PWT's TFP is not available for this start year", "该起始年无PWT的TFP数据"),
                  transform=axes.transAxes, ha="center", fontsize=8, color="#555555")
    axes.axhline(1, color="#999999", linewidth=0.8)
    axes.set_ylabel(label(f"TFP index, {result.start} = 1", f"TFP指数,{result.start}年 = 1"))
    axes.set_title(label("Cumulative TFP", "累计TFP"), fontsize=10)
    axes.legend(loc="best", fontsize=7)


def draw_accounting(figure, axes, result, index, citation: str = "") -> None:
    """Draw one result on two panels: the sources of growth (left) and the cumulative TFP index (right)."""
    _expect_figure(figure)
    _expect_axes(axes, count=2)
    expect_text(citation, "citation")
    left, right = axes
    draw_sources(left, result)
    draw_tfp_index(right, index, result)
    measure = label("persons", "就业人数") if result.labour_measure == "persons" else label("hours", "工作小时")
    share = label("from data", "数据均值") if result.share_from_data else label("set by you", "自行设定")
    figure.suptitle(label(
        f"China {result.start}-{result.end}: labour = {measure}; labour share 1-α = {result.labour_share:.3f} ({share})",
        f"中国{result.start}-{result.end}年:劳动投入 = {measure};劳动份额 1-α = {result.labour_share:.3f}({share})",
    ), fontsize=10)
    source_note(figure, citation or CITATION)


class GrowthAccountingWidget(ChartWidget):
    """Choose a period, labour as persons or hours, and the labour share; see where growth came from."""

    figsize = (8.0, 4.8)
    ncols = 2

    def __init__(self, start: int | None = None, end: int | None = None):
        self.table = data.load("pwt_china")
        self.citation = CITATION
        first, last = accounting.year_range(self.table)
        default_start = accounting.first_year_with(self.table, "rtfpna")  # so PWT's TFP sits beside ours
        if start is not None:
            arg_in_range(start, "start year", first, last - 1, integer=True)
        if end is not None:
            arg_in_range(end, "end year", first + 1, last, integer=True)
        chosen_start = default_start if start is None else int(start)
        chosen_end = last if end is None else int(end)
        if chosen_start >= chosen_end:
            raise CqlabInputError(_say(
                f"The end year must come after the start year ({chosen_start}); got {chosen_end}.",
                f"结束年必须晚于起始年({chosen_start});收到的是 {chosen_end}。"))
        controls = {
            "start": widgets.IntSlider(value=chosen_start, min=first, max=last - 1,
                                       description=label("Start", "起始年")),
            "end": widgets.IntSlider(value=chosen_end, min=first + 1, max=last, description=label("End", "结束年")),
            "labour": widgets.ToggleButtons(
                options=[(label("persons", "就业人数"), "persons"), (label("hours", "工作小时"), "hours")],
                value="persons", description=label("Labour", "劳动"),
            ),
            "share_source": widgets.ToggleButtons(
                options=[(label("from data", "数据均值"), FROM_DATA), (label("set below", "自行设定"), SET_BY_STUDENT)],
                value=FROM_DATA, description="1-α",
            ),
            "labour_share": widgets.FloatSlider(
                value=round(accounting.average_labour_share(self.table, first, last), 2),
                min=0.2, max=0.9, step=0.01, description=label("Labour share", "劳动份额"), disabled=True,
            ),
        }
        for control in controls.values():
            control.style.description_width = "110px"
        super().__init__(controls, main="start")

    def compute(self, start, end, labour, share_source, labour_share):
        self.controls["labour_share"].disabled = share_source == FROM_DATA
        share = None if share_source == FROM_DATA else labour_share
        result = accounting.account(self.table, start, end, labour, share)
        self.index = accounting.tfp_index(self.table, start, end, labour, share)  # the right-hand panel
        return result

    def draw(self, figure, axes, result):
        draw_accounting(figure, axes, result, self.index, self.citation)

    def describe(self, result) -> str:
        r = result
        if r.pwt_tfp is not None:
            pwt = label(f"PWT's own TFP (rtfpna): {100 * r.pwt_tfp:.2f}", f"PWT自身的TFP(rtfpna):{100 * r.pwt_tfp:.2f}")
        else:
            pwt = label("PWT's TFP (rtfpna) is not available for this start year", "该起始年无PWT的TFP(rtfpna)数据")
        return label(
            f"{r.start}-{r.end}: GDP grew {100 * r.output:.2f} log points a year = "
            f"capital {100 * r.capital:.2f} + labour {100 * r.labour:.2f} + human capital "
            f"{100 * r.human_capital:.2f} + <b>TFP {100 * r.tfp:.2f}</b> "
            f"(labour share {r.labour_share:.3f}). With yearly shares TFP is "
            f"{100 * r.tornqvist_tfp:.2f}; {pwt}. Output is PWT's rgdpna, not the official series.",
            f"{r.start}-{r.end}年:GDP年均增长{100 * r.output:.2f}个对数百分点 = "
            f"资本{100 * r.capital:.2f} + 劳动{100 * r.labour:.2f} + 人力资本{100 * r.human_capital:.2f}"
            f" + <b>TFP {100 * r.tfp:.2f}</b>(劳动份额{r.labour_share:.3f})。逐年份额下TFP为"
            f"{100 * r.tornqvist_tfp:.2f};{pwt}。产出为PWT的rgdpna,不是官方序列。",
        )
