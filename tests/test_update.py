"""Course updates never abort and never lose a student's work (`make update`, `python -m cqlab update`).

The scenario the first-use review hit: a student runs a lesson (JupyterLab's autosave rewrites widget ids and
an object address in an output), edits another, adds a notebook of their own; the course then fixes both
lessons and releases a new version. `git pull` aborts; the update command does not.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from cqlab import update as course_update

REPO = Path(__file__).resolve().parents[1]
RUN = "notebooks/01_cluster_system_33618.ipynb"
EDITED = "notebooks/02_industrial_policy_toolkit.ipynb"


def git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=root,
                          capture_output=True, text=True)


def run_as_jupyterlab_would(path: Path) -> None:
    """New widget model ids and an object address in an output, as a re-run and autosave leave them."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get("application/vnd.jupyter.widget-view+json")
            if view:
                view["model_id"] = "f" * 32
            if "text/plain" in output.get("data", {}):
                output["data"]["text/plain"] = "<Figure size 640x480 at 0x7f3a2c1d9e50>"
        if cell.get("cell_type") == "code":
            cell["execution_count"] = (cell.get("execution_count") or 0) + 7
    notebook["metadata"]["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def edit_first_code_cell(path: Path, line: str) -> None:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    cell = next(c for c in notebook["cells"] if c["cell_type"] == "code")
    cell["source"] = [line + "\n"] + (cell["source"] if isinstance(cell["source"], list) else [cell["source"]])
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def fix_first_markdown_cell(path: Path, line: str) -> None:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    cell = next(c for c in notebook["cells"] if c["cell_type"] == "markdown")
    cell["source"] = (cell["source"] if isinstance(cell["source"], list) else [cell["source"]]) + ["\n", line]
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


@pytest.fixture
def course(tmp_path, monkeypatch):
    """The course as published (a maintainer's clone) and a student's clone of it, at the same commit."""
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "jupyter-data"))  # trust signatures stay private
    upstream, student = tmp_path / "course", tmp_path / "student"
    assert git(tmp_path, "clone", "--quiet", str(REPO), str(upstream)).returncode == 0
    assert git(tmp_path, "clone", "--quiet", str(upstream), str(student)).returncode == 0
    # the student's day: one lesson run, one edited, one notebook of their own
    run_as_jupyterlab_would(student / RUN)
    edit_first_code_cell(student / EDITED, "my_own_line = 42  # the student's work")
    (student / "notebooks" / "my_notes.ipynb").write_text('{"cells": [], "metadata": {}, "nbformat": 4, '
                                                           '"nbformat_minor": 5}', encoding="utf-8")
    edited_bytes = (student / EDITED).read_bytes()
    # the course's update: a fix to both lessons and a new version with its CHANGELOG entry
    fix_first_markdown_cell(upstream / RUN, "A fix from the course team.")
    fix_first_markdown_cell(upstream / EDITED, "Another fix from the course team.")
    init = upstream / "src" / "cqlab" / "__init__.py"
    old = course_update.version_of(init.read_text())
    init.write_text(re.sub(r'__version__ = "[^"]+"', '__version__ = "99.0.0"', init.read_text()))
    changelog = upstream / "CHANGELOG.md"
    changelog.write_text(changelog.read_text().replace("## Unreleased\n", "## Unreleased\n\n## 99.0.0\n\n- The test release.\n", 1))
    assert git(upstream, "commit", "-qam", "course fix").returncode == 0
    return upstream, student, edited_bytes, old


def test_plain_git_pull_aborts_in_this_scenario(course):
    """The reason for the update command: the review's exact failure."""
    _, student, _, _ = course
    pulled = git(student, "pull", "--quiet")
    assert pulled.returncode != 0 and "would be overwritten" in pulled.stderr


def test_the_update_keeps_the_work_and_brings_the_fix(course):
    upstream, student, edited_bytes, old = course
    lines: list[str] = []
    result = course_update.update(student, say=lines.append)
    # merely run: the course's new version, whole (the fix is there)
    assert (student / RUN).read_bytes() == (upstream / RUN).read_bytes()
    assert result["merely_run"] == [RUN]
    # edited: the student's notebook exactly as they left it, the course's new copy beside it
    assert (student / EDITED).read_bytes() == edited_bytes
    beside = student / EDITED.replace(".ipynb", ".upstream.ipynb")
    assert beside.read_bytes() == (upstream / EDITED).read_bytes()
    assert "Another fix from the course team." in beside.read_text()
    # the student's own file is untouched; the new version and its entry are reported
    assert (student / "notebooks" / "my_notes.ipynb").exists()
    assert (result["old_version"], result["new_version"]) == (old, "99.0.0")
    assert "The test release." in result["changes"]
    # the clone now holds the course's commit, so the next update starts from it
    merged = git(student, "merge-base", "--is-ancestor", git(upstream, "rev-parse", "HEAD").stdout.strip(), "HEAD")
    assert merged.returncode == 0


def test_an_update_with_nothing_new_changes_nothing(course):
    _, student, edited_bytes, _ = course
    git(student, "checkout", "--", RUN)
    first = course_update.update(student, say=lambda _: None)
    second = course_update.update(student, say=lambda _: None)
    assert (student / EDITED).read_bytes() == edited_bytes
    assert second["old_version"] == second["new_version"] == first["new_version"]


def test_outside_a_clone_the_update_says_what_to_do(tmp_path):
    with pytest.raises(course_update.UpdateError, match="not a git clone"):
        course_update.update(tmp_path)


def test_changes_between_lists_only_the_newer_versions():
    log = "# Changelog\n\n## Unreleased\n\n## 0.3.0\n\n- c\n\n## 0.2.0\n\n- b\n\n## 0.1.0\n\n- a\n"
    text = course_update.changes_between(log, "0.1.0", "0.3.0")
    assert "- c" in text and "- b" in text and "- a" not in text
