"""Re-execute lessons in place so that their stored outputs match the code.

Usage: python scripts/execute_lessons.py [notebooks/NN_x.ipynb ...]   (default: every lesson)

Only outputs and execution counts change: the cells' source, a student's edits included, is kept
as it is. A notebook that fails to execute is left untouched and the error is reported.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def execute(path: Path) -> float:
    """Execute one notebook from its own folder; write it back only if every cell ran."""
    notebook = nbformat.read(path, as_version=4)
    started = time.perf_counter()
    client = NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()
    elapsed = time.perf_counter() - started
    temporary = path.with_suffix(".ipynb.tmp")
    nbformat.write(notebook, temporary)
    temporary.replace(path)  # atomic: a crash never leaves half a notebook
    return elapsed


def main(arguments: list[str]) -> int:
    paths = [Path(a) for a in arguments] or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    failed = []
    for path in paths:
        try:
            seconds = execute(path)
            print(f"executed {path} in {seconds:.1f} s")
        except Exception as error:  # report and go on with the others
            failed.append(path)
            print(f"FAILED {path}: {type(error).__name__}: {str(error)[:2000]}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
