"""Grade an exercise set's submissions in the sandbox, and write the grades CSV and reports (`make grade`).

Usage:
    python scripts/grade_exercises.py SET PATH [--student NAME ...] [--output CSV] [--jobs N]
        [--written-page QUESTION] [--lms canvas|moodle --roster GRADEBOOK.csv [--column NAME]]
        [--due 2026-10-01T23:59 [--penalty-per-day 10 | --penalty-rule "1:5,3:20"] [--penalty-cap 50]]

PATH is a folder of submissions (every file in it, sub-folders included, gets a row) or one file. A
student is named by the file's path without its suffix (``alice.ipynb`` -> ``alice``); in an LMS
download (Canvas ``name_userid_subid_file``, Moodle ``Full name_id_assignsubmission_file_file``) by
the LMS's id. Files:

- ``.ipynb`` is graded; an ``.ipynb.txt`` (or ``.txt``/``.json``) that holds a notebook is graded too and
  its row says so; anything else (a PDF, an HTML export) gets a "not a notebook" row scored 0.
- A notebook's set is told from its content (``grading.identify``), so a notebook without (or with
  wrong) ``metadata.otter`` is graded as the set it answers; one that answers another set gets a
  "wrong set" row.

Grading runs in the sandbox of ``grading.engine``; where the sandbox is missing this refuses to run
and says how to install it. It writes, beside the CSV (default ``PATH/grades_NN.csv``): the CSV
(typed written marks, ``override`` and ``comment`` kept on re-grading, the old CSV backed up),
``feedback_NN/<student>.md``, ``summary_NN.png`` and ``summary_NN.md``, ``written_NN_<q>.md`` for
each written question, and with ``--lms`` the gradebook to import (``canvas_NN.csv``/``moodle_NN.csv``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from assign_exercises import EXERCISES, find_sets, set_name  # noqa: E402
from grading import identify, lms, report  # noqa: E402
from grading.results import SubmissionResult, WrittenAnswer  # noqa: E402

SKIP_PARTS = {".ipynb_checkpoints", "__MACOSX", ".git"}
NOTEBOOK_SUFFIXES = (".ipynb",)
MAYBE_NOTEBOOK_SUFFIXES = (".ipynb.txt", ".txt", ".json")  # graded when they hold a notebook


def questions(master: Path) -> list[dict]:
    """Return [{"name", "manual", "points"}] for each question of a master notebook, in order."""
    found = []
    for cell in nbformat.read(master, as_version=4).cells:
        source = cell.source.strip()
        if cell.cell_type == "raw" and source.upper().startswith("# BEGIN QUESTION"):
            config = yaml.safe_load(source.split("\n", 1)[1]) or {}
            found.append(
                {"name": config["name"], "manual": bool(config.get("manual", False)),
                 "points": config.get("points", 1)}
            )
    return found


def is_output(path: Path, number: str) -> bool:
    """Files this command writes beside the CSV: never graded as submissions."""
    name = path.name
    return (name.startswith((f"grades_{number}", f"summary_{number}", f"written_{number}_",
                             f"canvas_{number}", f"moodle_{number}"))
            or f"feedback_{number}" in path.parts)


def find_files(folder: Path, number: str, exclude: set[Path] = frozenset()) -> list[Path]:
    """Every file under ``folder`` except checkpoints, hidden files and this command's own outputs."""
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and not SKIP_PARTS & set(p.relative_to(folder).parts)
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and not is_output(p.relative_to(folder), number) and p.resolve() not in exclude
    )


def read_notebook(path: Path) -> tuple[dict | None, str, str]:
    """(parsed notebook or None, status, message) for one file, by its name and content."""
    lower = path.name.lower()
    notebook_name = lower.endswith(NOTEBOOK_SUFFIXES)
    maybe = lower.endswith(MAYBE_NOTEBOOK_SUFFIXES)
    if not notebook_name and not maybe:
        kind = path.suffix.lstrip(".").upper() or "file without a suffix"
        return None, "not a notebook", (f"a {kind} file, not a Jupyter notebook (.ipynb); ask the student to "
                                        "submit the .ipynb file itself; scored 0")
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
        if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
            raise ValueError("it has no list of cells")
        notebook = nbformat.from_dict(data)
    except Exception as error:
        if notebook_name:
            return None, "unreadable", (f"not a readable Jupyter notebook ({type(error).__name__}: "
                                        f"{str(error)[:200]}); ask the student to re-download or re-save it "
                                        "and submit again")
        return None, "not a notebook", (f"a {path.suffix} file that does not hold a notebook; ask the student "
                                        "to submit the .ipynb file; scored 0")
    note = "" if notebook_name else f"graded from a {path.name.split('.', 1)[-1]} file that holds a notebook"
    return notebook, "", note


def load_engine():
    """The sandboxed engine, imported only when grading (its sandbox checks cost a moment)."""
    try:
        from grading import engine
    except ImportError as error:
        raise SystemExit(f"The grading engine (scripts/grading/engine.py) cannot be loaded: {error}") from error
    return engine


class Progress:
    """Print n/N, one line per file and an estimate of the time left."""

    def __init__(self, total: int, out=None):
        self.total, self.started, self.out = total, time.monotonic(), out or sys.stdout

    def __call__(self, done: int, total: int, result: SubmissionResult) -> None:
        elapsed = time.monotonic() - self.started
        left = elapsed / done * (total - done) if done else 0.0
        note = f"  [{result.status}: {result.message}]" if result.message else ""
        print(f"[{done}/{total}] {result.file}: {result.points_earned:g} / {result.points_possible:g}"
              f"{note}  (ETA {left:.0f} s)", file=self.out, flush=True)


def _row_only(file: str, set_id: str | None, status: str, message: str, modified: float | None,
              written: list[WrittenAnswer] = ()) -> SubmissionResult:
    return SubmissionResult(file=file, set_id=set_id, status=status, message=message, modified=modified,
                            written=list(written))


def grade_paths(number: str, root: Path, files: list[Path], engine, jobs: int = 2, limits=None,
                exercises: Path = EXERCISES, out=None) -> list[SubmissionResult]:
    out = out or sys.stdout
    """Grade ``files`` (under ``root``) for set ``number``: one result per file, in the same order."""
    prints = identify.set_fingerprints(exercises)
    wanted = prints.get(number)
    results: list[SubmissionResult | None] = [None] * len(files)
    to_grade, labels, where, notes = [], [], [], {}
    with tempfile.TemporaryDirectory(prefix="cqlab_grade_") as scratch:
        for index, path in enumerate(files):
            label = path.relative_to(root).as_posix() if path != root else path.name
            modified = path.stat().st_mtime
            notebook, status, message = read_notebook(path)
            if notebook is None:
                results[index] = _row_only(label, None, status, message, modified)
                continue
            found, why = identify.identify(notebook, prints)
            if found is not None and found != number:
                results[index] = _row_only(label, found, "wrong set", (
                    f"this notebook answers exercise set {found}, not {number} ({why}); scored 0"), modified)
                continue
            if found is None:
                results[index] = _row_only(label, None, "wrong set", (
                    f"{why}; it is not set {number}'s notebook; scored 0"), modified)
                continue
            fixes = []
            otter = notebook.metadata.get("otter")
            if wanted and wanted.assignment and (not isinstance(otter, dict)
                                                 or otter.get("assignment_name") != wanted.assignment):
                notebook.metadata["otter"] = {"assignment_name": wanted.assignment}
                fixes.append("its otter metadata was missing or named another set: recognised by its content")
            if message:
                fixes.append(message)
            copy = Path(scratch) / f"{index:05d}.ipynb"
            nbformat.write(notebook, copy)
            to_grade.append(copy)
            labels.append(label)
            where.append(index)
            notes[index] = "; ".join(fixes)
        if to_grade:
            print(f"Grading {len(to_grade)} notebook(s) of set {number} ({jobs} at a time, sandboxed); "
                  f"{len(files) - len(to_grade)} other file(s) need no run", file=out, flush=True)
            kwargs = {"jobs": jobs, "progress": Progress(len(to_grade), out), "labels": labels}
            if limits is not None:
                kwargs["limits"] = limits
            graded = engine.grade_many(to_grade, number, **kwargs)
            for index, result in zip(where, graded):
                result.file = labels[where.index(index)]
                result.modified = files[index].stat().st_mtime
                if notes[index]:
                    result.message = "; ".join(m for m in (notes[index], result.message) if m)
                results[index] = result
    return [r for r in results if r is not None]


def grade_folder(number: str, path: Path, output: Path | None = None, jobs: int = 2, *,
                 students: list[str] | None = None, engine=None, limits=None, written_page: list[str] = (),
                 lms_kind: str | None = None, roster: Path | None = None, column: str | None = None,
                 policy: lms.LatePolicy | None = None, exercises: Path = EXERCISES,
                 out=None) -> Path:
    """Grade a folder (or one file) for set ``number``; write the CSV and reports; return the CSV path."""
    out = out or sys.stdout
    sets = find_sets(exercises)
    if number not in sets:
        raise SystemExit(f"No exercise set {number}. Sets: {', '.join(sets) or 'none'}.")
    master = sets[number]
    title = set_name(master)
    qs = [report.Question(q["name"], float(q["points"]), q["manual"]) for q in questions(master)]
    engine = engine or load_engine()
    problem = engine.sandbox_problem()
    if problem:
        raise SystemExit(f"Refusing to grade without the sandbox: {problem}")
    if not path.exists():
        raise SystemExit(f"{path} does not exist: give a folder of submissions or one submitted file.")
    root = path if path.is_dir() else path.parent
    output = output or root / f"grades_{number}.csv"
    exclude = {output.resolve()} | ({roster.resolve()} if roster else set())
    files = find_files(root, number, exclude) if path.is_dir() else [path]
    if students:
        chosen = [f for f in files if report.student_of(f.relative_to(root).as_posix()) in students
                  or lms.student_key(f.relative_to(root).as_posix(), lms_kind) in students]
        missing = set(students) - {report.student_of(f.relative_to(root).as_posix()) for f in chosen} - {
            lms.student_key(f.relative_to(root).as_posix(), lms_kind) for f in chosen}
        if missing:
            raise SystemExit(f"No submission for {', '.join(sorted(missing))} in {root}.")
        files = chosen
    started = time.monotonic()
    results = grade_paths(number, root, files, engine, jobs, limits, exercises, out)
    elapsed = time.monotonic() - started
    late = lms.late_columns(results, policy, lms_kind) if policy else None
    only = {report.student_of(r.file) for r in results} if (students or not path.is_dir()) else None
    made = report.write_grades(output, results, qs, late=late, only=only)
    folder = output.parent
    report.write_feedback(folder / f"feedback_{number}", results, title)
    everyone = results
    hardest = report.write_summary(folder / f"summary_{number}.png", folder / f"summary_{number}.md",
                                   everyone, qs, title) if only is None else None
    for q in written_page or [q.name for q in qs if q.manual]:
        report.write_written_page(folder / f"written_{number}_{q}.md", results, q, title)
    if lms_kind:
        if not roster:
            raise SystemExit(f"--lms {lms_kind} needs --roster: the gradebook CSV exported from {lms_kind}.")
        target = folder / f"{lms_kind}_{number}.csv"
        matched, unmatched = lms.export(lms_kind, roster, output, target, column=column)
        print(f"Wrote {target}: {matched} student(s) from the roster"
              + (f"; no roster match for {', '.join(unmatched)}" if unmatched else ""), file=out)
    rate = len(results) / elapsed * 60 if elapsed and results else 0.0
    print(f"Wrote {output} ({len(results)} row(s)) in {elapsed:.1f} s ({rate:.1f} per minute)"
          + (f"; previous CSV kept as {made.name}" if made else "")
          + (f"; hardest question: {hardest}" if hardest else ""), file=out)
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("set", help="the exercise set number, e.g. 01")
    parser.add_argument("path", type=Path, help="folder of submissions, or one submitted file")
    parser.add_argument("--student", action="append", help="re-grade only this student (repeatable)")
    parser.add_argument("--output", type=Path, help="CSV to write (default PATH/grades_SET.csv)")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                        help="submissions graded at once (default: 2, or 1 on a one-core machine)")
    parser.add_argument("--written-page", action="append", help="written question to collect on one page")
    parser.add_argument("--lms", choices=lms.KINDS, help="also write this LMS's gradebook CSV to import")
    parser.add_argument("--roster", type=Path, help="the gradebook CSV exported from the LMS")
    parser.add_argument("--column", help="the LMS's assignment column (default: found from the set)")
    parser.add_argument("--due", help="due date and time, e.g. 2026-10-01T23:59 (local time)")
    parser.add_argument("--penalty-per-day", type=float, default=0.0, help="points off per day late")
    parser.add_argument("--penalty-rule", help='points off by days late, e.g. "1:5,3:20" (1+ day: 5, 3+: 20)')
    parser.add_argument("--penalty-cap", type=float, help="at most this many points off")
    args = parser.parse_args(argv)
    policy = (lms.LatePolicy.parse(args.due, args.penalty_per_day, args.penalty_rule, args.penalty_cap)
              if args.due else None)
    grade_folder(args.set.zfill(2), args.path, args.output, args.jobs, students=args.student,
                 written_page=args.written_page or (), lms_kind=args.lms, roster=args.roster,
                 column=args.column, policy=policy)
    return 0


if __name__ == "__main__":
    sys.exit(main())
