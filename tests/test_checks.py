"""grader.check in the student notebooks (cqlab.checks.plain_feedback): a right form is not called success."""

import os

import otter
import pytest

from cqlab import i18n
from cqlab.checks import Feedback, plain_feedback

# A question's public tests in otter's format, as `make assign` writes them: form only, with plain hints.
Q3_TESTS = """from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 1

@test_case(points=0.5, hidden=False,
    failure_message="q3_annual and q3_rate must each be one number (a float).")
def test_q3_types(q3_annual, q3_rate):
    import numbers
    for name, value in (('q3_annual', q3_annual), ('q3_rate', q3_rate)):
        assert isinstance(value, numbers.Real), f'{name} should be a number; it is {type(value).__name__}.'

@test_case(points=0.5, hidden=False,
    failure_message="q3_rate is a fraction between 0 and 1 (0.05 means 5%), not a percentage.")
def test_q3_ranges(q3_annual, q3_rate):
    assert 0 < q3_rate < 1, f'q3_rate = {q3_rate}: give it as a fraction, not a percentage'
"""


@pytest.fixture
def grader(monkeypatch, tmp_path):
    tests = tmp_path / "tests"
    tests.mkdir()
    (tests / "q3.py").write_text(Q3_TESTS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # otter writes its log beside the notebook
    return plain_feedback(otter.Notebook(tests_dir=str(tests)))


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


def test_a_question_that_is_not_in_the_set_is_refused_with_the_list_of_questions(grader):
    from cqlab.errors import CqlabInputError

    for question, fragment in [("q9", "There is no question 'q9' in this set. Its questions: q3."),
                               ("Q3", "There is no question 'Q3'"),
                               (3, "name in quotes, such as 'q1'; got 3 (int). Its questions: q3."),
                               (None, "got None"), ("  ", "got '  '")]:
        with pytest.raises(CqlabInputError) as raised:
            grader.check(question, {"q3_annual": 5000.0, "q3_rate": 0.2})
        assert fragment in str(raised.value), str(raised.value)
    assert grader.check(" q3 ", {"q3_annual": 5000.0, "q3_rate": 0.2}).form_ok  # spaces around a name are fine


def test_plain_feedback_and_feedback_refuse_what_is_not_otters(grader):
    from cqlab.errors import CqlabInputError

    for bad in (None, 3, "grader", {"check": 1}):
        with pytest.raises(CqlabInputError, match="needs the notebook's otter grader"):
            plain_feedback(bad)
        with pytest.raises(CqlabInputError, match="reads what otter's grader.check returns"):
            Feedback(bad)
    wrapped = grader.check
    assert plain_feedback(grader).check is wrapped  # the first cell run twice wraps once
    assert isinstance(grader.check("q3", {"q3_annual": 5000.0, "q3_rate": 0.2}).result, otter.test_files.TestFile)
