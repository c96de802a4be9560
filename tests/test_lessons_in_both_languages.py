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


def run_lesson(path: Path, language: str, monkeypatch) -> tuple[list[str], list[str], dict, list[str]]:
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
    return errors, warnings, probe, english_only_outputs(notebook)


@pytest.fixture(scope="module")
def english_labels():
    return {}


#: The lessons of this file; the others run in tests/test_lessons_in_both_languages_05_08.py, so that the two
#: test workers share the lesson runs (tests are dealt to the workers file by file).
FIRST_HALF = [p for p in LESSONS if p.stem[:2] < "05"]


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("path", FIRST_HALF, ids=lambda p: p.stem[:2])
def test_the_lesson_runs_and_speaks_the_language(path, language, monkeypatch, english_labels):
    check_lesson(path, language, monkeypatch, english_labels)


def check_lesson(path, language, monkeypatch, english_labels):
    """Run one lesson in one language; the English run, made first, records the labels the Chinese one must not
    repeat."""
    errors, warnings, probe, english_only = run_lesson(path, language, monkeypatch)
    assert not errors, f"{path.name} in {language}: " + " | ".join(errors)
    assert not warnings, f"{path.name} in {language}: missing glyphs: " + " | ".join(warnings)
    assert probe.get("language") == language, f"{path.name} ended in {probe.get('language')}, not {language}"
    assert probe["widgets"], f"{path.name}: no lesson widget found"
    if language == "zh":
        # result lines, chart descriptions and captions (lessons in BILINGUAL_TEXT) and table headers (all)
        shown = english_only if path.stem[:2] in BILINGUAL_TEXT else [f for f in english_only if " header " in f]
        assert not shown, f"{path.name} in Chinese shows English only: " + " | ".join(shown)
    for widget in probe["widgets"]:
        if language == "zh":
            assert CJK.search(widget["main"]), f"{path.name}: {widget['class']}'s main control reads {widget['main']!r} in Chinese"
            english = english_labels.get((path.name, widget["class"]))
            if english is not None:
                assert widget["main"] != english, f"{path.name}: {widget['class']}'s label is not translated"
        else:
            assert re.search(r"[A-Za-z]", widget["main"]), f"{path.name}: {widget['class']} has no English label"
            english_labels[(path.name, widget["class"])] = widget["main"]


# --- what a lesson displays in Chinese: result lines, chart descriptions, table captions and headers ---------------

#: Lessons whose printed result lines, chart descriptions and captions are all bilingual: every lesson, including
#: the refusals a lesson demonstrates (lesson 05's negative turnover is refused with an English message that names
#: its unit, 亿元, so it passes this check: cqlab's input errors are English, see the closing note of issue 11).
BILINGUAL_TEXT = {"00", "01", "02", "03", "04", "05", "06", "07", "08"}
#: words that stay as they are in Chinese text: PWT's variable names and data keys a table shows as keys
KEPT = {"rgdpna", "rnna", "emp", "avh", "hc", "labsh", "rtfpna", "cluster_cn", "district_cn"}


def _english_words(text: str) -> list[str]:
    """Latin words of three letters or more that are not acronyms (GDP, HHI, TFP) or kept names."""
    return [w for w in re.findall(r"[A-Za-z][A-Za-z_]{2,}", text) if not w.isupper() and w not in KEPT]


def english_only_outputs(notebook) -> list[str]:
    """Outputs of a lesson run in Chinese that have English words and no Chinese at all."""
    import html

    found = []
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if output.get("output_type") == "stream":
                for line in output["text"].splitlines():
                    # a citation line names a dataset's file and its (English) title: a reference, not a result
                    if len(_english_words(line)) >= 3 and not CJK.search(line) and "datasets/" not in line:
                        found.append(f"cell {index} prints {line[:100]!r}")
            elif "text/html" in data:
                table = data["text/html"]
                for caption in re.findall(r"<caption[^>]*>(.*?)</caption>", table, re.S):
                    if _english_words(caption) and not CJK.search(caption):
                        found.append(f"cell {index} caption {html.unescape(caption)[:100]!r}")
                for head in re.findall(r"<thead>(.*?)</thead>", table, re.S):
                    for cell_html in re.findall(r"<th[^>]*>(.*?)</th>", head, re.S):
                        header = html.unescape(re.sub(r"<[^>]+>", "", cell_html)).strip()
                        if _english_words(header) and not CJK.search(header):
                            found.append(f"cell {index} header {header[:60]!r}")
            elif data.get("text/plain", "").startswith("[chart]") and not CJK.search(data["text/plain"]):
                found.append(f"cell {index} chart description {data['text/plain'][:100]!r}")
    return found


def test_the_check_finds_english_only_outputs():
    """The check below would fail on an English result line, caption, header or chart description in Chinese."""
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="needed 10.9% a year in real volume\n本课 ok\n"),
        nbformat.v4.new_output("display_data", data={
            "text/html": "<table><caption>Simulated firms by class</caption><thead><tr><th>年份</th>"
                         "<th>on track</th><th>GDP</th></tr></thead></table>", "text/plain": "t"}),
        nbformat.v4.new_output("display_data", data={"text/plain": "[chart] Bars of the three clusters"}),
    ]
    found = english_only_outputs(nbformat.v4.new_notebook(cells=[cell]))
    assert [f.split(" ", 3)[2] for f in found] == ["prints", "caption", "header", "chart"], found
