"""Committed lessons hold nothing that changes on a re-run, and show a reader what to do before running.

A merely re-run lesson must diff only where something really changed (so `make update` and git stay calm):
no saved widget state, no widget model ids, no object addresses; a widget's place shows one plain line.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
from pathlib import Path

import pytest

from cqlab.widgets.base import PLACEHOLDER

REPO = Path(__file__).resolve().parents[1]
LESSONS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
ADDRESS = re.compile(r"\bat 0x[0-9a-fA-F]{6,}")


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_no_volatile_content_is_committed(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert "widgets" not in notebook["metadata"], "saved widget state (model ids change on every run)"
    outputs = [o for c in notebook["cells"] for o in c.get("outputs", [])]
    text = json.dumps(outputs, ensure_ascii=False)
    assert not ADDRESS.findall(text), f"object addresses in outputs: {ADDRESS.findall(text)[:3]}"
    assert "application/vnd.jupyter.widget-view+json" not in text
    assert "VBox(children=" not in text, "a widget's raw repr instead of the run-this-cell line"


def test_every_widget_lesson_shows_the_placeholder():
    with_placeholder = [p.stem for p in LESSONS if PLACEHOLDER in p.read_text(encoding="utf-8")]
    assert len(with_placeholder) == len(LESSONS), with_placeholder


def test_re_executing_a_lesson_changes_nothing(tmp_path):
    spec = importlib.util.spec_from_file_location("execute_lessons", REPO / "scripts" / "execute_lessons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    lesson = REPO / "notebooks" / "07_rural_infrastructure.ipynb"
    copy = tmp_path / lesson.name
    shutil.copy(lesson, copy)
    module.execute(copy)
    first = copy.read_bytes()
    module.execute(copy)
    assert copy.read_bytes() == first, "a second run of an unchanged lesson changed the file"
    assert first == lesson.read_bytes(), "the committed lesson is not what `make execute` writes"
