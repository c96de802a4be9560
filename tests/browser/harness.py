"""The machinery of the browser tests: a private JupyterLab server and a lesson driver.

A test never touches the committed lessons: the server's root is a temporary copy, and
every Jupyter setting (config, user settings, workspaces, runtime files) lives in a
temporary folder too, so a developer's ~/.jupyter does not change what the test sees.
Nothing reaches the network: the news feed and the update check are off, the
announcements plugin is disabled, and the browser aborts (and records) any request
that is not for the local server.
"""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
LESSON_PATTERN = "[0-9][0-9]_*.ipynb"

SERVER_START_TIMEOUT_S = 90  # two shared cores: a cold JupyterLab can take a while
LESSON_RUN_TIMEOUT_S = 60  # "Run All Cells" until every cell has run and the kernel is idle
PAGE_READY_TIMEOUT_S = 60  # page load until the notebook's kernel is idle
WIDGET_CHANGE_TIMEOUT_S = 10  # a key press until the chart and the result text change

DISABLED_PLUGINS = [
    # asks to fetch the Jupyter news feed (a network request) on first start
    "@jupyterlab/apputils-extension:announcements",
    # queries PyPI for extensions
    "@jupyterlab/extensionmanager-extension",
]
USER_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
        "doNotDisturbMode": True,
    },
    # every cell attached to the page, so the test sees every output (no virtual scrolling)
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}

#: Filled as the tests run; printed by conftest's terminal summary and written to timings.json.
TIMINGS: dict[str, dict[str, float | str]] = {}


def lesson_paths() -> list[Path]:
    """The lessons that exist now (collection time), in order."""
    return sorted(NOTEBOOKS.glob(LESSON_PATTERN))


def chromium_missing_message() -> str:
    return (
        f"browser tests need Debian's chromium at {CHROMIUM}, which is missing. "
        "Install it with: apt-get update && apt-get install -y --no-install-recommends chromium "
        "(never `playwright install`: no browser download)."
    )


def free_port() -> int:
    """A free TCP port on 127.0.0.1, found by binding port 0."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_notebooks(destination: Path) -> dict[str, bytes]:
    """Copy notebooks/ (minus checkpoints) into ``destination``; return the lessons' bytes.

    The notebooks need nothing else: they import cqlab, which finds datasets/ through its
    own install path (or CQLAB_DATASETS), not through the notebook's folder.
    """
    if not NOTEBOOKS.is_dir():
        destination.mkdir(parents=True, exist_ok=True)
        return {}
    shutil.copytree(
        NOTEBOOKS,
        destination,
        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
        dirs_exist_ok=True,
    )
    return {path.name: path.read_bytes() for path in lesson_paths()}


class LabServer:
    """A JupyterLab server from the course's environment, private to one test session."""

    def __init__(self, root_dir: Path, work_dir: Path):
        self.root_dir = Path(root_dir)
        self.work_dir = Path(work_dir)
        self.token = secrets.token_hex(24)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.process: subprocess.Popen | None = None
        self.log_path = self.work_dir / "jupyterlab.log"
        self.started_in_s: float | None = None
        self._log_file = None

    # --- environment ------------------------------------------------------------------
    def _prepare_dirs(self) -> dict[str, str]:
        dirs = {
            name: self.work_dir / name
            for name in ("config", "settings", "workspaces", "runtime", "data", "ipython")
        }
        for path in dirs.values():
            path.mkdir(parents=True, exist_ok=True)
        labconfig = dirs["config"] / "labconfig"
        labconfig.mkdir(exist_ok=True)
        (labconfig / "page_config.json").write_text(
            json.dumps({"disabledExtensions": {name: True for name in DISABLED_PLUGINS}})
        )
        for relative, values in USER_SETTINGS.items():
            path = dirs["settings"] / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        env = dict(os.environ)
        env.update(
            JUPYTER_CONFIG_DIR=str(dirs["config"]),
            JUPYTERLAB_SETTINGS_DIR=str(dirs["settings"]),
            JUPYTERLAB_WORKSPACES_DIR=str(dirs["workspaces"]),
            JUPYTER_RUNTIME_DIR=str(dirs["runtime"]),
            JUPYTER_DATA_DIR=str(dirs["data"]),
            IPYTHONDIR=str(dirs["ipython"]),
            PYTHONUNBUFFERED="1",
        )
        env.pop("JUPYTER_TOKEN", None)
        return env

    def command(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            "--allow-root",  # CI runs as root
            "--ip=127.0.0.1",
            f"--port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root_dir}",
            "--ServerApp.terminals_enabled=False",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--LabServerApp.workspaces_dir=" + str(self.work_dir / "workspaces"),
        ]

    # --- lifecycle --------------------------------------------------------------------
    def start(self) -> float:
        """Start the server and wait until /api/status answers; return the seconds it took."""
        env = self._prepare_dirs()
        self._log_file = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        started = time.perf_counter()
        self.process = subprocess.Popen(
            self.command(),
            cwd=self.root_dir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so stop() can end it all
        )
        deadline = started + SERVER_START_TIMEOUT_S
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"JupyterLab exited with code {self.process.returncode} before answering.\n"
                    f"{self.log_tail()}"
                )
            try:
                status = self.api("GET", "api/status", timeout=2)
                if "started" in status:
                    self.started_in_s = time.perf_counter() - started
                    return self.started_in_s
            except (OSError, urllib.error.URLError, ValueError):
                pass
            time.sleep(0.25)
        raise RuntimeError(
            f"JupyterLab did not answer on {self.base} within {SERVER_START_TIMEOUT_S} s.\n"
            f"{self.log_tail()}"
        )

    def url(self, path: str, **query: str) -> str:
        params = "&".join([f"token={self.token}"] + [f"{k}={quote(v)}" for k, v in query.items()])
        joiner = "&" if "?" in path else "?"
        return f"{self.base}{path}{joiner}{params}"

    def api(self, method: str, path: str, body: dict | None = None, timeout: float = 10):
        request = urllib.request.Request(
            self.base + path,
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            payload = response.read()
        return json.loads(payload) if payload else None

    def shutdown_all_kernels(self) -> None:
        """Stop every kernel (frees the 2 cores between lessons)."""
        try:
            for session in self.api("GET", "api/sessions") or []:
                self.api("DELETE", f"api/sessions/{session['id']}")
            for kernel in self.api("GET", "api/kernels") or []:
                self.api("DELETE", f"api/kernels/{kernel['id']}")
        except (OSError, urllib.error.URLError):
            pass

    def descendants(self) -> list[int]:
        """Process ids of everything the server started (kernels run in their own session)."""
        if self.process is None:
            return []
        try:
            import psutil

            return [
                child.pid for child in psutil.Process(self.process.pid).children(recursive=True)
            ]
        except Exception:  # psutil missing or server gone
            return []

    def stop(self, timeout: float = 10) -> list[int]:
        """Stop the server and its kernels; return pids that survived (should be none)."""
        if self.process is None:
            return []
        children = self.descendants()
        if self.process.poll() is None:
            try:  # graceful: the server shuts its kernels down itself
                self.api("POST", "api/shutdown", timeout=5)
                self.process.wait(timeout=timeout)
            except Exception:
                pass
        if self.process.poll() is None:
            _signal_group(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                _signal_group(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=timeout)
        else:  # the leader is gone; make sure nothing is left in its group
            _signal_group(self.process.pid, signal.SIGKILL)
        survivors = _end_pids(children, timeout)
        if self._log_file:
            self._log_file.close()
        return survivors

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return "(no server log)"
        return f"--- last lines of {self.log_path} ---\n" + "\n".join(text[-lines:])


def _signal_group(pgid: int, sig: int) -> None:
    try:
        os.killpg(pgid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(") ")[-1][:1] != "Z"
    except OSError:
        try:
            os.kill(pid, 0)
            return True
        except OSError:
            return False


def _end_pids(pids: list[int], timeout: float) -> list[int]:
    """Terminate, then kill, each pid still alive; return those that survive both."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        alive = [pid for pid in pids if _alive(pid)]
        for pid in alive:
            try:
                os.kill(pid, sig)
            except OSError:
                pass
        deadline = time.monotonic() + timeout
        while alive and time.monotonic() < deadline:
            alive = [pid for pid in alive if _alive(pid)]
            time.sleep(0.1)
    return [pid for pid in pids if _alive(pid)]


# ----------------------------------------------------------------------------------------
# The lesson driver
# ----------------------------------------------------------------------------------------

# JavaScript run in the page. The notebook panel is the one visible notebook (each test
# opens one notebook in a fresh browser context with a reset workspace).
JS_NOTEBOOK_STATE = r"""
() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return null;
  const indicator = panel.querySelector('.jp-Notebook-ExecutionIndicator');
  const cells = [...panel.querySelectorAll('.jp-Notebook .jp-Cell')];
  const code = cells.map((cell, index) => ({cell, index}))
                    .filter(({cell}) => cell.classList.contains('jp-CodeCell'));
  return {
    status: indicator ? indicator.getAttribute('data-status') : null,
    kernel: (panel.querySelector('.jp-KernelName') || {}).textContent || null,
    cells: cells.length,
    code: code.map(({cell, index}) => {
      const prompt = cell.querySelector('.jp-InputArea-prompt');
      const editor = cell.querySelector('.cm-content');
      return {
        index,
        prompt: prompt ? prompt.textContent.trim() : '',
        empty: editor ? editor.textContent.trim() === '' : false,
      };
    }),
  };
}
"""

# Every widget control label, option button and value readout in the visible notebook that cannot show all
# its text (scrollWidth beyond clientWidth: "annualise ×12/m…"), or a readout that is not shown at all.
JS_CLIPPED_CONTROLS = r"""
() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return null;
  const found = [];
  for (const el of panel.querySelectorAll('.widget-label, .widget-toggle-button, .widget-readout')) {
    if (el.closest('.lm-mod-hidden')) continue;
    const text = (el.textContent || '').trim();
    if (!text) continue;
    const readout = el.classList.contains('widget-readout');
    const style = getComputedStyle(el);
    if (readout && (el.offsetWidth === 0 || style.visibility === 'hidden' || style.display === 'none')) {
      found.push({text, kind: 'readout not shown'});
    } else if (el.scrollWidth > el.clientWidth + 1) {
      found.push({text, kind: 'clipped', scroll: el.scrollWidth, client: el.clientWidth});
    } else {
      // shown whole, but past the right edge of its output area (a readout pushed out by a wide slider)
      const area = el.closest('.jp-OutputArea-output') || el.closest('.jp-Cell');
      const right = el.getBoundingClientRect().right, edge = area ? area.getBoundingClientRect().right : Infinity;
      if (right > edge + 1) found.push({text, kind: 'past the right edge', right, edge});
    }
  }
  return found;
}
"""

# Every output that signals a problem, with the index of its cell among all cells.
JS_PROBLEM_OUTPUTS = r"""
() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return [];
  const cells = [...panel.querySelectorAll('.jp-Notebook .jp-Cell')];
  const problems = [];
  cells.forEach((cell, index) => {
    for (const out of cell.querySelectorAll(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')) {
      problems.push({index, kind: 'stderr', text: out.innerText.slice(0, 3000)});
    }
    for (const out of cell.querySelectorAll('.jp-OutputArea-output')) {
      const text = out.innerText || '';
      if (/Error displaying widget|Error rendering|Model not found|Failed to (load|render)/i.test(text)) {
        problems.push({index, kind: 'widget', text: text.slice(0, 1000)});
      }
    }
  });
  return problems;
}
"""

# The first main control and, after it in document order, the first chart image and result.
# ipywidgets 8 shows an Image as a blob: URL (a new URL on every change), so the test reads
# the bytes behind the URL and compares their SHA-256, not the URL.
JS_WIDGET_PARTS = r"""
async () => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const control = panel && panel.querySelector('.cqlab-main-control');
  if (!control) return null;
  const after = (selector) => [...panel.querySelectorAll(selector)].find(
      (el) => control.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  const chart = after('.cqlab-chart');
  const img = chart ? (chart.tagName === 'IMG' ? chart : chart.querySelector('img')) : null;
  const result = after('.cqlab-result');
  const message = after('.cqlab-message');
  const cls = control.className;
  let kind = 'unknown';
  if (control.querySelector('.noUi-handle')) kind = 'slider';
  else if (control.querySelector('select')) kind = 'select';
  else if (control.querySelector('button')) kind = 'buttons';
  else if (control.querySelector('input[type=radio]')) kind = 'radio';
  const src = img ? img.getAttribute('src') : null;
  let sha256 = null, size = 0, png = false;
  if (src) {
    try {
      const bytes = new Uint8Array(await (await fetch(src)).arrayBuffer());
      size = bytes.length;
      png = size > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
      sha256 = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
    } catch (error) {
      sha256 = 'unreadable: ' + error;
    }
  }
  return {
    kind,
    className: cls,
    src: src ? src.slice(0, 80) : null,
    sha256, size, png,
    imgLoaded: img ? (img.complete && img.naturalWidth > 0) : false,
    naturalWidth: img ? img.naturalWidth : 0,
    result: result ? result.innerText.trim() : null,
    message: message ? message.innerText.trim() : null,
    hasChart: !!chart,
    hasResult: !!result,
  };
}
"""


class StepFailure(AssertionError):
    """A lesson step failed; the message names the lesson, the step and the screenshot."""


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-")[:60]


class LessonDriver:
    """Drives one notebook in one page like a student would; every step is named and timed."""

    def __init__(self, page, server: LabServer, name: str, screenshots: Path = SCREENSHOTS):
        self.page = page
        self.server = server
        self.name = name  # notebook file name, relative to the server root
        self.label = Path(name).stem
        self.screenshots = screenshots
        self.screenshots.mkdir(parents=True, exist_ok=True)
        self.timings: dict[str, float] = {}
        self.console_errors: list[str] = []
        self.external_requests: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.console_errors.append(f"pageerror: {error}"))

    def _on_console(self, message) -> None:
        if message.type == "error":
            self.console_errors.append(message.text[:500])

    # --- reporting --------------------------------------------------------------------
    def screenshot(self, tag: str) -> Path:
        path = self.screenshots / f"{self.label}--{slug(tag)}.png"
        try:
            self.page.screenshot(path=str(path), timeout=10_000)
        except Exception as error:  # a screenshot must never hide the real failure
            return Path(f"(screenshot failed: {error})")
        return path

    @contextmanager
    def step(self, name: str, key: str | None = None):
        """A named step: on failure, say lesson, step, error and screenshot; time it as ``key``."""
        started = time.perf_counter()
        try:
            yield
        except StepFailure:
            raise
        except Exception as error:
            shot = self.screenshot(f"FAILED-{name}")
            details = [
                f"lesson {self.name}: step '{name}' failed after "
                f"{time.perf_counter() - started:.1f} s",
                f"  {type(error).__name__}: {str(error).strip()[:3000]}",
                f"  screenshot: {shot}",
            ]
            if self.console_errors:
                details.append("  browser console errors: " + " | ".join(self.console_errors[-5:]))
            raise StepFailure("\n".join(details)) from error
        finally:
            if key:
                self.timings[key] = round(time.perf_counter() - started, 2)

    # --- actions ----------------------------------------------------------------------
    def state(self) -> dict | None:
        return self.page.evaluate(JS_NOTEBOOK_STATE)

    def wait_until(self, predicate, timeout_s: float, what: str, interval_s: float = 0.25):
        deadline = time.monotonic() + timeout_s
        last = None
        while time.monotonic() < deadline:
            last = predicate()
            if last:
                return last
            self.page.wait_for_timeout(interval_s * 1000)
        raise TimeoutError(f"{what} did not happen within {timeout_s:.0f} s (last state: {last!r})")

    def open(self) -> None:
        """Open the notebook in a reset workspace and wait for an idle kernel."""
        with self.step("open notebook and wait for an idle kernel", key="open"):
            self.page.goto(
                self.server.url(f"lab/tree/{quote(self.name)}", reset=""),
                wait_until="domcontentloaded",
                timeout=PAGE_READY_TIMEOUT_S * 1000,
            )
            self.page.wait_for_selector(
                ".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=PAGE_READY_TIMEOUT_S * 1000
            )

            # Before the session exists the indicator says "idle" with "No Kernel"; then it
            # goes "connecting"; only an idle, named kernel seen twice in a row is ready.
            seen = []

            def ready():
                self.fail_on_dialog()
                state = self.state()
                ok = bool(
                    state
                    and state["status"] == "idle"
                    and (state["kernel"] or "").strip() not in ("", "No Kernel", "Kernel")
                )
                seen.append(ok)
                return state if seen[-2:] == [True, True] else None

            self.wait_until(ready, PAGE_READY_TIMEOUT_S, "a connected, idle kernel")

    def fail_on_dialog(self) -> None:
        """A modal dialog (kernel choice, error, ...) means something went wrong: say which."""
        dialog = self.page.locator(".jp-Dialog")
        if dialog.count() and dialog.first.is_visible():
            raise AssertionError(f"JupyterLab shows a dialog: {dialog.first.inner_text()[:500]!r}")

    def menu(self, menu: str, item: str) -> None:
        """Click a menu of the menu bar, then one of its items, as a user would."""
        self.page.get_by_role("menuitem", name=menu, exact=True).first.click()
        self.page.locator(".lm-Menu-content").get_by_role(
            "menuitem", name=re.compile("^" + re.escape(item))
        ).first.click()

    def run_all(self, timeout_s: float = LESSON_RUN_TIMEOUT_S) -> dict:
        """Clear the stored outputs, then Run > Run All Cells; wait until done and idle."""
        with self.step("clear stored outputs (Edit > Clear Outputs of All Cells)"):
            self.page.locator(".jp-NotebookPanel .jp-Notebook").first.click(
                position={"x": 5, "y": 5}
            )
            self.menu("Edit", "Clear Outputs of All Cells")
            self.wait_until(
                lambda: self.page.locator(".jp-NotebookPanel .jp-OutputArea-output").count() == 0,
                10,
                "clearing the stored outputs",
            )
        with self.step(
            "run all cells (Run > Run All Cells) and wait for the kernel", key="run all"
        ):
            self.menu("Run", "Run All Cells")

            def finished():
                self.fail_on_dialog()
                state = self.state()
                if not state:
                    return None
                prompts = [c["prompt"] for c in state["code"] if not c["empty"]]
                running = [p for p in prompts if "*" in p]
                done = all(re.search(r"\[\d+\]", p) for p in prompts)
                if state["status"] == "idle" and not running:
                    if done:
                        return state
                    # Run All stops at an error: report it instead of waiting for the timeout
                    if self.problems():
                        return state
                return None

            state = self.wait_until(finished, timeout_s, "running every cell")
            return state

    def problems(self, allowed_cells: set[int] = frozenset()) -> list[dict]:
        found = self.page.evaluate(JS_PROBLEM_OUTPUTS)
        return [p for p in found if p["index"] not in allowed_cells]

    def check_no_errors(
        self,
        allowed_cells: set[int] = frozenset(),
        strict: bool = False,
        step: str = "check that no cell shows an error",
    ) -> None:
        """No cell shows a traceback, an error, a warning, or a widget that failed to render.

        ``strict``: any stderr output at all is a failure (the language check uses it).
        """
        with self.step(step):
            bad = []
            for problem in self.problems(allowed_cells):
                text = problem["text"]
                if (
                    strict
                    or problem["kind"] == "widget"
                    or re.search(r"Traceback|Error|Exception|Warning", text)
                ):
                    bad.append(f"cell #{problem['index'] + 1} ({problem['kind']}): {text}")
            state = self.state() or {"code": []}
            not_run = [
                c["index"] + 1
                for c in state["code"]
                if not c["empty"] and not re.search(r"\[\d+\]", c["prompt"])
            ]
            if not_run:
                bad.append(f"cells that did not run: #{', #'.join(map(str, not_run))}")
            if bad:
                raise AssertionError("the notebook shows problems:\n  " + "\n  ".join(bad))

    def clipped_controls(self) -> list[dict]:
        """Control labels, option buttons and readouts that do not show their whole text."""
        return self.page.evaluate(JS_CLIPPED_CONTROLS) or []

    def widget_parts(self) -> dict | None:
        return self.page.evaluate(JS_WIDGET_PARTS)

    def main_control(self):
        return self.page.locator(".jp-NotebookPanel .cqlab-main-control").first

    def find_widget(self) -> dict:
        with self.step("find the main control, its chart and its result"):

            def rendered():
                parts = self.widget_parts()
                if parts and parts["hasChart"] and parts["hasResult"] and parts["imgLoaded"]:
                    return parts
                return None

            parts = self.wait_until(
                rendered,
                WIDGET_CHANGE_TIMEOUT_S,
                "a .cqlab-main-control followed by a rendered .cqlab-chart image and a "
                ".cqlab-result",
            )
            if parts["kind"] == "unknown":
                raise AssertionError(
                    f"the main control (class {parts['className']!r}) is not a slider, dropdown "
                    "or toggle buttons that the test knows how to move"
                )
            if not parts["png"]:
                raise AssertionError(
                    f"the chart image is not a PNG (src {parts['src']!r}, {parts['size']} bytes)"
                )
            self.main_control().scroll_into_view_if_needed()
            return parts

    def settle(self, timeout_s: float = WIDGET_CHANGE_TIMEOUT_S) -> dict:
        """Wait for an idle kernel and a widget that stays the same for two polls."""
        last = []

        def stable():
            state = self.state() or {}
            parts = self.widget_parts()
            key = parts and (parts["sha256"], parts["result"], parts["imgLoaded"])
            last.append(key)
            if state.get("status") == "idle" and len(last) > 1 and last[-1] == last[-2]:
                return parts
            return None

        return self.wait_until(stable, timeout_s, "the widget settling", interval_s=0.4)

    def widget_screenshot(self, tag: str) -> Path:
        """Screenshot of the output area that holds the main control (controls, chart, result)."""
        path = self.screenshots / f"{self.label}--{slug(tag)}.png"
        control = self.main_control()
        try:
            area = control.locator("xpath=ancestor::div[contains(@class,'jp-OutputArea ')][1]")
            if area.count() == 0:
                area = control.locator("xpath=ancestor::div[contains(@class,'jp-Cell ')][1]")
            area.first.screenshot(path=str(path), timeout=10_000)
            return path
        except Exception:
            return self.screenshot(tag)

    def _changed(self, before: dict):
        parts = self.widget_parts()
        if parts and parts["sha256"] != before["sha256"] and parts["result"] != before["result"]:
            return parts
        return None

    def _attempts(self, kind: str):
        """User gestures to try in turn, until the chart and the result change."""
        control = self.main_control()
        if kind == "slider":
            handle = control.locator(".noUi-handle").first

            def keys(*names):
                def press():
                    handle.focus()
                    for key in names:
                        self.page.keyboard.press(key)
                        self.page.wait_for_timeout(120)

                return press

            yield (
                "ArrowRight x3 on the slider handle",
                keys("ArrowRight", "ArrowRight", "ArrowRight"),
            )
            yield "End on the slider handle", keys("End")
            yield "Home on the slider handle", keys("Home")
        elif kind == "select":
            select = control.locator("select").first

            def choose(offset):
                def pick():
                    options = select.locator("option")
                    values = [
                        options.nth(i).get_attribute("value") or options.nth(i).inner_text()
                        for i in range(options.count())
                    ]
                    current = select.input_value()
                    others = [v for v in values if v != current]
                    if not others:
                        raise AssertionError("the dropdown has a single option")
                    select.select_option(others[offset % len(others)])

                return pick

            # (headless Chromium ignores arrow keys on a closed <select>: choose as with a mouse)
            yield "choose another option in the dropdown", choose(0)
            yield "choose yet another option in the dropdown", choose(-1)
        elif kind == "buttons":
            buttons = control.locator("button")

            def click(offset):
                def press():
                    inactive = [
                        i
                        for i in range(buttons.count())
                        if "mod-active" not in (buttons.nth(i).get_attribute("class") or "")
                    ]
                    if not inactive:
                        raise AssertionError("no other toggle button to click")
                    buttons.nth(inactive[offset % len(inactive)]).click()

                return press

            yield "click another toggle button", click(0)
            yield "click yet another toggle button", click(-1)
        elif kind == "radio":
            radios = control.locator("input[type=radio]")

            def check(offset):
                def press():
                    unchecked = [i for i in range(radios.count()) if not radios.nth(i).is_checked()]
                    radios.nth(unchecked[offset % len(unchecked)]).check()

                return press

            yield "choose another radio button", check(0)

    def _await_gesture(self, before: dict, gesture: str) -> str:
        """ "changed" once chart and result both differ; "partly" when only one changed and the
        kernel stayed idle for three polls (e.g. a result that moves only past a threshold), so
        the next gesture is tried at once; TimeoutError when nothing changed."""
        quiet: list[bool] = []

        def changed_or_settled():
            if self._changed(before):
                return "changed"
            now = self.widget_parts() or {}
            moved = now.get("sha256") != before["sha256"] or now.get("result") != before["result"]
            quiet.append(moved and (self.state() or {}).get("status") == "idle")
            return "partly" if quiet[-3:] == [True, True, True] else None

        return self.wait_until(changed_or_settled, WIDGET_CHANGE_TIMEOUT_S, gesture)

    def change_main_control(self, before: dict) -> tuple[dict, str]:
        """Move the main control like a user; return the new parts and the gesture used."""
        with self.step(
            f"move the main control ({before['kind']}) and see chart and result change",
            key="move control",
        ):
            tried = []
            for gesture, act in self._attempts(before["kind"]):
                act()
                tried.append(gesture)
                try:
                    outcome = self._await_gesture(before, gesture)
                except TimeoutError:
                    continue
                if outcome != "changed":
                    continue
                after = self.settle()  # a gesture of several key presses: wait for the last one
                if after["sha256"] != before["sha256"] and after["result"] != before["result"]:
                    return after, gesture
            now = self.widget_parts() or {}
            raise AssertionError(
                "the chart and the result text did not both change "
                f"after: {'; '.join(tried)}.\n  chart changed: {now.get('sha256') != before['sha256']}, "
                f"result changed: {now.get('result') != before['result']} "
                f"(result before {before['result']!r}, after {now.get('result')!r}); "
                f"widget message: {now.get('message') or '(none)'!r}"
            )

    def record(self, extra: dict | None = None) -> dict:
        entry = dict(self.timings)
        entry.update(extra or {})
        TIMINGS[self.label] = entry
        return entry


# ----------------------------------------------------------------------------------------
# Notebooks of the harness's own (written into the temporary root, never into the repo)
# ----------------------------------------------------------------------------------------

DEMO_WIDGET_SOURCE = '''\
import ipywidgets as widgets

from cqlab.widgets.base import ChartWidget


class SquareWidget(ChartWidget):
    """The smallest lesson-like widget: a slider drives y = a * x**2."""

    def __init__(self):
        controls = {
            "a": widgets.IntSlider(value=2, min=1, max=10, step=1, description="a"),
            "shift": widgets.IntSlider(value=0, min=0, max=5, description="shift"),
        }
        super().__init__(controls, main="a")

    def compute(self, a, shift):
        return [a * x * x + shift for x in range(6)]

    def draw(self, figure, axes, result):
        axes.plot(range(6), result, marker="o")
        axes.set_title(f"y = {self.controls['a'].value} x^2")

    def describe(self, result):
        return f"y(5) = {result[-1]}"


w = SquareWidget()
w'''

ZH_CHART_SOURCE = """\
import warnings

warnings.simplefilter("error")

import cqlab
from cqlab import charts

cqlab.set_language("zh")
figure, axes = charts.new_figure()
years = [2019, 2020, 2021, 2022]
axes.plot(years, [1.0, 1.2, 1.5, 1.7], marker="o")
axes.set_title(cqlab.label("Regional GDP (simulated)", "地区生产总值（模拟数据）"))
axes.set_xlabel(cqlab.label("Year", "年份"))
axes.set_ylabel(charts.axis_unit("万亿元")[1])
axes.set_xticks(years, labels=["二〇一九年", "二〇二〇年", "二〇二一年", "二〇二二年"])
axes.set_yticks([1.0, 1.5], labels=["一万亿", "一万五千亿"])
axes.legend(["重庆"])
charts.source_note(figure, "模拟数据，重庆日报")
charts.show(figure, alt="中文图表：地区生产总值")
print("zh-chart-ok", cqlab.get_language())"""


def write_notebook(path: Path, cells: list) -> Path:
    """Write a notebook of code cells (nbformat 4) with the course's kernelspec.

    A cell is its source, or (source, [tags]).
    """
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    for cell in cells:
        source, tags = (cell, []) if isinstance(cell, str) else cell
        code = nbformat.v4.new_code_cell(source)
        if tags:
            code.metadata["tags"] = list(tags)
        notebook.cells.append(code)
    nbformat.write(notebook, path)
    return path


def tagged_cells(path: Path, tag: str) -> set[int]:
    """Indices (among all cells) of the cells that carry ``tag`` in a notebook file."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return {
        index
        for index, cell in enumerate(notebook.get("cells", []))
        if tag in (cell.get("metadata", {}).get("tags") or [])
    }


JS_OUTPUT_IMAGES = r"""
async () => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return [];
  const found = [];
  for (const img of panel.querySelectorAll('.jp-OutputArea-output img')) {
    const bytes = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    found.push({
      mime: img.closest('.jp-OutputArea-output').getAttribute('data-mime-type'),
      alt: img.getAttribute('alt'),
      naturalWidth: img.naturalWidth,
      naturalHeight: img.naturalHeight,
      base64: btoa(binary),
    });
  }
  return found;
}
"""

JS_OUTPUT_TEXT = r"""
() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  return panel ? [...panel.querySelectorAll('.jp-OutputArea-output')].map(
      (out) => [out.getAttribute('data-mime-type'), out.innerText]) : [];
}
"""


def output_images(page) -> list[dict]:
    """Every image in the notebook's outputs, with its bytes (decoded from the page)."""
    images = page.evaluate(JS_OUTPUT_IMAGES)
    for image in images:
        image["bytes"] = base64.b64decode(image.pop("base64"))
    return images


def output_texts(page) -> list[tuple[str, str]]:
    return [tuple(item) for item in page.evaluate(JS_OUTPUT_TEXT)]


def png_colours(data: bytes, limit: int = 4) -> int:
    """How many distinct colours a PNG has (up to ``limit``): 1 means a blank image."""
    import io

    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        colours = image.convert("RGB").getcolors(maxcolors=limit)
    return limit + 1 if colours is None else len(colours)
