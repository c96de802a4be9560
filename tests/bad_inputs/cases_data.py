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
