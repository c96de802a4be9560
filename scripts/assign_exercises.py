"""Regenerate the student notebooks and autograders from the exercise masters (`make assign`).

Usage:
    python scripts/assign_exercises.py [SET ...] [--force] [--no-run-tests] [--output DIR]

For every master ``exercises/NN_name/NN_name_master.ipynb`` (or only the sets named, e.g. ``01``)
this runs ``otter assign`` (otter-grader's Python API, no Docker) into a scratch folder and then
writes, deterministically:

    exercises/NN_name/student/NN_name.ipynb          what students open: no solutions, no outputs
    exercises/NN_name/student/tests/qK.py            the public tests behind ``grader.check("qK")``
    exercises/NN_name/autograder/NN_name_solutions.ipynb
    exercises/NN_name/autograder/tests/qK.py         public and hidden tests
    exercises/NN_name/autograder/NN_name-autograder.zip   what ``make grade`` runs submissions against

Volatile things otter writes (random cell ids, a timestamp in the zip name, zip entry dates) are
normalised, so running it twice gives byte-identical files.

A student notebook that was changed after it was generated is never overwritten: the sha256 of every
generated file is kept in ``exercises/manifest.json``; if a student notebook on disk differs from the
one last generated, that set's ``student/`` folder is left untouched, the script says so and exits
with status 1. ``--force`` overwrites it anyway.

``otter assign`` also grades the solutions notebook against the new autograder (it fails if the
solutions do not score full marks); ``--no-run-tests`` skips that (faster, used by the drift test).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import re
import sys
import tempfile
import zipfile
from contextlib import redirect_stdout
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = ROOT / "exercises"
MANIFEST_NAME = "manifest.json"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip can hold: no build time leaks in
INIT_CALL = re.compile(r"grader = otter\.Notebook\([^)]*\)")
# The init cell otter writes names the notebook file (otter.Notebook("NN_name_master.ipynb")); a
# student's renamed copy would then fail to start. Tests are files in ./tests, so no name is needed.
# plain_feedback (cqlab.checks) makes grader.check say "form OK - the value is checked when your work is
# graded" instead of otter's "passed!", since the public tests check only an answer's form.
INIT_REPLACEMENT = ('from cqlab.checks import plain_feedback\n'
                    'grader = plain_feedback(otter.Notebook(tests_dir="tests"))')


class AssignError(RuntimeError):
    """A master notebook could not be turned into a student notebook and an autograder."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def find_sets(root: Path = EXERCISES) -> dict[str, Path]:
    """Return {"01": path to master, ...} for every exercises/NN_name/NN_name_master.ipynb."""
    sets = {}
    for master in sorted(root.glob("[0-9][0-9]_*/[0-9][0-9]_*_master.ipynb")):
        if master.name == f"{master.parent.name}_master.ipynb":
            sets[master.parent.name[:2]] = master
    return sets


def set_name(master: Path) -> str:
    return master.parent.name  # e.g. 01_cluster_system


def normalise_notebook(text: str) -> bytes:
    """Return a notebook with stable cell ids, no outputs and only the metadata that matters."""
    nb = nbformat.reads(text, as_version=4)
    for index, cell in enumerate(nb.cells):
        source = cell.source if isinstance(cell.source, str) else "".join(cell.source)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            source = INIT_CALL.sub(INIT_REPLACEMENT, source, count=1) if index == 0 else source
        cell.source = source
        digest = hashlib.sha1(f"{cell.cell_type}\n{source}".encode()).hexdigest()[:8]
        cell["id"] = f"c{index:03d}-{digest}"
    keep = ("kernelspec", "language_info", "otter")
    nb.metadata = {k: nb.metadata[k] for k in keep if k in nb.metadata}
    if "language_info" in nb.metadata:
        nb.metadata["language_info"] = {"name": nb.metadata["language_info"].get("name", "python")}
    nb.nbformat, nb.nbformat_minor = 4, 5
    nbformat.validate(nb)
    return (nbformat.writes(nb) + "\n").encode("utf-8")


def deterministic_zip(path: Path) -> bytes:
    """Repack otter's autograder zip with sorted entries and a fixed date, so it is reproducible."""
    buffer_path = path.with_suffix(".repacked")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer_path, "w") as target:
        for name in sorted(source.namelist()):
            if name.endswith("/"):
                continue
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            executable = name in ("run_autograder", "setup.sh")
            info.external_attr = (0o755 if executable else 0o644) << 16
            target.writestr(info, source.read(name))
    data = buffer_path.read_bytes()
    buffer_path.unlink()
    return data


def run_otter_assign(master: Path, scratch: Path, run_tests: bool) -> Path:
    """Run otter assign on ``master`` into ``scratch``; return the output folder."""
    import otter.assign

    out = scratch / "out"
    logging.getLogger("otter").setLevel(logging.WARNING)
    captured = scratch / "otter_assign.log"
    try:
        with open(captured, "w") as log, redirect_stdout(log):
            otter.assign.main(str(master), str(out), no_pdfs=True, no_run_tests=not run_tests)
    except Exception as error:  # say which master and why, not a bare traceback from otter
        raise AssignError(
            f"otter assign failed on {master.relative_to(ROOT) if master.is_relative_to(ROOT) else master}: "
            f"{type(error).__name__}: {error}"
        ) from error
    return out


def generate(master: Path, run_tests: bool = True) -> dict[str, bytes]:
    """Return {path relative to the set folder: bytes} of everything generated from ``master``."""
    name = set_name(master)
    files: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory(prefix=f"assign_{name}_") as tmp:
        out = run_otter_assign(master, Path(tmp), run_tests)
        for path in sorted(p for p in out.rglob("*") if p.is_file()):
            rel = path.relative_to(out).as_posix()
            kind, _, rest = rel.partition("/")
            if rest == master.name:  # the notebooks keep the master's file name in otter's output
                target = f"{kind}/{name}.ipynb" if kind == "student" else f"{kind}/{name}_solutions.ipynb"
                files[target] = normalise_notebook(path.read_text(encoding="utf-8"))
            elif rest.endswith(".zip"):
                files[f"{kind}/{name}-autograder.zip"] = deterministic_zip(path)
            elif "__pycache__" in rel:
                continue
            else:
                files[rel] = path.read_bytes()
    student_nb = f"student/{name}.ipynb"
    if student_nb not in files or f"autograder/{name}-autograder.zip" not in files:
        raise AssignError(f"otter assign did not produce a student notebook and an autograder zip for {name}")
    return files


def load_manifest(path: Path) -> dict:
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    return {"about": "sha256 of every file `make assign` generated; do not edit", "files": {}}


def write_manifest(path: Path, manifest: dict) -> None:
    manifest["files"] = dict(sorted(manifest["files"].items()))
    path.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def student_notebook_changed(path: Path, rel: str, manifest: dict, new: bytes) -> bool:
    """True if the notebook on disk is not the one `make assign` last generated (someone edited it)."""
    if not path.exists():
        return False
    current = path.read_bytes()
    if current == new:
        return False
    return manifest["files"].get(rel) != sha256(current)


def install(name: str, files: dict[str, bytes], out_root: Path, manifest: dict, force: bool) -> list[str]:
    """Write one set's generated files under out_root/name; return messages about what was refused."""
    set_dir = out_root / name
    refused = []
    student_nb = f"student/{name}.ipynb"
    if not force and student_notebook_changed(set_dir / student_nb, f"{name}/{student_nb}", manifest, files[student_nb]):
        target = set_dir / student_nb
        shown = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
        refused.append(
            f"REFUSED to overwrite {shown}: it differs from the notebook `make assign` generated last "
            "time, so someone worked in it. Students should work on a copy (see exercises/README.md). "
            f"Move it away to keep it, or run `python scripts/assign_exercises.py {name[:2]} --force` "
            f"to overwrite it. The student/ folder of set {name[:2]} was left as it was."
        )
    skip_prefix = "student/" if refused else None

    # files generated last time that are no longer generated (e.g. a removed question's tests)
    previous = {rel for rel in manifest["files"] if rel.startswith(f"{name}/")}
    current = {f"{name}/{rel}" for rel in files}
    for stale in sorted(previous - current):
        rel = stale.split("/", 1)[1]
        if skip_prefix and rel.startswith(skip_prefix):
            continue
        path = out_root / stale
        if path.exists() and sha256(path.read_bytes()) == manifest["files"][stale]:
            path.unlink()
        manifest["files"].pop(stale)

    for rel, data in files.items():
        if skip_prefix and rel.startswith(skip_prefix):
            continue
        path = set_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != data:
            temporary = path.with_name(path.name + ".tmp")
            temporary.write_bytes(data)
            if rel in ("autograder/run_autograder",):
                os.chmod(temporary, 0o755)
            temporary.replace(path)  # atomic: never half a notebook
        manifest["files"][f"{name}/{rel}"] = sha256(data)
    return refused


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", help="set numbers such as 01 02 (default: every set)")
    parser.add_argument("--force", action="store_true", help="overwrite student notebooks even if changed")
    parser.add_argument("--no-run-tests", action="store_true", help="skip grading the solutions")
    parser.add_argument("--output", type=Path, default=EXERCISES,
                        help="where to write NN_name/student and NN_name/autograder (default: exercises/)")
    parser.add_argument("--exercises", type=Path, default=EXERCISES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    sets = find_sets(args.exercises)
    wanted = [s.zfill(2) for s in args.sets] or list(sets)
    unknown = [s for s in wanted if s not in sets]
    if unknown:
        print(f"No exercise set {', '.join(unknown)}. Sets: {', '.join(sets) or 'none'}.", file=sys.stderr)
        return 2

    out_root = args.output.resolve()
    out_root.mkdir(parents=True, exist_ok=True)
    manifest_path = out_root / MANIFEST_NAME
    manifest = load_manifest(manifest_path)
    refused, failed = [], []
    for number in wanted:
        master = sets[number]
        try:
            files = generate(master, run_tests=not args.no_run_tests)
        except AssignError as error:
            failed.append(str(error))
            print(f"FAILED {set_name(master)}: {error}", file=sys.stderr)
            continue
        messages = install(set_name(master), files, out_root, manifest, args.force)
        refused.extend(messages)
        for message in messages:
            print(message, file=sys.stderr)
        checked = "" if args.no_run_tests else "; solutions score full marks"
        print(f"assigned {set_name(master)}: {len(files)} files{checked}")
    write_manifest(manifest_path, manifest)
    return 1 if refused or failed else 0


if __name__ == "__main__":
    sys.exit(main())
