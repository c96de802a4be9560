"""Re-execute lessons in place so that their stored outputs match the code.

Usage: python scripts/execute_lessons.py [--force] [notebooks/NN_x.ipynb ...]   (default: every lesson)

Only outputs and execution counts change; the cells' source is kept as it is. A lesson whose cells
differ from the committed version (someone edited it: perhaps a student) is left alone unless
--force is given, so that a course update never replaces a student's work. A notebook that fails to
execute is left untouched and the error is reported.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def strip_volatile(notebook) -> None:
    """Drop what changes on every run although nothing changed: a widget output's model id.

    A saved widget output keeps only its text fallback (cqlab's "run this cell to use it" line), which
    a reader without a kernel sees anyway; a run brings the live widget back.
    """
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data:
                del data[WIDGET_VIEW]


def execute(path: Path) -> float:
    # the committed outputs are the English edition, whatever the maintainer's own language setting
    os.environ["CQLAB_LANGUAGE"] = "en"
    """Execute one notebook from its own folder; write it back only if every cell ran."""
    notebook = nbformat.read(path, as_version=4)
    started = time.perf_counter()
    client = NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,  # timestamps would make every re-execution a diff of every cell
        store_widget_state=False,  # model ids change on every run: saved state would make every run a diff
    )
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)  # drop timestamps stored by earlier runs
    client.execute()
    notebook.metadata.pop("widgets", None)  # an earlier run's saved state, as stale as its model ids
    strip_volatile(notebook)
    elapsed = time.perf_counter() - started
    temporary = path.with_suffix(".ipynb.tmp")
    nbformat.write(notebook, temporary)
    temporary.replace(path)  # atomic: a crash never leaves half a notebook
    return elapsed


def edited_since_commit(path: Path) -> bool:
    """True if the notebook's cell sources differ from the version committed in git (if it is tracked)."""
    path = path.resolve()
    try:
        committed = subprocess.run(
            ["git", "show", f"HEAD:./{path.name}"], cwd=path.parent, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return False  # not in git (a new lesson, a copy): nothing committed to protect
    def sources(notebook):
        return [(cell.cell_type, cell.source) for cell in notebook.cells]
    now = nbformat.read(path, as_version=4)
    return sources(nbformat.reads(committed.decode("utf-8"), as_version=4)) != sources(now)


def main(arguments: list[str]) -> int:
    force = "--force" in arguments
    arguments = [a for a in arguments if a != "--force"]
    paths = [Path(a) for a in arguments] or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    failed = []
    for path in paths:
        if not force and edited_since_commit(path):
            failed.append(path)
            print(f"SKIPPED {path}: its cells differ from the committed version, so it may hold someone's work. "
                  "Keep a copy, or commit it, or run with --force (make execute FORCE=1) to re-execute it anyway.",
                  file=sys.stderr)
            continue
        try:
            seconds = execute(path)
            print(f"executed {path} in {seconds:.1f} s")
        except Exception as error:  # report and go on with the others
            failed.append(path)
            print(f"FAILED {path}: {type(error).__name__}: {str(error)[:2000]}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
