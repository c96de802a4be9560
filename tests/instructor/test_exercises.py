"""The exercise sets as a whole, and the scripts behind `make assign` and `make grade`.

Every set's own checks (solutions score full marks, the blank notebook runs and scores zero, no solution
leaks, the student notebook's form, committed files equal a fresh `make assign`) are in
tests/instructor/exercise_checks.py and run from one thin file per set, tests/test_exercises_NN.py, so that
pytest-xdist spreads the sets over workers. This file checks that every lesson has a set and every set
its test file, that `make assign` never overwrites a student's edited notebook and is deterministic,
and that `make grade` survives broken submissions.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import nbformat

from tests.instructor.exercise_checks import (
    ROOT,
    SETS,
    TEST_FILE_TEMPLATE,
    assign_exercises,
    autograded,
    grade_exercises,
    paths,
)


def test_every_lesson_has_an_exercise_set():
    lessons = sorted({p.name[:2] for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")} - {"00"})
    assert lessons, "no lessons found"
    missing = [n for n in lessons if n not in SETS]
    assert not missing, f"lessons without an exercise set: {missing}"


def test_every_set_has_its_test_file():
    for number in SETS:
        path = ROOT / "tests" / "instructor" / f"test_exercises_{number}.py"
        assert path.exists() and path.read_text(encoding="utf-8") == TEST_FILE_TEMPLATE.format(number=number), (
            f"{path.relative_to(ROOT)} is missing or edited: write it from tests.instructor.exercise_checks.TEST_FILE_TEMPLATE"
        )


def test_manifest_names_only_existing_sets():
    committed = json.loads((ROOT / "exercises" / "manifest.json").read_text(encoding="utf-8"))["files"]
    names = {master.parent.name for master in SETS.values()}
    stale = sorted(rel for rel in committed if rel.split("/", 1)[0] not in names)
    assert not stale, f"manifest.json lists files of sets that no longer exist: {stale[:5]}"


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
    assert worked != student.read_bytes(), "the test's edit did not apply: update the string it replaces"
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
    # another set's work handed in for set 01 is told by its content, whatever its metadata says
    other = nbformat.read(paths("05")["solutions"], as_version=4)
    other.metadata["otter"]["assignment_name"] = "01_cluster_system"
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
    assert "q6 (written)" in rows["alice"] and rows["alice"]["q6 (written)"] == ""  # for the instructor to type
