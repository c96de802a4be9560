"""Presentation mode in a real browser: lesson 01 as Voilà shows it on a projector.

One page load (Voilà runs the whole lesson once), then: no code shown; the tagged cells and only
those; the widget and the static charts; large type in the text and the controls; charts rendered in
the present style (192 dpi: 1440 px for 7.5 inches) and shown at page width; Chinese in the vendored
Noto Sans SC face; MathJax typeset; no request to any host but 127.0.0.1 and no failed local request;
then the main control, moved as a user would, changes the chart image and the result text.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.browser.harness import CHROMIUM_ARGS, JS_WIDGET_PARTS, SCREENSHOTS, LessonDriver  # noqa: F401

pytestmark = pytest.mark.browser

PAGE_TIMEOUT_S = 90  # Voilà executes every cell of the lesson before the widget appears
NOT_LOCAL = re.compile(r"^(https?|wss?|ftp)://(?!127\.0\.0\.1[:/])")

# The harness's widget probe, over the whole Voilà page instead of JupyterLab's notebook panel.
JS_WIDGET_PARTS_PAGE = JS_WIDGET_PARTS.replace(
    "document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)')", "document.body"
)

JS_PAGE = r"""
() => {
  const px = (el) => el ? parseFloat(getComputedStyle(el).fontSize) : null;
  const control = document.querySelector('.cqlab-main-control');
  const chart = document.querySelector('img.cqlab-chart, .cqlab-chart img');
  const statics = [...document.querySelectorAll('.jp-OutputArea-output img')]
      .filter((img) => !img.closest('.widget-box, .jupyter-widgets'));
  return {
    text: document.body.innerText,
    cells: document.querySelectorAll('#rendered_cells div[cell-index]').length,
    editors: document.querySelectorAll('.jp-InputArea-editor, .jp-CodeMirrorEditor, .cm-editor, .jp-InputPrompt').length,
    h1: px(document.querySelector('.jp-RenderedMarkdown h1')),
    paragraph: px(document.querySelector('.jp-RenderedMarkdown p')),
    label: px(control && control.querySelector('.widget-label')),
    readout: px(control && control.querySelector('.widget-readout')),
    result: px(document.querySelector('.cqlab-result')),
    chart: chart && {natural: chart.naturalWidth, shown: chart.getBoundingClientRect().width},
    statics: statics.map((img) => ({natural: img.naturalWidth, shown: img.getBoundingClientRect().width})),
    math: document.querySelectorAll('mjx-container').length,
    notoLoaded: [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Noto Sans SC' && f.status === 'loaded'),
  };
}
"""


class VoilaDriver(LessonDriver):
    """The browser tests' lesson driver, pointed at a Voilà page: same gestures, same checks.

    Voilà shows no kernel status, so "idle" is assumed and settling means the widget stayed the
    same for two polls (``LessonDriver.settle``)."""

    def main_control(self):
        return self.page.locator(".cqlab-main-control").first

    def widget_parts(self):
        return self.page.evaluate(JS_WIDGET_PARTS_PAGE)

    def state(self):
        return {"status": "idle", "code": []}


def lesson_cells(notebook_path):
    notebook = json.loads(notebook_path.read_text(encoding="utf-8"))
    return notebook["cells"]


def code_lines(cells) -> list[str]:
    """A distinctive source line of every code cell (the page must show none of them)."""
    lines = []
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        for line in "".join(cell["source"]).splitlines():
            line = line.strip()
            if len(line) >= 16 and not line.startswith("#") and "(" in line:
                lines.append(line)
                break
    return lines


def first_heading(cell) -> str | None:
    for line in "".join(cell["source"]).splitlines():
        if line.startswith("#"):
            return line.lstrip("#").strip()
    return None


@pytest.fixture(scope="module")
def shown(browser, voila):
    """The presented lesson, loaded once: page, driver, what the page shows, requests."""
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    context.set_default_timeout(30_000)
    external, failed = [], []

    def block(route):
        external.append(route.request.url)
        route.abort()

    context.route(NOT_LOCAL, block)
    page = context.new_page()
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("requestfailed", lambda r: failed.append(f"failed {r.url}") if not NOT_LOCAL.match(r.url) else None)
    driver = VoilaDriver(page, voila, voila.notebook.name, screenshots=SCREENSHOTS / "present")
    with driver.step("open the presented lesson and wait for its widget and chart", key="load"):
        page.goto(voila.base, wait_until="domcontentloaded", timeout=PAGE_TIMEOUT_S * 1000)
        page.wait_for_selector(".cqlab-main-control", timeout=PAGE_TIMEOUT_S * 1000)
        driver.wait_until(
            lambda: (driver.widget_parts() or {}).get("imgLoaded"), 20, "the widget's chart loading"
        )
        page.evaluate("document.fonts.ready")
        page.wait_for_load_state("networkidle")
    facts = page.evaluate(JS_PAGE)
    yield {"page": page, "driver": driver, "facts": facts, "external": external, "failed": failed,
           "cells": lesson_cells(voila.notebook)}
    driver.screenshot("after")
    context.close()


def test_no_code_is_shown(shown):
    facts = shown["facts"]
    assert facts["editors"] == 0, "the page shows code editors or input prompts"
    lines = code_lines(shown["cells"])
    assert len(lines) > 10  # the check below has something to find
    leaked = [line for line in lines if line in facts["text"]]
    assert not leaked, f"the page shows code: {leaked[:3]}"


def test_only_the_tagged_cells_are_shown(shown):
    cells, facts = shown["cells"], shown["facts"]
    tagged = [c for c in cells if "present" in c["metadata"].get("tags", [])]
    assert facts["cells"] == len(tagged), f"{facts['cells']} cells shown, {len(tagged)} tagged"
    headings = {first_heading(c) for c in tagged if c["cell_type"] == "markdown"} - {None}
    missing = [h for h in headings if h not in facts["text"]]
    assert not missing, f"tagged headings not shown: {missing}"
    untagged = {first_heading(c) for c in cells if c not in tagged and c["cell_type"] == "markdown"}
    untagged -= {None} | headings
    shown_anyway = [h for h in untagged if re.search(rf"(^|\n){re.escape(h)}\s*\n", facts["text"])]
    assert not shown_anyway, f"untagged cells shown: {shown_anyway}"
    assert "Prerequisites" in untagged  # the lesson really has hidden sections to hide


def test_widget_and_static_charts_are_shown(shown):
    facts = shown["facts"]
    parts = shown["driver"].widget_parts()
    assert parts["hasChart"] and parts["hasResult"] and parts["png"], parts
    assert parts["result"], "the widget's result text is empty"
    charts = [c for c in shown["cells"] if "present" in c["metadata"].get("tags", [])
              and any("image/png" in o.get("data", {}) for o in c.get("outputs", []))]
    assert len(facts["statics"]) >= len(charts) >= 1, facts["statics"]


def test_text_and_charts_are_large(shown):
    facts = shown["facts"]
    # JupyterLab's defaults are 13-14 px for text and controls; a projector needs about twice that
    assert facts["paragraph"] >= 24, facts
    assert facts["h1"] >= 48, facts
    for part in ("label", "readout", "result"):
        assert facts[part] >= 22, f"{part}: {facts[part]} px"
    # the kernel drew in the present style (192 dpi: 1440 px for 7.5 inches, not 750) and the page
    # shows every chart at nearly the page's width
    for chart in [facts["chart"], *facts["statics"]]:
        assert chart["natural"] >= 1400 and chart["shown"] >= 1200, chart


def test_chinese_and_math_render_offline(shown):
    facts = shown["facts"]
    assert "重庆" in facts["text"]
    assert facts["notoLoaded"], "the vendored Noto Sans SC face did not load"
    assert facts["math"] > 0, "MathJax typeset nothing (lesson 01 has $V_0$ in a tagged cell)"


def test_no_outside_request_and_no_failed_one(shown):
    assert not shown["external"], f"requests to outside hosts: {shown['external'][:5]}"
    assert not shown["failed"], f"failed local requests: {shown['failed'][:5]}"


def test_moving_the_control_changes_the_chart(shown):
    driver = shown["driver"]
    before = driver.find_widget()
    after, gesture = driver.change_main_control(before)
    assert after["sha256"] != before["sha256"] and after["result"] != before["result"], gesture
    assert not shown["external"], f"requests to outside hosts: {shown['external'][:5]}"
