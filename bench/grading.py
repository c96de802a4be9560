"""Autograding throughput: a folder of generated submissions graded by the engine (scripts/grading/engine.py),
with its sandbox, 2 at a time (the default of `make grade`).

Submissions are made from the exercise set's blank student notebook and the solutions notebook
(`exercises/NN_name/autograder/NN_name_solutions.ipynb`, from the master): the k-th answer cell of
the student notebook is filled with the k-th solution cell ("right"), kept blank ("blank": the
``...`` placeholders stay), or filled with the solution followed by a line that spoils the
answer's variable ("wrong"). The mix is fixed, so every run grades the same folder.
"""

from __future__ import annotations

import re
import shutil
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


def _engine():
    """scripts/grading/engine.py, imported under another package name (this module is called grading too)."""
    import importlib
    import importlib.util

    if "cqlab_grading.engine" not in sys.modules:
        package = ROOT / "scripts" / "grading"
        spec = importlib.util.spec_from_file_location("cqlab_grading", package / "__init__.py",
                                                      submodule_search_locations=[str(package)])
        module = importlib.util.module_from_spec(spec)
        sys.modules["cqlab_grading"] = module
        spec.loader.exec_module(module)
    return importlib.import_module("cqlab_grading.engine")


def bench_grading(count: int, work: Path, log=print) -> dict:
    found = find_set()
    if not found:
        return {"error": "not measured: no exercise set yet"}
    number, set_dir = found
    folder = work / "submissions"
    plan = make_submissions(set_dir, folder, count)
    log(f"  grading {count} submissions of set {set_dir.name} in the sandbox, 2 at a time")
    engine = _engine()

    problem = engine.sandbox_problem()
    if problem:
        return {"error": f"not measured: {problem}"}
    files = sorted(folder.glob("*.ipynb"))
    started = time.perf_counter()
    results = engine.grade_many(files, number, jobs=2)
    elapsed = time.perf_counter() - started
    out = {"set": set_dir.name, "submissions": count, "wall_s": round(elapsed, 1),
           "per_minute": round(count / elapsed * 60, 1),
           "command": "grading.engine.grade_many(files, set, jobs=2): bubblewrap sandbox + clean-process scoring"}
    rows = {path.stem: result for path, result in zip(files, results)}
    right = [rows[n].points_earned for n, kinds in plan.items() if set(kinds) == {"right"}]
    blank = [rows[n].points_earned for n, kinds in plan.items() if set(kinds) == {"blank"}]
    mixed = [rows[n].points_earned for n, kinds in plan.items() if len(set(kinds)) > 1]
    possible = results[0].points_possible if results else 0
    out.update(possible=possible, all_right_scores=sorted(set(right)), all_blank_scores=sorted(set(blank)),
               mixed_scores=[min(mixed), max(mixed)] if mixed else [],
               statuses=sorted({r.status for r in results}))
    out["sane"] = bool(right) and all(s == possible for s in right) and all(s < possible for s in blank)
    return out
