"""The bilingual glossary: complete rows, one entry per term, every lesson covered, search that forgives."""

from pathlib import Path

import pytest

from cqlab import glossary
from cqlab.errors import CqlabInputError

LESSONS = sorted(p.name[:2] for p in (Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def test_rows_are_complete_and_terms_unique():
    table = glossary.terms()
    assert not table[glossary.COLUMNS].isna().any().any(), table[table[glossary.COLUMNS].isna().any(axis=1)]
    assert not table["term_zh"].duplicated().any(), table[table["term_zh"].duplicated()]["term_zh"].tolist()


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_lesson_adds_terms(lesson):
    assert len(glossary.search("", lesson=lesson)) >= 3, f"lesson {lesson} has fewer than 3 glossary terms"


def test_search_ignores_tones_case_and_spaces():
    by_pinyin = glossary.search("xinzhishengchanli")
    assert "新质生产力" in set(by_pinyin["term_zh"])
    assert "新质生产力" in set(glossary.search("New Quality")["term_zh"])
    assert "新质生产力" in set(glossary.search("新质")["term_zh"])


def test_lookup_exact_term_and_helpful_miss():
    assert glossary.lookup("新质生产力")["term_en"].lower().startswith("new quality")
    with pytest.raises(CqlabInputError, match="Terms that contain it"):
        glossary.lookup("新质")


def test_search_widget_updates_its_table():
    box = glossary.search_widget("")
    text, results = box.children
    text.value = "RCEP"
    assert "RCEP" in results.value
    text.value = "zzzz-no-such-term"
    assert "No term matches" in results.value
