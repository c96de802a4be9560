"""Broken data a maintainer can cause after rebuilding the data package (issue 15): each fault, applied to
a private copy of datasets/ (read through ``data.use_datasets``), is refused with a DatasetError whose
message names the file, and the row and the column where there is one. A CRLF copy still loads.

Most faults refresh the damaged file's hash, as ``build_datapackage.py`` would after the edit, so that the
check meant for the fault catches it (not the hash check). ``FAULTS`` is also what the fault-injection
sweep (``python -m tests.test_data_faults``) runs, loading every dataset after each fault.
"""

from __future__ import annotations

import builtins
import errno
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import pytest

from cqlab import data
from cqlab.errors import DatasetError

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "datasets"


@dataclass(frozen=True)
class Fault:
    kind: str
    dataset: str  # the dataset that must be refused (or, with loads=True, still load)
    damage: Callable[[Path, dict], None]  # edits the copy's files and/or the package (a dict) in place
    expected: tuple[str, ...]  # fragments the message must hold: the file, then the row and column
    rehash: bool = True  # refresh the damaged file's hash, as a maintainer's rebuild would
    loads: bool = False  # a harmless difference (CRLF): the dataset must load with the published values
    call: str = "load"  # the cqlab.data function that must refuse it


def copy_datasets(folder: Path) -> Path:
    """A copy of datasets/ (without raw/) inside ``folder``, which is marked as a git clone, as a student's is."""
    (folder / ".git").mkdir(exist_ok=True)
    copy = folder / "datasets"
    shutil.copytree(SOURCE, copy, ignore=shutil.ignore_patterns("raw", "__pycache__"))
    return copy


def _resource(package: dict, name: str) -> dict:
    return next(r for r in package["resources"] if r["name"] == name)


def apply(fault: Fault, copy: Path) -> None:
    """Damage ``copy`` (a copy of datasets/) as ``fault`` says."""
    path = copy / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    fault.damage(copy, package)
    if fault.rehash and isinstance(package, dict) and isinstance(package.get("resources"), list):
        for resource in package["resources"]:
            if isinstance(resource, dict) and resource.get("name") == fault.dataset and "hash" in resource:
                csv = copy / str(resource.get("path"))
                if csv.is_file() and os.access(csv, os.R_OK):
                    resource["hash"] = "sha256:" + hashlib.sha256(csv.read_bytes()).hexdigest()
    if path.exists() and path.is_file() and not getattr(fault.damage, "writes_catalogue", False):
        path.write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")


def call(fault: Fault):
    """Run the cqlab.data function the fault is about; as root, refuse opening an unreadable file as the
    kernel refuses it to a student (root may read a file of mode 000)."""
    function = getattr(data, fault.call)
    if os.geteuid() != 0:
        return function(fault.dataset)
    real_open = builtins.open

    def refusing_open(file, *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and Path(file).exists() and not (Path(file).stat().st_mode & 0o444):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
        return real_open(file, *args, **kwargs)

    with mock.patch("builtins.open", refusing_open):
        return function(fault.dataset)


# --- the damage -------------------------------------------------------------------------------------------

def _field_index(name: str, column: str) -> int:
    package = json.loads((SOURCE / "datapackage.json").read_text(encoding="utf-8"))
    return [f["name"] for f in _resource(package, name)["schema"]["fields"]].index(column)


def lines(name: str, edit: Callable[[list[str]], list[str]]):
    """Edit the lines of ``name``'s CSV (split on LF; every published file is LF, one record a line)."""

    def damage(copy: Path, package: dict) -> None:
        path = copy / f"{name}.csv"
        text = path.read_text(encoding="utf-8")
        path.write_text("\n".join(edit(text.splitlines())) + "\n", encoding="utf-8")

    return damage


def cell(name: str, column: str, value: str, row: int = 4):
    """Set one cell (``row`` counts the header as row 1, as a spreadsheet does)."""
    import csv
    import io

    index = _field_index(name, column)

    def edit(rows: list[str]) -> list[str]:
        cells = next(csv.reader([rows[row - 1]]))
        cells[index] = value
        out = io.StringIO()
        csv.writer(out, lineterminator="").writerow(cells)
        rows[row - 1] = out.getvalue()
        return rows

    return lines(name, edit)


def columns(name: str, edit: Callable[[list[list[str]]], list[list[str]]]):
    """Edit the table as a list of rows of cells (header first)."""
    import csv
    import io

    def damage(copy: Path, package: dict) -> None:
        path = copy / f"{name}.csv"
        table = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(edit(table))
        path.write_text(out.getvalue(), encoding="utf-8")

    return damage


def swap(a: int, b: int):
    def edit(table):
        for cells in table:
            cells[a], cells[b] = cells[b], cells[a]
        return table

    return edit


def raw_bytes(name: str, change: Callable[[bytes], bytes]):
    def damage(copy: Path, package: dict) -> None:
        path = copy / f"{name}.csv"
        path.write_bytes(change(path.read_bytes()))

    return damage


def replace_with_directory(name: str):
    def damage(copy: Path, package: dict) -> None:
        (copy / f"{name}.csv").unlink()
        (copy / f"{name}.csv").mkdir()

    return damage


def unreadable(name: str):
    def damage(copy: Path, package: dict) -> None:
        (copy / f"{name}.csv").chmod(0)

    return damage


def delete_file(name: str):
    def damage(copy: Path, package: dict) -> None:
        (copy / f"{name}.csv").unlink()

    return damage


def package_edit(edit: Callable[[dict], object]):
    def damage(copy: Path, package: dict) -> None:
        edit(package)

    return damage


def resource_edit(name: str, edit: Callable[[dict], object]):
    return package_edit(lambda package: edit(_resource(package, name)))


def field_edit(name: str, column: str, edit: Callable[[dict], object]):
    def change(resource: dict) -> None:
        edit(next(f for f in resource["schema"]["fields"] if f["name"] == column))

    return resource_edit(name, change)


def catalogue_bytes(content: Callable[[bytes], bytes]):
    def damage(copy: Path, package: dict) -> None:
        path = copy / "datapackage.json"
        path.write_bytes(content(path.read_bytes()))

    damage.writes_catalogue = True
    return damage


def catalogue_replaced(by: str):
    def damage(copy: Path, package: dict) -> None:
        path = copy / "datapackage.json"
        path.unlink()
        if by == "directory":
            path.mkdir()
        elif by == "unreadable":
            path.write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")
            path.chmod(0)

    damage.writes_catalogue = True
    return damage


def _set(mapping: dict, key: str, value) -> None:
    mapping[key] = value


def _add_resource_copy(package: dict) -> None:
    package["resources"].append(dict(_resource(package, "macro")))


RGDPNA, POP, EMP = (f"'{c}'" for c in ("rgdpna", "pop", "emp"))

FAULTS = [
    # the rows and cells of a CSV
    Fault("a short row (pandas would pad it with NaN)", "pwt_china",
          lines("pwt_china", lambda r: r[:3] + [",".join(r[3].split(",")[:3])] + r[4:]),
          ("pwt_china.csv", "row 4", "'avh' and after are missing")),
    Fault("a row with an extra cell", "macro", lines("macro", lambda r: r[:4] + [r[4] + ",x"] + r[5:]),
          ("macro.csv", "row 5", "extra cells")),
    Fault("a stray quote that swallows the rest of the file", "clusters",
          lines("clusters", lambda r: r[:5] + ['"' + r[5]] + r[6:]), ("clusters.csv", "row 6")),
    Fault("a header-only file", "pwt_china", lines("pwt_china", lambda r: r[:1]),
          ("pwt_china.csv", "has a header but no rows")),
    Fault("an empty file (0 bytes)", "macro", raw_bytes("macro", lambda b: b""), ("macro.csv", "empty (0 bytes)")),
    Fault("a file of blank lines", "macro", raw_bytes("macro", lambda b: b"\n\n"), ("macro.csv", "only blank lines")),
    Fault("'inf' in a number column", "pwt_china", cell("pwt_china", "rgdpna", "inf"),
          ("pwt_china.csv", "row 4", RGDPNA, "holds 'inf'")),
    Fault("'-inf' in a number column", "pwt_china", cell("pwt_china", "rgdpna", "-inf"),
          ("pwt_china.csv", "row 4", RGDPNA, "holds '-inf'")),
    Fault("'Infinity' in a number column", "pwt_china", cell("pwt_china", "rgdpna", "Infinity"),
          ("pwt_china.csv", "row 4", RGDPNA)),
    Fault("'1e400' (too large for a float) in a number column", "pwt_china", cell("pwt_china", "rgdpna", "1e400"),
          ("pwt_china.csv", "row 4", RGDPNA)),
    Fault("'nan' text in a number column", "pwt_china", cell("pwt_china", "rgdpna", "nan"),
          ("pwt_china.csv", "row 4", RGDPNA, "holds 'nan'", "empty cell")),
    Fault("'NA' text in a number column", "macro", cell("macro", "value", "NA"),
          ("macro.csv", "row 4", "'value'", "holds 'NA'")),
    Fault("a number with a thousands separator", "macro", cell("macro", "value", "15,719.72"),
          ("macro.csv", "row 4", "'value'", "'15,719.72'", "thousands separators")),
    Fault("a number with its unit", "macro", cell("macro", "value", "5096.66亿元"),
          ("macro.csv", "row 4", "'value'", "'5096.66亿元'", "unit")),
    Fault("a year with a fraction in an integer column", "macro", cell("macro", "year", "2023.5"),
          ("macro.csv", "row 4", "'year'", "whole numbers", "'2023.5'")),
    Fault("an integer too large to be exact", "pwt_china", cell("pwt_china", "year", "99999999999999999999"),
          ("pwt_china.csv", "row 4", "'year'")),
    Fault("text in an integer column", "pwt_china", cell("pwt_china", "year", "nineteen fifty-four"),
          ("pwt_china.csv", "row 4", "'year'", "should hold integers")),
    Fault("a value outside the column's enum", "merger_thresholds", cell("merger_thresholds", "rule", "galactic"),
          ("merger_thresholds.csv", "row 4", "column 'rule'", "'galactic'")),
    Fault("a period type outside the enum", "macro", cell("macro", "period_type", "annual"),
          ("macro.csv", "row 4", "column 'period_type'", "'annual'")),
    Fault("a flag that is neither true nor false", "districts", cell("districts", "yuxi_8", "yes"),
          ("districts.csv", "row 4", "'yuxi_8'", "'yes'")),
    Fault("a required value empty", "districts", cell("districts", "district_cn", ""),
          ("districts.csv", "row 4", "column 'district_cn' is empty")),
    Fault("a required value of spaces only", "districts", cell("districts", "district_cn", "   "),
          ("districts.csv", "row 4", "column 'district_cn' is empty")),
    Fault("a value that breaks the column's pattern", "glossary", cell("glossary", "lesson", "9"),
          ("glossary.csv", "row 4", "column 'lesson'", "'9'")),
    Fault("a duplicated year (a row repeated)", "pwt_china", lines("pwt_china", lambda r: r[:4] + r[3:]),
          ("pwt_china.csv", "row 5", "column 'year'", "repeats", "row 4")),
    Fault("a duplicated unique key", "source_facts", lines("source_facts", lambda r: r[:4] + r[3:]),
          ("source_facts.csv", "row 5", "column 'fact_id'", "repeats")),
    Fault("a deleted year in a yearly series", "pwt_china", lines("pwt_china", lambda r: r[:3] + r[4:]),
          ("pwt_china.csv", "row 4", "column 'year'", "a year is missing")),
    Fault("two number columns swapped (header and cells)", "pwt_china", columns("pwt_china", swap(1, 2)),
          ("pwt_china.csv", "wrong order", POP, EMP)),
    Fault("two text columns swapped", "macro", columns("macro", swap(0, 1)),
          ("macro.csv", "wrong order", "'indicator'", "'indicator_cn'")),
    Fault("an extra column", "macro", columns("macro", lambda t: [c + (["extra"] if k == 0 else ["1"])
                                                                 for k, c in enumerate(t)]),
          ("macro.csv", "unexpected ['extra']")),
    Fault("a missing column", "macro", columns("macro", lambda t: [c[:-1] for c in t]),
          ("macro.csv", "missing ['note']")),
    Fault("a renamed column", "clusters", lines("clusters", lambda r: [r[0].replace("cluster_en", "cluster_english")]
                                                + r[1:]),
          ("clusters.csv", "missing ['cluster_en']", "unexpected ['cluster_english']")),
    Fault("a column named twice in the header", "macro", lines("macro", lambda r: [r[0].replace("indicator_cn",
                                                                                               "indicator")] + r[1:]),
          ("macro.csv", "row 1", "'indicator'", "more than once")),
    # bytes and files
    Fault("GBK bytes instead of UTF-8", "macro",
          raw_bytes("macro", lambda b: b.decode("utf-8").encode("gbk", errors="replace")),
          ("macro.csv", "not UTF-8", "row 2")),
    Fault("a UTF-8 byte-order mark", "macro", raw_bytes("macro", lambda b: b"\xef\xbb\xbf" + b),
          ("macro.csv", "byte-order mark")),
    Fault("CRLF line endings (a Windows checkout)", "macro", raw_bytes("macro", lambda b: b.replace(b"\n", b"\r\n")),
          (), rehash=False, loads=True),
    Fault("CRLF line endings, hash rebuilt on Windows", "macro",
          raw_bytes("macro", lambda b: b.replace(b"\n", b"\r\n")), (), loads=True),
    Fault("a directory in a CSV's place", "macro", replace_with_directory("macro"), ("macro.csv", "is a directory")),
    Fault("an unreadable file (mode 000)", "macro", unreadable("macro"), ("macro.csv", "cannot be read")),
    Fault("a deleted file", "macro", delete_file("macro"), ("macro.csv", "is missing")),
    Fault("an edited file, hash not rebuilt", "macro", raw_bytes("macro", lambda b: b.replace(b"5096.66", b"5096.67")),
          ("macro.csv", "has changed since it was published"), rehash=False),
    Fault("a wrong hash", "macro", resource_edit("macro", lambda r: _set(r, "hash", "sha256:" + "0" * 64)),
          ("macro.csv", "has changed since it was published"), rehash=False),
    Fault("a deleted hash", "macro", resource_edit("macro", lambda r: r.pop("hash")), ("gives no hash for macro.csv",),
          rehash=False),
    Fault("an empty hash", "macro", resource_edit("macro", lambda r: _set(r, "hash", "")),
          ("gives no hash for macro.csv",), rehash=False),
    Fault("a hash that is not text", "macro", resource_edit("macro", lambda r: _set(r, "hash", 12345)),
          ("gives no hash for macro.csv",), rehash=False),
    Fault("an unknown hash algorithm", "macro", resource_edit("macro", lambda r: _set(r, "hash", "sha999:abc")),
          ("macro.csv", "unknown kind ('sha999')"), rehash=False),
    Fault("a hash algorithm that needs a length (shake_128)", "macro",
          resource_edit("macro", lambda r: _set(r, "hash", "shake_128:abc")), ("macro.csv", "unknown kind"),
          rehash=False),
    # the catalogue, datapackage.json
    Fault("a catalogue without 'resources'", "macro", package_edit(lambda p: p.pop("resources")),
          ("datapackage.json", "has no 'resources' list")),
    Fault("'resources' that is not a list", "macro", package_edit(lambda p: _set(p, "resources", {"macro": {}})),
          ("datapackage.json", "has no 'resources' list")),
    Fault("an empty 'resources' list", "macro", package_edit(lambda p: _set(p, "resources", [])),
          ("datapackage.json", "has no 'resources' list")),
    Fault("a catalogue that is a list, not an object", "macro", catalogue_bytes(lambda b: b"[1, 2]"),
          ("datapackage.json", "has no 'resources'")),
    Fault("invalid JSON (a truncated catalogue)", "macro", catalogue_bytes(lambda b: b[: len(b) // 2]),
          ("datapackage.json", "not valid JSON", "line")),
    Fault("a catalogue in GBK", "macro",
          catalogue_bytes(lambda b: b.decode("utf-8").encode("gbk", errors="replace")),
          ("datapackage.json", "not UTF-8", "line")),
    Fault("a catalogue with a byte-order mark", "macro", catalogue_bytes(lambda b: b"\xef\xbb\xbf" + b),
          ("datapackage.json", "not valid JSON")),
    Fault("a directory in the catalogue's place", "macro", catalogue_replaced("directory"),
          ("datapackage.json", "is a directory")),
    Fault("an unreadable catalogue", "macro", catalogue_replaced("unreadable"), ("datapackage.json", "cannot be read")),
    Fault("a deleted catalogue", "macro", catalogue_replaced("deleted"), ("datapackage.json", "is missing")),
    Fault("a resource without a schema", "macro", resource_edit("macro", lambda r: r.pop("schema")),
          ("'macro' has no schema", "datapackage.json")),
    Fault("a schema with no fields", "macro", resource_edit("macro", lambda r: _set(r["schema"], "fields", [])),
          ("'macro' has no schema",)),
    Fault("a resource without a path", "macro", resource_edit("macro", lambda r: r.pop("path")),
          ("datapackage.json", "lacks a 'name' or a 'path'")),
    Fault("a resource without a name", "macro", resource_edit("macro", lambda r: r.pop("name")),
          ("datapackage.json", "lacks a 'name' or a 'path'")),
    Fault("a path outside the folder (..)", "macro", resource_edit("macro", lambda r: _set(r, "path", "../macro.csv")),
          ("datapackage.json", "'../macro.csv'", "outside the datasets folder")),
    Fault("an absolute path", "macro", resource_edit("macro", lambda r: _set(r, "path", "/etc/passwd")),
          ("datapackage.json", "'/etc/passwd'", "outside the datasets folder")),
    Fault("a path that is not text", "macro", resource_edit("macro", lambda r: _set(r, "path", ["macro.csv"])),
          ("datapackage.json", "'path' that is not a file name")),
    Fault("a path naming a file that does not exist", "macro",
          resource_edit("macro", lambda r: _set(r, "path", "macro_2025.csv")), ("macro_2025.csv", "is missing")),
    Fault("two resources with one name", "macro", package_edit(_add_resource_copy),
          ("datapackage.json", "two resources 'macro'")),
    Fault("a field of an unknown type", "macro", field_edit("macro", "value", lambda f: _set(f, "type", "money")),
          ("datapackage.json", "'value'", "'money'")),
    Fault("a field type in the wrong case", "macro", field_edit("macro", "year", lambda f: _set(f, "type", "Integer")),
          ("datapackage.json", "'year'", "'Integer'")),
    Fault("a field declared twice", "macro",
          resource_edit("macro", lambda r: r["schema"]["fields"].append(dict(r["schema"]["fields"][0]))),
          ("datapackage.json", "'indicator'", "twice")),
    Fault("constraints that are not an object", "macro",
          field_edit("macro", "period_type", lambda f: _set(f, "constraints", ["full-year"])),
          ("datapackage.json", "'period_type'", "'constraints'")),
    Fault("an enum that is not a list", "macro",
          field_edit("macro", "period_type", lambda f: _set(f["constraints"], "enum", "full-year")),
          ("datapackage.json", "'period_type'", "'enum'")),
    Fault("a pattern that is not a regular expression", "glossary",
          field_edit("glossary", "lesson", lambda f: _set(f["constraints"], "pattern", "0[0-8")),
          ("datapackage.json", "'lesson'", "'pattern'")),
    Fault("a primary key naming no column", "pwt_china",
          resource_edit("pwt_china", lambda r: _set(r["schema"], "primaryKey", ["yr"])),
          ("datapackage.json", "primaryKey", "'pwt_china'")),
    Fault("sources that are not a list", "macro", resource_edit("macro", lambda r: _set(r, "sources", "research")),
          ("datapackage.json", "'sources'", "'macro'"), call="citation"),
]


@pytest.mark.parametrize("fault", FAULTS, ids=[f.kind for f in FAULTS])
def test_each_fault_is_named_by_file_row_and_column(fault, tmp_path):
    copy = copy_datasets(tmp_path)
    published = data.load(fault.dataset) if fault.loads else None
    apply(fault, copy)
    with data.use_datasets(copy):
        if fault.loads:
            import pandas as pd

            pd.testing.assert_frame_equal(call(fault), published)
            return
        with pytest.raises(DatasetError) as raised:
            call(fault)
    message = str(raised.value)
    for fragment in fault.expected:
        assert fragment in message, f"{fault.kind}: {message!r} lacks {fragment!r}"
    assert "missing none" not in message and "unexpected none" not in message
    assert "Traceback" not in message and len(message) < 700


def test_use_datasets_restores_the_folder(tmp_path):
    before = data.DATASETS_DIR
    copy = copy_datasets(tmp_path)
    with data.use_datasets(copy):
        assert data.DATASETS_DIR == copy
        (copy / "macro.csv").unlink()
        with pytest.raises(DatasetError, match="macro.csv is missing"):
            data.load("macro")
    assert data.DATASETS_DIR == before
    assert len(data.load("macro")) > 10
    with pytest.raises(DatasetError, match="needs a folder"):
        with data.use_datasets(None):
            pass
    with pytest.raises(DatasetError, match="is not a folder"):
        with data.use_datasets(tmp_path / "no such folder"):
            pass
    assert data.DATASETS_DIR == before


def test_the_messages_are_in_chinese_too(tmp_path):
    from cqlab import i18n

    copy = copy_datasets(tmp_path)
    apply(FAULTS[0], copy)
    with data.use_datasets(copy), i18n.language_context("zh"):
        with pytest.raises(DatasetError, match="pwt_china.csv 第 4 行"):
            data.load("pwt_china")


# --- the sweep: every fault, then every dataset loaded ------------------------------------------------------

def sweep() -> list[tuple[str, str, str]]:
    """(fault, outcome, message) for every fault; the outcome also records any other dataset that broke."""
    import tempfile

    rows = []
    for fault in FAULTS:
        with tempfile.TemporaryDirectory() as folder:
            copy = copy_datasets(Path(folder))
            apply(fault, copy)
            with data.use_datasets(copy):
                try:
                    result = call(fault)
                    outcome, message = ("loads (as it must)" if fault.loads else "NOT DETECTED"), f"{len(result)} rows" \
                        if hasattr(result, "__len__") and not isinstance(result, str) else str(result)[:80]
                except DatasetError as error:
                    message = str(error)
                    missing = [f for f in fault.expected if f not in message]
                    outcome = "detected" if not fault.loads and not missing else f"MESSAGE lacks {missing}"
                except Exception as error:  # noqa: BLE001 - the sweep records raw exceptions as bugs
                    outcome, message = "RAW", f"{type(error).__name__}: {error}"
                others = []
                for name in sorted({r["name"] for r in json.loads((SOURCE / "datapackage.json").read_text())["resources"]}
                                   - {fault.dataset}):
                    try:
                        data.load(name)
                    except DatasetError:
                        others.append(name)
                    except Exception:  # noqa: BLE001
                        others.append(name + " (RAW)")
                if others and fault.call == "load" and fault.damage.__qualname__.startswith(("lines", "cell", "columns",
                                                                                             "raw_bytes")):
                    outcome += f"; others broke too: {', '.join(others)}"
            for path in Path(folder).rglob("*"):  # let the temporary folder be removed
                path.chmod(0o700) if path.is_dir() else path.chmod(0o600)
        rows.append((fault.kind, outcome, message.replace("\n", " ")))
    return rows


if __name__ == "__main__":
    if not hasattr(data, "use_datasets"):  # to sweep an older cqlab (the "before" table of issue 15)
        import contextlib

        @contextlib.contextmanager
        def _use(folder):
            saved, data.DATASETS_DIR = data.DATASETS_DIR, Path(folder)
            data.clear_cache()
            try:
                yield folder
            finally:
                data.DATASETS_DIR = saved
                data.clear_cache()

        data.use_datasets = _use
    results = sweep()
    print("| fault | outcome | message |\n| --- | --- | --- |")
    for kind, outcome, message in results:
        print(f"| {kind} | {outcome} | {message[:220].replace('|', '/')} |")
    from collections import Counter

    print("\n", Counter(outcome.split(";")[0].split(" [")[0] for _, outcome, _ in results))
    if os.geteuid() == 0 and shutil.which("setpriv"):  # the unreadable file for real, as a user who is not root
        import subprocess
        import sys
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            Path(folder).chmod(0o755)
            copy = copy_datasets(Path(folder))
            (copy / "macro.csv").chmod(0)
            script = (f"from cqlab import data\nwith data.use_datasets({str(copy)!r}):\n    try:\n"
                      "        data.load('macro')\n"
                      "    except data.DatasetError as error:\n        print('detected:', error)\n")
            run = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c",
                                  script], capture_output=True, text=True, env={**os.environ, "HOME": folder})
            print("\nunreadable file, as uid 65534:", (run.stdout or run.stderr).strip()[-300:])
