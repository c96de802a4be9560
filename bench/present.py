"""Presentation mode, measured: Voilà's time to a lesson's first chart, and the present style's cost.

Usage: .venv/bin/python bench/present.py [--quick] [LESSON ...]     (default: lessons 01-08)
Prints a Markdown table; ``make bench`` (bench/run.py, section "present") stores the figures in
bench/results.json and the table in bench/REPORT.md.

Per lesson:
- Voilà is started exactly as ``python -m cqlab present`` starts it (``cqlab.present.voila_command``,
  free port on 127.0.0.1, private Jupyter dirs); headless Debian Chromium (the browser tests'
  path and flags) loads the page. Timed: server start until it serves files; page request until
  the main widget's chart image has loaded (Voilà executes every cell first: the time to first
  chart an instructor waits in front of the class).
- The main control is moved (ArrowRight / ArrowLeft on a slider handle; another option or toggle
  button otherwise) and the time from the key press to the chart image's new ``src`` is stamped in
  the page (a capture-phase listener and a MutationObserver), so Playwright's latency is not counted.
- The widget's in-process redraw with ``CQLAB_STYLE=present`` against the default style, by
  ``bench/probe_widget.py`` (the same probe as the widget benchmark): the present style renders
  about 2.5 times the pixels (192 dpi against 100).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
sys.path.insert(0, str(ROOT))

JS_ARM = r"""
() => {
  const control = document.querySelector('.cqlab-main-control');
  const img = document.querySelector('img.cqlab-chart, .cqlab-chart img');
  window.__move = {input: null, src: null};
  for (const type of ['keydown', 'change', 'click']) {
    control.addEventListener(type, () => { if (window.__move.input === null) window.__move.input = performance.now(); }, true);
  }
  new MutationObserver(() => { if (window.__move.src === null) window.__move.src = performance.now(); })
      .observe(img, {attributes: true, attributeFilter: ['src']});
  return true;
}
"""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _start(lesson: str, work: Path):
    from cqlab import present
    from tests.browser.harness import free_port

    notebook = present.find_lesson(lesson)
    port = free_port()
    command, env = present.voila_command(notebook, port, open_browser=False)
    for name in ("config", "data", "runtime"):
        (work / name).mkdir(parents=True, exist_ok=True)
    env.update(JUPYTER_CONFIG_DIR=str(work / "config"), JUPYTER_DATA_DIR=str(work / "data"),
               JUPYTER_RUNTIME_DIR=str(work / "runtime"))
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdin=subprocess.DEVNULL,
                               stdout=open(work / "voila.log", "wb"), stderr=subprocess.STDOUT,  # noqa: SIM115
                               start_new_session=True)
    probe = f"http://127.0.0.1:{port}/voila/files/{present.VENDORED['Font Awesome']}"
    while time.perf_counter() - started < 60:
        if process.poll() is not None:
            raise RuntimeError(f"Voilà exited: {(work / 'voila.log').read_text()[-1500:]}")
        try:
            urllib.request.urlopen(probe, timeout=2).close()
            return notebook, process, f"http://127.0.0.1:{port}/", time.perf_counter() - started
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("Voilà did not answer within 60 s")


def _stop(process) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(process.pid, signal.SIGKILL)


def _move(page, kind: str, step: int) -> None:
    control = page.locator(".cqlab-main-control").first
    if kind == "slider":
        control.locator(".noUi-handle").first.focus()
        page.keyboard.press("ArrowRight" if step % 2 == 0 else "ArrowLeft")
    elif kind == "select":
        select = control.locator("select").first
        values = [o.get_attribute("value") for o in select.locator("option").all()]
        current = select.input_value()
        select.select_option([v for v in values if v != current][0])
    else:
        buttons = control.locator("button")
        inactive = [i for i in range(buttons.count())
                    if "mod-active" not in (buttons.nth(i).get_attribute("class") or "")]
        buttons.nth(inactive[0]).click()


def browser_lesson(browser, lesson: str, moves: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-present-") as tmp:
        notebook, process, base, server_s = _start(lesson, Path(tmp))
        try:
            context = browser.new_context(viewport={"width": 1600, "height": 1000})
            page = context.new_page()
            started = time.perf_counter()
            page.goto(base, wait_until="domcontentloaded", timeout=120_000)
            page.wait_for_function(
                "() => { const i = document.querySelector('img.cqlab-chart, .cqlab-chart img');"
                " return i && i.complete && i.naturalWidth > 0; }", timeout=120_000)
            first_chart_s = time.perf_counter() - started
            kind = page.evaluate("""() => { const c = document.querySelector('.cqlab-main-control');
                return c.querySelector('.noUi-handle') ? 'slider' : c.querySelector('select') ? 'select' : 'buttons'; }""")
            latencies = []
            for step in range(moves + 2):  # two warm-up moves
                page.evaluate(JS_ARM)
                _move(page, kind, step)
                try:
                    page.wait_for_function("() => window.__move.src !== null", timeout=10_000)
                except Exception:
                    continue
                move = page.evaluate("() => window.__move")
                if step >= 2 and move["input"] is not None:
                    latencies.append(move["src"] - move["input"])
                page.wait_for_timeout(300)
            natural = page.evaluate("() => document.querySelector('img.cqlab-chart, .cqlab-chart img').naturalWidth")
            context.close()
        finally:
            _stop(process)
    return {"notebook": notebook.name, "server_start_s": round(server_s, 2),
            "first_chart_s": round(first_chart_s, 2), "gesture": kind, "moves_timed": len(latencies),
            "move_to_src_median_ms": round(statistics.median(latencies), 0) if latencies else None,
            "chart_natural_width_px": natural}


def redraw(lesson_path: Path, style_name: str, updates: int) -> dict:
    env = dict(os.environ, CQLAB_STYLE=style_name)
    done = subprocess.run([sys.executable, str(BENCH / "probe_widget.py"), str(lesson_path), "--updates",
                           str(updates)], capture_output=True, text=True, timeout=1200, env=env)
    try:
        widget = json.loads(done.stdout.strip().splitlines()[-1])["chart_widget"]
        return {"median_ms": widget["median_ms"], "p90_ms": widget["p90_ms"], "png_bytes": widget["png_bytes"]}
    except Exception:
        return {"error": done.stderr[-800:]}


def bench_present(lessons: list[str] | None = None, quick: bool = False, log=log) -> dict:
    from playwright.sync_api import sync_playwright

    from tests.browser.harness import CHROMIUM, CHROMIUM_ARGS

    lessons = lessons or [f"{n:02d}" for n in range(1, 9)]
    out = {"moves": 4 if quick else 10, "updates": 10 if quick else 30, "lessons": {}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        for lesson in lessons:
            log(f"  present {lesson}")
            try:
                entry = browser_lesson(browser, lesson, out["moves"])
            except Exception as error:
                entry = {"error": f"{type(error).__name__}: {error}"[:800]}
            from cqlab import present

            path = present.find_lesson(lesson)
            entry["redraw_default"] = redraw(path, "default", out["updates"])
            entry["redraw_present"] = redraw(path, "present", out["updates"])
            out["lessons"][lesson] = entry
        browser.close()
    return out


def report_lines(data: dict) -> list[str]:
    lines = ["## Presentation mode", "",
             "Voilà as `python -m cqlab present NN` starts it; headless Chromium at 1600×1000. Time to first chart: "
             "page request until the main widget's chart has loaded (every cell runs first). Redraw: the widget "
             "in-process (`bench/probe_widget.py`), default style against `CQLAB_STYLE=present`.", "",
             "| lesson | server up (s) | time to first chart (s) | move → new chart (ms) | chart width (px) "
             "| redraw default (ms) | redraw present (ms) | PNG default → present (KiB) |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for lesson, e in sorted(data.get("lessons", {}).items()):
        d, p = e.get("redraw_default", {}), e.get("redraw_present", {})
        if "error" in e:
            lines.append(f"| {lesson} | failed: {e['error'][:200]} | | | | | | |")
            continue
        kib = (f"{d['png_bytes'] / 1024:.0f} → {p['png_bytes'] / 1024:.0f}"
               if "png_bytes" in d and "png_bytes" in p else "—")
        lines.append(f"| {lesson} | {e['server_start_s']} | {e['first_chart_s']} | {e['move_to_src_median_ms']} "
                     f"({e['gesture']}, {e['moves_timed']} moves) | {e['chart_natural_width_px']} | "
                     f"{d.get('median_ms', '—')} | {p.get('median_ms', '—')} | {kib} |")
    return lines + [""]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lessons", nargs="*")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    data = bench_present(args.lessons or None, args.quick)
    print("\n".join(report_lines(data)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
