"""Autograding throughput: a folder of generated submissions graded by scripts/grade_exercises.py.

Submissions are made from the exercise set's blank student notebook and the solutions notebook
(`exercises/NN_name/autograder/NN_name_solutions.ipynb`, from the master): the k-th answer cell of
the student notebook is filled with the k-th solution cell ("right"), kept blank ("blank": the
``...`` placeholders stay), or filled with the solution followed by a line that spoils the
answer's variable ("wrong"). The mix is fixed, so every run grades the same folder.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = ROOT / "exercises"
ANSWER_TAG = "otter_answer_cell"
SOLUTION_TAG = "otter_assign_solution_cell"


def find_set() -> tuple[str, Path] | None:
    """The first exercise set that has a student notebook, a solutions notebook and a grader."""
    for set_dir in sorted(p for p in EXERCISES.glob("[0-9][0-9]_*") if p.is_dir()):
        student = set_dir / "student" / f"{set_dir.name}.ipynb"
        solutions = set_dir / "autograder" / f"{set_dir.name}_solutions.ipynb"
        grader = set_dir / "autograder" / f"{set_dir.name}-autograder.zip"
        if student.exists() and solutions.exists() and grader.exists():
            return set_dir.name[:2], set_dir
    return None


def _answer_cells(notebook, tag: str) -> list:
    return [c for c in notebook.cells if c.cell_type == "code" and tag in (c.metadata.get("tags") or [])]


def spoil(source: str) -> str:
    """The solution plus one line that makes its answer wrong (the last q-variable it assigns)."""
    names = re.findall(r"^(q\d+\w*)\s*=", source, flags=re.M)
    if not names:
        return source + "\nraise ValueError('a wrong answer')\n"
    name = names[-1]
    return source + f"\n{name} = None  # a wrong answer\n"


def make_submissions(set_dir: Path, folder: Path, count: int) -> dict:
    student = nbformat.read(set_dir / "student" / f"{set_dir.name}.ipynb", as_version=4)
    solutions = nbformat.read(set_dir / "autograder" / f"{set_dir.name}_solutions.ipynb", as_version=4)
    blanks = _answer_cells(student, ANSWER_TAG)
    answers = _answer_cells(solutions, SOLUTION_TAG)
    if len(blanks) != len(answers):
        raise RuntimeError(f"{len(blanks)} answer cells in the student notebook but {len(answers)} "
                           "solution cells: cannot pair them")
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    plan = {}
    patterns = ["right", "blank", "wrong"]
    for k in range(count):
        notebook = nbformat.reads(nbformat.writes(student), as_version=4)
        cells = _answer_cells(notebook, ANSWER_TAG)
        if k % 4 == 0:
            kinds = ["right"] * len(cells)
        elif k % 4 == 1:
            kinds = ["blank"] * len(cells)
        else:
            kinds = [patterns[(k + q) % 3] for q in range(len(cells))]
        for cell, answer, kind in zip(cells, answers, kinds):
            if kind == "right":
                cell.source = answer.source
            elif kind == "wrong":
                cell.source = spoil(answer.source)
        name = f"student{k + 1:02d}"
        nbformat.write(notebook, folder / f"{name}.ipynb")
        plan[name] = kinds
    return plan


def bench_grading(count: int, work: Path, log=print) -> dict:
    found = find_set()
    if not found:
        return {"error": "not measured: no exercise set yet"}
    number, set_dir = found
    folder = work / "submissions"
    plan = make_submissions(set_dir, folder, count)
    output = work / f"grades_{number}.csv"
    log(f"  grading {count} submissions of set {set_dir.name}")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "grade_exercises.py"), number,
                           str(folder), "--output", str(output)],
                          cwd=ROOT, capture_output=True, text=True, timeout=3600)
    elapsed = time.perf_counter() - started
    out = {"set": set_dir.name, "submissions": count, "wall_s": round(elapsed, 1),
           "per_minute": round(count / elapsed * 60, 1), "returncode": done.returncode,
           "command": f"scripts/grade_exercises.py {number} FOLDER (default --jobs)"}
    if done.returncode != 0:
        out["error"] = (done.stderr or done.stdout)[-1500:]
        return out
    with open(output, newline="", encoding="utf-8") as handle:
        rows = {r["student"]: r for r in csv.DictReader(handle)}
    right = [float(rows[n]["auto_score"]) for n, kinds in plan.items() if set(kinds) == {"right"}]
    blank = [float(rows[n]["auto_score"]) for n, kinds in plan.items() if set(kinds) == {"blank"}]
    mixed = [float(rows[n]["auto_score"]) for n, kinds in plan.items() if len(set(kinds)) > 1]
    possible = float(next(iter(rows.values()))["auto_possible"]) if rows else 0
    out.update(possible=possible, all_right_scores=sorted(set(right)), all_blank_scores=sorted(set(blank)),
               mixed_scores=[min(mixed), max(mixed)] if mixed else [],
               statuses=sorted({r["status"] for r in rows.values()}))
    out["sane"] = bool(right) and all(s == possible for s in right) and all(s < possible for s in blank)
    tail = [line for line in done.stdout.splitlines() if "submissions per minute" in line]
    # the script names the CSV by its absolute path; keep it relative to the repository in the report
    out["script_says"] = (tail[-1] if tail else "").replace(str(ROOT) + "/", "")
    return out
