"""The checks every exercise set must pass, shared by the thin per-set files tests/test_exercises_NN.py.

One file per set lets pytest-xdist (``--dist loadfile``) run the sets on different workers. Each
notebook is executed once per (set, variant) and the result shared by the checks that need it:

- the solutions notebook, graded by the engine, scores full marks with status "graded" (no cell
  raised), so this also proves that the master executes (the solutions notebook is the
  master as otter grades it, and the drift check below proves it is what the master generates now);
- the blank student notebook runs without error and scores zero on every autograded question;
- no solution line or model answer is in the student notebook, and no hidden test ships to students;
- the student notebook has the locked init cell, one ``grader.check`` per autograded question and no
  outputs;
- the committed generated files equal what ``make assign`` generates now (``generate`` without
  re-grading the solutions: the grading above already does that).

Grading uses the engine (scripts/grading/engine.py): each notebook runs in the sandbox and is scored in this
process on its exported answers.
"""

from __future__ import annotations

import json
import re
import sys
from functools import cache
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(ROOT / "scripts"))

import assign_exercises  # noqa: E402
import grade_exercises  # noqa: E402

SETS = assign_exercises.find_sets()


def paths(number: str) -> dict[str, Path]:
    master = SETS[number]
    name = master.parent.name
    return {
        "master": master,
        "student": master.parent / "student" / f"{name}.ipynb",
        "solutions": master.parent / "autograder" / f"{name}_solutions.ipynb",
        "zip": master.parent / "autograder" / f"{name}-autograder.zip",
    }


def autograded(number: str) -> set[str]:
    return {q["name"] for q in grade_exercises.questions(SETS[number]) if not q["manual"]}


@cache
def graded(number: str, variant: str):
    """Grade the set's ``solutions`` or blank ``student`` notebook once per process, with the engine
    (its sandbox, and the tests run on the exported answers in the grader's clean process)."""
    from grading import engine

    problem = engine.sandbox_problem()
    assert problem is None, problem
    return engine.grade_one(paths(number)[variant], number)


def check_questions(number: str) -> None:
    questions = grade_exercises.questions(SETS[number])
    assert 3 <= len(questions) <= 6, f"set {number} has {len(questions)} questions; 3-6 wanted"
    assert any(q["manual"] for q in questions), f"set {number} has no written (manual) question"
    assert any(not q["manual"] for q in questions), f"set {number} has no autograded question"


def check_full_marks(number: str) -> None:
    result = graded(number, "solutions")
    assert {t.question for t in result.tests} == autograded(number)
    assert result.status == "graded", f"{result.status}: {result.message}"  # no cell of the master raised
    assert result.points_possible > 0
    failed = [(t.name, t.hint) for t in result.tests if not t.passed]
    assert result.points_earned == result.points_possible, failed


def check_blank_scores_zero(number: str) -> None:
    result = graded(number, "student")
    assert {t.question for t in result.tests} == autograded(number)
    assert result.status == "graded", f"the blank notebook does not run cleanly: {result.status}: {result.message}"
    earned = {t.name: t.points_earned for t in result.tests if t.points_earned}
    assert not earned, f"a blank notebook earns points: {earned}"


def solution_fragments(master: Path) -> tuple[list[str], list[str]]:
    """The code and the model-answer text that only the solutions contain (master's solution blocks)."""
    fragments, texts, in_solution = [], [], False
    for cell in nbformat.read(master, as_version=4).cells:
        source = cell.source
        if cell.cell_type == "raw" and re.match(r"#\s+BEGIN\s+SOLUTION", source, re.I):
            in_solution = True
            continue
        if cell.cell_type == "raw" and re.match(r"#\s+END\s+SOLUTION", source, re.I):
            in_solution = False
            continue
        if cell.cell_type == "markdown" and in_solution:
            texts += [line.strip() for line in source.splitlines() if len(line.strip()) > 12]
            continue
        if cell.cell_type != "code":
            continue
        # every code cell, inside a solution block or not: a marked line outside a block is the
        # classic leak (otter strips only inside blocks), so it must be caught here too
        inside = False
        for line in source.splitlines():
            stripped = line.strip()
            if re.match(r"#\s*BEGIN SOLUTION", stripped):
                inside = True
                continue
            if re.match(r"#\s*END SOLUTION", stripped):
                inside = False
                continue
            if inside:
                fragments.append(stripped)
            elif re.search(r"#\s*SOLUTION\s*$", stripped):
                code = re.sub(r"#\s*SOLUTION\s*$", "", stripped).strip()
                fragments.append(code)
                if "=" in code:  # the student keeps `name = ...`; the right-hand side is the answer
                    fragments.append(code.split("=", 1)[1].strip())
    return [f for f in fragments if len(f) > 3 and f not in ("...", "pass")], texts


def check_no_solution_leak(number: str) -> None:
    p = paths(number)
    code, texts = solution_fragments(p["master"])
    assert code, "the master has no solution lines: are the SOLUTION markers right?"
    assert texts, "the master has no model answer for its written question"
    student = nbformat.read(p["student"], as_version=4)
    student_code = "\n".join(cell.source for cell in student.cells if cell.cell_type == "code")
    student_text = "\n".join(cell.source for cell in student.cells)
    leaked = [f for f in code if f in student_code] + [t for t in texts if t in student_text]
    assert not leaked, f"solution lines found in the student notebook: {leaked[:5]}"
    tests_text = "".join(t.read_text() for t in (p["student"].parent / "tests").glob("*.py"))
    assert "hidden=True" not in tests_text, "hidden tests were shipped to students"


def check_student_form(number: str) -> None:
    p = paths(number)
    student = nbformat.read(p["student"], as_version=4)
    first = student.cells[0]
    assert first.cell_type == "code" and "grader = plain_feedback(otter.Notebook(" in first.source
    assert first.metadata.get("editable") is False and first.metadata.get("deletable") is False
    code = "\n".join(c.source for c in student.cells if c.cell_type == "code")
    checks = set(re.findall(r'grader\.check\("(\w+)"\)', code))
    assert checks == autograded(number), "each autograded question needs its grader.check cell"
    for cell in student.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "student notebooks ship without outputs"
    for test_file in (p["student"].parent / "tests").glob("*.py"):
        assert '\\"' not in test_file.read_text()


def check_committed_equal_fresh(number: str) -> None:
    """The set's committed generated files and manifest entries equal a fresh ``generate`` (no re-grading)."""
    master = SETS[number]
    name = master.parent.name
    fresh = assign_exercises.generate(master, run_tests=False)
    manifest = json.loads((ROOT / "exercises" / "manifest.json").read_text(encoding="utf-8"))["files"]
    committed = {rel.split("/", 1)[1]: digest for rel, digest in manifest.items() if rel.startswith(f"{name}/")}
    assert sorted(fresh) == sorted(committed), (
        f"generated files of {name} differ from manifest.json: run `make assign` and commit"
    )
    for rel, data in fresh.items():
        digest = assign_exercises.sha256(data)
        assert committed[rel] == digest, f"manifest.json is out of date for {name}/{rel}: run `make assign`"
        on_disk = master.parent / rel
        assert on_disk.exists() and on_disk.read_bytes() == data, (
            f"exercises/{name}/{rel} is not what `make assign` generates now: run it and commit"
        )


CHECKS = {
    "test_questions": check_questions,
    "test_solutions_score_full_marks": check_full_marks,
    "test_blank_student_notebook_runs_and_scores_zero": check_blank_scores_zero,
    "test_no_solution_line_in_student_notebook": check_no_solution_leak,
    "test_student_notebook_form": check_student_form,
    "test_committed_files_equal_fresh_assign": check_committed_equal_fresh,
}


def set_checks(number: str) -> dict:
    """Return {test name: test function} for one set, to put in a test module's globals."""
    tests = {}
    for test_name, check in CHECKS.items():
        def test(check=check):
            assert number in SETS, f"exercise set {number} has no master (exercises/{number}_*/{number}_*_master.ipynb)"
            check(number)
        test.__name__ = test.__qualname__ = test_name
        test.__doc__ = check.__doc__
        tests[test_name] = test
    return tests


TEST_FILE_TEMPLATE = '''"""Exercise set {number}: the shared checks of tests/instructor/exercise_checks.py (one file per set, for xdist)."""

from tests.instructor.exercise_checks import set_checks

globals().update(set_checks("{number}"))
'''
