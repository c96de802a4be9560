"""Shared helpers of the right-but-different grading tests (tests/instructor/test_grading_fair*.py).

Each of those tests rewrites answer cells of a set's solutions notebook the way a student could rightly write
them, grades the result in the sandbox (scripts/grading/engine.py) and checks the score.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
import pytest

from tests.instructor.exercise_checks import ROOT, paths

sys.path.insert(0, str(ROOT / "scripts"))
from grading import engine  # noqa: E402


def solutions_variant(number: str, replacements) -> nbformat.NotebookNode:
    """Set ``number``'s solutions notebook with each (text, replacement) applied in the one code cell holding it."""
    nb = nbformat.read(paths(number)["solutions"], as_version=4)
    for old, new in replacements:
        hits = [c for c in nb.cells if c.cell_type == "code" and old in c.source]
        assert len(hits) == 1, f"the solutions of set {number} no longer contain {old!r}: update this test"
        hits[0].source = hits[0].source.replace(old, new)
    return nb


def require_sandbox() -> None:
    """Skip where the grading sandbox cannot run, except in CI, where its absence is a failure."""
    problem = engine.sandbox_problem()
    if problem and os.environ.get("CI") != "true":
        pytest.skip(problem)
    assert problem is None, problem


def assert_full_marks(number: str, variants: dict, folder: Path) -> None:
    """Grade every named variant of set ``number`` (two at a time, as `make grade` does): each scores full marks."""
    files = []
    for name, replacements in variants.items():
        path = folder / f"{name}.ipynb"
        nbformat.write(solutions_variant(number, replacements), path)
        files.append(path)
    for path, result in zip(files, engine.grade_many(files, number, jobs=2)):
        failed = [(t.name, t.hint) for t in result.tests if not t.passed]
        assert result.status == "graded", (path.stem, result.status, result.message)
        assert result.points_earned == result.points_possible, (path.stem, failed)


def grade_variant(number: str, replacements, folder: Path, name: str = "variant"):
    """Grade one variant of set ``number``; return the engine's result."""
    path = folder / f"{name}.ipynb"
    nbformat.write(solutions_variant(number, replacements), path)
    return engine.grade_one(path, number)


def assert_loses_only(number: str, replacements, folder: Path, name: str, test: str, hint: str):
    """Grade one wrong variant of set ``number``: exactly the test ``test`` fails, its hint contains ``hint``, and
    every other answer keeps its points (partial credit follows what is right). Returns the failed test."""
    result = grade_variant(number, replacements, folder, name)
    failed = [t for t in result.tests if not t.passed]
    assert [t.name for t in failed] == [test], [(t.name, t.hint) for t in failed]
    assert hint in failed[0].hint, failed[0].hint
    assert result.points_earned == result.points_possible - failed[0].points_possible
    return failed[0]
