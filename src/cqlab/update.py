"""``python -m cqlab update`` (and ``make update``): get the course's updates without losing your work.

The merge is nbgitpuller's (the tool JupyterHubs use to hand out courses): it fetches the course, keeps your
changes where they collide with the course's (``git merge -Xours``), moves aside a file of yours that the
course now also ships, and brings back course files you deleted. Before it runs, each lesson you changed is
looked at the way a student means it:

* **merely run** (its cells' text is the course's; only outputs, widget ids or metadata changed): your
  outputs are dropped and the course's new version is taken whole — run it again to see its outputs;
* **edited** (you changed or added cells): your notebook stays exactly as you left it, and if the course
  changed it too, the course's new version is saved beside it as ``<name>.upstream.ipynb``;
* **your own new files** are never touched (one the course now also ships is renamed by nbgitpuller with a
  timestamp, and kept).

Afterwards the command lists what changed (the CHANGELOG entries between your version and the new one).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

VERSION_FILE = "src/cqlab/__init__.py"
CHANGELOG = "CHANGELOG.md"


class UpdateError(Exception):
    """The update cannot run here; the message says why and what to do."""


def _git(root: Path, *args: str, check: bool = True) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    if check and done.returncode != 0:
        raise UpdateError(f"git {' '.join(args)} failed: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout


def cell_texts(notebook_text: str) -> list[tuple[str, str]] | None:
    """(cell type, source) of every cell: what a student writes. None if it is not a readable notebook."""
    try:
        cells = json.loads(notebook_text).get("cells", [])
    except (ValueError, AttributeError):
        return None
    texts = []
    for cell in cells:
        source = cell.get("source", "")
        texts.append((cell.get("cell_type", ""), "".join(source) if isinstance(source, list) else source))
    return texts


def version_of(text: str) -> str:
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    return match.group(1) if match else "unknown"


def _version_key(version: str) -> tuple:
    return tuple(int(part) if part.isdigit() else 0 for part in re.split(r"[.\-]", version))


def changes_between(changelog: str, old: str, new: str) -> str:
    """The CHANGELOG sections of the versions after ``old`` up to ``new`` (newest first)."""
    sections = re.split(r"^## ", changelog, flags=re.MULTILINE)[1:]
    chosen = []
    for section in sections:
        heading = section.splitlines()[0]
        match = re.match(r"\[?(\d+(?:\.\d+)*)\]?", heading)
        if match and _version_key(old) < _version_key(match.group(1)) <= _version_key(new):
            chosen.append("## " + section.rstrip())
    return "\n\n".join(chosen)


@dataclass
class Plan:
    """What the update does with each of the student's changed files."""

    merely_run: list[str] = field(default_factory=list)  # course notebooks only run: take the course's
    edited: list[str] = field(default_factory=list)  # course notebooks the student edited: keep theirs
    other_changed: list[str] = field(default_factory=list)  # other course files changed: nbgitpuller merges


def plan(root: Path) -> Plan:
    """Sort the student's changes to course files (tracked files only; new files are never touched)."""
    result = Plan()
    for line in _git(root, "status", "--porcelain", "--untracked-files=no", "-z").split("\0"):
        if len(line) < 4:
            continue
        status, path = line[:2], line[3:]
        if "M" not in status:
            continue
        if path.endswith(".ipynb"):
            committed = cell_texts(_git(root, "show", f"HEAD:{path}"))
            current = cell_texts((root / path).read_text(encoding="utf-8", errors="replace"))
            (result.merely_run if committed is not None and committed == current else result.edited).append(path)
        else:
            result.other_changed.append(path)
    return result


def update(root: Path, *, say=print) -> dict:
    """Pull the course's updates into the clone at ``root``; return what happened (for tests and the summary)."""
    if not (root / ".git").exists():
        raise UpdateError(
            f"{root} is not a git clone of the course, so it cannot be updated in place. Clone the course "
            "(git clone <course address>) and copy your own notebooks into the clone."
        )
    remote = _git(root, "remote", "get-url", "origin", check=False).strip()
    if not remote:
        raise UpdateError("This clone has no 'origin' to update from (git remote add origin <course address>).")
    branch = _git(root, "rev-parse", "--abbrev-ref", "HEAD").strip()
    old_version = version_of((root / VERSION_FILE).read_text(encoding="utf-8"))

    todo = plan(root)
    for path in todo.merely_run:  # only run: the course's new version replaces the outputs
        _git(root, "checkout", "--", path)
    kept = {path: (root / path).read_bytes() for path in todo.edited}
    base = _git(root, "rev-parse", "HEAD").strip()  # the course version the student last had

    from nbgitpuller.pull import GitPuller

    puller = GitPuller(remote, str(root), branch=branch)
    for line in puller.pull():
        if line.strip():
            say("  " + line.rstrip())

    beside = []
    for path, content in kept.items():
        ours = _git(root, "show", f"{base}:{path}", check=False)
        theirs = _git(root, "show", f"origin/{branch}:{path}", check=False)
        if theirs and theirs != ours:  # the course changed a lesson the student edited
            copy = (root / path).with_suffix(".upstream.ipynb")
            copy.write_text(theirs, encoding="utf-8")
            beside.append(copy.relative_to(root).as_posix())
        (root / path).write_bytes(content)  # the student's cells win, whole

    new_version = version_of((root / VERSION_FILE).read_text(encoding="utf-8"))
    try:
        from cqlab.launch import trust_course_notebooks

        trust_course_notebooks(root)
    except Exception:  # trust only silences a warning; never fail an update for it
        pass
    changelog = (root / CHANGELOG).read_text(encoding="utf-8") if (root / CHANGELOG).exists() else ""
    return {"old_version": old_version, "new_version": new_version, "merely_run": todo.merely_run,
            "edited": todo.edited, "saved_beside": beside, "other_changed": todo.other_changed,
            "changes": changes_between(changelog, old_version, new_version)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cqlab update", description=__doc__.split("\n\n")[0])
    parser.add_argument("--course", type=Path, default=None, help="the course folder (default: this clone)")
    args = parser.parse_args(argv)
    from cqlab.launch import course_root

    root = (args.course or course_root()).resolve()
    print(f"Updating the course in {root} ...")
    try:
        result = update(root)
    except UpdateError as error:
        print(f"Not updated: {error}", file=sys.stderr)
        return 1
    for path in result["merely_run"]:
        print(f"  {path}: only run, so the course's new version replaces it (run it again for its outputs)")
    for path in result["edited"]:
        print(f"  {path}: edited by you, kept exactly as you left it")
    for path in result["saved_beside"]:
        print(f"  {path}: the course's new version of a lesson you edited, saved beside yours")
    if result["old_version"] == result["new_version"]:
        print(f"The course is at version {result['new_version']}.")
    else:
        print(f"Updated from version {result['old_version']} to {result['new_version']}. What changed:\n")
        print(result["changes"] or "(the CHANGELOG says nothing about these versions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
