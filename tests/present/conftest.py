"""Fixtures of the presentation-mode tests: one Voilà server for lesson 01. Chromium and the browser
are the browser tests' (tests/browser/fixtures.py: same launcher, same rule, CI fails instead of skipping).

Voilà is started exactly as ``python -m cqlab present`` starts it (:func:`cqlab.present.voila_command`),
on a free port of 127.0.0.1, with Jupyter's config, data and runtime folders in a temporary folder so
a developer's ~/.jupyter does not change what the test sees.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.browser.fixtures import running_in_ci
from tests.browser.harness import _end_pids, _signal_group, free_port

LESSON = "01"
SERVER_START_TIMEOUT_S = 60


class VoilaServer:
    """``python -m cqlab present``'s Voilà, private to one test module."""

    def __init__(self, lesson: str, work: Path):
        from cqlab import present

        self.notebook = present.find_lesson(lesson)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.command, self.env = present.voila_command(self.notebook, self.port, open_browser=False)
        for name in ("config", "data", "runtime"):
            (work / name).mkdir(parents=True, exist_ok=True)
        self.env.update(
            JUPYTER_CONFIG_DIR=str(work / "config"),
            JUPYTER_DATA_DIR=str(work / "data"),
            JUPYTER_RUNTIME_DIR=str(work / "runtime"),
        )
        self.log_path = work / "voila.log"
        self.process: subprocess.Popen | None = None
        self.repository = present.repository()

    def start(self) -> float:
        """Start Voilà; wait until it serves the vendored Font Awesome sheet; return the seconds."""
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        started = time.perf_counter()
        self.process = subprocess.Popen(
            self.command, env=self.env, cwd=self.repository, stdin=subprocess.DEVNULL,
            stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        probe = self.base + "voila/files/node_modules/@fortawesome/fontawesome-free/css/all.min.css"
        while time.perf_counter() - started < SERVER_START_TIMEOUT_S:
            if self.process.poll() is not None:
                raise RuntimeError(f"Voilà exited with code {self.process.returncode}.\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(probe, timeout=2) as response:
                    if response.status == 200:
                        return time.perf_counter() - started
            except urllib.error.HTTPError as error:
                raise RuntimeError(f"Voilà answered {error.code} for {probe}.\n{self.log_tail()}") from error
            except OSError:
                pass
            time.sleep(0.25)
        raise RuntimeError(f"Voilà did not answer within {SERVER_START_TIMEOUT_S} s.\n{self.log_tail()}")

    def descendants(self) -> list[int]:
        import psutil

        try:
            return [child.pid for child in psutil.Process(self.process.pid).children(recursive=True)]
        except psutil.Error:
            return []

    def stop(self, timeout: float = 10) -> list[int]:
        """Stop Voilà and its kernels; return the pids that survived (should be none)."""
        if self.process is None:
            return []
        children = self.descendants()
        _signal_group(self.process.pid, signal.SIGTERM)  # Voilà shuts its kernels down on SIGTERM
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _signal_group(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=timeout)
        survivors = _end_pids(children, timeout)
        self._log.close()
        return survivors

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return "(no Voilà log)"
        return f"--- last lines of {self.log_path} ---\n" + "\n".join(text[-lines:])


@pytest.fixture(scope="module")
def voila(chromium, tmp_path_factory):
    """Voilà presenting lesson 01; the committed lesson must be byte-for-byte unchanged after."""
    from cqlab import present

    if not os.path.isfile(present.repository() / present.VENDORED["Font Awesome"]):
        message = "presentation tests need the npm assets: run `npm install` (make test does)"
        if running_in_ci():
            pytest.fail("CI: " + message, pytrace=False)
        pytest.skip(message)
    server = VoilaServer(LESSON, tmp_path_factory.mktemp("voila"))
    committed = server.notebook.read_bytes()
    try:
        server.start()
    except Exception as error:
        server.stop()
        pytest.fail(f"Voilà did not start: {error}", pytrace=False)
    yield server
    survivors = server.stop()
    assert server.notebook.read_bytes() == committed, "presenting changed the committed lesson"
    if survivors:
        pytest.fail(f"processes left behind after stopping Voilà: {survivors}", pytrace=False)
