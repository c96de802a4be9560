"""Plain feedback for ``grader.check`` in the exercise notebooks.

otter-grader prints "q3 passed! 🎉" when the *public* tests pass. In this course the public tests check
only the form of an answer (defined, type, shape, plausible range); the value is checked by hidden tests
when the work is graded. A right-form, wrong-value answer must not read as success, and a failed check
should show its hint first, not a traceback from the test's source. ``plain_feedback(grader)`` (called in
each student notebook's locked first cell) wraps ``grader.check`` to say exactly that, in the course
language.
"""

from __future__ import annotations

import html
import inspect

from cqlab.errors import CqlabInputError, _say, describe
from cqlab.i18n import label

__all__ = ["Feedback", "plain_feedback"]


def _last_line(message: str | None) -> str:
    """The assertion's own words: the last non-empty line of otter's message, without 'AssertionError:'."""
    lines = [line.strip() for line in (message or "").splitlines() if line.strip()]
    if not lines:
        return ""
    last = lines[-1]
    for prefix in ("AssertionError:", "AssertionError"):
        if last.startswith(prefix):
            last = last[len(prefix):].strip()
    return last


class Feedback:
    """What one ``grader.check`` says: the form checks that passed, or each failed check's hint."""

    def __init__(self, result):
        if not (hasattr(result, "name") and hasattr(result, "test_case_results")):
            raise CqlabInputError(_say(
                f"Feedback reads what otter's grader.check returns (a TestFile); got {describe(result)}.",
                f"Feedback 读取 otter 的 grader.check 的返回值(TestFile);收到的是 {describe(result)}。"))
        self.result = result  # otter's TestFile: kept for anyone who wants otter's own view
        self.question = result.name
        self.passed = [tcr for tcr in result.test_case_results if tcr.passed]
        self.failed = [tcr for tcr in result.test_case_results if not tcr.passed]

    def __getattr__(self, name):
        # everything else is otter's: grader.check_all collects these results into otter's GradingResults
        return getattr(self.__dict__["result"], name)

    @property
    def form_ok(self) -> bool:
        """True when every public (form) check of the question passed."""
        return not self.failed

    def lines(self) -> list[str]:
        """The feedback as plain lines, in the course language."""
        n = len(self.passed) + len(self.failed)
        if self.form_ok:
            return [label(
                f"{self.question}: form OK ({n} of {n} checks). The value is checked when your work is graded.",
                f"{self.question}：形式正确（{n} 项检查全部通过）。数值在评分时检查。",
            )]
        out = [label(
            f"{self.question}: {len(self.failed)} of {n} checks need work.",
            f"{self.question}：{n} 项检查中有 {len(self.failed)} 项未通过。",
        )]
        for tcr in self.failed:
            hint = tcr.test_case.failure_message or ""
            detail = _last_line(tcr.message)
            text = hint if not detail or detail in hint else f"{hint} ({detail})" if hint else detail
            out.append(f"  - {text}")
        return out

    def __repr__(self) -> str:
        return "\n".join(self.lines())

    def _repr_html_(self) -> str:
        lines = self.lines()
        colour = "#006400" if self.form_ok else "#b00020"
        head = f"<p style='color:{colour}'><strong>{html.escape(lines[0])}</strong></p>"
        items = "".join(f"<li>{html.escape(line[4:])}</li>" for line in lines[1:])
        return head + (f"<ul>{items}</ul>" if items else "")


def plain_feedback(grader):
    """Make ``grader.check(question)`` return :class:`Feedback` instead of otter's "passed!" message.

    ``grader`` is the notebook's ``otter.Notebook``; it is returned, so the first cell can read
    ``grader = plain_feedback(otter.Notebook(tests_dir="tests"))``. Wrapping twice (the first cell run
    again) changes nothing. A question name that is not text, or not a question of this set, is refused
    with the list of the set's questions instead of otter's "Test q9 does not exist".
    """
    original = getattr(grader, "check", None)
    if not callable(original):
        raise CqlabInputError(_say(
            "plain_feedback needs the notebook's otter grader, e.g. "
            f"plain_feedback(otter.Notebook(tests_dir='tests')); got {describe(grader)}.",
            "plain_feedback 需要笔记本的 otter 评分器,例如 "
            f"plain_feedback(otter.Notebook(tests_dir='tests'));收到的是 {describe(grader)}。"))
    if getattr(original, "_cqlab_plain_feedback", False):
        return grader

    def check(question: str, global_env: dict | None = None):
        if global_env is None:  # otter reads the caller's globals; our wrapper is one frame deeper
            global_env = inspect.currentframe().f_back.f_globals
        if not isinstance(question, str) or not question.strip():
            raise CqlabInputError(_say(
                f"grader.check needs a question's name in quotes, such as 'q1'; got {describe(question)}."
                + _questions_of(grader),
                f"grader.check 需要带引号的题目名称,例如 'q1';收到的是 {describe(question)}。"
                + _questions_of(grader, zh=True)))
        try:
            result = original(question.strip(), global_env)
        except FileNotFoundError:  # otter: "Test q9 does not exist"
            raise CqlabInputError(_say(
                f"There is no question {question.strip()!r} in this set." + _questions_of(grader),
                f"本练习没有题目 {question.strip()!r}。" + _questions_of(grader, zh=True))) from None
        return Feedback(result) if hasattr(result, "test_case_results") else result

    check.__doc__ = original.__doc__
    check._cqlab_plain_feedback = True
    grader.check = check
    return grader


def _questions_of(grader, zh: bool = False) -> str:
    """' Its questions: q1, q2, ...' read from the grader's tests folder, or '' when it cannot be read."""
    try:
        from otter.check.utils import list_available_tests

        names = list_available_tests(grader._tests_dir, grader._nbmeta_config)
    except Exception:  # noqa: BLE001 - the list is a courtesy; the refusal stands without it
        return ""
    if not names:
        return ""
    return f"题目有:{'、'.join(names)}。" if zh else f" Its questions: {', '.join(names)}."
