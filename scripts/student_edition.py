"""Write the student edition of the course as a git repository to push (`make edition DEST=path`).

Usage:
    python scripts/student_edition.py DEST [--message TEXT]

The edition is built from an ALLOWLIST of the course's committed files: the lessons (``notebooks/``),
``datasets/``, ``source/`` (if present), the ``cqlab`` package (``src/cqlab``), each exercise set's
student notebook with its public checks (``exercises/NN_name/student/*`` -> ``exercises/NN_name/``),
``pyproject.toml``, ``environment.yml`` and the licences; plus its own README, Makefile and a small test
(``scripts/edition_template/``). Nothing else: no masters, autograders, solutions, hidden tests,
grading scripts or instructor tests.

Before writing, every file of the edition is scanned for the masters' secrets: the name of every
hidden test, each line of a hidden test's body, and each solution line (between ``# BEGIN SOLUTION``
and ``# END SOLUTION``, or marked ``# SOLUTION``) that is not already public in a lesson or a student
notebook. If one is found the command refuses and writes nothing.

DEST is a git repository (made on the first run, branch ``main``). Each run replaces its files with the
new edition and adds one commit on top of its history, so students' ``git pull`` keeps working; the
commit message names the course version and commit. An unchanged course adds no commit.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = Path(__file__).resolve().parent / "edition_template"
ALLOW = ("notebooks/", "datasets/", "source/", "src/cqlab/", "jupyter-config/", "CHANGELOG.md", ".gitattributes",
         "pyproject.toml", "environment.yml",
         "LICENSE", "LICENSE-CONTENT.md", "CITATION.cff")
STUDENT = re.compile(r"^exercises/(\d\d_[^/]+)/student/(.+)$")
IMPORT = re.compile(r"^(import \S|from \S+ import )")  # an import says nothing about an answer
MIN_SECRET = 12  # shorter lines ("q1_named", ")") say nothing about an answer


class EditionError(RuntimeError):
    """The edition cannot be written: what leaked or what is missing."""


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def course_files(root: Path = ROOT) -> dict[str, Path]:
    """{path in the edition: file in the course} for the allowlisted committed files."""
    chosen = {}
    for rel in _git("ls-files", "-z", cwd=root).split("\0"):
        if not rel or not (root / rel).is_file():
            continue
        match = STUDENT.match(rel)
        if match:
            chosen[f"exercises/{match[1]}/{match[2]}"] = root / rel
        elif any(rel == a or (a.endswith("/") and rel.startswith(a)) for a in ALLOW):
            if "__pycache__" not in rel:
                chosen[rel] = root / rel
    for path in TEMPLATE.rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            chosen[path.relative_to(TEMPLATE).as_posix()] = path
    return chosen


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def secrets(root: Path = ROOT) -> tuple[set[str], set[str]]:
    """(hidden test names, secret lines) from every master under ``root/exercises``.

    A secret line is one that the masters hold only in solutions or hidden tests (a line a public test
    also has, such as ``from cqlab import data``, is not a secret).
    """
    names, lines, shown = set(), set(), set()  # shown: lines of the masters' public cells and tests
    for master in sorted(root.glob("exercises/*/*_master.ipynb")):
        inside = False
        for cell in json.loads(master.read_text(encoding="utf-8"))["cells"]:
            text = _source(cell)
            head = text.strip().upper()
            if cell["cell_type"] == "raw" and head.startswith("# BEGIN SOLUTION"):
                inside = True
                continue
            if cell["cell_type"] == "raw" and head.startswith("# END SOLUTION"):
                inside = False
                continue
            if cell["cell_type"] != "code":
                continue
            if inside:
                lines.update(line.replace("# SOLUTION", "").strip() for line in text.splitlines())
            lines.update(line.split("# SOLUTION")[0].strip() for line in text.splitlines()
                         if line.rstrip().endswith("# SOLUTION"))
            if "BEGIN TEST CONFIG" in text and re.search(r"^hidden:\s*true", text, re.MULTILINE):
                names.update(re.findall(r"^def (test_\w+)", text, re.MULTILINE))
                body = text.split("# END TEST CONFIG", 1)[-1]
                lines.update(line.strip() for line in body.splitlines())
            elif not inside:
                shown.update(line.strip() for line in text.splitlines() if not line.rstrip().endswith("# SOLUTION"))
    return names, {line for line in lines - shown if len(line) >= MIN_SECRET and not IMPORT.match(line)}


def public_lines(files: dict[str, Path]) -> set[str]:
    """Lines already public in the lessons, the student notebooks and the cqlab source (e.g. ``return False``):
    not secrets even if a solution has them."""
    found = set()
    for rel, path in files.items():
        if rel.endswith(".ipynb"):
            for cell in json.loads(path.read_text(encoding="utf-8")).get("cells", []):
                found.update(line.strip() for line in _source(cell).splitlines())
        elif rel.endswith(".py"):
            found.update(line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return found


def scan(folder: Path, names: set[str], lines: set[str]) -> list[str]:
    """Every leak in ``folder``: 'path: what'."""
    leaks = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or ".git" in path.relative_to(folder).parts:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        rel = path.relative_to(folder).as_posix()
        if path.suffix == ".ipynb":
            text = "\n".join(_source(c) for c in json.loads(text).get("cells", []))
        for name in names:
            if re.search(rf"\b{re.escape(name)}\b", text):
                leaks.append(f"{rel}: hidden test {name}")
        for line in {line.strip() for line in text.splitlines()} & lines:
            leaks.append(f"{rel}: secret line {line[:80]!r}")
    return leaks


def course_version(root: Path = ROOT) -> str:
    # the course version lives in one place, cqlab.__version__ (pyproject.toml reads it from there)
    found = re.search(r'^__version__\s*=\s*"([^"]+)"', (root / "src" / "cqlab" / "__init__.py").read_text(encoding="utf-8"),
                      re.MULTILINE)  # tomllib is Python 3.11+; the course supports 3.10
    version = found[1] if found else "unknown version"
    commit = _git("rev-parse", "--short", "HEAD", cwd=root).strip()
    dirty = " with uncommitted changes" if _git("status", "--porcelain", cwd=root).strip() else ""
    return f"cqlab {version} (course commit {commit}{dirty})"


def write_edition(dest: Path, root: Path = ROOT, message: str | None = None) -> str | None:
    """Build, scan and commit the edition in ``dest``; return the new commit's id, or None if unchanged."""
    files = course_files(root)
    names, lines = secrets(root)
    lines -= public_lines({r: p for r, p in files.items() if not r.startswith("exercises/")
                           or r.endswith(".ipynb")})
    with tempfile.TemporaryDirectory(prefix="cqlab_edition_") as scratch:
        stage = Path(scratch)
        for rel, path in files.items():
            (stage / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, stage / rel)
        leaks = scan(stage, names, lines)
        if leaks:
            raise EditionError("refusing to write the student edition: it would hold "
                               + "; ".join(leaks[:10]) + (f" (and {len(leaks) - 10} more)" if len(leaks) > 10 else ""))
        dest.mkdir(parents=True, exist_ok=True)
        if not (dest / ".git").exists():
            _git("init", "-q", "-b", "main", cwd=dest)
        for old in dest.iterdir():
            if old.name != ".git":
                shutil.rmtree(old) if old.is_dir() else old.unlink()
        for item in stage.iterdir():
            (shutil.copytree if item.is_dir() else shutil.copy2)(item, dest / item.name)
    (dest / ".gitignore").write_text(".venv/\n__pycache__/\n.ipynb_checkpoints/\n*.egg-info/\n", encoding="utf-8")
    _git("add", "-A", cwd=dest)
    if not _git("status", "--porcelain", cwd=dest).strip():
        return None
    text = message or f"Student edition of {course_version(root)}"
    identity = ["-c", "user.name=Chongqing Policy Lab", "-c", "user.email=course@cqlab.invalid"]
    subprocess.run(["git", *identity, "commit", "-q", "-m", text], cwd=dest, check=True)
    return _git("rev-parse", "HEAD", cwd=dest).strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path, help="the student repository to write (made if missing)")
    parser.add_argument("--message", help="commit message (default: names the course version)")
    args = parser.parse_args(argv)
    try:
        commit = write_edition(args.dest.resolve(), message=args.message)
    except EditionError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Student edition in {args.dest}: " + (f"new commit {commit[:10]}; push it to the student repository"
                                                 if commit else "unchanged, no commit"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
