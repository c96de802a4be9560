"""Run one submitted notebook inside the sandbox and export its tested answers as plain data.

This file runs INSIDE the sandbox, as an unprivileged uid, in the same process as the student's code
(an in-process IPython shell: no Jupyter kernel, no sockets). It never decides a score. After every
code cell it writes ``answers.json``: the tested names converted to plain data by strict type
(a subclass of float, a number class that "equals everything", a function: none survives). The
student's code can of course write that file too, but only with plain data, which the grader's clean
process then checks; see exercises/README.md, "What the sandbox does and does not protect".

Protocol on the runner's original stdout (the student's prints go to /dev/null) (read by grading.engine): ``@@CELL i`` before cell i, ``@@DONE i`` after it,
``@@LIMIT memory|process i`` when a cell hit a limit, ``@@END`` when every cell ran.

Usage: python sandbox_runner.py NOTEBOOK NAMES_JSON OUT_JSON
"""

import builtins
import json
import math
import os
import re
import sys

_type, _isinstance, _len, _str, _float, _int, _list = type, isinstance, len, str, float, int, list
_open, _replace, _getpid = builtins.open, os.replace, os.getpid
MAX_ITEMS = 200_000
# otter's locked cells of a student notebook: they check answers for the student and change none, so
# grading skips them (saves importing otter and running the public tests in every submission)
OTTER_CELL = re.compile(r'\s*(# Initialize Otter\s*import otter\s*(?:from cqlab\.checks import plain_feedback\s*)?'
                        r'grader = (?:plain_feedback\(otter\.Notebook\([^()]*\)\)|otter\.Notebook\([^()]*\))'
                        r'|grader\.check\("\w+"\)|grader\.check_all\(\))\s*')  # a table larger than this is not an answer of these exercises


class Unsupported(Exception):
    pass


def _number(value):
    import numpy as np

    kind = _type(value)
    if kind is bool or kind is np.bool_:
        return {"bool": bool(value)}
    if kind is int or kind in (np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64):
        return {"int": _str(_int(value))}
    if kind is float or kind in (np.float16, np.float32, np.float64):
        number = _float(value)
        return {"float": number if math.isfinite(number) else _str(number)}
    return None


def plain(value, depth=0):
    """Convert ``value`` to JSON data by exact type; anything else becomes {"unsupported": type name}."""
    if depth > 6:
        return {"unsupported": "too deeply nested"}
    try:
        return _plain(value, depth)
    except Exception as error:  # a broken or hostile object: report its type, never crash the export
        return {"unsupported": f"{_type(value).__name__} ({_type(error).__name__})"}


def _plain(value, depth):
    import numpy as np

    kind = _type(value)
    if value is None:
        return {"none": True}
    number = _number(value)
    if number is not None:
        return number
    if kind is str or kind is np.str_:
        return {"str": _str.__str__(value)[:100_000]}
    if kind in (list, tuple):
        if _len(value) > MAX_ITEMS:
            return {"unsupported": "list too long"}
        return {kind.__name__: [plain(v, depth + 1) for v in _list.__iter__(_list(value))]}
    if kind is dict:
        if _len(value) > MAX_ITEMS:
            return {"unsupported": "dict too long"}
        return {"dict": [[plain(k, depth + 1), plain(v, depth + 1)] for k, v in dict.items(value)]}
    if kind is np.ndarray:
        if value.size > MAX_ITEMS or value.dtype.kind not in "biufUS":
            return {"unsupported": f"array of {value.dtype}"}
        return {"array": [plain(v, depth + 1) for v in value.ravel().tolist()], "shape": _list(value.shape)}
    import pandas as pd

    if kind is pd.Series:
        if _len(value) > MAX_ITEMS:
            return {"unsupported": "Series too long"}
        return {"series": [plain(v, depth + 1) for v in value.tolist()],
                "index": [plain(v, depth + 1) for v in value.index.tolist()],
                "name": plain(value.name, depth + 1)}
    if kind is pd.DataFrame:
        if value.size > MAX_ITEMS:
            return {"unsupported": "DataFrame too large"}
        return {"frame": [[plain(c, depth + 1), [plain(v, depth + 1) for v in value[c].tolist()]]
                          for c in value.columns.tolist()],
                "index": [plain(v, depth + 1) for v in value.index.tolist()]}
    import dataclasses

    module = _str(getattr(kind, "__module__", ""))
    if module.startswith("cqlab.") and dataclasses.is_dataclass(kind):  # a result of the course's own models
        return {"dataclass": f"{module}:{kind.__qualname__}",
                "fields": [[f.name, plain(getattr(value, f.name), depth + 1)] for f in dataclasses.fields(kind)]}
    if kind.__module__ == "matplotlib.figure" and kind.__name__ == "Figure":
        return {"figure": _figure(value)}
    return {"unsupported": kind.__name__}


def _text(artist):
    try:
        return _str(artist.get_text())
    except Exception:
        return ""


def _floats(values):
    out = []
    for v in _list(values)[:MAX_ITEMS]:
        n = _number(v)
        out.append(plain(v) if n is None else n)
    return out


def _figure(fig):
    from matplotlib.patches import Rectangle

    axes = []
    for ax in _list(fig.axes)[:20]:
        bars = []
        for p in _list(ax.patches)[:10_000]:
            if _type(p) is Rectangle:
                x, y = p.get_xy()
                bars.append([_float(x), _float(y), _float(p.get_width()), _float(p.get_height())])
        lines = []
        for line in _list(ax.lines)[:1000]:
            lines.append({"x": _floats(line.get_xdata()), "y": _floats(line.get_ydata()),
                          "label": _str(line.get_label())})
        legend = ax.get_legend()
        axes.append({
            "title": _str(ax.get_title()), "xlabel": _str(ax.get_xlabel()), "ylabel": _str(ax.get_ylabel()),
            "xticks": [_float(t) for t in ax.get_xticks()], "xticklabels": [_text(t) for t in ax.get_xticklabels()],
            "yticks": [_float(t) for t in ax.get_yticks()], "yticklabels": [_text(t) for t in ax.get_yticklabels()],
            "bars": bars, "lines": lines, "texts": [_text(t) for t in ax.texts],
            "text_positions": [[_float(v) for v in t.get_position()] for t in ax.texts],
            "legend": [_text(t) for t in legend.get_texts()] if legend is not None else None,
            "xlim": [_float(v) for v in ax.get_xlim()], "ylim": [_float(v) for v in ax.get_ylim()],
        })
    suptitle = getattr(fig, "_suptitle", None)
    return {"axes": axes, "texts": [_text(t) for t in fig.texts],
            "text_positions": [[_float(v) for v in t.get_position()] for t in fig.texts],
            "suptitle": _text(suptitle) if suptitle is not None else ""}


class _NoGrader:
    """Stands in for otter's ``grader`` while grading: its checks do nothing here."""

    def __getattr__(self, name):
        return lambda *args, **kwargs: None


def main(notebook_path, names_path, out_path):
    protocol = os.dup(1)  # the grader reads this; the student's own output goes to /dev/null
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.environ.setdefault("MPLBACKEND", "Agg")
    main_pid = _getpid()
    with _open(notebook_path, encoding="utf-8") as handle:
        notebook = json.load(handle)
    with _open(names_path, encoding="utf-8") as handle:
        names = json.load(handle)
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    import matplotlib

    matplotlib.use("Agg")

    def export():
        answers = {}
        for name in names:
            if name in shell.user_ns:
                answers[name] = plain(shell.user_ns[name])
        temporary = out_path + ".tmp"
        with _open(temporary, "w", encoding="utf-8") as handle:
            json.dump(answers, handle)
        _replace(temporary, out_path)

    def say(text):
        os.write(protocol, (text + "\n").encode())

    cells = [c for c in notebook.get("cells", []) if c.get("cell_type") == "code"]
    for index, cell in enumerate(cells):
        source = cell.get("source", "")
        source = "".join(source) if _isinstance(source, _list) else _str(source)
        say(f"@@CELL {index}")
        if OTTER_CELL.fullmatch(source):
            shell.user_ns.setdefault("grader", _NoGrader())
            say(f"@@DONE {index} ok")
            continue
        result = shell.run_cell(source, silent=False, store_history=True)
        if _getpid() != main_pid:  # a forked child of student code: it must not run the notebook on
            os._exit(0)
        error = result.error_in_exec or result.error_before_exec
        export()
        if _isinstance(error, MemoryError):
            say(f"@@LIMIT memory {index}")
            return
        if _isinstance(error, (BlockingIOError,)) or (_isinstance(error, OSError) and getattr(error, "errno", 0) == 11):
            say(f"@@LIMIT process {index}")
            return
        say(f"@@DONE {index} {'error ' + _type(error).__name__ if error else 'ok'}")
    say("@@END")


if __name__ == "__main__":
    try:
        main(*sys.argv[1:4])
    finally:
        os._exit(0)
