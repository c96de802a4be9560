"""Every lesson survives what students do: run it all, then run any cell a second time.

(nbval already runs each lesson top to bottom in a fresh kernel, i.e. after a restart.)
"""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

LESSONS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_running_every_cell_twice_does_not_break_the_lesson(path):
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=120, kernel_name="python3", startup_timeout=120,
                            resources={"metadata": {"path": str(path.parent)}})
    with client.setup_kernel():
        for index, cell in enumerate(notebook.cells):
            client.execute_cell(cell, index)  # first run, top to bottom
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type == "code":
                client.execute_cell(cell, index)  # raises CellExecutionError naming the cell if it breaks
                errors = [o for o in cell.outputs if o.get("output_type") == "error"]
                assert not errors, f"{path.name} cell {index} fails when run a second time: {errors[0]['ename']}"
