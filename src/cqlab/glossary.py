"""The bilingual glossary: 中文, pinyin, English, a one-line definition, and the lesson."""

from __future__ import annotations

import unicodedata

from cqlab.errors import CqlabInputError, describe, expect_choice

COLUMNS = ["term_zh", "pinyin", "term_en", "definition", "lesson"]


def _fold(text: str) -> str:
    """Lower-case and drop tone marks, so 'xinzhi' finds 'xīn zhì'."""
    decomposed = unicodedata.normalize("NFKD", str(text).lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace(" ", "")


def terms():
    """Return the whole glossary as a DataFrame sorted by lesson, then pinyin."""
    from cqlab.data import load

    return load("glossary").sort_values(["lesson", "pinyin"]).reset_index(drop=True)


def search(query: str, lesson: str | None = None):
    """Return the glossary rows whose Chinese, pinyin, English or definition contains ``query``.

    Matching ignores case, spaces and tone marks. An empty query returns every term. ``lesson``, if
    given, is a lesson number such as 4 or '04' that has glossary terms.
    """
    if not isinstance(query, str):
        raise CqlabInputError(f"A glossary search needs text, e.g. '新质' or 'cluster'; got {describe(query)}.")
    table = terms()
    if lesson is not None:
        lessons = sorted(set(table["lesson"].dropna().astype(str)))
        key = str(lesson).zfill(2) if isinstance(lesson, (str, int)) and not isinstance(lesson, bool) else lesson
        expect_choice(key, "lesson", lessons)
        table = table[table["lesson"] == key]
    needle = _fold(query)
    if not needle:
        return table.reset_index(drop=True)
    haystack = table[["term_zh", "pinyin", "term_en", "definition"]].astype(str).map(_fold)
    hit = haystack.apply(lambda column: column.str.contains(needle, regex=False)).any(axis=1)
    return table[hit].reset_index(drop=True)


def lookup(term: str):
    """Return the one glossary row for an exact Chinese or English term (a pandas Series)."""
    table = terms()
    if not isinstance(term, str):
        raise CqlabInputError(f"A glossary term must be text; got {describe(term)}.")
    match = table[(table["term_zh"] == term.strip()) | (table["term_en"].str.lower() == term.strip().lower())]
    if match.empty:
        close = search(term)
        hint = f" Terms that contain it: {', '.join(close['term_zh'].head(5))}." if len(close) else ""
        raise CqlabInputError(f"'{term}' is not in the glossary.{hint} Try cqlab.glossary.search('{term}').")
    return match.iloc[0]


def _as_html(table) -> str:
    if table.empty:
        return "<i>No term matches. Try Chinese (新质), pinyin without tones (xinzhi) or English.</i>"
    return table.to_html(index=False, escape=True, border=0)


def search_widget(initial: str = ""):
    """Return a small widget: a search box and the matching glossary rows as a table."""
    import ipywidgets as widgets

    box = widgets.Text(value=initial, placeholder="中文, pinyin or English", description="Search:")
    results = widgets.HTML(_as_html(search(initial)))
    results.add_class("cqlab-result")

    def on_change(change):
        results.value = _as_html(search(change["new"]))

    box.observe(on_change, names="value")
    return widgets.VBox([box, results])
