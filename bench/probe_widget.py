"""Time one lesson's main widget in-process: ChartWidget update vs the naive ``interact`` pattern.

Usage: python bench/probe_widget.py notebooks/NN_x.ipynb --updates 40 [--warmup 3]
Prints one JSON object on stdout (everything else the lesson prints goes to /dev/null).

How it works, with no kernel:
1. An IPython ``InteractiveShell`` with ``%matplotlib inline`` (the inline backend renders with
   Agg and turns ``plt.show()`` into a PNG display, as in a kernel) runs the lesson's code cells
   from the notebook's folder. ``ChartWidget.__init__`` is wrapped (in this process only) so that
   every widget the lesson creates is recorded in creation order.
2. The main widget is the first recorded ``ChartWidget`` whose main control carries the CSS class
   ``cqlab-main-control``.
3. ChartWidget: set ``main_control.value`` to a new value; the observer runs compute -> draw
   into the persistent figure -> PNG into ``.image``. Timed from the assignment to its return,
   checked that ``.image.value`` changed (new PNG bytes).
4. Naive baseline on the same chart: the widget's own observer is detached and the same
   controls are handed to ``ipywidgets.interactive`` with a function that does
   ``fig, ax = plt.subplots(...)`` -> ``widget.compute`` -> ``widget.draw(fig, ax, result)`` ->
   ``plt.show()`` (inside interactive's Output widget; the inline backend renders the PNG) ->
   ``plt.close(fig)``. Timed the same way, checked that one PNG was published per update.
   A second, leaner baseline skips interact/display: new pyplot figure -> draw -> savefig PNG.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import statistics
import sys
import time
import traceback
from pathlib import Path


def percentile(values, q):
    values = sorted(values)
    if not values:
        return None
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def summary(seconds: list[float], cpu: list[float] | None = None) -> dict:
    ms = [s * 1000 for s in seconds]
    extra = {"cpu_median_ms": round(statistics.median(cpu) * 1000, 2)} if cpu else {}
    return extra | {
        "n": len(ms),
        "median_ms": round(statistics.median(ms), 2) if ms else None,
        "p10_ms": round(percentile(ms, 0.1), 2) if ms else None,
        "p90_ms": round(percentile(ms, 0.9), 2) if ms else None,
        "min_ms": round(min(ms), 2) if ms else None,
    }


def control_kind(control) -> str:
    if hasattr(control, "options") and hasattr(control, "index"):
        return "selection"
    if hasattr(control, "min") and hasattr(control, "max"):
        return "slider"
    if isinstance(getattr(control, "value", None), bool):
        return "toggle"
    return "unknown"


def value_cycle(control, count: int, errored=lambda: False, span: int = 3):
    """Yield ``count`` moves of the control, each to a value different from the one before.

    Each item is a callable that applies the move. A slider moves one step at a time, like the
    arrow keys in the browser, back and forth within ``span`` steps of where the lesson left it
    (and turns back at the end of its track, or when the last move gave an input error: e.g. a
    market share that would take the total over 100%). A selection moves to the next option.
    """
    kind = control_kind(control)
    if kind == "selection":
        n = len(control.options)
        if n < 2:
            raise ValueError("the main control has a single option")
        start = control.index if control.index is not None else 0
        for i in range(1, count + 1):
            yield lambda i=i: setattr(control, "index", (start + i) % n)
    elif kind == "slider":
        step = getattr(control, "step", None) or 1
        origin, direction = control.value, 1
        for _ in range(count):
            current = control.value
            low = max(control.min, origin - span * step)
            high = min(control.max, origin + span * step)
            candidate = current + direction * step
            if errored() or candidate > high + 1e-12 or candidate < low - 1e-12:
                direction = -direction
                candidate = current + direction * step
            if isinstance(current, int):
                candidate = int(round(candidate))
            yield lambda value=candidate: setattr(control, "value", value)
    elif kind == "toggle":
        for _ in range(count):
            yield lambda: setattr(control, "value", not control.value)
    else:
        raise ValueError(f"cannot move a main control of type {type(control).__name__}")


VARIANTS = ["single draw", "single draw, layout kept once computed"]


def single_draw_png(figure) -> bytes:
    """PNG bytes from one Agg draw (savefig draws twice when a layout engine is set).

    ``FigureCanvasAgg.draw`` runs the constrained layout inside ``Figure.draw`` and renders in
    the same pass; the RGBA buffer is then encoded with Pillow (fast compression level).
    """
    from matplotlib import image
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = figure.canvas if isinstance(figure.canvas, FigureCanvasAgg) else FigureCanvasAgg(figure)
    canvas.draw()
    buffer = io.BytesIO()
    image.imsave(buffer, canvas.buffer_rgba(), format="png", origin="upper", dpi=figure.dpi,
                 pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def grid_shape(axes) -> tuple[int, int]:
    first = axes.flat[0] if hasattr(axes, "flat") else axes
    return first.get_subplotspec().get_gridspec().get_geometry()


def run_lesson(shell, notebook_path: Path) -> list[dict]:
    import nbformat

    notebook = nbformat.read(notebook_path, as_version=4)
    errors = []
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type != "code" or not cell.source.strip():
                continue
            outcome = shell.run_cell(cell.source, store_history=False, silent=False)
            if not outcome.success:
                err = outcome.error_in_exec or outcome.error_before_exec
                errors.append({"cell": index, "error": f"{type(err).__name__}: {str(err)[:300]}"})
    return errors


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("notebook", type=Path)
    parser.add_argument("--updates", type=int, default=40)
    parser.add_argument("--warmup", type=int, default=3)
    args = parser.parse_args(argv)
    out: dict = {"lesson": args.notebook.name}
    try:
        out.update(probe(args.notebook.resolve(), args.updates, args.warmup))
    except Exception as error:  # report, do not crash the whole bench
        out["error"] = f"{type(error).__name__}: {error}"
        out["traceback"] = traceback.format_exc()[-3000:]
    sys.stdout.write(json.dumps(out) + "\n")
    return 0


def probe(notebook_path: Path, updates: int, warmup: int) -> dict:
    os.chdir(notebook_path.parent)
    from IPython.core.interactiveshell import InteractiveShell

    class Shell(InteractiveShell):  # the base class refuses enable_gui; the inline backend needs none
        def enable_gui(self, gui=None):
            return None

    shell = Shell.instance()
    with contextlib.redirect_stdout(io.StringIO()):
        shell.run_line_magic("matplotlib", "inline")

    # count PNG payloads published by display() (what plt.show() sends to the front end)
    published = {"png": 0}
    original_publish = shell.display_pub.publish

    def counting_publish(data, *a, **k):
        if isinstance(data, dict) and "image/png" in data:
            published["png"] += 1
        return original_publish(data, *a, **k)

    shell.display_pub.publish = counting_publish

    from cqlab.widgets import base

    created: list = []
    original_init = base.ChartWidget.__init__

    def recording_init(self, *a, **k):
        original_init(self, *a, **k)
        created.append(self)

    base.ChartWidget.__init__ = recording_init
    started = time.perf_counter()
    errors = run_lesson(shell, notebook_path)
    lesson_run_s = time.perf_counter() - started
    base.ChartWidget.__init__ = original_init

    mains = [w for w in created if base.MAIN_CONTROL_CLASS in (w.main_control._dom_classes or ())]
    if not mains:
        return {"error": f"no ChartWidget with a {base.MAIN_CONTROL_CLASS} control "
                         f"({len(created)} ChartWidget(s) created; cell errors: {errors})",
                "cell_errors": errors}
    widget = mains[0]
    control = widget.main_control
    name = next(k for k, c in widget.controls.items() if c is control)
    info = {
        "left_in_error_by_the_lesson": widget.error,
        "cell_errors": errors,
        "in_process_lesson_s": round(lesson_run_s, 3),
        "widget": type(widget).__name__,
        "module": type(widget).__module__,
        "main_control": name,
        "control_type": type(control).__name__,
        "control_kind": control_kind(control),
        "chart_widgets_created": len(created),
        "figsize": list(widget.figsize),
        "grid": list(grid_shape(widget.axes)),
    }

    # --- 1. the ChartWidget: set the value, the observer redraws in place ------------------
    times, cpus, unchanged, failed = [], [], 0, 0
    moves = value_cycle(control, updates + warmup, lambda: widget.error)
    for i, move in enumerate(moves):
        before = widget.image.value
        c0, t0 = time.process_time(), time.perf_counter()
        move()
        dt, dc = time.perf_counter() - t0, time.process_time() - c0
        if widget.error:
            failed += 1
            continue
        if widget.image.value == before:
            unchanged += 1
            continue
        if i >= warmup:
            times.append(dt)
            cpus.append(dc)
    info["chart_widget"] = summary(times, cpus) | {"unchanged_png": unchanged, "input_errors": failed,
                                             "png_bytes": len(widget.image.value)}

    # breakdown of one ChartWidget update (same steps as refresh(), timed one by one)
    from cqlab.charts import figure_png

    parts = {"compute": [], "clear": [], "draw": [], "png": []}
    for move in value_cycle(control, 15, lambda: widget.error):
        control.unobserve(widget._on_change, names="value")
        move()
        control.observe(widget._on_change, names="value")
        t0 = time.perf_counter()
        try:
            result = widget.compute(**widget.values)
        except Exception:
            continue
        t1 = time.perf_counter()
        for ax in getattr(widget.axes, "flat", [widget.axes]):
            ax.clear()
        for text in list(widget.figure.texts):
            text.remove()
        t2 = time.perf_counter()
        widget.draw(widget.figure, widget.axes, result)
        t3 = time.perf_counter()
        figure_png(widget.figure)
        t4 = time.perf_counter()
        for key, dt in zip(parts, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
            parts[key].append(dt)
    info["chart_widget_breakdown_ms"] = {
        k: round(statistics.median(v) * 1000, 2) for k, v in parts.items() if v
    }

    # --- 2. naive: ipywidgets.interactive + new pyplot figure + plt.show() -----------------
    import ipywidgets
    import matplotlib.pyplot as plt

    nrows, ncols = grid_shape(widget.axes)

    def naive(**values):
        result = widget.compute(**values)
        fig, ax = plt.subplots(nrows, ncols, figsize=widget.figsize, layout="constrained")
        widget.draw(fig, ax, result)
        plt.show()
        plt.close(fig)

    for c in widget.controls.values():
        c.unobserve(widget._on_change, names="value")
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink):
        panel = ipywidgets.interactive(naive, **widget.controls)
        times, cpus, missing = [], [], 0
        bad = {"last": False}
        for i, move in enumerate(value_cycle(control, updates + warmup, lambda: bad["last"])):
            before = published["png"]
            c0, t0 = time.process_time(), time.perf_counter()
            move()
            dt, dc = time.perf_counter() - t0, time.process_time() - c0
            bad["last"] = published["png"] != before + 1
            if bad["last"]:
                missing += 1
                continue
            if i >= warmup:
                times.append(dt)
                cpus.append(dc)
        # detach interactive's observers
        for c in panel.kwargs_widgets:
            c.unobserve(panel.update, names="value")
    info["naive_interact"] = summary(times, cpus) | {"updates_without_one_png": missing}

    # --- 3. leaner naive: new pyplot figure -> draw -> savefig PNG -> close -----------------
    def naive_savefig():
        try:
            result = widget.compute(**widget.values)
        except Exception:  # a wrong input: the widget shows a message, nothing to draw
            return b""
        fig, ax = plt.subplots(nrows, ncols, figsize=widget.figsize, layout="constrained")
        widget.draw(fig, ax, result)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        plt.close(fig)
        return buffer.getvalue()

    times, cpus = [], []
    bad = {"last": False}
    for i, move in enumerate(value_cycle(control, updates + warmup, lambda: bad["last"])):
        c0, t0 = time.process_time(), time.perf_counter()
        move()
        png = naive_savefig()
        dt, dc = time.perf_counter() - t0, time.process_time() - c0
        bad["last"] = not png
        if png[:4] == b"\x89PNG" and i >= warmup:
            times.append(dt)
            cpus.append(dc)
    info["naive_savefig"] = summary(times, cpus) | {"png_bytes": len(png)}
    for c in widget.controls.values():
        c.observe(widget._on_change, names="value")

    # --- 4. what-if: the same widget with a cheaper render path (in this process only) -----
    info["what_if"] = {}
    for variant in VARIANTS:
        times, cpus = [], []
        original_png = base.figure_png
        base.figure_png = single_draw_png
        engine = widget.figure.get_layout_engine()
        if variant == "single draw, layout kept once computed":
            widget.refresh()
            widget.figure.set_layout_engine("none")
        try:
            for i, move in enumerate(value_cycle(control, updates + warmup, lambda: widget.error)):
                before = widget.image.value
                c0, t0 = time.process_time(), time.perf_counter()
                move()
                dt, dc = time.perf_counter() - t0, time.process_time() - c0
                if widget.error or widget.image.value == before:
                    continue
                if i >= warmup:
                    times.append(dt)
                    cpus.append(dc)
        finally:
            base.figure_png = original_png
            widget.figure.set_layout_engine(engine)
        entry = summary(times, cpus)
        ni = info["naive_interact"]
        entry["ratio_vs_naive_interact"] = round(ni["median_ms"] / entry["median_ms"], 2) if times and ni.get("median_ms") else None
        entry["cpu_ratio_vs_naive_interact"] = round(ni["cpu_median_ms"] / entry["cpu_median_ms"], 2) if cpus and ni.get("cpu_median_ms") else None
        info["what_if"][variant] = entry

    for key in ("naive_interact", "naive_savefig"):
        for field, ratio in (("median_ms", "ratio"), ("cpu_median_ms", "cpu_ratio")):
            cw, nv = info["chart_widget"].get(field), info[key].get(field)
            info[key][ratio] = round(nv / cw, 2) if cw and nv else None
    return info


if __name__ == "__main__":
    sys.exit(main())
