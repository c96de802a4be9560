"""Every number in datasets/source_facts.csv must be traceable to the source article.

(a) each row's value, written as the text writes it, occurs in its quote_zh;
(b) each quote_zh occurs verbatim in the source article;
(c) fact_id is unique.

The article ships in the repository (source/000_7396858798b1fd00.txt; see source/README.md), so
a fresh clone checks every quote; if it is missing the tests FAIL, they do not skip.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FACTS = REPO / "datasets" / "source_facts.csv"
ARTICLE = REPO / "source" / "000_7396858798b1fd00.txt"

# Small counts are often written in Chinese numerals (八个围绕, 四大科创高地, 三等奖).
CHINESE_NUMERALS = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九",
                    10: "十", 1000: "千"}


def _rows() -> list[dict]:
    with FACTS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _article_text() -> str:
    if not ARTICLE.exists():
        pytest.fail(
            f"Source article not found at {ARTICLE}. It ships with the course in source/; "
            "restore it with `git checkout -- source/` (without it no number in source_facts.csv "
            "can be checked)."
        )
    return ARTICLE.read_text(encoding="utf-8")


def _like_text(value: str) -> str:
    """Format a number as the article writes it: 16.7 not 16.70, 258 not 258.0 (but keep 2.0)."""
    number = float(value)
    if number.is_integer() and "." not in value:
        return str(int(number))
    return value.strip()


def _flatten(text: str) -> str:
    # The extracted article has line breaks inside some sentences (layout artefacts, e.g.
    # "股上\n\n市"). Quotes are chosen not to span them, but we also compare against a copy
    # with all whitespace runs that contain a line break removed, so a quote that does
    # span one still matches.
    return re.sub(r"\s*\n\s*", "", text)


def test_fact_ids_unique():
    ids = [row["fact_id"] for row in _rows()]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"duplicate fact_id values: {duplicates}"
    assert all(ids), "every row needs a fact_id"


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r["fact_id"])
def test_value_occurs_in_quote(row):
    value = row["value"]
    formatted = _like_text(value)
    candidates = {formatted}
    number = float(value)
    if number.is_integer() and int(number) in CHINESE_NUMERALS:
        candidates.add(CHINESE_NUMERALS[int(number)])
    assert any(c in row["quote_zh"] for c in candidates), (
        f"{row['fact_id']}: value {formatted!r} does not occur in quote {row['quote_zh']!r}"
    )


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r["fact_id"])
def test_quote_occurs_in_article(row):
    text = _article_text()
    quote = row["quote_zh"]
    assert quote, f"{row['fact_id']}: empty quote_zh"
    assert quote in text or _flatten(quote) in _flatten(text), (
        f"{row['fact_id']}: quote not found verbatim in the source article: {quote!r}"
    )


def test_article_is_present():
    assert _article_text().strip(), "the source article is empty"
