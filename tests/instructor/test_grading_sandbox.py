"""The grading engine against cheating and runaway submissions (scripts/grading/engine.py).

Every cheat is a set's blank student notebook plus cells that try to win marks or do harm, so its honest
score is 0: each must score 0, a correct submission graded beside them keeps full marks and its file,
and nothing outside the sandbox changes (the repository's course files, the submissions folder, a grades
file written after grading, files under /tmp). A second folder runs over each limit and must be stopped
with the limit's status and scored on the cells that finished.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from tests.instructor.exercise_checks import ROOT, paths

sys.path.insert(0, str(ROOT / "scripts"))
from grading import engine  # noqa: E402

HOST_MARKER = Path("/tmp/cqlab_cheat_was_here")

CHEATS = {
    # set 01: replace otter's runner and grader.check, then claim every test passed
    "01_replace_runner": """
import otter, otter.test_files, otter.api
class Passing:
    def __getattr__(self, name): return lambda *a, **k: None
otter.Notebook.check = lambda self, *a, **k: None
otter.test_files.TestFile = Passing
otter.api.grade_submission = lambda *a, **k: Passing()
grader.check = lambda *a, **k: None
""",
    # set 01: find the solutions and the hidden tests on disk and run the solutions' code
    "01_read_solutions": """
import glob, json, os, sys, cqlab
found = []
# where a course lives: beside cqlab's source and the environment, and the usual homes (not all of /usr, which
# only makes the search hit the cell time limit)
for root in [os.path.dirname(cqlab.__file__) + '/../..', sys.prefix + '/..', '/work', '/root', '/home', '/tmp',
             '/srv', '/opt', '/mnt']:
    found += glob.glob(root + '/**/*_solutions.ipynb', recursive=True)[:5]
    found += glob.glob(root + '/**/autograder/tests/*.py', recursive=True)[:5]
for path in found:
    if path.endswith('.ipynb'):
        for cell in json.load(open(path))['cells']:
            if cell['cell_type'] == 'code' and 'otter' not in ''.join(cell['source']):
                try: exec(''.join(cell['source']))
                except Exception: pass
""",
    # set 02: patched builtins, so type and value checks pass for anything
    "02_patched_builtins": """
import builtins, numbers
builtins.isinstance = lambda *a: True
builtins.abs = lambda x: 0
builtins.round = lambda *a: 0
builtins.len = lambda x: 3
builtins.sorted = lambda *a, **k: a[0]
""",
    # set 01: objects that equal everything, compare as anything, and look like numbers and tables
    "01_equal_everything": """
class Anything(float):
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    __lt__ = __le__ = __gt__ = __ge__ = __eq__
    def __abs__(self): return 0.0
    def __sub__(self, other): return self
    __rsub__ = __add__ = __radd__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = __sub__
import pandas as pd
class Table(pd.Series):
    def __eq__(self, other): return True
q1_named = Table([1, 2, 3])
q2_unnamed = Anything(13)
q3_annual = Anything(5000)
q3_rate = Anything(0.1)
q5_cagr = Anything(0.3)
""",
    # set 05: write and delete files elsewhere: the course, its datasets, /tmp, the grader's home
    "05_write_elsewhere": f"""
import glob, os, shutil, cqlab
targets = [os.path.dirname(cqlab.__file__), os.path.dirname(cqlab.__file__) + '/../../datasets', '/tmp', '/root',
           '/work', '/etc', '/usr/lib', os.path.expanduser('~') + '/..']
for folder in targets:
    try:
        open(os.path.join(folder, 'cheat.txt'), 'w').write('x')
    except Exception: pass
    for path in glob.glob(folder + '/*')[:50]:
        try:
            os.remove(path) if os.path.isfile(path) else shutil.rmtree(path)
        except Exception: pass
try: open('{HOST_MARKER}', 'w').write('x')
except Exception: pass
""",
    # set 07: find the other submissions (through /proc and the file system) and delete or edit them
    "07_harm_others": """
import glob, os
found = []
for pid in os.listdir('/proc'):
    try: found += [os.readlink(f'/proc/{pid}/cwd')]
    except Exception: pass
for root in found + ['/tmp', '/work', '/root', '/home', '/srv', '/mnt']:
    for path in glob.glob(root + '/**/*.ipynb', recursive=True)[:200]:
        if not path.endswith('submission.ipynb'):
            try:
                open(path, 'w').write('{}')
                os.remove(path)
            except Exception: pass
""",
    # set 08: leave a process behind that rewrites the grades file after the grader wrote it
    "08_leftover_process": """
import os, subprocess, time
script = ("import glob, time\\n"
          "for _ in range(60):\\n"
          "    time.sleep(0.2)\\n"
          "    for p in glob.glob('/**/grades_*.csv', recursive=True) + glob.glob('../**/grades*.csv', recursive=True):\\n"
          "        open(p, 'w').write('student,total\\\\nme,100\\\\n')\\n")
subprocess.Popen(['python3', '-c', script], start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
if os.fork() == 0:
    os.setsid()
    exec(script)
    os._exit(0)
""",
}


def _with_cell(source_nb: Path, code: str, at: int = 1) -> nbformat.NotebookNode:
    nb = nbformat.read(source_nb, as_version=4)
    nb.cells.insert(at, nbformat.v4.new_code_cell(code))
    return nb


def _digest_tree(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder``, except the build metadata in ``*.egg-info``, which another
    test (the wheel build of test_any_laptop) may rewrite at the same time on another worker. ``__pycache__``
    stays in: a planted .pyc would be code that runs in the next lesson."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()
            and not any(part.endswith(".egg-info") for part in p.relative_to(folder).parts)}


def _sandbox_processes_after(seconds: float = 15.0) -> list[str]:
    """The sandbox processes still there after ``seconds``: a killed sandbox's last process may take a moment
    to be torn down on a loaded machine (it shows as ``[bwrap]``); one left running is still there."""
    deadline = time.monotonic() + seconds
    while True:
        left = _sandbox_processes()
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.5)


def _sandbox_processes() -> list[str]:
    """Processes of this test process's sandbox uids still running (a zombie, dead but not yet reaped by
    the machine's init, runs nothing and is left out). Only this process's uids: another xdist worker may
    be grading at the same moment, with sandboxes of its own."""
    base = engine._uid_base()
    ours = range(base, base + 16)
    out = subprocess.run(["ps", "-eo", "uid=,stat=,pid=,args="], capture_output=True, text=True).stdout
    return [line for line in out.splitlines()
            if line.split() and int(line.split()[0]) in ours and not line.split()[1].startswith("Z")]


@pytest.fixture(scope="module")
def sandbox():
    problem = engine.sandbox_problem()
    if problem and os.environ.get("CI") != "true":
        pytest.skip(problem)
    assert problem is None, problem


def test_cheats_score_zero_and_harm_nothing(sandbox, tmp_path):
    folder = tmp_path / "submissions"
    folder.mkdir()
    for name, code in CHEATS.items():
        nbformat.write(_with_cell(paths(name[:2])["student"], code), folder / f"{name}.ipynb")
    shutil.copy(paths("01")["solutions"], folder / "honest_01.ipynb")
    HOST_MARKER.unlink(missing_ok=True)
    watched = {name: _digest_tree(ROOT / name) for name in ("src", "datasets", "exercises", "scripts")}
    before = _digest_tree(folder)

    files = sorted(folder.glob("*.ipynb"))
    from concurrent.futures import ThreadPoolExecutor

    def grade(path: Path):  # each file against its own set, two at a time as `make grade` does
        set_id = path.stem.split("_")[-1] if path.stem.startswith("honest") else path.stem[:2]
        return path.stem, engine.grade_one(path, set_id)

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(pool.map(grade, files))

    grades = folder / "grades_01.csv"
    grades.write_text("student,total\nhonest_01,11\n", encoding="utf-8")
    time.sleep(3)  # the leftover process would have rewritten it by now

    for name in CHEATS:
        result = results[name]
        assert result.points_possible > 0, name
        assert result.points_earned == 0, (name, result.status, [t.name for t in result.tests if t.passed])
    honest = results["honest_01"]
    assert honest.points_earned == honest.points_possible and honest.status == "graded", honest
    assert _digest_tree(folder) == {**before, "grades_01.csv": _digest_tree(folder)["grades_01.csv"]}
    assert grades.read_text(encoding="utf-8") == "student,total\nhonest_01,11\n"
    for name, digests in watched.items():
        assert _digest_tree(ROOT / name) == digests, f"{name}/ changed while grading"
    assert not HOST_MARKER.exists(), "a submission wrote to the grader's /tmp"
    assert not _sandbox_processes_after(), "a submission left a process running"


def test_limits_stop_a_notebook_and_score_what_finished(sandbox, tmp_path):
    solutions = paths("01")["solutions"]
    cells = nbformat.read(solutions, as_version=4).cells
    after_q2 = next(i for i, c in enumerate(cells) if "q2_unnamed = " in c.source) + 1
    runaway = {
        "loop": ("time limit", "while True:\n    pass"),
        "sleeps": ("time limit", None),
        "memory": ("memory limit", "hog = bytearray(8 * 1024 ** 3)"),
        "forkbomb": ("process limit", "import os\nwhile True:\n    os.fork()"),
    }
    folder = tmp_path / "runaway"
    folder.mkdir()
    for name, (_, code) in runaway.items():
        nb = nbformat.read(solutions, as_version=4)
        if code is None:  # many sleeps, each under the cell limit: the total limit stops them
            for _ in range(20):
                nb.cells.insert(after_q2, nbformat.v4.new_code_cell("import time\ntime.sleep(2.0)"))
        else:
            nb.cells.insert(after_q2, nbformat.v4.new_code_cell(code))
        nbformat.write(nb, folder / f"{name}.ipynb")
    limits = engine.Limits(total_seconds=24, cell_seconds=6, memory_mb=2048, processes=48)
    files = [folder / f"{name}.ipynb" for name in runaway]
    results = dict(zip(runaway, engine.grade_many(files, "01", limits=limits, jobs=2)))
    for name, (status, _) in runaway.items():
        result = results[name]
        assert result.status == status, (name, result.status, result.message)
        scores = result.question_scores()
        assert scores["q1"][0] == scores["q1"][1] > 0 and scores["q2"][0] == scores["q2"][1] > 0, (name, scores)
        assert scores["q3"][0] == 0 and scores["q5"][0] == 0, (name, scores)
    assert "total time limit" in results["sleeps"].message, results["sleeps"].message
    assert "longer than 6 s" in results["loop"].message
    assert not _sandbox_processes_after(), "a runaway notebook left a process running"


def test_grading_refuses_without_the_sandbox(monkeypatch, tmp_path):
    monkeypatch.setattr(engine.shutil, "which", lambda tool: None)
    engine.sandbox_problem.cache_clear()
    try:
        problem = engine.sandbox_problem()
        assert problem and "bubblewrap" in problem and "apt-get install" in problem
        with pytest.raises(engine.SandboxUnavailable, match="refusing to grade"):
            engine.grade_one(paths("01")["solutions"], "01")
    finally:
        engine.sandbox_problem.cache_clear()


def test_sandbox_has_its_own_uid_no_network_and_sees_no_repository(sandbox):
    import tempfile

    with tempfile.TemporaryDirectory(prefix="cqlab_probe_test_") as tmp:
        _probe(Path(tmp))


def _probe(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    uid = engine._uid_base() + 13
    if os.geteuid() == 0:
        os.chown(home, uid, uid)
        os.chmod(tmp_path, 0o711)
    probe = (
        "import os, socket, json\n"
        "net = 'up'\n"
        "try:\n    socket.create_connection(('1.1.1.1', 53), timeout=2)\nexcept OSError:\n    net = 'down'\n"
        f"print(json.dumps({{'uid': os.getuid(), 'net': net, 'exercises': os.path.exists({str(ROOT / 'exercises')!r}),"
        f" 'tests': os.path.exists({str(ROOT / 'tests')!r}), 'procs': len([p for p in os.listdir('/proc') if p.isdigit()])}}))"
    )
    done = subprocess.run(engine._command(home, uid, engine.Limits(), ["-c", probe]), capture_output=True, text=True,
                          timeout=60)
    import json

    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["net"] == "down" and not seen["exercises"] and not seen["tests"]
    assert seen["procs"] <= 3, "the sandbox sees the machine's processes"
    if os.geteuid() == 0:
        assert seen["uid"] != 0
