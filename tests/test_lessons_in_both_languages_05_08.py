"""Lessons 05-08 in Chinese and in English: the checks of tests/test_lessons_in_both_languages.py, in a file of
their own so that the two test workers share the lesson runs."""

from __future__ import annotations

import pytest

from tests.test_lessons_in_both_languages import LESSONS, check_lesson

SECOND_HALF = [p for p in LESSONS if p.stem[:2] >= "05"]


@pytest.fixture(scope="module")
def english_labels():
    return {}


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("path", SECOND_HALF, ids=lambda p: p.stem[:2])
def test_the_lesson_runs_and_speaks_the_language(path, language, monkeypatch, english_labels):
    check_lesson(path, language, monkeypatch, english_labels)


def test_the_two_files_run_every_lesson():
    from tests.test_lessons_in_both_languages import FIRST_HALF

    assert sorted(FIRST_HALF + SECOND_HALF) == sorted(LESSONS) and not set(FIRST_HALF) & set(SECOND_HALF)
