"""make grade's workflow (files, sets, re-grading, reports, LMS, late policy) with a fake engine.

The fake engine stands in for ``grading.engine`` (written on another branch): it scores a question as
right when no answer line of the notebook is left as ``= ...``, so each test here checks
what the CLI and reports do with the engine's records, not grading itself (see the e2e test for that).
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(ROOT / "scripts"))

import grade_exercises  # noqa: E402
from grading import identify, lms, report  # noqa: E402
from grading.results import SubmissionResult, WrittenAnswer  # noqa: E402
from grading.results import TestResult as Check  # noqa: E402

SET = "01"
STUDENT = next((ROOT / "exercises").glob("01_*/student/01_*.ipynb"))
SOLUTIONS = next((ROOT / "exercises").glob("01_*/autograder/01_*_solutions.ipynb"))
OTHER = next((ROOT / "exercises").glob("02_*/autograder/02_*_solutions.ipynb"))
QUESTIONS = grade_exercises.questions(next((ROOT / "exercises").glob("01_*/01_*_master.ipynb")))
AUTO = [q for q in QUESTIONS if not q["manual"]]
MANUAL = [q for q in QUESTIONS if q["manual"]]
POSSIBLE = sum(q["points"] for q in AUTO)


class FakeEngine:
    def __init__(self, problem=None):
        self.problem, self.calls = problem, []

    def sandbox_problem(self):
        return self.problem

    def grade_many(self, notebooks, set_id, *, limits=None, jobs=2, progress=None, labels=None):
        self.calls.append((list(labels), set_id))
        results = []
        for i, (path, label) in enumerate(zip(notebooks, labels), 1):
            text = path.read_text(encoding="utf-8")
            data = json.loads(text)
            assert data["metadata"]["otter"]["assignment_name"].startswith("cqlab-01")
            tests = []
            for q in AUTO:
                ok = not re.search(r"= \.\.\.", text)  # the blank notebook leaves answers as `= ...`
                tests.append(Check(f"{q['name']}_a", q["name"], q["points"], q["points"] * ok, ok,
                                        hint="" if ok else f"{q['name']}: expected a number"))
            written = [WrittenAnswer(q["name"], q["points"], f"answer of {label}") for q in MANUAL]
            result = SubmissionResult(label, set_id, "graded", tests=tests, written=written)
            results.append(result)
            if progress:
                progress(i, len(notebooks), result)
        return results


def rows(path):
    with open(path, encoding="utf-8") as handle:
        return {row["student"]: row for row in csv.DictReader(handle)}


@pytest.fixture
def folder(tmp_path):
    sub = tmp_path / "subs"
    (sub / "dan").mkdir(parents=True)
    shutil.copy(SOLUTIONS, sub / "alice.ipynb")
    shutil.copy(STUDENT, sub / "blank.ipynb")
    (sub / "essay.pdf").write_bytes(b"%PDF-1.4 not a notebook")
    shutil.copy(SOLUTIONS, sub / "txt.ipynb.txt")
    bare = json.loads(SOLUTIONS.read_text(encoding="utf-8"))
    bare["metadata"].pop("otter")
    (sub / "dan" / "nometa.ipynb").write_text(json.dumps(bare), encoding="utf-8")
    shutil.copy(OTHER, sub / "other_set.ipynb")
    (sub / "broken.ipynb").write_text('{"cells": [', encoding="utf-8")
    return sub


def test_every_file_gets_a_row_and_sets_are_told_by_content(folder, capsys):
    engine = FakeEngine()
    out = grade_exercises.grade_folder(SET, folder, engine=engine)
    got = rows(out)
    assert set(got) == {"alice", "blank", "essay", "txt", "dan/nometa", "other_set", "broken"}
    assert float(got["alice"]["auto_score"]) == POSSIBLE
    assert float(got["dan/nometa"]["auto_score"]) == POSSIBLE and "recognised by its content" in got[
        "dan/nometa"]["message"]
    assert float(got["txt"]["auto_score"]) == POSSIBLE and "ipynb.txt" in got["txt"]["message"]
    assert float(got["blank"]["auto_score"]) == 0
    assert got["essay"]["status"] == "not a notebook" and "PDF" in got["essay"]["message"]
    assert got["other_set"]["status"] == "wrong set" and "set 02" in got["other_set"]["message"]
    assert got["broken"]["status"] == "unreadable"
    # only notebooks of this set reach the engine
    assert sorted(engine.calls[0][0]) == ["alice.ipynb", "blank.ipynb", "dan/nometa.ipynb", "txt.ipynb.txt"]
    printed = capsys.readouterr().out
    assert "[1/4]" in printed and "[4/4]" in printed and "ETA" in printed


def test_refuses_without_the_sandbox(folder):
    with pytest.raises(SystemExit, match="apt-get install bubblewrap"):
        grade_exercises.grade_folder(SET, folder, engine=FakeEngine("install it: apt-get install bubblewrap"))
    assert not (folder / "grades_01.csv").exists()


def test_regrade_keeps_typed_marks_and_backs_up(folder):
    engine = FakeEngine()
    out = grade_exercises.grade_folder(SET, folder, engine=engine)
    written = f"{MANUAL[0]['name']} (written)"
    table = list(csv.DictReader(out.open(encoding="utf-8")))
    for row in table:
        if row["student"] == "alice":
            row[written] = "2"
        if row["student"] == "blank":
            row["override"] = "1.5"
            row["comment"] = "talked in class"
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, list(table[0]))
        writer.writeheader()
        writer.writerows(table)
    typed = out.read_text(encoding="utf-8")
    grade_exercises.grade_folder(SET, folder, engine=engine)
    got = rows(out)
    assert got["alice"][written] == "2" and float(got["alice"]["total"]) == POSSIBLE + 2
    assert float(got["blank"]["total"]) == 1.5 and got["blank"]["comment"] == "talked in class"
    backups = list(folder.glob("grades_01.*.bak.csv"))
    assert any(b.read_text(encoding="utf-8") == typed for b in backups)


def test_one_student_regraded_alone_keeps_the_others(folder):
    engine = FakeEngine()
    out = grade_exercises.grade_folder(SET, folder, engine=engine)
    before = rows(out)
    shutil.copy(SOLUTIONS, folder / "blank.ipynb")  # blank resubmits a right answer
    grade_exercises.grade_folder(SET, folder, engine=engine, students=["blank"])
    assert engine.calls[-1][0] == ["blank.ipynb"]
    after = rows(out)
    assert float(after["blank"]["auto_score"]) == POSSIBLE
    assert set(after) == set(before) and after["essay"] == before["essay"]
    grade_exercises.grade_folder(SET, folder / "alice.ipynb", engine=engine)  # a single file
    assert engine.calls[-1][0] == ["alice.ipynb"] and set(rows(out)) == set(before)
    with pytest.raises(SystemExit, match="No submission for nobody"):
        grade_exercises.grade_folder(SET, folder, engine=engine, students=["nobody"])


def test_feedback_summary_and_written_page(folder):
    grade_exercises.grade_folder(SET, folder, engine=FakeEngine())
    blank = (folder / "feedback_01" / "blank.md").read_text(encoding="utf-8")
    assert f"{AUTO[0]['name']}: expected a number" in blank and f"0 / {POSSIBLE:g}" in blank
    alice = (folder / "feedback_01" / "alice.md").read_text(encoding="utf-8")
    assert "Every autograded test passed" in alice
    png = folder / "summary_01.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    summary = (folder / "summary_01.md").read_text(encoding="utf-8")
    assert "Hardest question" in summary
    page = (folder / f"written_01_{MANUAL[0]['name']}.md").read_text(encoding="utf-8")
    assert "answer of alice.ipynb" in page and "answer of dan/nometa.ipynb" in page


def test_hardest_question_is_the_lowest_mean():
    qs = [report.Question("q1", 2), report.Question("q2", 1), report.Question("q3", 1, manual=True)]
    make = lambda a, b: SubmissionResult("x.ipynb", "01", "graded", tests=[  # noqa: E731
        Check("q1_a", "q1", 2, a, a == 2), Check("q2_a", "q2", 1, b, b == 1)])
    results = [make(2, 0), make(1, 1), make(2, 0)]
    means = report.question_means(results, qs)
    assert means == pytest.approx({"q1": 5 / 6, "q2": 1 / 3})


def test_identify_every_set_by_content_without_metadata():
    prints = identify.set_fingerprints(ROOT / "exercises")
    assert len(prints) >= 8
    for path in sorted((ROOT / "exercises").glob("*/autograder/*_solutions.ipynb")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["metadata"]["otter"] = {"assignment_name": "some-other-set"}
        assert identify.identify(data, prints)[0] == path.name[:2]
    assert identify.identify({"cells": [{"cell_type": "code", "source": "x = 1"}]}, prints)[0] is None


CANVAS_ROSTER = """Student,ID,SIS User ID,SIS Login ID,Section,Exercise 01 (4321),Quiz (99)
    Points Possible,,,,,10,5
"Li, Wei",1001,s1,liwei,A,,
"Wang, Fang",1002,s2,wangfang,A,,
"""
MOODLE_SHEET = """Identifier,Full name,Email address,Status,Grade,Maximum Grade,Grade can be changed,\
Last modified (submission),Online text,Last modified (grade),Feedback comments
Participant 501,Li Wei,li@example.edu,Submitted,,10.00,Yes,,,,
Participant 502,Wang Fang,wang@example.edu,Submitted,,10.00,Yes,,,,
"""


def test_canvas_export_with_late_policy(tmp_path):
    sub = tmp_path / "subs"
    sub.mkdir()
    shutil.copy(SOLUTIONS, sub / "liwei_1001_777_01_cluster_system.ipynb")
    shutil.copy(SOLUTIONS, sub / "wangfang_late_1002_778_01_cluster_system.ipynb")
    due = time.mktime((2026, 10, 1, 23, 59, 0, 0, 0, -1))
    os.utime(sub / "liwei_1001_777_01_cluster_system.ipynb", (due - 3600, due - 3600))
    os.utime(sub / "wangfang_late_1002_778_01_cluster_system.ipynb", (due + 2.5 * 86400,) * 2)
    roster = tmp_path / "canvas_export.csv"
    roster.write_text(CANVAS_ROSTER, encoding="utf-8")
    policy = lms.LatePolicy.parse("2026-10-01T23:59", per_day=1, cap=2)
    out = grade_exercises.grade_folder(SET, sub, engine=FakeEngine(), lms_kind="canvas", roster=roster,
                                       column="Exercise 01 (4321)", policy=policy)
    got = rows(out)
    on_time, late = got["liwei_1001_777_01_cluster_system"], got["wangfang_late_1002_778_01_cluster_system"]
    assert on_time["days_late"] == "0" and float(on_time["total"]) == POSSIBLE
    assert late["days_late"] == "3" and float(late["late_penalty"]) == 2  # 3 days x 1, capped at 2
    assert float(late["total"]) == POSSIBLE - 2 and late["submitted_at"].startswith("2026-10-04")
    table = list(csv.DictReader((sub / "canvas_01.csv").open(encoding="utf-8")))
    assert list(table[0]) == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Exercise 01 (4321)"]
    assert table[0]["Student"].strip() == "Points Possible"
    marks = {r["ID"]: float(r["Exercise 01 (4321)"]) for r in table[1:]}
    assert marks == {"1001": POSSIBLE, "1002": POSSIBLE - 2}


def test_moodle_export_and_rules(tmp_path):
    sub = tmp_path / "subs"
    sub.mkdir()
    shutil.copy(SOLUTIONS, sub / "Li Wei_501_assignsubmission_file_ex01.ipynb")
    shutil.copy(STUDENT, sub / "Wang Fang_502_assignsubmission_file_ex01.ipynb")
    sheet = tmp_path / "worksheet.csv"
    sheet.write_text(MOODLE_SHEET, encoding="utf-8")
    grade_exercises.grade_folder(SET, sub, engine=FakeEngine(), lms_kind="moodle", roster=sheet)
    table = {r["Identifier"]: r for r in csv.DictReader((sub / "moodle_01.csv").open(encoding="utf-8"))}
    assert float(table["Participant 501"]["Grade"]) == POSSIBLE
    assert float(table["Participant 502"]["Grade"]) == 0
    assert table["Participant 501"]["Email address"] == "li@example.edu"
    rule = lms.LatePolicy.parse("2026-10-01T00:00", rule="1:5,3:20", cap=15)
    assert [rule.penalty(d) for d in (0, 1, 2, 3, 9)] == [0, 5, 5, 15, 15]
    with pytest.raises(lms.LMSError, match="DAYS:POINTS"):
        lms.LatePolicy.parse("2026-10-01", rule="lots")
    with pytest.raises(lms.LMSError, match="not a Moodle grading worksheet"):
        lms.export("moodle", tmp_path / "canvas.csv" if (tmp_path / "canvas.csv").write_text(
            CANVAS_ROSTER) else None, sub / "grades_01.csv", tmp_path / "x.csv")
