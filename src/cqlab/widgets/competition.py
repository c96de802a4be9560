"""Lesson 05 widgets: a merger's effect on the HHI, and China's merger-notification tests."""

from __future__ import annotations

import ipywidgets as widgets

from cqlab.charts import PALETTE, source_note
from cqlab.errors import CqlabInputError, _say, describe
from cqlab.i18n import label
from cqlab.models import competition as model
from cqlab.widgets.base import ChartWidget, arg_choice

FIRMS = ["A", "B", "C", "D", "E"]
#: Illustrative default shares (%): not data. The rest of the market (100 - total) is a fringe of
#: small firms. With D and E merging, the 2023 and 2010 US guidelines read the merger differently.
DEFAULT_SHARES = (25, 20, 15, 15, 10)
DEFAULT_PAIR = (3, 4)


class MergerHHIWidget(ChartWidget):
    """Sliders for five firms' market shares (%), a choice of two firms to merge, HHI before and after."""

    def __init__(self, shares=DEFAULT_SHARES, pair=DEFAULT_PAIR):
        shares = model._shares(shares)
        if len(shares) != len(FIRMS):
            raise CqlabInputError(_say(
                f"The widget has {len(FIRMS)} firms, so shares must list {len(FIRMS)} percentages, e.g. "
                f"{DEFAULT_SHARES}; got {len(shares)}: {shares}.",
                f"本控件有 {len(FIRMS)} 家企业,所以 shares 必须列出 {len(FIRMS)} 个百分比,例如 "
                f"{DEFAULT_SHARES};收到 {len(shares)} 个:{shares}。"))
        if isinstance(pair, (str, bytes)) or not hasattr(pair, "__len__") or len(pair) != 2:
            raise CqlabInputError(_say(
                f"pair must be two firm indices (0-{len(FIRMS) - 1}), e.g. (3, 4); got {describe(pair)}.",
                f"pair 必须是两个企业编号(0-{len(FIRMS) - 1}),例如 (3, 4);收到的是 {describe(pair)}。"))
        pair = model._pair(shares, *pair)
        options = [(label(f"Firm {f}", f"企业{f}"), k) for k, f in enumerate(FIRMS)]
        controls = {
            f"share_{f}": widgets.FloatSlider(
                value=s, min=0, max=100, step=1, readout_format=".0f",
                description=label(f"Firm {f} (%)", f"企业{f}(%)"),
                continuous_update=False, style={"description_width": "110px"},
            )
            for f, s in zip(FIRMS, shares)
        }
        controls["first"] = widgets.Dropdown(options=options, value=pair[0], description=label("Merge", "合并"))
        controls["second"] = widgets.Dropdown(options=options, value=pair[1], description=label("with", "与"))
        super().__init__(controls, main="share_A")

    def compute(self, first, second, **shares):
        values = [shares[f"share_{f}"] for f in FIRMS]
        return model.merger_effect(values, first, second)

    def draw(self, figure, axes, result):
        rows = [label("Before", "合并前"), label("After", "合并后")]
        values = [result.hhi_before, result.hhi_after]
        top = max(3_000.0, result.hhi_after * 1.15)
        axes.axvspan(model.HMG2010_MODERATE, model.HMG2010_HIGH, color=PALETTE[6], alpha=0.18, lw=0,
                     label=label("2010 HMG: moderately concentrated (1500-2500)", "2010年指南:中度集中(1500-2500)"))
        axes.axvspan(model.HMG2010_HIGH, top, color=PALETTE[3], alpha=0.10, lw=0,
                     label=label("2010 HMG: highly concentrated (>2500)", "2010年指南:高度集中(>2500)"))
        axes.axvline(model.MG2023_HIGHLY_CONCENTRATED, color=PALETTE[7], ls="--", lw=1.5,
                     label=label("2023 MG: highly concentrated (>1800)", "2023年指南:高度集中(>1800)"))
        bars = axes.barh(rows, values, color=[PALETTE[0], PALETTE[3]], height=0.6)
        for bar, v in zip(bars, values):
            # a white box keeps the value legible where it meets the dashed threshold line
            axes.text(v + top * 0.01, bar.get_y() + bar.get_height() / 2, f"{v:,.0f}", va="center", fontsize=10,
                      bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5}, zorder=5,
                      in_layout=False)  # inside the axes (the x range leaves 15 % room); margins stay put
        i, j = result.firms
        axes.set_xlim(0, top)
        axes.set_ylim(1.6, -0.6)  # inverted: "before" on top
        axes.set_xlabel(label("HHI (0-10,000; shares in %)", "HHI(0-10000,份额以%计)"))
        axes.set_title(label(
            f"Merger of firms {FIRMS[i]} and {FIRMS[j]}: ΔHHI = 2×{result.shares_before[i]:g}×"
            f"{result.shares_before[j]:g} = {result.delta:,.0f} (illustrative shares)",
            f"企业{FIRMS[i]}与{FIRMS[j]}合并:ΔHHI = 2×{result.shares_before[i]:g}×"
            f"{result.shares_before[j]:g} = {result.delta:,.0f}(示例份额)",
        ))
        # a figure legend above the axes: the layout settles in one pass (an axes-anchored legend below the
        # axes moves with them and the layout keeps chasing it)
        figure.legend(*axes.get_legend_handles_labels(), loc="outside upper center", ncol=2)
        source_note(figure, label(
            "illustrative shares; thresholds: US DOJ/FTC Merger Guidelines 2023 §2.1, Horizontal Merger Guidelines 2010 §5.3",
            "示例份额;阈值:美国司法部/联邦贸易委员会《合并指南》2023年第2.1节、《横向合并指南》2010年第5.3节",
        ))

    def describe(self, result) -> str:
        return label(
            f"HHI {result.hhi_before:,.0f} → {result.hhi_after:,.0f} (ΔHHI {result.delta:,.0f}); "
            f"merged share {result.merged_share:g}%.<br>2023 Guidelines: {result.reading_2023}.<br>"
            f"2010 Guidelines: {result.reading_2010}.",
            f"HHI {result.hhi_before:,.0f} → {result.hhi_after:,.0f}(ΔHHI {result.delta:,.0f});"
            f"合并后份额 {result.merged_share:g}%。<br>2023年《合并指南》:{result.reading_2023}。<br>"
            f"2010年《横向合并指南》:{result.reading_2010}。",
        )


#: Illustrative default turnovers (亿元): a merger that met the 2018 tests but meets neither in 2024.
DEFAULT_TURNOVERS = ((100.0, 30.0), (15.0, 6.0), (0.0, 0.0))


def _thresholds(thresholds) -> dict:
    """None (the dataset's 2018 and 2024 thresholds) or a dict {version: NotificationThresholds} for both."""
    if thresholds is None:
        return {v: model.load_thresholds(v) for v in model.NOTIFICATION_VERSIONS}
    versions = model.NOTIFICATION_VERSIONS
    ok = (isinstance(thresholds, dict) and set(thresholds) == set(versions)
          and all(isinstance(t, model.NotificationThresholds) for t in thresholds.values()))
    if not ok:
        example = "{v: load_thresholds(v) for v in ('2018', '2024')}"
        raise CqlabInputError(_say(
            f"thresholds must be None (the dataset's) or a dict of NotificationThresholds for "
            f"{', '.join(map(repr, versions))}, e.g. {example}; got {describe(thresholds)}.",
            f"thresholds 必须是 None(用数据集中的门槛)或一个字典,为 {', '.join(map(repr, versions))} 各给一个 "
            f"NotificationThresholds,例如 {example};收到的是 {describe(thresholds)}。"))
    return thresholds


class NotificationWidget(ChartWidget):
    """Enter the parties' worldwide and China turnovers (亿元); see which test is met in 2018 and 2024."""

    def __init__(self, turnovers=DEFAULT_TURNOVERS, parties: int = 2, thresholds=None):
        arg_choice(parties, "parties", [2, 3])
        turnovers = model._turnovers(turnovers)
        if len(turnovers) != 3:
            raise CqlabInputError(_say(
                f"The widget shows three parties, so turnovers must list three (worldwide, China) pairs; got {len(turnovers)}.",
                f"本控件显示三方,所以 turnovers 必须列出三组(全球, 中国境内)营业额;收到 {len(turnovers)} 组。"))
        self.thresholds = _thresholds(thresholds)
        controls = {
            "parties": widgets.ToggleButtons(options=[2, 3], value=parties,
                                             description=label("Parties", "参与方数")),
        }
        style = {"description_width": "190px"}
        for k, (world, china) in zip("abc", turnovers):
            name = k.upper()
            controls[f"world_{k}"] = widgets.FloatText(
                value=world, description=label(f"{name}: worldwide (亿元)", f"{name}:全球营业额(亿元)"), style=style)
            controls[f"china_{k}"] = widgets.FloatText(
                value=china, description=label(f"{name}: in China (亿元)", f"{name}:中国境内营业额(亿元)"), style=style)
        super().__init__(controls, main="parties")

    def compute(self, parties, **values):
        pairs = [(values[f"world_{k}"], values[f"china_{k}"]) for k in "abc"[:parties]]
        return {
            v: model.notification_required(pairs, v, thresholds=self.thresholds[v])
            for v in model.NOTIFICATION_VERSIONS
        }

    def draw(self, figure, axes, result):
        groups = [
            label("worldwide combined", "全球合计"),
            label("China combined", "境内合计"),
            label("2nd-largest China turnover", "境内第二大营业额"),
        ]
        cap = 3.0
        width = 0.38
        for n, (version, r) in enumerate(result.items()):
            t = r.thresholds
            ratios = [r.worldwide_combined / t.worldwide_combined, r.china_combined / t.china_combined,
                      r.second_largest_china / t.china_each]
            xs = [g + (n - 0.5) * width for g in range(len(groups))]
            shown = [min(x, cap) for x in ratios]
            axes.bar(xs, shown, width=width, color=PALETTE[n], label=label(f"{version} rules", f"{version}年标准"))
            for x, ratio, limit in zip(xs, ratios, (t.worldwide_combined, t.china_combined, t.china_each)):
                text, top = f"{ratio:.2f}×\n({limit:g})", min(ratio, cap)
                if 0.55 <= top < 1.0:  # a label above the bar would sit on the dashed line at 1: put it inside
                    axes.text(x, top - 0.04, text, ha="center", va="top", fontsize=7,
                              color="white" if n == 0 else PALETTE[7])
                else:
                    axes.text(x, top + 0.04, text, ha="center", va="bottom", fontsize=7)
        axes.axhline(1.0, color=PALETTE[7], lw=1.2, ls="--")
        axes.set_xticks(range(len(groups)), groups)
        axes.set_ylim(0, cap + 0.6)
        axes.set_ylabel(label("turnover ÷ threshold (bar above 1 = exceeds)", "营业额÷门槛(高于1即超过)"))
        met = {v: ", ".join(r.tests_met) or label("none", "无") for v, r in result.items()}
        axes.set_title(label(
            f"Tests met: 2018 {met['2018']}; 2024 {met['2024']} (illustrative turnovers)",
            f"满足的标准:2018年 {met['2018']};2024年 {met['2024']}(示例营业额)",
        ))
        axes.legend(loc="upper right", fontsize=8)
        source_note(figure, label(
            "thresholds (亿元, in brackets) from datasets/merger_thresholds.csv (State Council rules, 2018 and 2024)",
            "门槛(亿元,括号内)来自 datasets/merger_thresholds.csv(国务院经营者集中申报标准,2018年与2024年)",
        ))

    def describe(self, result) -> str:
        lines = []
        for version, r in result.items():
            verdict = label("notification required", "须申报") if r.required else label("no notification required", "无须申报")
            names = [label(n, {"global": "全球标准", "China": "境内标准"}[n]) for n in r.tests_met]
            tests = (label(" and ".join(names) + " test met", "满足" + "与".join(names)) if names
                     else label("neither test met", "两项标准均不满足"))
            lines.append(f"<b>{version}</b>: {verdict} ({tests}): {'; '.join(r.reasons)}.")
        return "<br>".join(lines)

