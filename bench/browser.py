"""In the browser: from moving a lesson's main control to the new chart being shown.

JupyterLab (from the course's environment, --allow-root, a token, a free port) serves a temporary
copy of notebooks/; headless Debian Chromium is driven by Playwright. For each lesson: open it,
Run All Cells (the widgets need a live kernel), find the first ``.cqlab-main-control`` and the
first ``.cqlab-chart`` image after it, then move the control like a user (ArrowRight on a slider
handle, ArrowLeft at the end of the track; another option of a dropdown; another toggle button).

Timing happens inside the page, so Playwright's own latency is not counted: a capture-phase
listener stamps ``performance.now()`` at the user's input (keydown / change / click), and a
MutationObserver stamps the moment the image's ``src`` changes (ipywidgets 8 sets a new blob: URL
per PNG); the image's ``load`` event is recorded too (the new chart decoded and painted).

The JupyterLab server, the Chromium path and its flags come from tests/browser/harness.py
(``LabServer``: private config, settings and runtime dirs, no network), imported by path, so the
benchmark measures exactly what the browser tests run.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
MOVE_TIMEOUT_MS = 5000
SPAN = 3  # a slider moves back and forth within 3 steps of where the lesson left it


def _load_harness():
    """The browser tests' harness (LabServer, Chromium path and flags), imported by path: one launcher for both."""
    path = ROOT / "tests" / "browser" / "harness.py"
    spec = importlib.util.spec_from_file_location("cqlab_browser_harness", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---- JavaScript run in the page --------------------------------------------------------------

JS_STATE = r"""
() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return null;
  const indicator = panel.querySelector('.jp-Notebook-ExecutionIndicator');
  const prompts = [...panel.querySelectorAll('.jp-CodeCell')].map((cell) => {
    const p = cell.querySelector('.jp-InputArea-prompt');
    const editor = cell.querySelector('.cm-content');
    return {prompt: p ? p.textContent.trim() : '', empty: editor ? editor.textContent.trim() === '' : false};
  }).filter((c) => !c.empty).map((c) => c.prompt);
  return {status: indicator ? indicator.getAttribute('data-status') : null, prompts};
}
"""

JS_ERRORS = r"""
() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const cells = [...panel.querySelectorAll('.jp-Cell')];
  for (const [index, cell] of cells.entries()) {
    const out = cell.querySelector('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]');
    if (out && /Error|Traceback|Exception/.test(out.innerText)) return `cell #${index + 1}: ` + out.innerText.slice(0, 600);
  }
  return null;
}
"""

# Install the stopwatch on the first main control and the first chart image after it.
JS_INSTALL = r"""
() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const control = panel && panel.querySelector('.cqlab-main-control');
  if (!control) return {error: 'no .cqlab-main-control'};
  const chart = [...panel.querySelectorAll('.cqlab-chart')].find(
      (el) => control.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  if (!chart) return {error: 'no .cqlab-chart after the main control'};
  const img = chart.tagName === 'IMG' ? chart : chart.querySelector('img');
  if (!img) return {error: 'no img in the chart'};
  let kind = 'unknown';
  if (control.querySelector('.noUi-handle')) kind = 'slider';
  else if (control.querySelector('select')) kind = 'select';
  else if (control.querySelector('button')) kind = 'buttons';
  const bench = {input: null, src: [], load: [], kind};
  window.__cqlabBench = bench;
  const stamp = () => { bench.input = performance.now(); };
  control.addEventListener('keydown', stamp, true);
  control.addEventListener('change', stamp, true);
  control.addEventListener('click', stamp, true);
  new MutationObserver(() => bench.src.push(performance.now()))
      .observe(img, {attributes: true, attributeFilter: ['src']});
  img.addEventListener('load', () => bench.load.push(performance.now()));
  return {kind, src: (img.getAttribute('src') || '').slice(0, 40)};
}
"""

JS_SLIDER = r"""
() => {
  const h = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .cqlab-main-control .noUi-handle');
  return h ? {now: parseFloat(h.getAttribute('aria-valuenow')), min: parseFloat(h.getAttribute('aria-valuemin')),
              max: parseFloat(h.getAttribute('aria-valuemax'))} : null;
}
"""


def _wait(page, predicate, timeout_s: float, what: str, interval_ms: int = 200):
    deadline = time.monotonic() + timeout_s
    last = None
    while time.monotonic() < deadline:
        last = predicate()
        if last:
            return last
        page.wait_for_timeout(interval_ms)
    raise TimeoutError(f"{what} did not happen within {timeout_s:.0f} s (last: {last!r})")


def _run_all(page, server, name: str) -> float:
    page.goto(server.url(f"lab/tree/{quote(name)}", reset=""), wait_until="domcontentloaded",
              timeout=90_000)
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=90_000)
    _wait(page, lambda: (page.evaluate(JS_STATE) or {}).get("status") == "idle", 90, "an idle kernel")
    started = time.perf_counter()
    page.locator(".jp-NotebookPanel .jp-Notebook").first.click(position={"x": 5, "y": 5})
    page.get_by_role("menuitem", name="Run", exact=True).first.click()
    page.locator(".lm-Menu-content").get_by_role("menuitem", name="Run All Cells").first.click()

    stalled = {"since": None}

    def done():
        state = page.evaluate(JS_STATE)
        if not state or state["status"] != "idle":
            return None
        prompts = state["prompts"]
        if any("*" in p for p in prompts):
            stalled["since"] = None
            return None
        if all(any(ch.isdigit() for ch in p) for p in prompts):
            return state
        # idle, nothing running, some cells not run: Run All stops at an error
        stalled["since"] = stalled["since"] or time.monotonic()
        if time.monotonic() - stalled["since"] > 5:
            errors = page.evaluate(JS_ERRORS)
            raise RuntimeError("Run All Cells stopped before the end: " + (errors or "no error output shown"))
        return None

    _wait(page, done, 180, "running every cell")
    return time.perf_counter() - started


def _move(page, kind: str, direction: list[int]):
    """direction = [sign, steps from the start, last move failed]."""
    control = page.locator(".jp-NotebookPanel .cqlab-main-control").first
    if kind == "slider":
        state = page.evaluate(JS_SLIDER)
        sign, offset, failed = direction
        if (failed or (state and state["now"] >= state["max"]) or (state and state["now"] <= state["min"])
                or abs(offset + sign) > SPAN):
            sign = -sign
        if state and state["now"] >= state["max"]:
            sign = -1
        elif state and state["now"] <= state["min"]:
            sign = 1
        direction[0], direction[1] = sign, offset + sign
        handle = control.locator(".noUi-handle").first
        handle.focus()
        page.keyboard.press("ArrowRight" if sign > 0 else "ArrowLeft")
        return "ArrowRight/ArrowLeft on the slider handle"
    if kind == "select":
        select = control.locator("select").first
        values = select.evaluate("(s) => [...s.options].map((o) => o.value)")
        current = select.input_value()
        select.select_option(values[(values.index(current) + 1) % len(values)])
        return "next option of the dropdown"
    if kind == "buttons":
        buttons = control.locator("button")
        count = buttons.count()
        active = [i for i in range(count) if "mod-active" in (buttons.nth(i).get_attribute("class") or "")]
        nxt = ((active[0] if active else -1) + 1) % count
        buttons.nth(nxt).click()
        return "click the next toggle button"
    raise ValueError(f"cannot move a main control of kind {kind}")


def bench_lesson(page, server, name: str, moves: int, warmup: int = 2) -> dict:
    entry: dict = {"notebook": name}
    entry["run_all_s"] = round(_run_all(page, server, name), 2)
    page.wait_for_selector(".jp-NotebookPanel .cqlab-main-control", timeout=30_000)
    _wait(page, lambda: page.evaluate(
        "() => { const i = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .cqlab-chart img, "
        ".jp-NotebookPanel:not(.lm-mod-hidden) img.cqlab-chart'); return i && i.complete && i.naturalWidth > 0; }"),
        30, "the chart image rendered")
    page.locator(".jp-NotebookPanel .cqlab-main-control").first.scroll_into_view_if_needed()
    installed = page.evaluate(JS_INSTALL)
    if "error" in installed:
        raise RuntimeError(installed["error"])
    kind = installed["kind"]
    entry["control_kind"] = kind
    to_src, to_load, timeouts = [], [], 0
    direction = [1, 0, False]
    for i in range(moves + warmup):
        page.evaluate("() => { const b = window.__cqlabBench; b.input = null; b.src = []; b.load = []; }")
        entry["gesture"] = _move(page, kind, direction)
        try:
            got = _wait(page, lambda: page.evaluate(
                "() => { const b = window.__cqlabBench; return (b.input !== null && b.load.length) ? "
                "{input: b.input, src: b.src[0], load: b.load[0]} : null; }"),
                MOVE_TIMEOUT_MS / 1000, "the chart changing", interval_ms=20)
        except TimeoutError:  # e.g. the move gave an input error: no new chart; turn back
            timeouts += 1
            direction[2] = True
            continue
        direction[2] = False
        if i >= warmup and got["src"] is not None:
            to_src.append(got["src"] - got["input"])
            to_load.append(got["load"] - got["input"])
        page.wait_for_timeout(150)  # let the kernel settle before the next move
    entry["moves_timed"] = len(to_src)
    entry["moves_without_new_chart"] = timeouts
    if to_src:
        entry["to_src_median_ms"] = round(statistics.median(to_src), 1)
        entry["to_load_median_ms"] = round(statistics.median(to_load), 1)
        entry["to_load_p90_ms"] = round(sorted(to_load)[int(0.9 * (len(to_load) - 1))], 1)
    return entry


def bench_browser(moves: int, log=print, only_lessons: list[str] | None = None) -> dict:
    from playwright.sync_api import sync_playwright

    harness = _load_harness()
    if not harness.CHROMIUM.exists():
        return {"error": f"not measured: {harness.CHROMIUM} is missing (apt-get install chromium)"}
    lessons = sorted(p.name for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    if only_lessons:
        lessons = [n for n in lessons if n in only_lessons]
    work = Path(tempfile.mkdtemp(prefix="cqlab-bench-browser-"))
    root = work / "root"
    shutil.copytree(NOTEBOOKS, root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    launcher = "tests/browser/harness.py LabServer"
    server = harness.LabServer(root, work / "lab")
    (work / "lab").mkdir(exist_ok=True)
    out: dict = {"launcher": launcher, "lessons": {}}
    try:
        out["server_start_s"] = round(server.start(), 2)
        log(f"  JupyterLab up in {out['server_start_s']} s ({launcher})")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(harness.CHROMIUM), headless=True,
                                        args=harness.CHROMIUM_ARGS)
            out["chromium"] = browser.version
            for name in lessons:
                log(f"  {name}")
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = context.new_page()
                try:
                    out["lessons"][name] = bench_lesson(page, server, name, moves)
                except Exception as error:
                    shot = work / f"{Path(name).stem}-failed.png"
                    try:
                        page.screenshot(path=str(shot))
                    except Exception:
                        pass
                    out["lessons"][name] = {"notebook": name,
                                            "error": f"{type(error).__name__}: {str(error)[:600]}",
                                            "screenshot": str(shot)}
                finally:
                    context.close()
                    server.shutdown_all_kernels()
            browser.close()
    finally:
        survivors = server.stop()
        if survivors:
            out["survivors"] = survivors
        shutil.rmtree(root, ignore_errors=True)
        if not any("error" in e for e in out["lessons"].values()):
            shutil.rmtree(work, ignore_errors=True)  # keep it only for the failure screenshots and log
    return out


if __name__ == "__main__":
    names = sys.argv[1:] or None
    print(json.dumps(bench_browser(12, only_lessons=names), indent=1))
