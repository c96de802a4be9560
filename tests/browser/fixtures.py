"""The session's Chromium and Playwright browser, shared by every browser test (tests/browser,
tests/present): tests/conftest.py registers these fixtures for the whole suite, because Playwright's
sync API allows one running instance per thread, so two folders cannot each start their own.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from . import harness
from .harness import CHROMIUM_ARGS, TIMINGS, chromium_missing_message

SKIP_REASON = (
    "browser tests skipped: Debian's chromium is not installed (apt-get install chromium); "
    "they run in CI"
)


def running_in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium; skip without it, except in CI where its absence is a failure."""
    if harness.CHROMIUM.exists():
        return harness.CHROMIUM
    if running_in_ci():
        pytest.fail("CI: " + chromium_missing_message(), pytrace=False)
    pytest.skip(SKIP_REASON)


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        started = time.perf_counter()
        browser = playwright.chromium.launch(
            executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS
        )
        TIMINGS.setdefault("browser", {})["launch"] = round(time.perf_counter() - started, 2)
        yield browser
        browser.close()
