"""Fixtures of the website tests: the site built once per session, a local HTTP server, one browser.

The browser is the browser tests' own (tests/browser: Debian's Chromium, same flags, same skip-or-fail rule);
axe-core comes from node_modules (npm registry). The site is built in a subprocess, so the network guard of
tests/conftest.py (CQLAB_BLOCK_NETWORK) blocks any download Sphinx or an extension might try.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.browser.fixtures import (
    running_in_ci,  # the browser and chromium fixtures come from tests/conftest.py
)

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
TIMINGS: dict[str, float] = {}


@pytest.fixture(scope="session")
def axe_source() -> str:
    if AXE.exists():
        return AXE.read_text(encoding="utf-8")
    message = f"site tests need axe-core at {AXE.relative_to(REPO)}: run `npm install` (make does it)"
    if running_in_ci():
        pytest.fail("CI: " + message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The whole site, built like `make site` does but into a temporary folder, with the network blocked."""
    if not (REPO / "node_modules" / "mathjax").exists():
        message = "the site needs MathJax from node_modules: run `npm install` (make does it)"
        if running_in_ci():
            pytest.fail("CI: " + message, pytrace=False)
        pytest.skip(message)
    out = tmp_path_factory.mktemp("site") / "_site"
    env = dict(os.environ, CQLAB_BLOCK_NETWORK="1")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(REPO / "site" / "build.py"), "--out", str(out)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )
    TIMINGS["build"] = round(time.perf_counter() - started, 2)
    if result.returncode != 0:
        pytest.fail(f"make site failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}", pytrace=False)
    return out


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # no request log in the test output
        pass


@pytest.fixture(scope="session")
def server(site):
    """The built site over HTTP on 127.0.0.1 (as a static host would serve it)."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()
