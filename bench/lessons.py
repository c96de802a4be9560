"""Notebook execution time and kernel peak memory (nbclient), with profiles for the causes."""

from __future__ import annotations

import ast
import json
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
LESSON_PATTERN = "[0-9][0-9]_*.ipynb"
PEAK_CELL = (
    "import resource as _r, json as _j\n"
    "print('CQLAB_BENCH_PEAK', _r.getrusage(_r.RUSAGE_SELF).ru_maxrss)"
)


def lesson_paths() -> list[Path]:
    return sorted(NOTEBOOKS.glob(LESSON_PATTERN))


def import_cell(notebook) -> str | None:
    """The lesson's import cell: the first code cell made only of imports (and simple set-up)."""
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        if any(isinstance(node, (ast.Import, ast.ImportFrom)) for node in tree.body):
            return cell.source
    return None


def import_statements(source: str) -> list[str]:
    tree = ast.parse(source)
    return [ast.get_source_segment(source, node) for node in tree.body
            if isinstance(node, (ast.Import, ast.ImportFrom))]


def _seconds(start: str, end: str) -> float | None:
    try:
        return (datetime.fromisoformat(end.replace("Z", "+00:00"))
                - datetime.fromisoformat(start.replace("Z", "+00:00"))).total_seconds()
    except Exception:
        return None


def run_notebook(notebook, cwd: Path, timeout: int = 300) -> dict:
    """Execute a notebook in a fresh kernel; time kernel start and the cells; read the peak RSS.

    ``total_s`` = kernel start (launch until it answers) + every cell of the notebook. The peak
    is read afterwards by one injected cell (``ru_maxrss`` of the kernel process itself) and the
    kernel's shutdown is not timed.
    """
    notebook = nbformat.from_dict(json.loads(json.dumps(notebook)))  # private copy
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(cwd)}})
    client.reset_execution_trackers()
    t0 = time.perf_counter()
    with client.setup_kernel(stderr=subprocess.DEVNULL):
        t1 = time.perf_counter()
        for index, cell in enumerate(notebook.cells):
            client.execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
        t2 = time.perf_counter()
        probe = nbformat.v4.new_code_cell(PEAK_CELL)
        notebook.cells.append(probe)
        client.execute_cell(probe, len(notebook.cells) - 1)
    peak_kib = None
    for output in probe.get("outputs", []):
        if output.get("name") == "stdout" and "CQLAB_BENCH_PEAK" in output.get("text", ""):
            peak_kib = int(output["text"].split()[-1])
    cell_times = []
    for index, cell in enumerate(notebook.cells[:-1]):
        ex = cell.get("metadata", {}).get("execution", {})
        if cell.cell_type == "code" and "iopub.execute_input" in ex and "shell.execute_reply" in ex:
            cell_times.append((index, _seconds(ex["iopub.execute_input"], ex["shell.execute_reply"])))
    return {
        "kernel_start_s": t1 - t0,
        "cells_s": t2 - t1,
        "total_s": t2 - t0,
        "peak_mib": peak_kib / 1024 if peak_kib else None,
        "cell_times": cell_times,
    }


def code_notebook(sources: list[str]):
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                       "language": "python"}
    notebook.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    return notebook


def repeat(notebook, cwd: Path, runs: int) -> dict:
    outcomes = [run_notebook(notebook, cwd) for _ in range(runs)]
    med = lambda key: statistics.median(o[key] for o in outcomes if o[key] is not None)  # noqa: E731
    per_cell: dict[int, list[float]] = {}
    for o in outcomes:
        for index, seconds in o["cell_times"]:
            if seconds is not None:
                per_cell.setdefault(index, []).append(seconds)
    slowest = sorted(((i, statistics.median(v)) for i, v in per_cell.items()), key=lambda x: -x[1])[:5]
    return {
        "runs": runs,
        "total_s": round(med("total_s"), 3),
        "total_s_all": [round(o["total_s"], 3) for o in outcomes],
        "kernel_start_s": round(med("kernel_start_s"), 3),
        "cells_s": round(med("cells_s"), 3),
        "peak_mib": round(max(o["peak_mib"] for o in outcomes if o["peak_mib"]), 1),
        "slowest_cells": [{"cell": i, "s": round(s, 3)} for i, s in slowest],
    }


def bench_lessons(runs: int, log=print) -> dict:
    results: dict = {"lessons": {}}
    log(f"  bare kernel (one `pass` cell) x{runs}")
    results["bare_kernel"] = repeat(code_notebook(["pass"]), NOTEBOOKS, runs)
    for path in lesson_paths():
        notebook = nbformat.read(path, as_version=4)
        entry: dict = {"notebook": path.name}
        try:
            log(f"  {path.name} x{runs}")
            entry["full"] = repeat(notebook, path.parent, runs)
            source = import_cell(notebook)
            entry["import_cell"] = source
            if source:
                log(f"  {path.name} import cell only x{runs}")
                entry["floor"] = repeat(code_notebook([source]), path.parent, runs)
            for cell in entry["full"]["slowest_cells"]:
                cell["source"] = notebook.cells[cell["cell"]].source.splitlines()[0][:90]
        except Exception as error:
            entry["error"] = f"{type(error).__name__}: {str(error)[:1500]}"
        results["lessons"][path.name] = entry
    return results


# --- profiles for the causes of a missed target --------------------------------------------

def importtime(source: str, cwd: Path, top: int = 12) -> list[dict]:
    """`python -X importtime` of an import cell: the top-level packages by cumulative time."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", source], cwd=cwd,
                          capture_output=True, text=True, timeout=300)
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, rest = line.split(":", 1)
        self_us, cumulative_us, raw = rest.split("|", 2)
        depth = (len(raw) - len(raw.lstrip()) - 1) // 2
        rows.append({"module": raw.strip(), "self_ms": int(self_us) / 1000,
                     "cumulative_ms": int(cumulative_us) / 1000, "depth": depth})
    top_level = [r for r in rows if r["depth"] == 0]
    total = sum(r["cumulative_ms"] for r in top_level)
    top_level.sort(key=lambda r: -r["cumulative_ms"])
    return [{"module": r["module"], "cumulative_ms": round(r["cumulative_ms"], 1)}
            for r in top_level[:top]] + [{"module": "(all imports)", "cumulative_ms": round(total, 1)}]


MEMORY_STEPS = r"""
import json, resource, sys
def rss():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1]) / 1024
out = [("python", rss())]
for statement in json.loads(sys.argv[1]):
    exec(statement, globals())
    out.append((statement, rss()))
out.append(("peak (ru_maxrss)", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
print(json.dumps(out))
"""


def memory_steps(statements: list[str], cwd: Path) -> list[dict]:
    """Resident memory after each import statement, in a fresh interpreter (no kernel)."""
    done = subprocess.run([sys.executable, "-c", MEMORY_STEPS, json.dumps(statements)], cwd=cwd,
                          capture_output=True, text=True, timeout=300)
    try:
        steps = json.loads(done.stdout.strip().splitlines()[-1])
    except Exception:
        return [{"error": done.stderr[-500:]}]
    rows, previous = [], 0.0
    for name, mib in steps:
        rows.append({"step": name, "rss_mib": round(mib, 1), "added_mib": round(mib - previous, 1)})
        previous = mib
    return rows


def cprofile_lesson(path: Path, top: int = 15) -> list[dict]:
    """cProfile of the whole lesson run in-process (IPython shell, inline backend)."""
    script = r"""
import cProfile, contextlib, io, json, os, pstats, sys
import nbformat
from IPython.core.interactiveshell import InteractiveShell
class Shell(InteractiveShell):
    def enable_gui(self, gui=None):
        return None
path = sys.argv[1]
os.chdir(os.path.dirname(path))
shell = Shell.instance()
nb = nbformat.read(path, as_version=4)
profile = cProfile.Profile()
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    shell.run_line_magic("matplotlib", "inline")
    profile.enable()
    for cell in nb.cells:
        if cell.cell_type == "code":
            shell.run_cell(cell.source, store_history=False)
    profile.disable()
stats = pstats.Stats(profile)
rows = []
for (filename, line, name), (cc, nc, tt, ct, callers) in stats.stats.items():
    short = filename.split('site-packages/')[-1].split('/src/')[-1]
    short = short.rsplit('/', 1)[-1] if short.startswith('/') else short  # no path of the build machine
    rows.append({"function": f"{name} ({short}:{line})",
                 "tottime_s": round(tt, 3), "cumtime_s": round(ct, 3), "calls": nc})
print(json.dumps(rows))
"""
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True,
                          timeout=600)
    try:
        rows = json.loads(done.stdout.strip().splitlines()[-1])
    except Exception:
        return [{"error": done.stderr[-500:]}]
    interesting = [r for r in rows if not r["function"].startswith(("<built-in", "<method", "exec ("))
                   and "run_cell" not in r["function"] and "run_code" not in r["function"]
                   and "<module>" not in r["function"]]
    by_cum = sorted(interesting, key=lambda r: -r["cumtime_s"])[:top]
    by_tot = sorted(rows, key=lambda r: -r["tottime_s"])[:top]
    return {"by_cumulative": by_cum, "by_self": by_tot}


MEMORY_BY_CELL = r"""
import contextlib, io, json, os, resource, sys
import nbformat
from IPython.core.interactiveshell import InteractiveShell
class Shell(InteractiveShell):
    def enable_gui(self, gui=None):
        return None
def rss():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1]) / 1024
path = sys.argv[1]
os.chdir(os.path.dirname(path))
shell = Shell.instance()
rows = [(-1, 'IPython shell, inline backend', rss())]
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    shell.run_line_magic("matplotlib", "inline")
    for index, cell in enumerate(nbformat.read(path, as_version=4).cells):
        if cell.cell_type == "code":
            shell.run_cell(cell.source, store_history=False)
            rows.append((index, cell.source.splitlines()[0][:70] if cell.source else '', rss()))
rows.append((None, 'peak (ru_maxrss)', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
print(json.dumps(rows))
"""


def memory_by_cell(path: Path, top: int = 8) -> list[dict]:
    """Resident memory added by each cell of a lesson run in-process (no kernel): the largest."""
    done = subprocess.run([sys.executable, "-c", MEMORY_BY_CELL, str(path)], capture_output=True,
                          text=True, timeout=600)
    try:
        rows = json.loads(done.stdout.strip().splitlines()[-1])
    except Exception:
        return [{"error": done.stderr[-500:]}]
    out, previous = [], 0.0
    for index, first_line, mib in rows[:-1]:
        out.append({"cell": index, "source": first_line, "rss_mib": round(mib, 1),
                    "added_mib": round(mib - previous, 1)})
        previous = mib
    largest = sorted(out[1:], key=lambda r: -r["added_mib"])[:top]
    return {"start_mib": out[0]["rss_mib"], "end_mib": out[-1]["rss_mib"],
            "peak_mib": round(rows[-1][2], 1), "largest": largest}


FIRST_CHART = r"""
import cProfile, io, json, pstats, sys, time
PROFILE = sys.argv[1] == "1"
t0 = time.perf_counter()
from cqlab import charts
t1 = time.perf_counter()
def one():
    fig, ax = charts.new_figure()
    ax.plot([1, 2, 3], [2, 1, 3])
    ax.set_title("A title"); ax.set_xlabel("year"); ax.set_ylabel("billion yuan")
    charts.source_note(fig, "simulated")
    return charts.figure_png(fig)
profile = cProfile.Profile()
t2 = time.perf_counter()
if PROFILE:
    profile.enable()
one()
profile.disable(); t3 = time.perf_counter()
one(); t4 = time.perf_counter()
stats = pstats.Stats(profile) if PROFILE else None
rows = sorted(((f"{n} ({(fn.split('site-packages/')[-1] if 'site-packages/' in fn else fn.rsplit('/', 1)[-1])}:{l})", ct, tt) for (fn, l, n), (cc, nc, tt, ct, cl)
               in stats.stats.items()), key=lambda r: -r[2])[:8] if PROFILE else []
print(json.dumps({"import_charts_s": t1 - t0, "first_png_s": t3 - t2, "second_png_s": t4 - t3,
                  "first_png_by_own_time": [(n, round(tt, 3)) for n, ct, tt in rows]}))
"""


def first_chart() -> dict:
    """Cost of the first chart in a fresh process vs the second (fonts load on first use)."""
    out = {}
    for flag in ("0", "1"):
        done = subprocess.run([sys.executable, "-c", FIRST_CHART, flag], capture_output=True, text=True,
                              timeout=300, cwd=NOTEBOOKS)
        try:
            data = json.loads(done.stdout.strip().splitlines()[-1])
        except Exception:
            return {"error": done.stderr[-500:]}
        if flag == "0":
            out = {k: round(v, 3) for k, v in data.items() if k.endswith("_s")}
        else:
            out["first_png_by_own_time_profiled"] = data["first_png_by_own_time"]
    return out
