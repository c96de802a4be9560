"""`make grade` end to end with the real sandboxed engine, on a few real submissions of set 01.

Needs ``scripts/grading/engine.py`` (branch grade-engine) and its sandbox; fails until both are there.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOLUTIONS = next(ROOT.glob("exercises/01_*/autograder/01_*_solutions.ipynb"))
BLANK = next(ROOT.glob("exercises/01_*/student/01_*.ipynb"))


def test_real_cli_on_real_submissions(tmp_path):
    sub = tmp_path / "subs"
    sub.mkdir()
    shutil.copy(SOLUTIONS, sub / "alice.ipynb")
    shutil.copy(BLANK, sub / "blank.ipynb")
    (sub / "report.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    shutil.copy(SOLUTIONS, sub / "txt.ipynb.txt")
    bare = json.loads(SOLUTIONS.read_text(encoding="utf-8"))
    bare["metadata"].pop("otter", None)
    (sub / "nometa.ipynb").write_text(json.dumps(bare), encoding="utf-8")
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "grade_exercises.py"), "01", str(sub)],
                         capture_output=True, text=True, env=dict(os.environ), timeout=900)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "[4/4]" in run.stdout and "ETA" in run.stdout
    rows = {r["student"]: r for r in csv.DictReader((sub / "grades_01.csv").open(encoding="utf-8"))}
    assert set(rows) == {"alice", "blank", "report", "txt", "nometa"}
    full = float(rows["alice"]["auto_possible"])
    assert full > 0 and float(rows["alice"]["auto_score"]) == full
    assert float(rows["nometa"]["auto_score"]) == full and "content" in rows["nometa"]["message"]
    assert float(rows["txt"]["auto_score"]) == full
    assert float(rows["blank"]["auto_score"]) == 0
    assert rows["report"]["status"] == "not a notebook"
    assert (sub / "feedback_01" / "blank.md").exists() and (sub / "summary_01.png").exists()
    # re-grading one student keeps the rest
    again = subprocess.run([sys.executable, str(ROOT / "scripts" / "grade_exercises.py"), "01", str(sub),
                            "--student", "blank"], capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "[1/1]" in again.stdout
    assert set(r["student"] for r in csv.DictReader((sub / "grades_01.csv").open(encoding="utf-8"))) == set(rows)
