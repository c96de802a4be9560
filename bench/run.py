"""`make bench`: how fast the course runs, how small it stays, how fast it grades.

Usage: .venv/bin/python bench/run.py [--quick] [--only lessons,widgets,browser,grading,install,maketest]
                                     [--skip-install] [--skip-make-test]

Writes bench/results.json (machine-readable; a partial run with --only updates its sections and
keeps the others) and bench/REPORT.md (the table, the machine, the causes of missed targets).
Scratch files go to bench/work/ (git-ignored). No timing is asserted anywhere in the tests: this
is the place where speed is measured and judged.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / "work"
RESULTS = BENCH / "results.json"
REPORT = BENCH / "REPORT.md"
ANALYSIS = BENCH / "ANALYSIS.md"  # hand-written findings, included in the report when present
sys.path.insert(0, str(BENCH))

SECTIONS = ["lessons", "widgets", "browser", "present", "grading", "install", "maketest", "hub"]
TARGETS = {
    "lesson_s": 3.0,  # a lesson executes in 3 s or less, kernel start included
    "peak_mib": 150.0,  # a kernel peaks at 150 MiB or less
    "widget_ratio": 1.3,  # main widget at least 1.3x faster than the naive interact baseline
    "maketest_s": 180.0,  # make test within 3 minutes
    "grading_per_min": 20.0,  # 20 submissions per minute
}
KEY_PACKAGES = ["jupyterlab", "ipykernel", "ipywidgets", "matplotlib", "numpy", "pandas", "nbclient",
                "otter-grader", "playwright", "pytest", "pytest-xdist", "nbval", "noto-cjk"]


def log(message: str) -> None:
    print(message, flush=True)


def load_avg() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


# --- machine ------------------------------------------------------------------------------

def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    versions = {}
    for name in KEY_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "absent"
    chromium = ""
    if Path("/usr/bin/chromium").exists():
        try:
            chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True,
                                      timeout=30).stdout.strip()
        except Exception:
            pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": mem_gib,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "packages": versions,
        "chromium": chromium,
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


# --- sections -----------------------------------------------------------------------------

def run_lessons(quick: bool) -> dict:
    import lessons

    runs = 1 if quick else 3
    result = lessons.bench_lessons(runs, log=lambda m: log(m))
    # profiles for the lessons that miss a target (not a guess: importtime, cProfile, RSS by import)
    for name, entry in result["lessons"].items():
        full = entry.get("full") or {}
        slow = full.get("total_s", 0) > TARGETS["lesson_s"]
        heavy = (full.get("peak_mib") or 0) > TARGETS["peak_mib"]
        path = lessons.NOTEBOOKS / name
        if (slow or heavy) and entry.get("import_cell"):
            log(f"  profiling {name} ({'slow' if slow else ''}{' heavy' if heavy else ''})")
            entry["importtime"] = lessons.importtime(entry["import_cell"], path.parent)
            entry["memory_by_import"] = lessons.memory_steps(
                lessons.import_statements(entry["import_cell"]), path.parent)
        if slow and not quick:
            entry["cprofile"] = lessons.cprofile_lesson(path)
    add_profiles(result, quick)
    return result


def add_profiles(result: dict, quick: bool) -> None:
    """The first chart's cost in a fresh process, and memory by cell for lessons over the peak target."""
    import lessons

    slow = any((e.get("full") or {}).get("total_s", 0) > TARGETS["lesson_s"] for e in result["lessons"].values())
    if slow:
        log("  profiling the first chart of a fresh process")
        result["first_chart"] = lessons.first_chart()
    for name, entry in result["lessons"].items():
        if (entry.get("full") or {}).get("peak_mib", 0) > TARGETS["peak_mib"] and not quick:
            log(f"  memory by cell: {name}")
            entry["memory_by_cell"] = lessons.memory_by_cell(lessons.NOTEBOOKS / name)


def run_widgets(quick: bool) -> dict:
    import lessons

    updates = 10 if quick else 40
    out = {"updates": updates, "lessons": {}}
    for path in lessons.lesson_paths():
        log(f"  {path.name}: {updates} updates x 3 ways")
        done = subprocess.run([sys.executable, str(BENCH / "probe_widget.py"), str(path),
                               "--updates", str(updates)], capture_output=True, text=True, timeout=1800)
        try:
            out["lessons"][path.name] = json.loads(done.stdout.strip().splitlines()[-1])
        except Exception:
            out["lessons"][path.name] = {"error": f"probe failed: {done.stderr[-1500:]}"}
    return out


def run_browser(quick: bool) -> dict:
    import browser

    return browser.bench_browser(4 if quick else 12, log=log)


def run_present(quick: bool) -> dict:
    import present  # bench/present.py: Voilà's time to first chart, the present style's cost

    return present.bench_present(quick=quick, log=log)


def run_grading(quick: bool) -> dict:
    import grading

    return grading.bench_grading(8 if quick else 24, WORK / "grading", log=log)


def run_install(quick: bool) -> dict:
    """Fresh venv + pip install -e ".[test]" into bench/work/venv, then its size.

    pip uses its own cache (~/.cache/pip) and the machine's pip configuration; if that cache is
    empty, a first install fills it (timed and reported as "cold cache") and a second one is the
    warm-cache measurement.
    """
    venv = WORK / "venv"
    python = shutil.which("python3") or sys.executable
    cache = Path(subprocess.run([sys.executable, "-m", "pip", "cache", "dir"], capture_output=True,
                                text=True).stdout.strip() or Path.home() / ".cache" / "pip")

    def cache_mib():
        done = subprocess.run(["du", "-sk", str(cache)], capture_output=True, text=True)
        return round(int(done.stdout.split()[0]) / 1024, 1) if done.returncode == 0 else 0.0

    def once() -> dict:
        if venv.exists():
            shutil.rmtree(venv)
        started = time.perf_counter()
        steps = [[python, "-m", "venv", str(venv)],
                 [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--upgrade", "pip"],
                 [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "-e", ".[test]"],
                 # as make does after each install (Makefile, UNUSED_SLOW): packages no course code uses
                 [str(venv / "bin" / "python"), "-m", "pip", "uninstall", "--quiet", "--yes", "rfc3987-syntax",
                  "lark"]]
        for step in steps:
            done = subprocess.run(step, cwd=ROOT, capture_output=True, text=True, timeout=3600)
            if done.returncode != 0:
                return {"error": f"{' '.join(step[-3:])} failed: {done.stderr[-1500:]}"}
        return {"seconds": round(time.perf_counter() - started, 1)}

    # Report names, not this machine's paths: a committed report must not carry the build machine's layout.
    out: dict = {"python": Path(python).name, "pip_cache": "pip's cache dir", "cache_mib_before": cache_mib()}
    if out["cache_mib_before"] < 50:
        log("  pip cache empty: a first install fills it (cold)")
        out["cold"] = once()
        out["cache_mib_after_cold"] = cache_mib()
    log("  timed install (warm pip cache)")
    out["warm"] = once()
    if "error" not in out["warm"]:
        du = subprocess.run(["du", "-sk", str(venv)], capture_output=True, text=True)
        out["venv_mib"] = round(int(du.stdout.split()[0]) / 1024, 1)
        site = next((venv / "lib").glob("python3*/site-packages"), None)
        if site:
            sizes = []
            for entry in site.iterdir():
                if entry.is_dir() and not entry.name.endswith((".dist-info", "__pycache__")):
                    d = subprocess.run(["du", "-sk", str(entry)], capture_output=True, text=True)
                    sizes.append((entry.name, round(int(d.stdout.split()[0]) / 1024, 1)))
            out["largest"] = sorted(sizes, key=lambda x: -x[1])[:10]
        freeze = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "list", "--format=freeze"],
                                capture_output=True, text=True)
        out["packages"] = len(freeze.stdout.split())
    shutil.rmtree(venv, ignore_errors=True)
    return out


def run_maketest(quick: bool) -> dict:
    python = ROOT / ".venv" / "bin" / "python"
    started = time.perf_counter()
    done = subprocess.run([str(python), "-m", "pytest", "-q", "-p", "no:randomly"], cwd=ROOT,
                          capture_output=True, text=True, timeout=3600)
    elapsed = time.perf_counter() - started
    tail = [line for line in done.stdout.splitlines() if line.strip()][-1:] or [""]
    durations = [line for line in done.stdout.splitlines() if "slowest" in line]
    return {"wall_s": round(elapsed, 1), "returncode": done.returncode, "summary": tail[0][:300],
            "command": ".venv/bin/python -m pytest (pyproject addopts: -n auto --nbval ...)",
            "note": durations[:1]}


def run_hub(quick: bool) -> dict:
    """The class hub with 30 simulated students (bench/hub_load.py): the main run and the capacity curve."""
    import hub_load

    if quick:
        return hub_load.bench_hub(students=5, rates=(10.0,), log=log)
    # the capacity curve reaches down to 6 a minute (30 over 5 minutes), where one 2-core machine kept p95 within 10 s
    return hub_load.bench_hub(students=30, rates=(60.0, 30.0, 120.0, 300.0), log=log)


RUNNERS = {"lessons": run_lessons, "widgets": run_widgets, "browser": run_browser, "present": run_present,
           "grading": run_grading, "install": run_install, "maketest": run_maketest, "hub": run_hub}


# --- report -------------------------------------------------------------------------------

def verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("met" if ok else "**missed**")


def fmt(value, spec=".2f", unit="") -> str:
    return "—" if value is None else f"{value:{spec}}{unit}"


def lesson_table(results: dict) -> list[str]:
    les = (results.get("lessons") or {}).get("data", {}).get("lessons", {})
    wid = (results.get("widgets") or {}).get("data", {}).get("lessons", {})
    bro = (results.get("browser") or {}).get("data", {}).get("lessons", {})
    names = sorted(set(les) | set(wid) | set(bro))
    lines = [
        "| lesson | execute (s), kernel start incl. | imports-only floor (s) | target ≤ 3 s | kernel peak (MiB) | target ≤ 150 MiB "
        "| widget update (ms) | naive `interact` (ms) | ratio | target ≥ 1.3× | browser: move → new chart (ms) |",
        "| --- | ---: | ---: | --- | ---: | --- | ---: | ---: | ---: | --- | ---: |",
    ]
    for name in names:
        e, w, b = les.get(name, {}), wid.get(name, {}), bro.get(name, {})
        full, floor = e.get("full") or {}, e.get("floor") or {}
        t, peak = full.get("total_s"), full.get("peak_mib")
        cw, nv = (w.get("chart_widget") or {}), (w.get("naive_interact") or {})
        ratio = nv.get("ratio")
        main = f"{w.get('widget', '?')}.{w.get('main_control', '?')}" if "widget" in w else ""
        lesson_cell = f"`{name}`" + (f"<br>{main}" if main else "")
        if "error" in e:
            lesson_cell += f"<br>execution failed: {e['error'][:120]}"
        if "error" in w:
            lesson_cell += f"<br>widget: {w['error'][:120]}"
        browser_cell = fmt(b.get("to_load_median_ms"), ".0f") if "to_load_median_ms" in b else (
            "failed: " + b["error"][:80] if "error" in b else "—")
        if b.get("moves_timed") is not None and "to_load_median_ms" in b:
            browser_cell += f" (n={b['moves_timed']}, {b.get('control_kind')})"
        lines.append(
            f"| {lesson_cell} | {fmt(t)} | {fmt(floor.get('total_s'))} | "
            f"{verdict(None if t is None else t <= TARGETS['lesson_s'])} | {fmt(peak, '.0f')} | "
            f"{verdict(None if peak is None else peak <= TARGETS['peak_mib'])} | "
            f"{fmt(cw.get('median_ms'), '.0f')} | {fmt(nv.get('median_ms'), '.0f')} | "
            f"{fmt(ratio, '.2f', '×')} | {verdict(None if ratio is None else ratio >= TARGETS['widget_ratio'])} | "
            f"{browser_cell} |"
        )
    return lines


def write_report(results: dict) -> None:
    m = results.get("machine", {})
    L = ["# Benchmark report", "",
         f"Generated by `make bench` (`bench/run.py`) on {m.get('date', '?')}. Machine-readable results: "
         "`bench/results.json`. Re-run one part with `--only lessons,widgets,browser,grading,install,maketest,hub`.",
         "", "## Machine", "",
         f"- CPU: {m.get('cpu')}, {m.get('cores')} cores; memory {m.get('memory_gib')} GiB; {m.get('os')}",
         f"- Python {m.get('python')}; " + ", ".join(f"{k} {v}" for k, v in (m.get('packages') or {}).items()),
         f"- {m.get('chromium', '')}",
         "- The machine is shared: other jobs ran at the same time. The load average (1, 5, 15 min) when each "
         "part started and ended is recorded below; wall times on a loaded machine are upper bounds, and the "
         "in-process widget timings also give CPU time, which contention affects far less.", ""]
    for section in SECTIONS:
        data = results.get(section)
        if data:
            L.append(f"- `{section}`: run {data.get('when', '?')} ({'quick' if data.get('quick') else 'full'}), "
                     f"took {data.get('took_s', '?')} s, load average {data.get('load_before')} → "
                     f"{data.get('load_after')}")
    L += ["", "## Summary against the targets", ""]
    L += summary_rows(results)
    L += ["", "## Per lesson", ""]
    L += lesson_table(results)
    L += ["",
          "- *execute*: median of the runs of the whole notebook with nbclient in a fresh kernel, from launching "
          "the kernel to the last cell's reply (shutdown not counted). *floor*: a notebook made of the lesson's "
          "import cell alone, same method. *kernel peak*: `ru_maxrss` of the kernel process, read by one injected "
          "cell after the last cell (largest over the runs).",
          "- *widget update*: in-process (IPython shell, inline backend, Agg), median wall time from setting the "
          "main control's value to the new PNG bytes in `.image`. *naive `interact`*: the same controls handed "
          "to `ipywidgets.interactive` with a function doing `plt.subplots()` → the widget's own `compute` and "
          "`draw(fig, ax, result)` → `plt.show()` in interactive's Output widget (the inline backend renders the "
          "PNG) → `plt.close`. *ratio* = naive / widget.",
          "- *browser*: JupyterLab + headless Chromium, median time from the user's input on the main control "
          "(keydown on the slider handle, change of a dropdown, click of a toggle button) to the `load` of the "
          "new image in the first `.cqlab-chart` after it (the `src` change comes a few ms before; both are in "
          "results.json). Stamped with `performance.now()` inside the page.", ""]
    L += widget_details(results)
    L += other_sections(results)
    L += causes(results)
    import hub_load

    L += [""] + hub_load.report_lines((results.get("hub") or {}).get("data"))
    if ANALYSIS.exists():
        L += ["", ANALYSIS.read_text(encoding="utf-8").strip(), ""]
    REPORT.write_text("\n".join(L) + "\n", encoding="utf-8")


def summary_rows(results: dict) -> list[str]:
    rows = ["| measure | result | target | verdict |", "| --- | --- | --- | --- |"]
    les = (results.get("lessons") or {}).get("data", {})
    lessons_ = les.get("lessons", {})
    times = {n: (e.get("full") or {}).get("total_s") for n, e in lessons_.items()}
    times = {n: t for n, t in times.items() if t is not None}
    if times:
        slow = [n for n, t in times.items() if t > TARGETS["lesson_s"]]
        rows.append(f"| lesson execution (median, kernel start incl.), {len(times)} lessons | "
                    f"{min(times.values()):.2f}–{max(times.values()):.2f} s (median of lessons "
                    f"{statistics.median(times.values()):.2f} s); bare kernel "
                    f"{les.get('bare_kernel', {}).get('total_s', 0):.2f} s | ≤ 3 s each | "
                    f"{verdict(not slow)}" + (f" ({len(slow)} of {len(times)} over)" if slow else "") + " |")
    peaks = {n: (e.get("full") or {}).get("peak_mib") for n, e in lessons_.items()}
    peaks = {n: p for n, p in peaks.items() if p}
    if peaks:
        heavy = [n for n, p in peaks.items() if p > TARGETS["peak_mib"]]
        rows.append(f"| kernel peak RSS | {min(peaks.values()):.0f}–{max(peaks.values()):.0f} MiB; bare kernel "
                    f"{les.get('bare_kernel', {}).get('peak_mib', 0):.0f} MiB | ≤ 150 MiB | {verdict(not heavy)}"
                    + (f" ({len(heavy)} of {len(peaks)} over)" if heavy else "") + " |")
    wid = (results.get("widgets") or {}).get("data", {}).get("lessons", {})
    ratios = {n: (w.get("naive_interact") or {}).get("ratio") for n, w in wid.items()}
    ratios = {n: r for n, r in ratios.items() if r}
    if ratios:
        low = [n for n, r in ratios.items() if r < TARGETS["widget_ratio"]]
        cpu = [(w.get("naive_interact") or {}).get("cpu_ratio") for w in wid.values()]
        cpu = [c for c in cpu if c]
        rows.append(f"| main widget vs naive `interact` (wall-time ratio) | {min(ratios.values()):.2f}–"
                    f"{max(ratios.values()):.2f}× (CPU-time ratio {min(cpu):.2f}–{max(cpu):.2f}×) | ≥ 1.3× | "
                    f"{verdict(not low)}" + (f" ({len(low)} of {len(ratios)} under)" if low else "") + " |")
    bro = (results.get("browser") or {}).get("data", {})
    if bro:
        vals = [b["to_load_median_ms"] for b in bro.get("lessons", {}).values() if "to_load_median_ms" in b]
        failed = [n for n, b in bro.get("lessons", {}).items() if "error" in b]
        text = (f"{min(vals):.0f}–{max(vals):.0f} ms" if vals else bro.get("error", "not measured"))
        rows.append(f"| browser: move → new chart shown | {text}" + (f"; {len(failed)} lesson(s) failed" if failed
                    else "") + " | (no target) | — |")
    mt = (results.get("maketest") or {}).get("data")
    if mt:
        rows.append(f"| `make test` wall time | {mt['wall_s']:.0f} s ({mt['summary']}) | ≤ 180 s | "
                    f"{verdict(mt['wall_s'] <= TARGETS['maketest_s'])} |")
    else:
        rows.append("| `make test` wall time | not measured (--skip-make-test) | ≤ 180 s | — |")
    gr = (results.get("grading") or {}).get("data")
    if gr and "per_minute" in gr and "error" not in gr:
        rows.append(f"| autograding, set {gr['set']} | {gr['per_minute']:.1f} submissions/min "
                    f"({gr['submissions']} in {gr['wall_s']:.0f} s) | ≥ 20 /min | "
                    f"{verdict(gr['per_minute'] >= TARGETS['grading_per_min'])} |")
    else:
        rows.append(f"| autograding | {(gr or {}).get('error', 'not measured')[:200]} | ≥ 20 /min | — |")
    ins = (results.get("install") or {}).get("data")
    if ins and "venv_mib" in ins:
        cold = ins.get("cold", {}).get("seconds")
        never_cached = cold and not ins.get("cache_mib_after_cold")
        cache = ("pip's cache stayed empty here, so both runs fetched from the machine's local mirror (file:///opt/pypi) and PyPI"
                 if never_cached else "warm pip cache")
        rows.append(f"| cold install (fresh venv + `pip install -e \".[test]\"`; {cache}) | "
                    f"{ins['warm']['seconds']:.0f} s" + (f" (first run: {cold:.0f} s)" if cold else "")
                    + f"; environment {ins['venv_mib']:.0f} MiB, {ins.get('packages')} packages | (no target) | — |")
    else:
        rows.append(f"| cold install and environment size | "
                    f"{(ins or {}).get('warm', {}).get('error', 'not measured (--skip-install)')[:200]} | — | — |")
    return rows


def widget_details(results: dict) -> list[str]:
    wid = (results.get("widgets") or {}).get("data", {})
    if not wid:
        return []
    L = ["## Main widget, in detail", "",
         f"{wid.get('updates')} timed updates per way, after 3 warm-up updates. Wall medians (p10–p90) and CPU "
         "medians. *savefig* is a leaner naive baseline: new pyplot figure → draw → `savefig` to PNG → close, "
         "with no `interact` and no display.", "",
         "| lesson | widget.control (kind) | widget ms (p10–p90) | widget CPU ms | breakdown: compute / clear / draw / PNG ms "
         "| naive interact ms | CPU ms | ratio (CPU) | naive savefig ms | ratio (CPU) |",
         "| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, w in sorted(wid.get("lessons", {}).items()):
        if "error" in w:
            L.append(f"| `{name}` | {w['error'][:200]} | | | | | | | | |")
            continue
        cw, ni, ns = w["chart_widget"], w["naive_interact"], w["naive_savefig"]
        b = w.get("chart_widget_breakdown_ms", {})
        L.append(
            f"| `{name}` | {w['widget']}.{w['main_control']} ({w['control_type']}) | {fmt(cw['median_ms'], '.0f')} "
            f"({fmt(cw['p10_ms'], '.0f')}–{fmt(cw['p90_ms'], '.0f')}) | {fmt(cw.get('cpu_median_ms'), '.0f')} | "
            f"{b.get('compute', 0):.1f} / {b.get('clear', 0):.1f} / {b.get('draw', 0):.1f} / {b.get('png', 0):.0f} | "
            f"{fmt(ni['median_ms'], '.0f')} | {fmt(ni.get('cpu_median_ms'), '.0f')} | {fmt(ni['ratio'])} "
            f"({fmt(ni.get('cpu_ratio'))}) | {fmt(ns['median_ms'], '.0f')} | {fmt(ns['ratio'])} ({fmt(ns.get('cpu_ratio'))}) |")
    L += ["", "**Variants (probe process only):** *single draw* renders with a one-pass `FigureCanvasAgg.draw()` and "
          "Pillow PNG at compress level 1 (what `cqlab.charts.figure_png` has done since this benchmark found that "
          "`savefig` draws a laid-out figure twice); *layout kept once computed* also freezes the constrained layout "
          "after the first render, unconditionally: an upper bound for `ChartWidget`'s own layout reuse, which "
          "re-runs the layout whenever the margins may change (language, labels, tick-label sizes, legends).", "",
          "| lesson | " + " | ".join(f"{v}: ms (CPU ms), ratio vs naive interact wall (CPU)" for v in
                                    ["single draw", "single draw, layout kept once computed"]) + " |",
          "| --- | --- | --- |"]
    for name, w in sorted(wid.get("lessons", {}).items()):
        wi = w.get("what_if") or {}
        if not wi:
            continue
        cells = []
        for v in ["single draw", "single draw, layout kept once computed"]:
            e = wi.get(v, {})
            cells.append(f"{fmt(e.get('median_ms'), '.0f')} ({fmt(e.get('cpu_median_ms'), '.0f')}), "
                         f"{fmt(e.get('ratio_vs_naive_interact'))}× ({fmt(e.get('cpu_ratio_vs_naive_interact'))}×)")
        L.append(f"| `{name}` | " + " | ".join(cells) + " |")
    return L + [""]


def other_sections(results: dict) -> list[str]:
    L = []
    bro = (results.get("browser") or {}).get("data")
    if bro:
        L += ["## Browser", "",
              f"JupyterLab started by {bro.get('launcher')} in {bro.get('server_start_s')} s; Chromium "
              f"{bro.get('chromium')}. Per lesson: Run All Cells, then timed moves of the main control "
              "(2 warm-up moves not counted).", "",
              "| lesson | run all cells (s) | gesture | moves timed | input → src (ms) | input → image loaded (ms) | p90 (ms) |",
              "| --- | ---: | --- | ---: | ---: | ---: | ---: |"]
        for name, b in sorted(bro.get("lessons", {}).items()):
            if "error" in b:
                L.append(f"| `{name}` | failed: {b['error'][:300]} | | | | | |")
            else:
                L.append(f"| `{name}` | {b.get('run_all_s')} | {b.get('gesture')} | {b.get('moves_timed')}"
                         f"{' (' + str(b['moves_without_new_chart']) + ' without a new chart)' if b.get('moves_without_new_chart') else ''} | "
                         f"{fmt(b.get('to_src_median_ms'), '.0f')} | {fmt(b.get('to_load_median_ms'), '.0f')} | "
                         f"{fmt(b.get('to_load_p90_ms'), '.0f')} |")
        if "error" in bro:
            L.append(f"\n{bro['error']}")
        L.append("")
    pre = (results.get("present") or {}).get("data")
    if pre:
        import present

        L += present.report_lines(pre)
    gr = (results.get("grading") or {}).get("data")
    L += ["## Autograding", ""]
    if gr and "error" not in gr:
        L += [f"`{gr['command']}` on {gr['submissions']} generated submissions of set `{gr['set']}` (from the "
              "blank student notebook and the solutions: a quarter all right, a quarter blank, the rest a fixed mix "
              f"of right, blank and spoiled answers): {gr['wall_s']} s wall, **{gr['per_minute']} submissions per "
              f"minute** (script start-up included). Grades check: all-right scored {gr['all_right_scores']} of "
              f"{gr['possible']}, all-blank {gr['all_blank_scores']}, mixed {gr['mixed_scores']}; "
              f"statuses {gr['statuses']}; sane: {gr['sane']}. The script's own line: \"{gr['script_says']}\"", ""]
    else:
        L += [f"{(gr or {}).get('error', 'not measured')}", ""]
    ins = (results.get("install") or {}).get("data")
    L += ["## Install and size", ""]
    if ins and "venv_mib" in ins:
        L += [f"`{ins['python']} -m venv bench/work/venv`, `pip install --upgrade pip`, `pip install -e \".[test]\"` "
              f"(what `make` does for `.venv`), with the machine's pip configuration and pip's cache "
              f"({ins['pip_cache']}): {ins['warm']['seconds']} s. Size of the environment (`du -s`): "
              f"**{ins['venv_mib']:.0f} MiB**, {ins.get('packages')} packages." +
              (f" A first install with an empty cache took {ins['cold'].get('seconds')} s." if ins.get("cold") else "")
              + (f" Note: pip's cache held {ins.get('cache_mib_after_cold')} MiB even after that first install "
                 "(on this machine pip resolves from a local mirror, file:///opt/pypi, plus PyPI, and stored "
                 "nothing in its cache), so both installs read the same local files and differ only by noise."
                 if ins.get("cold") and not ins.get("cache_mib_after_cold") else ""),
              "", "Largest packages (MiB): " + ", ".join(f"{n} {s:.0f}" for n, s in ins.get("largest", [])), ""]
    else:
        L += [f"{(ins or {}).get('warm', {}).get('error', 'not measured (--skip-install)')}", ""]
    mt = (results.get("maketest") or {}).get("data")
    L += ["## make test", ""]
    L += [f"`{mt['command']}`: {mt['wall_s']} s wall, exit code {mt['returncode']}; pytest says: "
          f"`{mt['summary']}`.", ""] if mt else ["not measured (--skip-make-test)", ""]
    return L


def causes(results: dict) -> list[str]:
    les = (results.get("lessons") or {}).get("data", {})
    L = ["## Profiles of the lessons that miss a target", ""]
    any_ = False
    bare = les.get("bare_kernel", {})
    for name, e in sorted(les.get("lessons", {}).items()):
        if not (e.get("importtime") or e.get("cprofile")):
            continue
        any_ = True
        full, floor = e.get("full", {}), e.get("floor", {})
        L += [f"### `{name}`", "",
              f"Whole notebook {full.get('total_s')} s = kernel start {full.get('kernel_start_s')} s + cells "
              f"{full.get('cells_s')} s. Bare kernel (one `pass` cell) {bare.get('total_s')} s; import cell alone "
              f"{floor.get('total_s')} s. Peak {full.get('peak_mib')} MiB (bare kernel {bare.get('peak_mib')} MiB, "
              f"import cell alone {floor.get('peak_mib')} MiB).", "",
              "Slowest cells (median s): " + "; ".join(
                  f"#{c['cell']} `{c.get('source', '')[:60]}` {c['s']}" for c in full.get("slowest_cells", [])), ""]
        if e.get("importtime"):
            L.append("`python -X importtime` of the import cell (top-level packages, cumulative ms): " + ", ".join(
                f"{r['module']} {r['cumulative_ms']:.0f}" for r in e["importtime"]))
            L.append("")
        if e.get("memory_by_import"):
            L.append("Resident memory after each import (MiB, added): " + "; ".join(
                f"`{r['step'][:50]}` {r.get('rss_mib')} (+{r.get('added_mib')})" for r in e["memory_by_import"]
                if "step" in r))
            L.append("")
        prof = e.get("cprofile")
        if isinstance(prof, dict):
            L.append("cProfile of the whole lesson in-process, by cumulative time (s): " + "; ".join(
                f"{r['function']} {r['cumtime_s']}" for r in prof.get("by_cumulative", [])[:12]))
            L.append("")
            L.append("by own time (s): " + "; ".join(
                f"{r['function']} {r['tottime_s']}" for r in prof.get("by_self", [])[:10]))
            L.append("")
        mem = e.get("memory_by_cell")
        if isinstance(mem, dict):
            L.append(f"Memory by cell (the lesson run in-process, no kernel; RSS {mem['start_mib']} MiB after the "
                     f"IPython shell, {mem['end_mib']} MiB at the end, peak {mem['peak_mib']} MiB); the cells that "
                     "add most (MiB): " + "; ".join(f"#{r['cell']} `{r['source'][:50]}` +{r['added_mib']}"
                                                    for r in mem.get("largest", [])))
            L.append("")
    fc = les.get("first_chart")
    if fc and "error" not in fc:
        any_ = True
        L += ["### The first chart of a session", "",
              f"In a fresh interpreter: `from cqlab import charts` {fc.get('import_charts_s')} s; the first small "
              f"chart (`new_figure` → plot, title, labels, `source_note` → `figure_png`) {fc.get('first_png_s')} s; "
              f"the same chart again {fc.get('second_png_s')} s. cProfile of the first one, by own time (s): "
              + "; ".join(f"{n} {t}" for n, t in fc.get("first_png_by_own_time_profiled", [])), ""]
    if not any_:
        L.append("None: every lesson met its time and memory targets in this run.")
    return L


# --- main ---------------------------------------------------------------------------------

def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a smoke run)")
    parser.add_argument("--only", default=",".join(SECTIONS), help="comma-separated: " + ",".join(SECTIONS))
    parser.add_argument("--skip-install", action="store_true")
    parser.add_argument("--skip-make-test", action="store_true")
    parser.add_argument("--report-only", action="store_true", help="rewrite REPORT.md from results.json")
    args = parser.parse_args(argv)
    chosen = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(chosen) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s) {sorted(unknown)}; choose from {SECTIONS}")
    if args.skip_install and "install" in chosen:
        chosen.remove("install")
    if args.skip_make_test and "maketest" in chosen:
        chosen.remove("maketest")
    WORK.mkdir(parents=True, exist_ok=True)
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results["machine"] = machine()
    if args.report_only:
        chosen = []
    for section in chosen:
        log(f"[{section}]")
        before = load_avg()
        started = time.perf_counter()
        try:
            data = RUNNERS[section](args.quick)
        except Exception as error:  # one broken part must not lose the others
            import traceback

            data = {"error": f"{type(error).__name__}: {error}", "traceback": traceback.format_exc()[-2000:]}
        results[section] = {"data": data, "quick": args.quick, "took_s": round(time.perf_counter() - started, 1),
                            "when": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                            "load_before": before, "load_after": load_avg()}
        RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        write_report(results)
    write_report(results)
    RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    log(f"wrote {REPORT.relative_to(ROOT)} and {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
