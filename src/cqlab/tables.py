"""Show a table the way a reader should see it: gaps as gaps, counts as whole numbers, a caption.

``pandas`` shows a missing value as ``NaN`` and a float column of counts as ``55000.0``; a ``Styler``
fixes both but saves an object address (``<Styler at 0x7f...>``) with the output, so every run of a lesson
changes the file. :func:`show` writes plain HTML (no jinja2, nothing volatile) and a text copy for readers
without HTML. The data keep their English column keys; only what is displayed may be relabelled.
"""

from __future__ import annotations

import html
import math

#: what a gap looks like in a displayed table
GAP = "—"


def _formatter(spec: str | None):
    def format_value(value) -> str:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return GAP
        try:
            import pandas as pd

            if pd.isna(value):
                return GAP
        except (TypeError, ValueError):
            pass
        if spec is None:
            if isinstance(value, float) and value.is_integer():
                return f"{int(value):,}"  # a whole number stored as float is shown as one
            return str(value)
        return spec.format(value)

    return format_value


def _display_names(frame, labels: dict | None) -> dict:
    """Column key -> displayed header; a label may be one text or an (English, Chinese) pair."""
    from cqlab.i18n import label

    names = {}
    for column, text in (labels or {}).items():
        if column in frame.columns:
            names[column] = label(*text) if isinstance(text, tuple) else str(text)
    return names


def to_html(frame, *, caption: str | None = None, formats: dict | str | None = None, index: bool = True,
            labels: dict | None = None) -> str:
    """HTML for ``frame``: ``formats`` maps a column to a format such as ``"{:,.1f}"`` (or one for all);
    ``labels`` renames columns for display only (``{"shock flagged": ("shock flagged", "冲击被标记")}``
    shows the header in the course language)."""
    labels = _display_names(frame, labels)
    shown = frame.rename(columns=labels)
    specs = formats if isinstance(formats, dict) else {column: formats for column in frame.columns}
    formatters = {labels.get(column, column): _formatter(specs.get(column)) for column in frame.columns}
    table = shown.to_html(formatters=formatters, index=index, border=0, escape=True, na_rep=GAP)
    if caption:
        table = table.replace(">", f"><caption>{html.escape(caption)}</caption>", 1)
    return table


def to_text(frame, *, caption: str | None = None, formats: dict | str | None = None, index: bool = True,
            labels: dict | None = None) -> str:
    labels = _display_names(frame, labels)
    shown = frame.rename(columns=labels)
    specs = formats if isinstance(formats, dict) else {column: formats for column in frame.columns}
    formatters = {labels.get(column, column): _formatter(specs.get(column)) for column in frame.columns}
    text = shown.to_string(formatters=formatters, index=index, na_rep=GAP)
    return f"{caption}\n{text}" if caption else text


def show(frame, *, caption: str | None = None, formats: dict | str | None = None, index: bool = True,
         labels: dict | None = None) -> None:
    """Display ``frame`` in a notebook (see :func:`to_html`)."""
    from IPython.display import display

    options = dict(caption=caption, formats=formats, index=index, labels=labels)
    display({"text/html": to_html(frame, **options), "text/plain": to_text(frame, **options)}, raw=True)
