"""Every lesson's widget, proven in a real browser: JupyterLab in headless Chromium.

For each ``notebooks/NN_*.ipynb`` (those present when pytest collects): open it in
JupyterLab, clear the stored outputs, Run > Run All Cells, check that no cell shows an
error, then move the lesson's main control (class ``cqlab-main-control``) with the
keyboard or the mouse and check that the chart image after it and the result text after
it both change. Screenshots go to tests/browser/screenshots/ (ignored by git).

The harness proves itself first on notebooks of its own (a small ChartWidget, a
notebook with an error, a Chinese chart). Everything runs on a temporary copy; the
last test checks that the committed lessons' bytes did not change.

Run: .venv/bin/python -m pytest -p no:xdist -o addopts="" tests/browser -v
"""

from __future__ import annotations

import time

import pytest

from .harness import (
    LESSON_RUN_TIMEOUT_S,
    NOTEBOOKS,
    LessonDriver,
    StepFailure,
    lesson_paths,
    output_images,
    output_texts,
    png_colours,
    tagged_cells,
)

pytestmark = pytest.mark.browser

LESSONS = lesson_paths()
LESSON_PARAMS = [pytest.param(path.name, id=path.stem) for path in LESSONS] or [
    pytest.param(
        None,
        id="no-lessons",
        marks=pytest.mark.skip(reason="no lesson notebooks/NN_*.ipynb exists yet"),
    )
]
SCRATCH = "zz_browser_harness"


def run_widget_notebook(page, lab, name: str) -> dict:
    """The full student path through one notebook; returns what it measured."""
    driver = LessonDriver(page, lab.server, name)
    allowed = tagged_cells(lab.root / name, "raises-exception")
    started = time.perf_counter()
    driver.open()
    driver.run_all()
    driver.check_no_errors(allowed_cells=allowed)
    before = driver.find_widget()
    before = driver.settle()
    with driver.step("check that every control shows its whole label and its value"):
        clipped = driver.clipped_controls()
        assert not clipped, f"controls whose text is cut off or hidden: {clipped[:6]}"
    shot_before = driver.widget_screenshot("before")
    after, gesture = driver.change_main_control(before)
    shot_after = driver.widget_screenshot("after")
    driver.check_no_errors(
        allowed_cells=allowed, step="check that moving the control raised no error"
    )
    with driver.step("check that the widget shows no input message"):
        assert not after["message"], f"the widget shows a message: {after['message']!r}"
    with driver.step("check that the page made no request outside 127.0.0.1"):
        assert not page.external_requests, f"external requests: {page.external_requests}"
    total = round(time.perf_counter() - started, 2)
    driver.record({"total": total, "gesture": gesture})
    return {
        "driver": driver,
        "before": before,
        "after": after,
        "gesture": gesture,
        "screenshots": (shot_before, shot_after),
        "total": total,
    }


# --- the harness proves itself -------------------------------------------------------------


def test_harness_moves_a_demo_widget(page, lab):
    """A ChartWidget with a slider: ArrowRight moves it, chart and result follow the slider."""
    run = run_widget_notebook(page, lab, f"{SCRATCH}/demo_widget.ipynb")
    before, after = run["before"], run["after"]
    assert before["kind"] == "slider"
    # Independent check: the demo computes y(5) = a * 5**2; read a from the slider's readout.
    readout = page.locator(".cqlab-main-control .widget-readout").first.inner_text()
    a = int(readout.strip())
    assert a > 2, f"the slider did not move right from its start value 2 (readout {readout!r})"
    assert after["result"] == f"y(5) = {a * 25}"
    assert before["result"] == "y(5) = 50"
    assert after["sha256"] != before["sha256"] and after["size"] > 1000
    assert all(path.exists() for path in run["screenshots"]), run["screenshots"]


def test_harness_reports_an_error_cell(page, lab):
    """A notebook whose cell raises: the harness stops waiting and names the cell and error."""
    driver = LessonDriver(page, lab.server, f"{SCRATCH}/broken.ipynb")
    driver.open()
    started = time.perf_counter()
    driver.run_all()
    assert time.perf_counter() - started < LESSON_RUN_TIMEOUT_S / 2  # did not wait for a timeout
    with pytest.raises(StepFailure) as failure:
        driver.check_no_errors()
    message = str(failure.value)
    assert "ZeroDivisionError" in message and "cell #2" in message, message
    assert "broken.ipynb" in message and "screenshot:" in message, message


def test_chinese_chart_renders_without_warnings(page, lab):
    """cqlab.set_language("zh") and a chart with Chinese title, labels and ticks, warnings as
    errors: no error or warning output, and the PNG shows a drawn chart."""
    driver = LessonDriver(page, lab.server, f"{SCRATCH}/zh_chart.ipynb")
    driver.open()
    driver.run_all()
    driver.check_no_errors(strict=True)  # any stderr output at all fails
    with driver.step("check the Chinese chart's image and the cell's printed line"):
        texts = [text for mime, text in output_texts(page)]
        assert any("zh-chart-ok zh" in text for text in texts), texts
        images = [image for image in output_images(page) if image["mime"] == "image/png"]
        assert len(images) == 1, f"expected one PNG output, found {len(images)}"
        image = images[0]
        assert image["bytes"].startswith(b"\x89PNG\r\n\x1a\n"), image["bytes"][:16]
        assert image["naturalWidth"] >= 300 and image["naturalHeight"] >= 200, image
        assert png_colours(image["bytes"]) > 2, "the PNG is blank"
        # (the alt text of charts.show() is not checked: JupyterLab 4 drops the output's
        # "alt" metadata when it renders a PNG, so it never reaches the page)
    driver.screenshot("zh-chart")
    assert not page.external_requests, page.external_requests
    driver.record()


# --- every lesson ----------------------------------------------------------------------------


@pytest.mark.parametrize("lesson", LESSON_PARAMS)
def test_lesson_widget_in_browser(page, lab, lesson):
    """Run the lesson, move its main control, see its chart and its result change."""
    run = run_widget_notebook(page, lab, lesson)
    assert run["total"] < 3 * LESSON_RUN_TIMEOUT_S


def test_committed_lessons_unchanged(lab):
    """Runs last: the lessons in the repository are byte for byte what was copied."""
    changed = []
    for name, data in lab.committed.items():
        path = NOTEBOOKS / name
        if not path.exists():
            changed.append(f"{name}: deleted")
        elif path.read_bytes() != data:
            leak = path.read_bytes() == (lab.root / name).read_bytes()
            changed.append(
                f"{name}: modified at {time.ctime(path.stat().st_mtime)}"
                + (" and now equals the server's copy: the test wrote it!" if leak else "")
            )
    assert not changed, (
        "committed lessons changed while the browser tests ran:\n  "
        + "\n  ".join(changed)
        + f"\nThe server's root is a temporary copy ({lab.root}) and its log "
        f"({lab.server.log_path}) lists every save; if the test did not write them, someone "
        "else edited notebooks/ during the run."
    )
    # the copies the server worked on are outside the repository
    assert NOTEBOOKS.parent not in lab.root.parents
