"""The student edition: no secret in it, history kept across runs, its own `make test` passes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(ROOT / "scripts"))

import student_edition  # noqa: E402


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    dest = tmp_path_factory.mktemp("edition") / "student"
    first = student_edition.write_edition(dest)
    assert first
    return dest, first


def git(dest, *args):
    return subprocess.run(["git", *args], cwd=dest, check=True, capture_output=True, text=True).stdout


def test_no_hidden_test_and_no_solution_line(edition):
    dest, _ = edition
    names, lines = student_edition.secrets(ROOT)
    assert len(names) >= 8 and len(lines) >= 50  # the masters do hold secrets to look for
    files = [p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file() and ".git" not in p.parts]
    assert not [f for f in files if "master" in f or "autograder" in f or "solutions" in f
                or f.startswith(("scripts/", "tests/instructor"))]
    text = "\n".join(p.read_text(encoding="utf-8", errors="ignore") for p in dest.rglob("*")
                     if p.is_file() and ".git" not in p.parts)
    # whole names only: a public test_q4_types must not count as the hidden test_q4_t
    assert not [n for n in names if re.search(rf"\b{re.escape(n)}\b", text)]
    # every solution line (not public elsewhere) is absent, read straight from the masters
    for master in ROOT.glob("exercises/*/*_master.ipynb"):
        for cell in json.loads(master.read_text(encoding="utf-8"))["cells"]:
            for line in "".join(cell["source"]).splitlines():
                if line.rstrip().endswith("# SOLUTION") and line.split("# SOLUTION")[0].strip() in lines:
                    assert line.split("# SOLUTION")[0].strip() not in text
    assert sorted(p.name for p in dest.glob("exercises/*/*.ipynb")) == sorted(
        p.name for p in ROOT.glob("exercises/*/student/*.ipynb"))


def test_scan_refuses_a_leak(tmp_path):
    names, lines = student_edition.secrets(ROOT)
    (tmp_path / "a.py").write_text(f"def {sorted(names)[0]}(x):\n    pass\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(sorted(lines)[-1] + "\n", encoding="utf-8")
    leaks = student_edition.scan(tmp_path, names, lines)
    assert any(item.startswith("a.py: hidden test") for item in leaks)
    assert any(item.startswith("b.txt: secret line") for item in leaks)


def test_a_second_run_adds_a_commit_on_top(tmp_path):
    course = tmp_path / "course"  # a copy of the committed course, to change a lesson in
    subprocess.run(["git", "clone", "-q", "--shared", str(ROOT), str(course)], check=True)
    dest = tmp_path / "student"
    first = student_edition.write_edition(dest, root=course)
    assert student_edition.write_edition(dest, root=course) is None  # unchanged course: no commit
    assert git(dest, "rev-parse", "HEAD").strip() == first
    clone = tmp_path / "pupil"
    subprocess.run(["git", "clone", "-q", str(dest), str(clone)], check=True)
    (dest / "stray.txt").write_text("x", encoding="utf-8")  # not in the course: removed by the next run
    readme = course / "datasets" / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
    second = student_edition.write_edition(dest, root=course)
    assert second and second != first
    assert git(dest, "rev-parse", "HEAD~1").strip() == first
    assert not (dest / "stray.txt").exists()
    assert "A new line." in (dest / "datasets" / "README.md").read_text(encoding="utf-8")
    import cqlab

    assert git(dest, "log", "-1", "--format=%s").startswith(f"Student edition of cqlab {cqlab.__version__} (course commit")
    subprocess.run(["git", "-c", "pull.rebase=false", "pull", "-q"], cwd=clone, check=True)  # students' pulls work
    assert git(clone, "rev-parse", "HEAD").strip() == second


def test_the_editions_own_make_test_passes(edition):
    dest, _ = edition
    venv = dest / ".venv"
    # a venv that sees the course's installed packages (the network guard forbids downloading them again)
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)], check=True)
    site = subprocess.run([str(venv / "bin/python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          capture_output=True, text=True, check=True).stdout.strip()
    course_site = [p for p in sys.path if p.endswith("site-packages") and p.startswith(sys.prefix)]
    # the edition's own src/ first (what `pip install -e .` gives; pip's build backend would need a newer
    # setuptools than the course venv holds, and downloading one is what the network guard forbids)
    Path(site, "course.pth").write_text("\n".join([str(dest / "src"), *course_site]) + "\n", encoding="utf-8")
    (venv / ".installed").touch()  # the Makefile's install step is done: make runs only the tests
    run = subprocess.run(["make", "test"], cwd=dest, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "3 passed" in run.stdout
    imported = subprocess.run([str(venv / "bin/python"), "-c", "import cqlab; print(cqlab.__file__)"],
                              capture_output=True, text=True, check=True).stdout
    assert str(dest) in imported  # the edition's own package, not the course's
