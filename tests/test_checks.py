"""grader.check in the student notebooks (cqlab.checks.plain_feedback): a right form is not called success."""

import os
from pathlib import Path

import otter
import pytest

from cqlab import i18n
from cqlab.checks import Feedback, plain_feedback

TESTS = Path(__file__).resolve().parents[1] / "exercises" / "01_cluster_system" / "student" / "tests"


@pytest.fixture
def grader(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # otter writes its log beside the notebook: keep it out of the course
    return plain_feedback(otter.Notebook(tests_dir=str(TESTS)))


def test_a_right_form_says_the_value_is_checked_when_graded(grader):
    result = grader.check("q3", {"q3_annual": 5000.0, "q3_rate": 0.2})
    assert isinstance(result, Feedback) and result.form_ok
    text = repr(result)
    assert "form OK" in text and "checked when your work is graded" in text
    assert "passed" not in text.lower()
    assert "form OK" in result._repr_html_()


def test_a_failed_check_shows_its_hint_and_the_assertion_not_a_traceback(grader):
    result = grader.check("q3", {"q3_annual": 5000.0, "q3_rate": 12})
    assert not result.form_ok
    text = repr(result)
    assert "1 of 2 checks need work" in text
    assert "not a percentage" in text  # the test's failure_message (its hint)
    assert "q3_rate = 12" in text  # and the assertion's own words
    assert "Traceback" not in text and "File " not in text


def test_the_check_reads_the_callers_globals_when_no_env_is_given(grader):
    namespace = {"grader": grader}
    exec("q3_annual = 5000.0\nq3_rate = 0.5\nresult = grader.check('q3')", namespace)
    assert namespace["result"].form_ok


def test_the_feedback_follows_the_course_language(grader):
    i18n.set_language("zh")
    try:
        text = repr(grader.check("q3", {"q3_annual": 5000.0, "q3_rate": 0.2}))
    finally:
        i18n.set_language(os.environ.get("CQLAB_LANGUAGE", "en"))
    assert "形式正确" in text


def test_check_all_still_works_through_the_wrapper(grader):
    namespace = {"grader": grader, "q3_annual": 5000.0, "q3_rate": 0.2}
    exec("results = grader.check_all()", namespace)
    assert "q3" in repr(namespace["results"])
