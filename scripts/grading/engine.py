"""Grade submissions in a sandbox and score them in a clean process (the engine behind `make grade`).

For each submission:

1. a private copy of that one notebook (and the set's public tests) goes into a fresh folder owned by an
   unprivileged uid; when the grader runs as root it drops to that uid with ``setpriv`` before entering
   the sandbox, so student code is never root, not even root mapped into a namespace;
2. bubblewrap (``bwrap``) runs ``sandbox_runner.py`` on it with no network, its own pid namespace (its
   ``/proc`` shows only its own processes), a private ``/tmp``, the course environment (the Python, the
   .venv, ``src/``, ``datasets/``) read-only and nothing else of the machine's files but the system's
   read-only ``/usr`` and ``/etc``; no master, autograder, solution, hidden test, other submission or
   grades file is mounted. When the run ends (or is stopped) the pid namespace goes and every process
   in it is killed;
3. the runner executes the code cells one by one and after each writes the tested names as plain data
   (``answers.json``); total time, time per cell, memory and processes are limited (``Limits``), and a
   run stopped at a limit is scored on the answers exported before it;
4. this process (which never runs student code and never unpickles anything) rebuilds plain values
   from that JSON (numbers, strings, lists, dicts, arrays, pandas tables, matplotlib figures redrawn from
   their bars, lines and texts) and runs the set's tests (``exercises/NN_*/autograder/tests/qK.py``,
   public and hidden) against them, one ``TestResult`` per test.
"""

from __future__ import annotations

import json
import math
import os
import queue
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .results import SubmissionResult, TestResult, WrittenAnswer

ROOT = Path(__file__).resolve().parents[2]
EXERCISES = ROOT / "exercises"
RUNNER = Path(__file__).resolve().parent / "sandbox_runner.py"
VENV = ROOT / ".venv"
MAX_ANSWERS_BYTES = 50_000_000
INSTALL_HINT = (
    "install bubblewrap and util-linux (Debian/Ubuntu: `sudo apt-get install bubblewrap util-linux`; "
    "Fedora: `sudo dnf install bubblewrap`), on Linux with unprivileged user namespaces enabled. On macOS "
    "or Windows, grade on the class hub, in WSL 2 or in a Linux container (see exercises/README.md, "
    "'Grading on macOS or Windows')"
)


@dataclass(frozen=True)
class Limits:
    """Per submission."""

    total_seconds: float = 120.0   # the whole notebook's run time, not only per cell
    cell_seconds: float = 60.0     # any one cell
    memory_mb: int = 2048          # address space of each process in the sandbox
    processes: int = 64            # processes and threads of the sandbox's uid


# ---------------------------------------------------------------------------------------------- sandbox

def _uid_base() -> int:
    """Unprivileged uids for the sandboxes of this grader process (one per parallel slot).

    Far above any login account; distinct per grader process so RLIMIT_NPROC (counted per uid) of
    one run never counts another's processes.
    """
    return 200_000 + (os.getpid() % 50_000) * 16


def _others_can_read(path: Path) -> bool:
    """True if any uid can reach and read ``path`` (every parent searchable by others)."""
    path = path.resolve()
    try:
        return bool(path.stat().st_mode & 0o004) and all(p.stat().st_mode & 0o001 for p in [path, *path.parents])
    except OSError:
        return False


def _python() -> tuple[list[str], str] | str:
    """(bwrap arguments, python path inside) for the course's .venv, or why it cannot run in the sandbox.

    The .venv's base Python is bound read-only where it is. When others cannot read it (a pyenv Python
    under /root), the system Python of the same version runs the .venv's packages instead, through a
    venv layout made inside the sandbox (/opt/venv), so the sandboxed uid needs no access to /root.
    """
    base = Path(sys.base_prefix).resolve()
    site = VENV / "lib"
    if _others_can_read(base) and _others_can_read(VENV):
        return ["--ro-bind", str(base), str(base), "--ro-bind", str(VENV), str(VENV)], str(VENV / "bin" / "python")
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    system = Path("/usr/bin") / version
    if not _others_can_read(site):  # e.g. a clone inside a private folder (mktemp -d makes one, mode 700)
        private = next((p for p in [site.resolve(), *site.resolve().parents] if not p.stat().st_mode & 0o001), site)
        return (f"the course's environment ({VENV}) is not readable by an unprivileged user: {private} is private "
                f"to its owner; put the course in a folder others can read, or `chmod o+rx {private}`")
    if not system.exists():
        return (f"the course's Python ({base}) is not readable by an unprivileged user and there is no {system} "
                f"to use instead; recreate .venv from a system Python (`make clean; make .venv/.installed "
                f"PYTHON=/usr/bin/python3`)")
    return (["--ro-bind", str(site), "/opt/venv/lib", "--symlink", "lib", "/opt/venv/lib64",
             "--symlink", str(system), "/opt/venv/bin/python",
             "--ro-bind", str(_venv_cfg()), "/opt/venv/pyvenv.cfg"], "/opt/venv/bin/python")


@cache
def _venv_cfg() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="cqlab_sandbox_venv_"))
    os.chmod(folder, 0o755)
    cfg = folder / "pyvenv.cfg"
    cfg.write_text(f"home = /usr/bin\ninclude-system-site-packages = false\nversion = {sys.version_info.major}."
                   f"{sys.version_info.minor}\n", encoding="utf-8")
    os.chmod(cfg, 0o644)
    return cfg


def _read_only_paths() -> list[Path]:
    paths = [ROOT / "src", ROOT / "datasets"]
    return [p for p in dict.fromkeys(paths) if p.exists()]


def _command(home: Path, uid: int, limits: Limits, code: list[str] | None = None) -> list[str]:
    python_args, python = _python()
    is_root = os.geteuid() == 0
    mb = int(limits.memory_mb) * 1024 * 1024
    command = ["prlimit", f"--as={mb}", f"--nproc={int(limits.processes)}", "--fsize=268435456", "--core=0",
               "--nofile=256"]
    if is_root:
        command += ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
                    "--inh-caps=-all", "--bounding-set=-all"]
    # the private /proc, /dev and /tmp first: bwrap mounts in order, so a course folder that lives under
    # /tmp (a clone in a temporary folder) is bound after, on top of the private /tmp, not hidden by it
    command += ["bwrap", "--unshare-all", "--die-with-parent", "--new-session", "--clearenv",
                "--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc",
                "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        target = Path("/") / name
        if target.is_symlink():
            command += ["--symlink", os.readlink(target), str(target)]
        elif target.is_dir():
            command += ["--ro-bind", str(target), str(target)]
    command += python_args
    for path in _read_only_paths():
        command += ["--ro-bind", str(path), str(path)]
    command += ["--bind", str(home), "/home/student", "--chdir", "/home/student",
                "--ro-bind", str(RUNNER), "/opt/grader/runner.py",
                "--setenv", "HOME", "/home/student", "--setenv", "PATH", "/usr/bin:/bin",
                "--setenv", "LANG", "C.UTF-8", "--setenv", "MPLBACKEND", "Agg",
                "--setenv", "MPLCONFIGDIR", "/home/student/.matplotlib",
                "--setenv", "OPENBLAS_NUM_THREADS", "1", "--setenv", "OMP_NUM_THREADS", "1",
                "--setenv", "MKL_NUM_THREADS", "1", "--setenv", "PYTHONDONTWRITEBYTECODE", "1",
                python, "-I"]
    command += code or ["/opt/grader/runner.py", "/home/student/submission.ipynb", "/home/student/.names.json",
                        "/home/student/answers.json"]
    return command


@cache
def sandbox_problem() -> str | None:
    """None when the sandbox works here; else a message saying what is wrong and how to install it."""
    if not sys.platform.startswith("linux"):
        return f"grading needs Linux for its sandbox (this is {sys.platform}): {INSTALL_HINT}"
    needed = ["bwrap", "prlimit"] + (["setpriv"] if os.geteuid() == 0 else [])
    missing = [tool for tool in needed if shutil.which(tool) is None]
    if missing:
        return f"the grading sandbox needs {', '.join(missing)}, which is not installed: {INSTALL_HINT}"
    if not (VENV / "bin" / "python").exists():
        return f"the course environment {VENV} is missing: run `make .venv/.installed` first"
    if isinstance(_python(), str):
        return _python()
    with tempfile.TemporaryDirectory(prefix="cqlab_probe_") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        uid = _uid_base() + 15
        if os.geteuid() == 0:
            os.chown(home, uid, uid)
            os.chmod(tmp, 0o711)
        probe = _command(home, uid, Limits(), ["-c", "import os, cqlab; print(os.getuid(), len(os.listdir('/proc')))"])
        try:
            done = subprocess.run(probe, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as error:
            return f"the grading sandbox could not start ({error}): {INSTALL_HINT}"
        if done.returncode != 0:
            return (f"the grading sandbox does not work here ({done.stderr.strip()[-300:]}); "
                    f"{INSTALL_HINT}")
        if os.geteuid() == 0 and done.stdout.split()[:1] == ["0"]:
            return "the sandbox ran as root; refusing to grade"
    return None


class SandboxUnavailable(RuntimeError):
    """The sandbox cannot run here: grading refuses rather than grade unsafely."""


# ---------------------------------------------------------------------------------------------- the set

def set_folder(set_id: str) -> Path:
    found = sorted(p for p in EXERCISES.glob(f"{set_id}_*") if p.is_dir())
    if not found:
        raise ValueError(f"no exercise set {set_id} in {EXERCISES}")
    return found[0]


@dataclass(frozen=True)
class TestSpec:
    question: str
    name: str
    function: Callable
    arguments: tuple[str, ...]
    points: float
    hidden: bool
    message: str


def _collect(path: Path) -> tuple[str, list[TestSpec]]:
    """Read one otter test file (exception format) without otter: its test functions and their configs."""
    specs: list[dict] = []

    def test_case(name=None, points=None, hidden=False, success_message=None, failure_message=None):
        def register(function):
            specs.append({"function": function, "points": points, "hidden": bool(hidden),
                          "message": failure_message or "", "name": name})
            return function
        return register

    source = path.read_text(encoding="utf-8").replace("from otter.test_files import test_case", "")
    namespace = {"test_case": test_case, "__name__": f"cqlab_tests_{path.stem}"}
    exec(compile(source, str(path), "exec"), namespace)  # the course's own tests, not student code
    question = namespace.get("name", path.stem)
    total = float(namespace.get("points", len(specs)) or 0)
    given = [s["points"] for s in specs if s["points"] is not None]
    share = (total - sum(given)) / max(1, sum(s["points"] is None for s in specs))
    tests = []
    for spec in specs:
        function = spec["function"]
        arguments = function.__code__.co_varnames[: function.__code__.co_argcount]
        name = spec["name"] or function.__name__.removeprefix("test_")
        tests.append(TestSpec(question, name, function, tuple(arguments),
                              float(spec["points"] if spec["points"] is not None else share),
                              spec["hidden"], spec["message"]))
    return question, tests


@cache
def set_tests(set_id: str) -> tuple[TestSpec, ...]:
    """Every autograded test of a set (public and hidden), in question order."""
    folder = set_folder(set_id) / "autograder" / "tests"
    files = sorted(folder.glob("q*.py"), key=lambda p: [int(n) if n.isdigit() else n for n in re.split(r"(\d+)", p.stem)])
    if not files:
        raise ValueError(f"set {set_id} has no tests in {folder}: run `make assign`")
    return tuple(t for f in files for t in _collect(f)[1])


@cache
def written_questions(set_id: str) -> tuple[tuple[str, float], ...]:
    """(name, points) of the set's written (manual) questions, from its master."""
    import nbformat
    import yaml

    folder = set_folder(set_id)
    master = folder / f"{folder.name}_master.ipynb"
    found = []
    for cell in nbformat.read(master, as_version=4).cells:
        source = cell.source.strip()
        if cell.cell_type == "raw" and source.upper().startswith("# BEGIN QUESTION"):
            config = yaml.safe_load(source.split("\n", 1)[1]) or {}
            if config.get("manual"):
                found.append((str(config["name"]), float(config.get("points", 1))))
    return tuple(found)


def _written(notebook: dict, set_id: str) -> list[WrittenAnswer]:
    """The text of each written question's answer cells (read as text, never run)."""
    blocks: list[list[str]] = []
    current: list[str] | None = None
    for cell in notebook.get("cells", []):
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        if "<!-- BEGIN QUESTION -->" in source:
            current = []
            blocks.append(current)
        if current is not None and "otter_answer_cell" in (cell.get("metadata", {}).get("tags") or []):
            current.append(source.strip())
        if "<!-- END QUESTION -->" in source:
            current = None
    answers = []
    for index, (name, points) in enumerate(written_questions(set_id)):
        text = "\n\n".join(blocks[index]) if index < len(blocks) else ""
        answers.append(WrittenAnswer(question=name, points_possible=points, text=text))
    return answers


# ---------------------------------------------------------------------------------------------- rebuild

class _Opaque:
    """What a value of an unsupported type becomes: it equals nothing but itself and is not a number."""

    def __init__(self, kind: str):
        self.kind = kind

    def __repr__(self) -> str:
        return f"<a {self.kind}>"


def _opaque(kind: str):
    name = re.sub(r"\W", "_", str(kind))[:60] or "object"
    return type(name if name[0].isalpha() else f"_{name}", (_Opaque,), {})(str(kind))


def rebuild(data):
    """Plain Python/numpy/pandas/matplotlib objects from the exported JSON (never code)."""
    if not isinstance(data, dict) or len(data) == 0:
        return _opaque("malformed export")
    if "none" in data:
        return None
    if "bool" in data:
        return bool(data["bool"])
    if "int" in data:
        return int(str(data["int"])[:400])
    if "float" in data:
        value = data["float"]
        return float(value) if isinstance(value, (int, float, str)) else _opaque("malformed float")
    if "str" in data:
        return str(data["str"])
    if "list" in data:
        return [rebuild(v) for v in data["list"]]
    if "tuple" in data:
        return tuple(rebuild(v) for v in data["tuple"])
    if "dict" in data:
        out = {}
        for key, value in data["dict"]:
            key = rebuild(key)
            try:
                out[key] = rebuild(value)
            except TypeError:
                out[repr(key)] = rebuild(value)
        return out
    if "array" in data:
        import numpy as np

        values = [rebuild(v) for v in data["array"]]
        try:
            return np.array(values).reshape([int(n) for n in data.get("shape", [len(values)])])
        except (ValueError, TypeError):
            return np.array(values, dtype=object)
    if "series" in data:
        import pandas as pd

        index = pd.Index([rebuild(v) for v in data.get("index", [])]) if data.get("index") else None
        return pd.Series([rebuild(v) for v in data["series"]], index=index, name=rebuild(data.get("name", {"none": 1})))
    if "frame" in data:
        import pandas as pd

        columns = [(rebuild(c), [rebuild(v) for v in values]) for c, values in data["frame"]]
        index = [rebuild(v) for v in data.get("index", [])]
        frame = pd.DataFrame({c: v for c, v in columns}, index=pd.Index(index) if index else None)
        return frame[[c for c, _ in columns]] if columns else frame
    if "figure" in data:
        return _rebuild_figure(data["figure"])
    if "dataclass" in data:
        return _rebuild_dataclass(str(data["dataclass"]), data.get("fields", []))
    if "unsupported" in data:
        return _opaque(data["unsupported"])
    return _opaque("malformed export")


def _rebuild_dataclass(where: str, fields: list):
    """A result object of cqlab's own models, built by its own constructor from the exported fields."""
    import dataclasses
    import importlib

    module, _, qualname = where.partition(":")
    if not module.startswith("cqlab.") or not re.fullmatch(r"[\w.]+", module) or not re.fullmatch(r"\w+", qualname):
        return _opaque(qualname or "object")
    try:
        kind = getattr(importlib.import_module(module), qualname)
    except (ImportError, AttributeError):
        return _opaque(qualname)
    if not (isinstance(kind, type) and dataclasses.is_dataclass(kind)):
        return _opaque(qualname)
    values = {str(name): rebuild(value) for name, value in fields}
    known = {f.name: f for f in dataclasses.fields(kind)}
    try:
        instance = kind(**{n: v for n, v in values.items() if n in known and known[n].init})
    except Exception:
        return _opaque(qualname)
    for name, value in values.items():
        if name in known and not known[name].init:
            object.__setattr__(instance, name, value)
    return instance


def _num(entry) -> float:
    value = rebuild(entry) if isinstance(entry, dict) else entry
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def _rebuild_figure(data: dict):
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    fig = Figure()
    panels = data.get("axes", [])
    for number, panel in enumerate(panels):
        ax = fig.add_subplot(len(panels), 1, number + 1)
        for x, y, width, height in panel.get("bars", []):
            ax.add_patch(Rectangle((_num(x), _num(y)), _num(width), _num(height)))
        for line in panel.get("lines", []):
            ax.plot([_num(v) for v in line.get("x", [])], [_num(v) for v in line.get("y", [])],
                    label=str(line.get("label", "")))
        ax.set_title(str(panel.get("title", "")))
        ax.set_xlabel(str(panel.get("xlabel", "")))
        ax.set_ylabel(str(panel.get("ylabel", "")))
        for axis in ("x", "y"):
            ticks, labels = panel.get(f"{axis}ticks", []), panel.get(f"{axis}ticklabels", [])
            if ticks and len(ticks) == len(labels):
                getattr(ax, f"set_{axis}ticks")([_num(t) for t in ticks], [str(s) for s in labels])
        for text, position in zip(panel.get("texts", []), panel.get("text_positions", [])):
            ax.text(_num(position[0]), _num(position[1]), str(text))
        if panel.get("legend") is not None:
            labels = [str(s) for s in panel["legend"]]
            ax.legend([Line2D([], []) for _ in labels], labels)
        if panel.get("xlim"):
            ax.set_xlim(*[_num(v) for v in panel["xlim"]])
        if panel.get("ylim"):
            ax.set_ylim(*[_num(v) for v in panel["ylim"]])
    for text, position in zip(data.get("texts", []), data.get("text_positions", [])):
        fig.text(_num(position[0]), _num(position[1]), str(text))
    if data.get("suptitle"):
        fig.suptitle(str(data["suptitle"]))
    return fig


# ---------------------------------------------------------------------------------------------- scoring

_CHECK_LOCK = threading.Lock()  # the tests draw matplotlib figures: one scoring at a time


def score(answers: dict, set_id: str) -> list[TestResult]:
    """Run every test of the set on the rebuilt answers; one TestResult per test."""
    import matplotlib

    matplotlib.use("Agg")
    results = []
    with _CHECK_LOCK:
        values = {}
        for name, data in answers.items():
            try:
                values[name] = rebuild(data)
            except Exception as error:  # a malformed export is the student's loss, not a crash
                values[name] = _opaque(f"malformed export ({type(error).__name__})")
        for test in set_tests(set_id):
            missing = [a for a in test.arguments if a not in values]
            passed, detail = False, ""
            if missing:
                detail = (f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not defined: the cell that "
                          "sets it did not run, raised an error, or was stopped at a limit")
            else:
                try:
                    test.function(*[values[a] for a in test.arguments])
                    passed = True
                except AssertionError as error:
                    detail = str(error)
                except Exception as error:
                    detail = f"the test could not use this answer ({type(error).__name__}: {str(error)[:200]})"
            hint = "" if passed else " ".join(s for s in (test.message.strip(), detail.strip()) if s)
            results.append(TestResult(name=test.name, question=test.question, points_possible=test.points,
                                      points_earned=test.points if passed else 0.0, passed=passed,
                                      hint=hint, hidden=test.hidden))
    return results


# ---------------------------------------------------------------------------------------------- running

def _tested_names(set_id: str) -> list[str]:
    return sorted({a for t in set_tests(set_id) for a in t.arguments})


def _run(notebook: dict, set_id: str, limits: Limits, uid: int) -> tuple[dict, str, str]:
    """Run the notebook in the sandbox; return (answers, status, message)."""
    with tempfile.TemporaryDirectory(prefix="cqlab_grade_") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        (home / "submission.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
        (home / ".names.json").write_text(json.dumps(_tested_names(set_id)), encoding="utf-8")
        public = set_folder(set_id) / "student" / "tests"
        if public.is_dir():
            shutil.copytree(public, home / "tests")
        if os.geteuid() == 0:
            os.chmod(tmp, 0o711)
            for path in [home, *home.rglob("*")]:
                os.chown(path, uid, uid, follow_symlinks=False)
        status, message = _watch(_command(home, uid, limits), limits, uid if os.geteuid() == 0 else None)
        answers_path = home / "answers.json"
        answers: dict = {}
        try:
            if answers_path.is_file() and not answers_path.is_symlink():
                # never follow a link the submission made (the grader may be root); read a bounded amount
                descriptor = os.open(answers_path, os.O_RDONLY | os.O_NOFOLLOW)
                with os.fdopen(descriptor, "rb") as handle:
                    raw = handle.read(MAX_ANSWERS_BYTES + 1)
                if len(raw) <= MAX_ANSWERS_BYTES:
                    loaded = json.loads(raw.decode("utf-8"))
                    answers = loaded if isinstance(loaded, dict) else {}
                else:
                    message = (message + "; " if message else "") + "its exported answers are too large to read"
        except (OSError, ValueError, RecursionError):
            message = (message + "; " if message else "") + "its exported answers could not be read"
    return answers, status, message


def _tasks_of(uid: int) -> int:
    """How many processes and threads the uid runs now (what RLIMIT_NPROC counts)."""
    count = 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    status = Path(entry.path, "status").read_text()
                    count += int(re.search(r"^Threads:\s*(\d+)", status, re.M).group(1))
            except (OSError, AttributeError, ValueError):
                continue
    return count


def _watch(command: list[str], limits: Limits, uid: int | None = None) -> tuple[str, str]:
    """Run the sandbox, enforce the time limits from outside, and read the runner's progress."""
    started = time.monotonic()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    buffer, cell, cell_started, errors, ended, limit = b"", None, started, 0, False, None
    deadline = started + limits.total_seconds
    try:
        while True:
            now = time.monotonic()
            wait = min(deadline, cell_started + limits.cell_seconds if cell is not None else deadline) - now
            if wait <= 0:
                if now >= deadline:
                    limit = ("time limit", f"the notebook ran past its total time limit of {limits.total_seconds:g} s "
                             f"(in code cell {cell + 1 if cell is not None else 1}); scored on the cells that finished")
                else:
                    limit = ("time limit", f"code cell {cell + 1} ran longer than {limits.cell_seconds:g} s (an "
                             "endless loop?); scored on the cells that finished before it")
                if uid is not None and _tasks_of(uid) >= 0.75 * limits.processes:  # a fork bomb held at the limit
                    at = cell + 1 if cell is not None else 1
                    limit = ("process limit", f"code cell {at} kept starting processes up to the limit of "
                             f"{limits.processes} until it was stopped; scored on the cells that finished before it")
                break
            ready, _, _ = select.select([process.stdout], [], [], min(wait, 1.0))
            if not ready:
                if process.poll() is not None:
                    break
                continue
            chunk = os.read(process.stdout.fileno(), 65536)
            if not chunk:
                break
            buffer += chunk
            *lines, buffer = buffer.split(b"\n")
            for line in lines:
                words = line.decode("utf-8", "replace").split()
                if words[:1] == ["@@CELL"] and len(words) > 1 and words[1].isdigit():
                    cell, cell_started = int(words[1]), time.monotonic()
                elif words[:1] == ["@@DONE"]:
                    errors += "error" in words
                    cell = None
                elif words[:1] == ["@@LIMIT"] and len(words) > 2:
                    kind = "memory" if words[1] == "memory" else "process"
                    at = int(words[2]) + 1 if words[2].isdigit() else "?"
                    limit = (f"{kind} limit", (
                        f"code cell {at} used more memory than the limit of {limits.memory_mb} MB"
                        if kind == "memory" else
                        f"code cell {at} started more processes than the limit of {limits.processes}"
                    ) + "; scored on the cells that finished before it")
                elif words[:1] == ["@@END"]:
                    ended = True
            if limit or ended:
                break
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)  # the sandbox and, with its pid namespace, all it started
        except ProcessLookupError:
            pass
        process.wait()
        process.stdout.close()
    if limit:
        return limit
    if not ended:
        at = f" in code cell {cell + 1}" if cell is not None else ""
        return "crashed", f"the notebook's Python process died{at}; scored on the cells that finished before it"
    if errors:
        return "graded with errors", f"{errors} code cell(s) raised an error; scored on what their answers are"
    return "graded", ""


_SLOTS: queue.Queue[int] | None = None
_SLOTS_LOCK = threading.Lock()


def _take_uid() -> int:
    global _SLOTS
    with _SLOTS_LOCK:
        if _SLOTS is None:
            _SLOTS = queue.Queue()
            for slot in range(14):
                _SLOTS.put(_uid_base() + slot)
    return _SLOTS.get()


def grade_one(notebook: Path, set_id: str, *, limits: Limits = Limits(), file_label: str | None = None) -> SubmissionResult:
    """Grade one readable notebook of ``set_id`` in the sandbox; never raises for a bad submission."""
    notebook = Path(notebook)
    label = file_label or notebook.name
    started = time.monotonic()
    try:
        modified = notebook.stat().st_mtime
    except OSError:
        modified = None
    problem = sandbox_problem()
    if problem:
        raise SandboxUnavailable(f"refusing to grade without the sandbox: {problem}")
    try:
        content = json.loads(notebook.read_text(encoding="utf-8"))
        if not isinstance(content, dict) or not isinstance(content.get("cells"), list):
            raise ValueError("it has no list of cells")
    except (OSError, ValueError) as error:
        return SubmissionResult(file=label, set_id=set_id, status="unreadable", modified=modified,
                                message=f"not a readable Jupyter notebook ({type(error).__name__}: {str(error)[:200]})")
    uid = _take_uid()
    try:
        answers, status, message = _run(content, set_id, limits, uid)
        tests = score(answers, set_id)
        written = _written(content, set_id)
    except Exception as error:  # a bug of ours: say so for this file, go on with the class
        return SubmissionResult(file=label, set_id=set_id, status="failed", modified=modified,
                                message=f"the grader failed on this file ({type(error).__name__}: {str(error)[:300]})",
                                seconds=round(time.monotonic() - started, 2))
    finally:
        _SLOTS.put(uid)
    return SubmissionResult(file=label, set_id=set_id, status=status, message=message, tests=tests,
                            written=written, seconds=round(time.monotonic() - started, 2), modified=modified)


def grade_many(notebooks: list[Path], set_id: str, *, limits: Limits = Limits(), jobs: int = 2,
               progress: Callable[[int, int, SubmissionResult], None] | None = None,
               labels: list[str] | None = None) -> list[SubmissionResult]:
    """Grade several notebooks, ``jobs`` at a time; results in the same order; never raises for one file."""
    problem = sandbox_problem()
    if problem:
        raise SandboxUnavailable(f"refusing to grade without the sandbox: {problem}")
    labels = labels or [Path(p).name for p in notebooks]
    results: list[SubmissionResult | None] = [None] * len(notebooks)
    done = 0
    lock = threading.Lock()

    def work(index: int) -> None:
        nonlocal done
        try:
            result = grade_one(notebooks[index], set_id, limits=limits, file_label=labels[index])
        except Exception as error:
            result = SubmissionResult(file=labels[index], set_id=set_id, status="failed",
                                      message=f"the grader failed on this file ({type(error).__name__}: {error})")
        with lock:
            results[index] = result
            done += 1
            if progress is not None:
                progress(done, len(notebooks), result)

    with ThreadPoolExecutor(max_workers=max(1, min(jobs, 14))) as pool:
        list(pool.map(work, range(len(notebooks))))
    return [r for r in results if r is not None]
