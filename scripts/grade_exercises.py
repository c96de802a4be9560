"""Grade a folder of submitted notebooks for one exercise set, locally and without Docker (`make grade`).

Usage:
    python scripts/grade_exercises.py SET FOLDER [--output CSV] [--jobs N] [--timeout SECONDS]

Every ``*.ipynb`` under FOLDER (sub-folders included, checkpoints skipped) is one submission; the
student is named by its path without ``.ipynb`` (``alice.ipynb`` -> ``alice``,
``alice/01_cluster_system.ipynb`` -> ``alice/01_cluster_system``). Each is run with otter-grader's
non-containerised grader (``otter.api.grade_submission``, the engine of ``otter run``) against
``exercises/NN_name/autograder/NN_name-autograder.zip``, public and hidden tests included.

Writes ``FOLDER/grades_NN.csv``: one row per student, one column per question (autograded questions
scored; written questions left blank for the instructor), the autograded total, and a status and
message. A submission that is not a notebook, is for another set, crashes the kernel or runs past the
time limit is scored 0 with a message saying so; the other submissions are graded as usual.

Student code runs with your permissions on your machine: grade on a machine (or account) you do not mind
a student's code running on.
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from assign_exercises import EXERCISES, find_sets, set_name  # noqa: E402

DEFAULT_TIMEOUT = 120  # seconds per cell; a student's infinite loop must not stall the class
SKIP_PARTS = {".ipynb_checkpoints", "__MACOSX"}


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


def autograder_zip(set_dir: Path) -> Path:
    path = set_dir / "autograder" / f"{set_dir.name}-autograder.zip"
    if not path.exists():
        raise SystemExit(f"No autograder for {set_dir.name}: {path} is missing. Run `make assign` first.")
    return path


def find_submissions(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*.ipynb")
        if not SKIP_PARTS & set(p.relative_to(folder).parts) and p.is_file()
    )


def _install_timeout(seconds: int) -> None:
    """Give every notebook cell a time limit (otter's grader builds its nbconvert config inside)."""
    import otter.execute
    from traitlets.config import Config

    class TimedConfig(Config):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.ExecutePreprocessor.timeout = seconds
            # a graded notebook's kernel has nothing to save: stop it at once (saves ~1.5 s each)
            self.ExecutePreprocessor.shutdown_kernel = "immediate"

    otter.execute.Config = TimedConfig


def _first_error(executed) -> tuple[int, str]:
    """Count the cells of an executed notebook that raised, and describe the first one."""
    errors = [
        output for cell in (executed.cells if executed is not None else [])
        if cell.cell_type == "code" for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    if not errors:
        return 0, ""
    first = errors[0]
    return len(errors), f"{first.get('ename', 'Error')}: {str(first.get('evalue', ''))[:200]}"


def _quiet_worker() -> None:
    """Send the grading kernels' own chatter (TCP warnings, tracebacks of killed kernels) to /dev/null."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)


def grade_one(submission: str, zip_path: str, timeout: int) -> dict:
    """Grade one notebook; never raise: a broken submission comes back as status and message."""
    import contextlib
    import io

    path = Path(submission)
    result = {"scores": {}, "status": "graded", "message": ""}
    started = time.perf_counter()
    try:
        notebook = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
        if not isinstance(notebook.get("cells"), list):
            raise ValueError("it has no list of cells")
    except Exception as error:
        result.update(status="unreadable", message=(
            f"not a readable Jupyter notebook ({type(error).__name__}: {str(error)[:200]}); "
            "ask the student to re-download or re-save it and submit again"))
        return result

    # Run it with this environment's Python kernel whatever kernel the student's machine named.
    notebook.metadata.setdefault("kernelspec", {})
    notebook.metadata["kernelspec"].update(name="python3", language="python", display_name="Python 3")
    _install_timeout(timeout)
    import otter.api

    with tempfile.TemporaryDirectory(prefix="grade_") as tmp:
        copy = Path(tmp) / "submission.ipynb"
        nbformat.write(notebook, copy)
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                results = otter.api.grade_submission(str(copy), zip_path, quiet=True)
        except Exception as error:  # otter and nbclient raise for timeouts, dead kernels, wrong sets
            text = f"{type(error).__name__}: {error}"
            if "Timeout" in type(error).__name__ or "timed out" in text:
                message = f"a cell ran longer than {timeout} s (an endless loop?); scored 0"
                status = "timeout"
            elif "Received submission for assignment" in text:
                message = f"this notebook belongs to another exercise set ({str(error)[:200]}); scored 0"
                status = "wrong set"
            elif "DeadKernel" in text or "Kernel died" in text:
                message = "the notebook crashed the Python kernel; scored 0"
                status = "crashed"
            else:
                message = f"grading failed ({text[:300]}); scored 0"
                status = "failed"
            result.update(status=status, message=message)
            return result

    if results.has_catastrophic_failure():
        result.update(status="crashed", message=f"grading produced no results ({results.catastrophic_error}); scored 0")
        return result
    result["scores"] = {name: float(results.get_score(name)) for name in results.test_files}
    count, first = _first_error(results.notebook)
    if count:
        result["status"] = "graded with errors"
        result["message"] = f"{count} cell(s) raised an error; the first: {first}"
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result


def grade_folder(number: str, folder: Path, output: Path | None = None, jobs: int = 1,
                 timeout: int = DEFAULT_TIMEOUT, exercises: Path = EXERCISES) -> Path:
    """Grade every submission in ``folder`` for set ``number``; write and return the CSV path."""
    sets = find_sets(exercises)
    if number not in sets:
        raise SystemExit(f"No exercise set {number}. Sets: {', '.join(sets) or 'none'}.")
    master = sets[number]
    zip_path = autograder_zip(master.parent)
    qs = questions(master)
    auto = [q for q in qs if not q["manual"]]
    manual = [q for q in qs if q["manual"]]
    if not folder.is_dir():
        raise SystemExit(f"{folder} is not a folder of submitted notebooks.")
    submissions = find_submissions(folder)
    output = output or folder / f"grades_{number}.csv"
    print(f"Grading {len(submissions)} submission(s) of {set_name(master)} in {folder} "
          f"({jobs} at a time, no Docker)")

    started = time.perf_counter()
    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    with ProcessPoolExecutor(max_workers=max(1, jobs), mp_context=context, initializer=_quiet_worker) as pool:
        futures = [pool.submit(grade_one, str(p), str(zip_path), timeout) for p in submissions]
        outcomes = []
        for path, future in zip(submissions, futures):
            try:
                outcome = future.result()
            except Exception as error:  # the worker itself died: still report, never stop the class
                outcome = {"scores": {}, "status": "crashed", "message": f"grader process failed: {error}"}
            outcomes.append(outcome)
            total = sum(outcome["scores"].values())
            note = f"  [{outcome['status']}: {outcome['message']}]" if outcome["message"] else ""
            print(f"  {path.relative_to(folder)}: {total:g} / {sum(q['points'] for q in auto):g}{note}")
    elapsed = time.perf_counter() - started

    possible = sum(q["points"] for q in auto)
    header = (["student", "file"] + [q["name"] for q in auto] + [f"{q['name']} (written)" for q in manual]
              + ["auto_score", "auto_possible", "written_possible", "status", "message"])
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for path, outcome in zip(submissions, outcomes):
            rel = path.relative_to(folder)
            scores = [round(outcome["scores"].get(q["name"], 0.0), 3) for q in auto]
            writer.writerow(
                [rel.with_suffix("").as_posix(), rel.as_posix()] + scores + [""] * len(manual)
                + [round(sum(scores), 3), possible, sum(q["points"] for q in manual),
                   outcome["status"], outcome["message"]]
            )
    rate = len(submissions) / elapsed * 60 if elapsed and submissions else 0.0
    print(f"Wrote {output} ({len(submissions)} rows) in {elapsed:.1f} s ({rate:.1f} submissions per minute). "
          f"Points: " + ", ".join(f"{q['name']} {q['points']:g}{' written' if q['manual'] else ''}" for q in qs))
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("set", help="the exercise set number, e.g. 01")
    parser.add_argument("folder", type=Path, help="folder of submitted .ipynb files")
    parser.add_argument("--output", type=Path, help="CSV to write (default FOLDER/grades_SET.csv)")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                        help="submissions graded at once (default: 2, or 1 on a one-core machine)")
    parser.add_argument("--timeout", type=int, default=DEFAULT_TIMEOUT, help="seconds allowed per cell")
    args = parser.parse_args(argv)
    grade_folder(args.set.zfill(2), args.folder, args.output, args.jobs, args.timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
