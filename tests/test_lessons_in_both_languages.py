"""Every lesson runs in Chinese and in English from the one course switch (CQLAB_LANGUAGE).

Not the committed (English) outputs: each lesson is executed afresh in each language. No cell may raise, no
chart may miss a glyph, and the lesson's widgets must speak the chosen language (their main control's label
is Chinese in Chinese and differs from the English one).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
LESSONS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
CJK = re.compile(r"[\u3400-\u9fff]")

PROBE = """
import gc as _gc, json as _json
from cqlab.widgets.base import ChartWidget as _ChartWidget
import cqlab as _cqlab
print("CQLAB-PROBE" + _json.dumps({
    "language": _cqlab.get_language(),
    "widgets": [
        {"class": type(w).__name__, "main": w.main_control.description,
         "controls": [getattr(c, "description", "") for c in w.controls.values()]}
        for w in _gc.get_objects() if isinstance(w, _ChartWidget)
    ],
}, ensure_ascii=False))
"""


def run_lesson(path: Path, language: str, monkeypatch) -> tuple[list[str], list[str], dict]:
    monkeypatch.setenv("CQLAB_LANGUAGE", language)  # the kernel inherits it, as from make lab LANGUAGE=zh
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(PROBE))
    client = NotebookClient(notebook, timeout=120, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    errors, warnings, probe = [], [], {}
    for index, cell in enumerate(notebook.cells):
        tags = cell.get("metadata", {}).get("tags", [])
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error" and "raises-exception" not in tags:
                errors.append(f"cell {index}: {output.get('ename')}: {output.get('evalue')}"[:300])
            text = output.get("text", "")
            if "Glyph" in text and "missing" in text:
                warnings.append(f"cell {index}: {text.strip()[:200]}")
            if "CQLAB-PROBE" in text:
                probe = json.loads(text.split("CQLAB-PROBE", 1)[1])
    return errors, warnings, probe


@pytest.fixture(scope="module")
def english_labels():
    return {}


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem[:2])
def test_the_lesson_runs_and_speaks_the_language(path, language, monkeypatch, english_labels):
    errors, warnings, probe = run_lesson(path, language, monkeypatch)
    assert not errors, f"{path.name} in {language}: " + " | ".join(errors)
    assert not warnings, f"{path.name} in {language}: missing glyphs: " + " | ".join(warnings)
    assert probe.get("language") == language, f"{path.name} ended in {probe.get('language')}, not {language}"
    assert probe["widgets"], f"{path.name}: no lesson widget found"
    for widget in probe["widgets"]:
        if language == "zh":
            assert CJK.search(widget["main"]), f"{path.name}: {widget['class']}'s main control reads {widget['main']!r} in Chinese"
            english = english_labels.get((path.name, widget["class"]))
            if english is not None:
                assert widget["main"] != english, f"{path.name}: {widget['class']}'s label is not translated"
        else:
            assert re.search(r"[A-Za-z]", widget["main"]), f"{path.name}: {widget['class']} has no English label"
            english_labels[(path.name, widget["class"])] = widget["main"]
