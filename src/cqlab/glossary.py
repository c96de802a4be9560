"""The bilingual glossary: 中文, pinyin, English, a one-line definition, and the lesson."""

from __future__ import annotations

import re
import unicodedata

from cqlab.errors import CqlabInputError, _say, describe, expect_choice, expect_text

COLUMNS = ["term_zh", "pinyin", "term_en", "definition", "lesson"]


def _fold(text: str) -> str:
    """Lower-case and drop tone marks, so 'xinzhi' finds 'xīn zhì'."""
    decomposed = unicodedata.normalize("NFKD", str(text).lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]+|[^\s{_CJK}\W_]+|[0-9]+", re.UNICODE)
TERM_FIELDS = ("term_zh", "pinyin", "term_en")


def _tokens(text: str) -> list[str]:
    """Words of a query or a field: runs of Chinese characters, and Latin words without tones."""
    return _TOKEN.findall(_fold(text))


def _is_cjk(token: str) -> bool:
    return bool(re.fullmatch(rf"[{_CJK}]+", token))


def _field_match(token: str, field: str, words: list[str]) -> int:
    """How well one query word matches one field: 3 the whole field, 2 a word or syllables from a word
    start, 1 inside a Chinese run, 0 no match. Matching never runs across a word boundary's middle."""
    if _is_cjk(token):
        joined = "".join(w for w in words if _is_cjk(w))
        return 3 if joined == token else (1 if token in joined else 0)
    if len(token) < 2:  # a one-letter query matches whole words only
        return 2 if token in words else 0
    if len(words) == 1 and words[0] == token:
        return 3
    for i, word in enumerate(words):
        if word.startswith(token) or (field == "pinyin" and "".join(words[i:]).startswith(token)):
            return 2
    return 0


def _pinyin_run(query_tokens: list[str], words: list[str]) -> bool:
    """The whole query as pinyin syllables run together, from the start of a pinyin word: 'xin zhi',
    'xinzhi' and 'xīn zhì' all find 'xīnzhì shēngchǎnlì'."""
    if any(_is_cjk(t) for t in query_tokens):
        return False
    wanted, joined = "".join(query_tokens), "".join(words)
    if len(wanted) < 2:
        return False
    start = 0
    for word in words:
        if joined.startswith(wanted, start):
            return True
        start += len(word)
    return False


def _score(row: dict, query_tokens: list[str]) -> int:
    """0 unless every query word matches some field; higher when the matches are in the term itself."""
    if _pinyin_run(query_tokens, row["pinyin"]):
        return 20 * len(query_tokens)
    total = 0
    for token in query_tokens:
        best = 0
        for field in ("term_zh", "pinyin", "term_en", "definition"):
            if field == "definition" and len(token) < 3 and not _is_cjk(token):
                continue  # short words are everywhere in definitions
            level = _field_match(token, field, row[field])
            best = max(best, level * (10 if field in TERM_FIELDS else 1))
        if not best:
            return 0
        total += best
    return total


def terms():
    """Return the whole glossary as a DataFrame sorted by lesson, then pinyin."""
    from cqlab.data import load

    return load("glossary").sort_values(["lesson", "pinyin"]).reset_index(drop=True)


def search(query: str, lesson: str | None = None):
    """Return the glossary rows that match every word of ``query``, best matches first.

    A word matches the Chinese term, the pinyin (with or without tones, syllables run together from a
    syllable's start: 'xinzhi' finds 'xīn zhì'), the English term, or the definition — whole words or word
    beginnings, never letters across words. A match in the term itself ranks above one in the definition
    ('RCEP' finds RCEP first); a one-letter word matches whole words of the terms only. An empty query
    returns every term. ``lesson``, if
    given, is a lesson number such as 4 or '04' that has glossary terms.
    """
    if not isinstance(query, str):
        raise CqlabInputError(_say(f"A glossary search needs text, e.g. '新质' or 'cluster'; got {describe(query)}.",
                                   f"词汇表搜索需要文本,例如 '新质' 或 'cluster';收到的是 {describe(query)}。"))
    table = terms()
    if lesson is not None:
        lessons = sorted(set(table["lesson"].dropna().astype(str)))
        key = str(lesson).zfill(2) if isinstance(lesson, (str, int)) and not isinstance(lesson, bool) else lesson
        expect_choice(key, "lesson", lessons)
        table = table[table["lesson"] == key]
    query_tokens = _tokens(query)
    if not query_tokens:
        return table.reset_index(drop=True)
    fields = table[["term_zh", "pinyin", "term_en", "definition"]].astype(str)
    scores = [
        _score({name: _tokens(value) for name, value in row.items()}, query_tokens)
        for row in fields.to_dict("records")
    ]
    ranked = table.assign(_score=scores, _order=range(len(table)))
    ranked = ranked[ranked["_score"] > 0].sort_values(["_score", "_order"], ascending=[False, True])
    return ranked.drop(columns=["_score", "_order"]).reset_index(drop=True)


def lookup(term: str):
    """Return the one glossary row for an exact Chinese or English term (a pandas Series)."""
    if not isinstance(term, str):
        raise CqlabInputError(_say(f"A glossary term must be text; got {describe(term)}.",
                                   f"词汇表词条必须是文本;收到的是 {describe(term)}。"))
    table = terms()
    match = table[(table["term_zh"] == term.strip()) | (table["term_en"].str.lower() == term.strip().lower())]
    if match.empty:
        close = search(term)
        found = ", ".join(close["term_zh"].head(5))
        raise CqlabInputError(_say(
            f"'{term}' is not in the glossary.{f' Terms that contain it: {found}.' if found else ''} "
            f"Try cqlab.glossary.search('{term}').",
            f"词汇表中没有 '{term}'。{f'包含它的词条:{found}。' if found else ''}"
            f"试试 cqlab.glossary.search('{term}')。"))
    return match.iloc[0]


def _as_html(table) -> str:
    if table.empty:
        return "<i>No term matches. Try Chinese (新质), pinyin without tones (xinzhi) or English.</i>"
    return table.to_html(index=False, escape=True, border=0)


def search_widget(initial: str = ""):
    """Return a small widget: a search box and the matching glossary rows as a table.

    ``initial`` is the text the box starts with; the box, like every cqlab control, refuses anything but
    text in cqlab's words.
    """
    import ipywidgets as widgets

    expect_text(initial, "initial (the search text)", "cluster")

    box = widgets.Text(value=initial, placeholder="中文, pinyin or English", description="Search:")
    results = widgets.HTML(_as_html(search(initial)))
    results.add_class("cqlab-result")

    def on_change(change):
        results.value = _as_html(search(change["new"]))

    box.observe(on_change, names="value")
    from cqlab.widgets.base import Panel, guard_value

    guard_value(box, "the glossary search box")

    return Panel([box, results])
