"""The exercise sets: masters run, solutions score full marks, blank notebooks score zero and run,
no solution leaks to students, committed files equal what `make assign` makes now, a student's edited
notebook is never overwritten, and `make grade` survives broken submissions.

Grading uses otter-grader's Python API in this process (each notebook still runs in its own kernel).
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import assign_exercises  # noqa: E402
import grade_exercises  # noqa: E402

SETS = assign_exercises.find_sets()
SET_IDS = list(SETS)


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


def grade(notebook: Path, zip_path: Path):
    """Grade with otter in debug mode: any cell that raises fails the test instead of being skipped."""
    import otter.api

    return otter.api.grade_submission(str(notebook), str(zip_path), quiet=True, debug=True)


def test_there_are_exercise_sets():
    assert "01" in SETS, "exercise set 01 (the 33618 cluster system) is missing"
    for number, master in SETS.items():
        questions = grade_exercises.questions(master)
        assert 3 <= len(questions) <= 6, f"set {number} has {len(questions)} questions; 3-6 wanted"
        assert any(q["manual"] for q in questions), f"set {number} has no written (manual) question"
        assert any(not q["manual"] for q in questions), f"set {number} has no autograded question"


@pytest.mark.parametrize("number", SET_IDS)
def test_master_executes(number, tmp_path):
    from nbclient import NotebookClient

    notebook = nbformat.read(paths(number)["master"], as_version=4)
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()  # raises on any error
    assert not any(o.get("output_type") == "error" for c in notebook.cells for o in c.get("outputs", []))


@pytest.mark.parametrize("number", SET_IDS)
def test_solutions_score_full_marks(number):
    p = paths(number)
    results = grade(p["solutions"], p["zip"])
    assert set(results.test_files) == autograded(number)
    assert results.possible > 0
    assert results.total == results.possible, results.summary()


@pytest.mark.parametrize("number", SET_IDS)
def test_blank_student_notebook_runs_and_scores_zero(number):
    p = paths(number)
    results = grade(p["student"], p["zip"])  # debug mode: a crashing cell raises here
    assert set(results.test_files) == autograded(number)
    scores = {name: results.get_score(name) for name in results.test_files}
    assert all(score == 0 for score in scores.values()), f"a blank notebook earns points: {scores}"


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


@pytest.mark.parametrize("number", SET_IDS)
def test_no_solution_line_in_student_notebook(number):
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


@pytest.mark.parametrize("number", SET_IDS)
def test_student_notebook_form(number):
    p = paths(number)
    student = nbformat.read(p["student"], as_version=4)
    first = student.cells[0]
    assert first.cell_type == "code" and "grader = otter.Notebook(" in first.source
    assert first.metadata.get("editable") is False and first.metadata.get("deletable") is False
    code = "\n".join(c.source for c in student.cells if c.cell_type == "code")
    checks = set(re.findall(r'grader\.check\("(\w+)"\)', code))
    assert checks == autograded(number), "each autograded question needs its grader.check cell"
    for cell in student.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "student notebooks ship without outputs"
    for test_file in (p["student"].parent / "tests").glob("*.py"):
        assert '\\"' not in test_file.read_text()


@pytest.fixture(scope="module")
def fresh_assign(tmp_path_factory):
    """Run `make assign` (without re-grading the solutions) into a scratch folder."""
    out = tmp_path_factory.mktemp("assigned")
    assert assign_exercises.main(["--no-run-tests", "--output", str(out)]) == 0
    return out


def test_committed_files_equal_fresh_assign(fresh_assign):
    committed = json.loads((ROOT / "exercises" / "manifest.json").read_text())["files"]
    fresh = json.loads((fresh_assign / "manifest.json").read_text())["files"]
    assert sorted(fresh) == sorted(committed), "generated files differ: run `make assign` and commit"
    for rel, digest in fresh.items():
        on_disk = assign_exercises.sha256((ROOT / "exercises" / rel).read_bytes())
        assert on_disk == digest, f"exercises/{rel} is not what `make assign` generates now: run it and commit"


def _one_set_copy(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A scratch exercises/ folder holding only set 01's master, and an output folder."""
    source = SETS["01"]
    exercises = tmp_path / "exercises"
    (exercises / source.parent.name).mkdir(parents=True)
    master = exercises / source.parent.name / source.name
    shutil.copy(source, master)
    out = tmp_path / "out"
    student = out / source.parent.name / "student" / f"{source.parent.name}.ipynb"
    return exercises, master, student


def test_assign_refuses_to_overwrite_a_changed_student_notebook(tmp_path, capsys):
    exercises, master, student = _one_set_copy(tmp_path)
    args = ["01", "--no-run-tests", "--exercises", str(exercises), "--output", str(tmp_path / "out")]
    assert assign_exercises.main(args) == 0
    generated = student.read_bytes()

    # an unchanged generated notebook follows the master when the master changes
    nb = nbformat.read(master, as_version=4)
    nb.cells.insert(1, nbformat.v4.new_markdown_cell("A note added by the instructor."))
    nbformat.write(nb, master)
    assert assign_exercises.main(args) == 0
    assert student.read_bytes() != generated and b"added by the instructor" in student.read_bytes()

    # a student's work in the generated file is kept, and the script says so
    worked = student.read_bytes().replace(b"q1_named = ...", b"q1_named = 42  # my answer")
    student.write_bytes(worked)
    nb.cells.insert(1, nbformat.v4.new_markdown_cell("A second note."))
    nbformat.write(nb, master)
    assert assign_exercises.main(args) == 1
    assert student.read_bytes() == worked
    assert "REFUSED" in capsys.readouterr().err

    # --force overwrites it
    assert assign_exercises.main(args + ["--force"]) == 0
    assert student.read_bytes() != worked and b"A second note." in student.read_bytes()


def test_assign_is_deterministic(tmp_path):
    exercises, master, student = _one_set_copy(tmp_path)
    first = assign_exercises.generate(master, run_tests=False)
    second = assign_exercises.generate(master, run_tests=False)
    assert first == second


def test_grade_folder_survives_broken_submissions(tmp_path):
    p = paths("01")
    folder = tmp_path / "submissions"
    (folder / "carol").mkdir(parents=True)
    shutil.copy(p["solutions"], folder / "alice.ipynb")
    shutil.copy(p["student"], folder / "carol" / "01.ipynb")
    (folder / "broken.ipynb").write_text('{"cells": [', encoding="utf-8")
    other = nbformat.read(p["solutions"], as_version=4)
    other.metadata["otter"]["assignment_name"] = "some-other-set"
    nbformat.write(other, folder / "wrong_set.ipynb")

    output = grade_exercises.grade_folder("01", folder, jobs=2)
    assert output == folder / "grades_01.csv"
    rows = {row["student"]: row for row in csv.DictReader(output.open(encoding="utf-8"))}
    assert set(rows) == {"alice", "carol/01", "broken", "wrong_set"}
    possible = sum(q["points"] for q in grade_exercises.questions(p["master"]) if not q["manual"])
    assert float(rows["alice"]["auto_score"]) == possible
    assert float(rows["carol/01"]["auto_score"]) == 0
    assert rows["broken"]["status"] == "unreadable" and "not a readable Jupyter notebook" in rows["broken"]["message"]
    assert rows["wrong_set"]["status"] == "wrong set" and float(rows["wrong_set"]["auto_score"]) == 0
    for question in autograded("01"):
        assert question in rows["alice"]
    assert "q6 (written)" in rows["alice"] and rows["alice"]["q6 (written)"] == ""
