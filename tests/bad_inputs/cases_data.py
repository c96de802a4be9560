"""Broken data a maintainer can cause after rebuilding the data package: each gets a message naming the
file, the row and the column. Each case edits a copy of datasets/ (its hashes updated, so the damage is
not caught as a changed file but by the check meant for it) and loads from the copy.
"""

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from cqlab import data
from tests.bad_inputs import Case

_SOURCE = Path(data.DATASETS_DIR)


def _broken(name, edit_csv=None, edit_package=None, replace_with_directory=False, unreadable=False):
    """A call that loads ``name`` from a copy of datasets/ damaged by the given edits."""

    def run():
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / ".git").mkdir()  # a student's clone, as the messages assume
            copy = Path(folder) / "datasets"
            copy.mkdir()
            for item in _SOURCE.iterdir():
                if item.is_file():
                    shutil.copy(item, copy / item.name)
            package = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
            resource = next(r for r in package["resources"] if r["name"] == name)
            csv = copy / resource["path"]
            if edit_csv:
                csv.write_text(edit_csv(csv.read_text(encoding="utf-8")), encoding="utf-8")
                resource["hash"] = "sha256:" + hashlib.sha256(csv.read_bytes()).hexdigest()
            if replace_with_directory:
                csv.unlink()
                csv.mkdir()
            if unreadable:
                csv.chmod(0)
            if edit_package:
                edit_package(package)
            (copy / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")
            saved = data.DATASETS_DIR
            data.DATASETS_DIR = copy
            data.clear_cache()
            try:
                if unreadable and os.geteuid() == 0:
                    _load_as_if_unreadable(name, csv)  # root reads a file of mode 000: refuse the open
                else:
                    data.load(name)
            finally:
                data.DATASETS_DIR = saved
                data.clear_cache()

    return run


def _load_as_if_unreadable(name, csv):
    """Load ``name`` with every open of ``csv`` refused as the kernel refuses it to a user without read
    permission (root is never refused, so CI, which runs as root, gets the same error this way)."""
    import builtins
    import errno
    from unittest import mock

    real_open = builtins.open

    def refusing_open(file, *args, **kwargs):
        if Path(file) == csv:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
        return real_open(file, *args, **kwargs)

    with mock.patch("builtins.open", refusing_open), mock.patch.object(
            Path, "read_bytes", lambda self: refusing_open(self, "rb").read()):
        data.load(name)


def _lines(edit):
    return lambda text: "\n".join(edit(text.splitlines())) + "\n"


def _cut_last_cells(lines):
    lines[3] = ",".join(lines[3].split(",")[:3])
    return lines


def _cell(column_index, value, row=3):
    def edit(lines):
        cells = lines[row].split(",")
        cells[column_index] = value
        lines[row] = ",".join(cells)
        return lines

    return edit


def _swap_first_columns(lines):
    header = lines[0].split(",")
    header[0], header[1] = header[1], header[0]
    lines[0] = ",".join(header)
    return lines


def _column(name, column):
    package = json.loads((_SOURCE / "datapackage.json").read_text(encoding="utf-8"))
    fields = next(r for r in package["resources"] if r["name"] == name)["schema"]["fields"]
    return [f["name"] for f in fields].index(column)


CASES = [
    Case("a short row that pandas pads with NaN", _broken("pwt_china", _lines(_cut_last_cells)), "row 4 has 3 cells"),
    Case("a header-only file", _broken("pwt_china", _lines(lambda lines: lines[:1])), "has a header but no rows"),
    Case("'inf' in a number column", _broken("pwt_china", _lines(_cell(_column("pwt_china", "rgdpna"), "inf"))),
         "row 4 holds 'inf'"),
    Case("a value outside the column's enum", _broken("merger_thresholds", _lines(
        _cell(_column("merger_thresholds", "rule"), "galactic"))), "row 4, column 'rule' holds 'galactic'"),
    Case("a duplicated year", _broken("pwt_china", _lines(lambda lines: lines[:3] + lines[2:]))
         , "column 'year' repeats the value"),
    Case("a deleted year", _broken("pwt_china", _lines(lambda lines: lines[:3] + lines[4:])), "a year is missing"),
    Case("two columns swapped", _broken("pwt_china", _lines(_swap_first_columns)), "in the wrong order: column 1"),
    Case("a catalogue without 'resources'", _broken("macro", edit_package=lambda p: p.pop("resources")),
         "has no 'resources' list"),
    Case("a resource without a schema", _broken("macro", edit_package=lambda p: next(
        r for r in p["resources"] if r["name"] == "macro").pop("schema")), "has no schema"),
    Case("an unreadable file (no read permission)", _broken("macro", unreadable=True),
         "datasets/macro.csv cannot be read (Permission denied)"),
    Case("a directory in a CSV's place", _broken("macro", replace_with_directory=True), "is a directory, not a CSV file"),
    Case("an empty required cell", _broken("districts", _lines(_cell(_column("districts", "district_cn"), ""))),
         "column 'district_cn' is empty"),
]


def _fault(kind):
    """A case from tests/test_data_faults.py: the fault applied to a copy of datasets/, the dataset loaded."""

    def run():
        from tests.test_data_faults import FAULTS, apply, call, copy_datasets

        fault = next(f for f in FAULTS if f.kind == kind)
        with tempfile.TemporaryDirectory() as folder:
            copy = copy_datasets(Path(folder))
            apply(fault, copy)
            with data.use_datasets(copy):
                call(fault)

    return run


# more kinds of broken data (issue 15, second sweep): each named by file, row and column
CASES += [
    Case("an empty file (0 bytes)", _fault("an empty file (0 bytes)"), "macro.csv: the file is empty (0 bytes)"),
    Case("GBK bytes instead of UTF-8", _fault("GBK bytes instead of UTF-8"), "In macro.csv, row 2: the file is not UTF-8"),
    Case("a UTF-8 byte-order mark", _fault("a UTF-8 byte-order mark"), "byte-order mark"),
    Case("a number with a thousands separator", _fault("a number with a thousands separator"),
         "column 'value' should hold numbers, but row 4 holds '15,719.72'"),
    Case("'nan' text in a number column", _fault("'nan' text in a number column"), "row 4 holds 'nan'"),
    Case("a year with a fraction", _fault("a year with a fraction in an integer column"),
         "column 'year' should hold whole numbers, but row 4 holds '2023.5'"),
    Case("an integer too large to be exact", _fault("an integer too large to be exact"), "row 4 holds '99999999999999999999'"),
    Case("a flag that is neither true nor false", _fault("a flag that is neither true nor false"),
         "row 4, column 'yuxi_8' should hold true or false"),
    Case("an extra column", _fault("an extra column"), "unexpected ['extra'] (column 15 of the file, not declared)"),
    Case("a missing column", _fault("a missing column"), "missing ['note'] (declared, not in the file)"),
    Case("a column named twice in the header", _fault("a column named twice in the header"), "more than once"),
    Case("two number columns swapped", _fault("two number columns swapped (header and cells)"),
         "column 2 is 'emp' but datapackage.json declares 'pop' there"),
    Case("a duplicated year names both rows", _fault("a duplicated year (a row repeated)"),
         "row 5, column 'year' repeats the value 1954 of row 4"),
    Case("a hash algorithm that needs a length", _fault("a hash algorithm that needs a length (shake_128)"),
         "unknown kind ('shake_128')"),
    Case("a hash that is not text", _fault("a hash that is not text"), "gives no hash for macro.csv"),
    Case("a resource path outside the folder", _fault("a path outside the folder (..)"), "outside the datasets folder"),
    Case("a resource path that is not text", _fault("a path that is not text"), "'path' that is not a file name"),
    Case("a field of an unknown type", _fault("a field of an unknown type"), "with the type 'money', which cqlab does not read"),
    Case("a pattern that is not a regular expression", _fault("a pattern that is not a regular expression"),
         "'pattern' that is not a regular expression"),
    Case("constraints that are not an object", _fault("constraints that are not an object"), "'constraints' that are not"),
    Case("a primary key naming no column", _fault("a primary key naming no column"), "names no declared column"),
    Case("two resources with one name", _fault("two resources with one name"), "names two resources 'macro'"),
    Case("sources that are not a list", _fault("sources that are not a list"), "'sources' of the dataset 'macro'"),
]
