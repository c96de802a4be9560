"""Fixtures of the browser tests: Chromium check, a temporary lab root, one server, one browser.

The server and the browser live for the whole test session (pytest-xdist's ``--dist
loadfile`` keeps this file on one worker). Each test gets a fresh browser context, so
no page state leaks from one lesson to the next, and every kernel is shut down after it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .harness import (
    DEMO_WIDGET_SOURCE,
    SCREENSHOTS,
    TIMINGS,
    ZH_CHART_SOURCE,
    LabServer,
    copy_notebooks,
    write_notebook,
)

# The ``chromium`` and ``browser`` fixtures live in tests/browser/fixtures.py, registered by
# tests/conftest.py, so that this folder and tests/present share one Playwright and one Chromium.

@dataclass
class Lab:
    """The running lab: its server, the temporary root, and what the repo held before."""

    server: LabServer
    root: Path
    committed: dict[str, bytes]  # lesson name -> bytes of notebooks/<name> when copied
    timings: dict[str, float] = field(default_factory=dict)


@pytest.fixture(scope="session")
def lab(chromium, tmp_path_factory) -> Lab:
    """A JupyterLab server over a temporary copy of notebooks/ plus the harness's notebooks."""
    base = tmp_path_factory.mktemp("browser-lab")
    root, work = base / "root", base / "work"
    root.mkdir()
    work.mkdir()
    committed = copy_notebooks(root)
    scratch = root / "zz_browser_harness"  # the harness's own notebooks, apart from the lessons
    scratch.mkdir()
    write_notebook(
        scratch / "demo_widget.ipynb",
        [
            # a lesson may show a wrong input on purpose; Run All must go on past it
            (
                'from cqlab.errors import expect_number\nexpect_number("fast", "growth rate")',
                ["raises-exception"],
            ),
            DEMO_WIDGET_SOURCE,
        ],
    )
    write_notebook(
        scratch / "broken.ipynb",
        ["print('before the error')", "1 / 0", DEMO_WIDGET_SOURCE],
    )
    write_notebook(scratch / "zh_chart.ipynb", [ZH_CHART_SOURCE])
    server = LabServer(root, work)
    try:
        started = server.start()
    except Exception as error:
        server.stop()
        pytest.fail(f"JupyterLab did not start: {error}", pytrace=False)
    TIMINGS["server"] = {"start": round(started, 2)}
    yield Lab(server=server, root=root, committed=committed)
    write_timings()  # also here: under xdist the terminal summary runs on the controller
    survivors = server.stop()
    if survivors:
        pytest.fail(f"processes left behind after stopping JupyterLab: {survivors}", pytrace=False)


NOT_LOCAL = re.compile(r"^(https?|wss?|ftp)://(?!127\.0\.0\.1[:/])")


@pytest.fixture
def page(browser, lab):
    """A fresh page; any request that would leave 127.0.0.1 is aborted and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(30_000)
    external: list[str] = []

    def block(route):
        external.append(route.request.url)
        route.abort()

    context.route(NOT_LOCAL, block)
    page = context.new_page()
    page.external_requests = external  # read by the tests
    yield page
    context.close()
    lab.server.shutdown_all_kernels()  # two cores: no kernel idles on between lessons


def write_timings() -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "timings.json").write_text(json.dumps(TIMINGS, indent=2, ensure_ascii=False))


def pytest_terminal_summary(terminalreporter):
    if not TIMINGS:
        return
    write_timings()
    terminalreporter.section("browser timings (seconds)")
    for name, entry in TIMINGS.items():
        parts = ", ".join(
            f"{step} {value:.1f}" if isinstance(value, float) else f"{step}: {value}"
            for step, value in entry.items()
        )
        terminalreporter.write_line(f"{name:<34} {parts}")
    terminalreporter.write_line(f"screenshots: {SCREENSHOTS}")
