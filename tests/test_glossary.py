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


# --- word matching (the first-use review: "RCEP" first found a definition's "task fo*rce p*er") -------------

def test_rcep_finds_the_rcep_term_first():
    assert glossary.search("RCEP").iloc[0]["term_en"].startswith("Regional Comprehensive Economic Partnership")


def test_mixed_chinese_and_english_words_all_must_match():
    found = glossary.search("新质 productive")
    assert list(found["term_zh"]) == ["新质生产力"]


@pytest.mark.parametrize("query", ["xinzhi", "xin zhi", "xīn zhì", "Xīnzhì shēngchǎnlì", "新质生产力", "productive forces"])
def test_new_quality_productive_forces_by_chinese_pinyin_and_english(query):
    assert "新质生产力" in list(glossary.search(query)["term_zh"])


def test_letters_never_match_across_words():
    # "rcep" is inside "fo-rce p-er" once spaces are removed; a word search must not find it there
    for _, row in glossary.search("RCEP").iterrows():
        assert "RCEP" in " ".join(str(v) for v in row.values)


def test_a_one_letter_query_does_not_return_the_whole_glossary():
    assert len(glossary.search("a")) < len(glossary.terms()) / 10
