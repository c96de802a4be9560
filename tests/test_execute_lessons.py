"""`make execute` re-executes lessons in place: outputs change, a student's edits to the code stay."""

import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "execute_lessons.py"


def _notebook(cells):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return notebook


def test_execute_keeps_the_code_and_stores_fresh_outputs(tmp_path):
    path = tmp_path / "lesson.ipynb"
    nbformat.write(_notebook(["x = 6 * 7  # a student's own edit", "print(x)"]), path)
    subprocess.run([sys.executable, str(SCRIPT), str(path)], check=True, capture_output=True, timeout=120)
    notebook = nbformat.read(path, as_version=4)
    assert notebook.cells[0].source == "x = 6 * 7  # a student's own edit"
    assert notebook.cells[1].outputs[0]["text"] == "42\n"


def test_a_notebook_that_fails_is_left_untouched(tmp_path):
    path = tmp_path / "broken.ipynb"
    nbformat.write(_notebook(["1 / 0"]), path)
    before = path.read_bytes()
    result = subprocess.run([sys.executable, str(SCRIPT), str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "FAILED" in result.stderr and "ZeroDivisionError" in result.stderr
    assert path.read_bytes() == before


def _git(folder, *args):
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t", "PATH": "/usr/bin:/bin"})


def test_a_lesson_edited_since_the_last_commit_is_not_replaced_without_force(tmp_path):
    path = tmp_path / "lesson.ipynb"
    nbformat.write(_notebook(["print('course version')"]), path)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "lesson.ipynb")
    _git(tmp_path, "commit", "-qm", "lesson")
    nbformat.write(_notebook(["print('my own notes')  # a student's edit"]), path)
    before = path.read_bytes()
    refused = subprocess.run([sys.executable, str(SCRIPT), str(path)], capture_output=True, text=True, timeout=120)
    assert refused.returncode == 1 and "SKIPPED" in refused.stderr and "--force" in refused.stderr
    assert path.read_bytes() == before
    forced = subprocess.run([sys.executable, str(SCRIPT), "--force", str(path)], capture_output=True, timeout=120)
    assert forced.returncode == 0
    notebook = nbformat.read(path, as_version=4)
    assert notebook.cells[0].source == "print('my own notes')  # a student's edit"
    assert notebook.cells[0].outputs[0]["text"] == "my own notes\n"
