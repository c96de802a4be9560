"""Show a table the way a reader should see it: gaps as gaps, counts as whole numbers, a caption.

``pandas`` shows a missing value as ``NaN`` and a float column of counts as ``55000.0``; a ``Styler``
fixes both but saves an object address (``<Styler at 0x7f...>``) with the output, so every run of a lesson
changes the file. :func:`show` writes plain HTML (no jinja2, nothing volatile) and a text copy for readers
without HTML. The data keep their English column keys; only what is displayed may be relabelled.
"""

from __future__ import annotations

import html
import math

from cqlab.errors import CqlabInputError, _say, describe
from cqlab.i18n import get_language

#: what a gap looks like in a displayed table
GAP = "—"


def _table(frame, name: str = "frame"):
    """A DataFrame to show (a Series is shown as a table of one column), or cqlab's message."""
    import pandas as pd

    if isinstance(frame, pd.Series):
        return frame.to_frame()
    if not isinstance(frame, pd.DataFrame):
        raise CqlabInputError(_say(f"{name} must be a table (a pandas DataFrame); got {describe(frame)}.",
                                   f"{name} 必须是表格(pandas DataFrame);收到的是 {describe(frame)}。"))
    return frame


def _is_format(spec) -> bool:
    return isinstance(spec, str) and "{" in spec and "}" in spec


def _check_options(frame, caption, formats, index, labels):
    """Check what show/to_html/to_text were given, at the door; return the table to show."""
    import difflib

    import numpy as np

    frame = _table(frame)
    if caption is not None and not isinstance(caption, str):
        raise CqlabInputError(_say(f"caption must be text (or None); got {describe(caption)}.",
                                   f"caption 必须是文本(或 None);收到的是 {describe(caption)}。"))
    if not isinstance(index, (bool, np.bool_)):
        raise CqlabInputError(_say(f"index must be True or False; got {describe(index)}.",
                                   f"index 必须是 True 或 False;收到的是 {describe(index)}。"))
    example = "'{:,.1f}' or {'value': '{:.0%}'}"
    if isinstance(formats, dict):
        for column, spec in formats.items():
            if column not in frame.columns:
                close = difflib.get_close_matches(str(column), [str(c) for c in frame.columns], n=1)
                hint = _say(f" Did you mean '{close[0]}'?", f"您是不是想写 '{close[0]}'?") if close else ""
                columns = ", ".join(map(str, frame.columns))
                raise CqlabInputError(_say(f"formats names the column {column!r}, which the table lacks.{hint} "
                                           f"Columns: {columns or 'none (the table has no columns)'}.",
                                           f"formats 中的列 {column!r} 不在表格中。{hint}列:{columns or '无(表格没有列)'}。"))
            if not _is_format(spec):
                raise CqlabInputError(_say(f"formats[{column!r}] must be a format such as '{{:,.1f}}'; got {describe(spec)}.",
                                           f"formats[{column!r}] 必须是格式文本,例如 '{{:,.1f}}';收到的是 {describe(spec)}。"))
    elif formats is not None and not _is_format(formats):
        raise CqlabInputError(_say(f"formats must be a format such as {example}, or None; got {describe(formats)}.",
                                   f"formats 必须是格式文本,例如 {example},或 None;收到的是 {describe(formats)}。"))
    if labels is not None:
        if not isinstance(labels, dict):
            raise CqlabInputError(_say(
                f"labels must map columns to headers, e.g. {{'value': ('value', '数值')}}; got {describe(labels)}.",
                f"labels 必须把列映射到标题,例如 {{'value': ('value', '数值')}};收到的是 {describe(labels)}。"))
        for column, text in labels.items():
            pair = isinstance(text, tuple) and len(text) == 2 and all(isinstance(t, str) for t in text)
            if not (isinstance(text, str) or pair):
                raise CqlabInputError(_say(
                    f"labels[{column!r}] must be a header (text) or an (English, Chinese) pair; got {describe(text)}.",
                    f"labels[{column!r}] 必须是标题文本或(英文, 中文)二元组;收到的是 {describe(text)}。"))
    return frame


def _formatter(spec: str | None, column=None, numbers_only: bool = False):
    import numbers

    def format_value(value) -> str:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return GAP
        try:
            import pandas as pd

            if pd.isna(value):
                return GAP
        except (TypeError, ValueError):
            pass
        if spec is None or (numbers_only and (isinstance(value, bool) or not isinstance(value, numbers.Number))):
            if isinstance(value, float) and value.is_integer():
                return f"{int(value):,}"  # a whole number stored as float is shown as one
            return str(value)
        try:
            return spec.format(value)
        except (ValueError, TypeError, IndexError, KeyError, AttributeError):
            value = value.item() if hasattr(value, "item") else value
            raise CqlabInputError(_say(
                f"formats: the format {spec!r} for column {column!r} cannot write its value {describe(value)}; "
                "give a format that fits the column (e.g. '{:,.1f}' for numbers, '{}' for text).",
                f"formats:列 {column!r} 的格式 {spec!r} 无法写出其值 {describe(value)};请给出适合该列的格式"
                "(数字如 '{:,.1f}',文本如 '{}')。")) from None

    return format_value


def _display_names(frame, labels: dict | None) -> dict:
    """Column key -> displayed header; a label may be one text or an (English, Chinese) pair."""
    from cqlab.i18n import label

    names = {}
    for column, text in (labels or {}).items():
        if column in frame.columns:
            names[column] = label(*text) if isinstance(text, tuple) else str(text)
    if get_language() == "zh":  # the course's own Chinese headers for the rest
        names.update({c: COLUMN_LABELS_ZH[c] for c in frame.columns
                      if isinstance(c, str) and c in COLUMN_LABELS_ZH and c not in names})
    return names


def _formatters(frame, formats, labels) -> dict:
    """One formatter per displayed column: a dict of formats by column, or one format for every number."""
    if isinstance(formats, dict):
        return {labels.get(c, c): _formatter(formats.get(c), c) for c in frame.columns}
    return {labels.get(c, c): _formatter(formats, c, numbers_only=True) for c in frame.columns}


def to_html(frame, *, caption: str | None = None, formats: dict | str | None = None, index: bool = True,
            labels: dict | None = None) -> str:
    """HTML for ``frame`` (a DataFrame; a Series is shown as one column).

    ``caption`` is text or None; ``formats`` maps a column of the table to a format such as ``"{:,.1f}"``, or
    is one format for every number; ``index`` is True or False; ``labels`` renames columns for display only
    (``{"shock flagged": ("shock flagged", "冲击被标记")}`` shows the header in the course language).
    Anything else raises CqlabInputError naming the parameter and the value."""
    frame = _check_options(frame, caption, formats, index, labels)
    labels = _display_names(frame, labels)
    shown = _chinese_values(frame).rename(columns=labels)
    if get_language() == "zh":
        shown = shown.rename_axis(**_axis_names(frame))
    formatters = _formatters(frame, formats, labels)
    table = shown.to_html(formatters=formatters, index=index, border=0, escape=True, na_rep=GAP)
    if caption:
        table = table.replace(">", f"><caption>{html.escape(caption)}</caption>", 1)
    return table


def to_text(frame, *, caption: str | None = None, formats: dict | str | None = None, index: bool = True,
            labels: dict | None = None) -> str:
    """Plain text for ``frame``, with the options of :func:`to_html`."""
    frame = _check_options(frame, caption, formats, index, labels)
    labels = _display_names(frame, labels)
    shown = _chinese_values(frame).rename(columns=labels)
    if get_language() == "zh":
        shown = shown.rename_axis(**_axis_names(frame))
    formatters = _formatters(frame, formats, labels)
    text = shown.to_string(formatters=formatters, index=index, na_rep=GAP)
    return f"{caption}\n{text}" if caption else text


def show(frame, *, caption: str | None = None, formats: dict | str | None = None, index: bool = True,
         labels: dict | None = None) -> None:
    """Display ``frame`` in a notebook (see :func:`to_html`)."""
    from IPython.display import display

    options = dict(caption=caption, formats=formats, index=index, labels=labels)
    display({"text/html": to_html(frame, **options), "text/plain": to_text(frame, **options)}, raw=True)


#: Chinese headers for the data's column keys, used when a table is displayed in Chinese. The keys themselves
#: never change (code reads ``frame["value"]`` in every language); PWT's variable names stay as PWT spells them.
COLUMN_LABELS_ZH = {
    "article": "文章", "cluster_cn": "集群", "cluster_en": "集群(英文)", "confidence": "可信度",
    "definition": "释义", "delta": "变化", "description": "说明", "district_cn": "区县", "district_en": "区县(英文)",
    "fact_id": "事实编号", "growth_pct": "增长率(%)", "indicator": "指标", "indicator_cn": "指标(中文)",
    "indicator_en": "指标(英文)", "item_cn": "项目", "item_en": "项目(英文)", "kind": "类型", "lesson": "课次",
    "note": "备注", "period": "时期", "period_type": "时期类型", "pinyin": "拼音", "qualifier": "限定词",
    "quote_original": "原文引语", "quote_zh": "原文引语", "revision": "修订", "rule": "规则", "scope": "范围",
    "source": "来源", "source_url": "来源网址", "speaker_or_author": "发言人或作者", "status": "状态",
    "sub_zone_2020": "分区(2020)", "term_en": "英文术语", "term_zh": "中文术语", "test_part": "标准项",
    "theme": "主题", "tier": "层级", "tier_cn": "层级(中文)", "tier_scale_yuan": "层级规模(元)", "type": "类型",
    "unit": "单位", "value": "数值", "value_qualifier": "数值限定", "version": "版本", "year": "年份",
    "yuxi_8": "渝西八区", "zone_2013": "功能区(2013)", "zone_2020": "分区(2020)",
    # headers the lessons build (their keys stay English so a student's code runs in both languages)
    "numbers stated": "文中数字个数", "column": "列", "terms": "术语数",
    "stated in the article": "文章所述", "named in our data": "数据中列出", "missing": "缺失",
    "with an output figure": "有产值数据", "yuan": "元", "billion yuan": "十亿元", "in words (zh)": "中文写法",
    "in words (en)": "英文写法", "second pass": "第二轮核查", "growth on a year earlier %": "同比增长(%)",
    "Jan-Oct 亿元": "1-10月(亿元)", "months": "月数", "annualised ×12/months 亿元": "年化 ×12/月数(亿元)",
    "tier target 亿元": "层级目标(亿元)", "share of target (annualised)": "占目标比重(年化)",
    "GDP 2022": "2022年GDP", "target year": "目标年份", "year from": "年份依据",
    "needed, annualised ×12/10": "所需增速(按×12/10年化)", "needed, ten months as is": "所需增速(十个月原值)",
    "2023 annualised 亿元": "2023年年化(亿元)", "outturn year": "实际值年份", "outturn 亿元": "实际值(亿元)",
    "required path 亿元": "所需路径(亿元)", "needed a year": "每年所需增速", "achieved a year": "每年实际增速",
    "Jan-Oct 2023 on a year earlier": "2023年1-10月同比", "on track": "是否达标",
    "focus_zh": "聚焦领域", "focus_en": "聚焦领域(英文)", "system_zh": "体系", "system_en": "体系(英文)",
    "quote": "原文", "to_xun: start of each 旬": "to_xun:每旬起始日",
    "resample('10D'): start of each bin": "resample('10D'):每段起始日", "mean of the 旬": "旬均值",
    "mean": "均值", "size": "样本数n", "threshold": "阈值", "flag": "标记", "firm": "企业", "land_mu": "用地(亩)",
    "output": "产出", "tax": "税收", "output_per_mu": "亩均产出", "tax_per_mu": "亩均税收",
    "by output per mu": "按亩均产出", "by chosen score": "按所选得分", "ours": "本课",
    "labour input": "劳动投入", "labour share": "劳动份额", "output growth": "产出增长", "capital": "资本",
    "labour": "劳动", "human_capital": "人力资本", "TFP share of growth (%)": "TFP占增长比重(%)",
    "ours, constant share": "本课,固定份额", "ours, yearly shares (Törnqvist)": "本课,逐年份额(Törnqvist)",
    "xun_start": "旬起始日", "tfp": "TFP", "comparison": "比较", "baseline": "基期值", "target": "目标",
    "needed %/yr": "每年所需(%)", "achieved %/yr": "每年实际(%)", "same scope": "口径相同",
    "same measure": "指标相同", "warnings": "提示", "document": "文件", "target_year": "目标年份", "gap": "差距",
    "years": "年数", "gap_per_year": "每年差距", "contributor gets": "出力者所得", "free rider gets": "搭便车者所得",
    "contributor minus free rider": "出力者减搭便车者", "others giving": "他人出力", "read as": "解读为",
    "as stated": "原文所述", "group_en": "组别(英文)",
}


#: Chinese for the data's categorical values, by column, used when a table is displayed in Chinese. As with the
#: headers, only the displayed copy changes: ``frame["confidence"] == "verified"`` works in every language.
VALUE_LABELS_ZH = {
    "confidence": {"verified": "已核实", "partial": "部分核实", "low": "低"},
    "status": {"verified": "已核实", "partial": "部分核实"},
    "period_type": {"full-year": "全年", "partial-year": "部分年份", "point-in-time": "时点", "target": "目标",
                    "expectation": "预计", "cumulative": "累计"},
    "value_qualifier": {"exact": "确数", "more than": "超过", "at least": "至少", "nearly": "接近",
                        "order of magnitude": "量级"},
    "qualifier": {"exact": "确数", "more than": "超过", "at least": "至少", "nearly": "接近",
                  "order of magnitude": "量级"},
    "revision": {"preliminary": "初步核算", "census-revised": "普查修订"},
    "kind": {"highland": "高地", "laboratory": "实验室", "indicator": "指标"},
    "tier": {"leading": "主导", "pillar": "支柱", "featured": "特色优势", "new_star": "新星"},
}


def _chinese_values(frame):
    """``frame`` with its categorical values in Chinese when the course language is Chinese (else itself)."""
    if get_language() != "zh":
        return frame
    values = {c: VALUE_LABELS_ZH[c] for c in frame.columns if isinstance(c, str) and c in VALUE_LABELS_ZH}
    return frame.replace(values) if values else frame


def displayed(frame):
    """``frame`` as it is displayed: headers and categorical values (confidence, period type ...) in Chinese
    when the course language is Chinese (a copy; the frame a lesson computes with keeps its English keys)."""
    frame = _table(frame)
    if get_language() != "zh":
        return frame
    shown = _chinese_values(frame)
    columns = {c: COLUMN_LABELS_ZH[c] for c in frame.columns if isinstance(c, str) and c in COLUMN_LABELS_ZH}
    shown = shown.rename(columns=columns) if columns else shown
    return shown.rename_axis(**_axis_names(frame))


def _axis_names(frame) -> dict:
    """The axis names shown in Chinese (an index named "year", a cross-table's "by output per mu")."""
    def chinese(names) -> dict:
        return {n: COLUMN_LABELS_ZH[n] for n in names if isinstance(n, str) and n in COLUMN_LABELS_ZH}

    return {"index": chinese(frame.index.names), "columns": chinese(frame.columns.names)}


def install_display_headers() -> bool:
    """Make the notebook show every DataFrame with :func:`displayed` headers and gaps shown as gaps.

    Registered once per kernel when cqlab.data is imported; returns False outside IPython.
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None:
        return False
    import pandas as pd

    def options() -> dict:
        return {"max_rows": pd.get_option("display.max_rows"), "max_cols": pd.get_option("display.max_columns"),
                "show_dimensions": pd.get_option("display.show_dimensions"), "na_rep": GAP}

    html = shell.display_formatter.formatters["text/html"]
    plain = shell.display_formatter.formatters["text/plain"]
    # gaps as gaps (—, not NaN) in every language; headers by the course language
    html.for_type(pd.DataFrame, lambda frame: displayed(frame).to_html(notebook=True, **options()))
    plain.for_type(pd.DataFrame, lambda frame, printer, cycle: printer.text(displayed(frame).to_string(**options())))
    return True
