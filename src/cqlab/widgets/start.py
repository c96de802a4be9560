"""Lesson 00's widget: the same chart in English or Chinese, from one switch."""

from __future__ import annotations

import textwrap

import ipywidgets as widgets
from matplotlib.ticker import MaxNLocator

from cqlab import data
from cqlab.charts import PALETTE, source_note
from cqlab.i18n import get_language, label, language_context
from cqlab.widgets.base import ChartWidget

#: The tiers of the "33618" system and the source_facts rows that state how many clusters each has.
TIER_FACTS = [
    ("rt_leading_clusters_n", "trillion-yuan leading", "万亿级主导"),
    ("rt_pillar_clusters_n", "500-billion-yuan pillar", "五千亿级支柱"),
    ("rt_featured_clusters_n", "100-billion-yuan featured", "千亿级特色优势"),
    ("rt_new_star_clusters_n", '"new star"', "“新星”"),
]


def tier_counts() -> list[tuple[str, str, int]]:
    """Return (English tier, Chinese tier, number of clusters) as the source article states them."""
    return [(en, zh, int(data.value("source_facts", fact_id=fact))) for fact, en, zh in TIER_FACTS]


class LanguageChartWidget(ChartWidget):
    """Switch the labels of one chart between English and Chinese; the numbers do not change."""

    figsize = (7.0, 3.6)

    def __init__(self):
        self.counts = tier_counts()
        controls = {
            "language": widgets.ToggleButtons(options=[("English", "en"), ("中文", "zh")], value=get_language(),
                                              description=label("Labels", "标签")),
        }
        super().__init__(controls, main="language")

    def compute(self, language):
        return {"language": language, "counts": self.counts}

    def draw(self, figure, axes, result):
        with language_context(result["language"]):
            names = [textwrap.fill(label(en, zh), 16) for en, zh, _ in result["counts"]]  # two lines, never overlapping
            values = [n for *_, n in result["counts"]]
            bars = axes.bar(names, values, color=PALETTE[: len(values)])
            axes.bar_label(bars)
            axes.yaxis.set_major_locator(MaxNLocator(integer=True))  # counts of clusters
            axes.set_ylabel(label("number of clusters", "集群数量"))
            axes.set_title(label('The "33618" system: clusters per tier', "“33618”现代制造业集群体系:各层级集群数量"))
            source_note(figure, label("Chongqing Daily, December 2023 (source_facts)", "重庆日报,2023年12月(source_facts)"))

    def describe(self, result) -> str:
        with language_context(result["language"]):
            title = label('The "33618" system: clusters per tier', "“33618”现代制造业集群体系:各层级集群数量")
        total = sum(n for *_, n in result["counts"])
        chart_language = label("Chinese", "中文") if result["language"] == "zh" else label("English", "英文")
        # the title carries its own quotation marks; the sentence adds none around it
        return label(f"Labels in {chart_language}. Title: {title}. {total} clusters in all.",
                     f"标签语言:{chart_language}。标题:{title}。共{total}个集群。")
