"""Load the course datasets with the types that ``datasets/datapackage.json`` declares.

Every table keeps its provenance: ``sources(name)`` lists where it comes from and
``citation(name)`` gives one line to put under a chart. A file that is missing,
damaged or edited is reported with its name, what is wrong, and how to restore it.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
from functools import cache, lru_cache
from pathlib import Path

from cqlab.errors import DatasetError, describe

def _default_datasets_dir() -> Path:
    """The course checkout's datasets/ (editable install, ``make lab``), else the copy in the wheel."""
    checkout = Path(__file__).resolve().parents[2] / "datasets"
    if (checkout / "datapackage.json").exists():
        return checkout
    return Path(__file__).resolve().parent / "_datasets"  # `pip install .`: shipped as package data


#: Where the CSV files and datapackage.json live (override with CQLAB_DATASETS).
DATASETS_DIR = Path(os.environ.get("CQLAB_DATASETS") or _default_datasets_dir())

_PANDAS_TYPES = {"integer": "Int64", "number": "float64", "boolean": "boolean"}


def _restore_hint(path: Path) -> str:
    """How a student gets the published file back: from git in a checkout, by reinstalling otherwise."""
    if any((parent / ".git").exists() for parent in path.resolve().parents):
        return f"Restore it with: git checkout -- datasets/{path.name}"
    return "Reinstall the course to restore it: pip install --force-reinstall cqlab (or clone the course)"


def _package() -> dict:
    return _package_in(str(DATASETS_DIR))


@lru_cache(maxsize=4)
def _package_in(directory: str) -> dict:
    path = Path(directory) / "datapackage.json"
    if not path.exists():
        raise DatasetError(f"The dataset catalogue {path} is missing. {_restore_hint(path)}")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise DatasetError(
            f"The dataset catalogue {path} is not valid JSON ({error.msg} at line {error.lineno}). "
            f"{_restore_hint(path)}"
        ) from None


def _resources() -> dict[str, dict]:
    package = _package()
    catalogue = "datasets/datapackage.json"
    resources = package.get("resources") if isinstance(package, dict) else None
    if not isinstance(resources, list) or not resources:
        raise DatasetError(
            f"The dataset catalogue {catalogue} has no 'resources' list, so no dataset can be found. "
            f"{_restore_hint(DATASETS_DIR / catalogue)}"
        )
    for k, resource in enumerate(resources):
        if not isinstance(resource, dict) or not isinstance(resource.get("name"), str) or not resource.get("path"):
            raise DatasetError(
                f"Resource {k + 1} of {catalogue} lacks a 'name' or a 'path'. {_restore_hint(DATASETS_DIR / catalogue)}"
            )
    return {resource["name"]: resource for resource in resources}


def names() -> list[str]:
    """Return the names of all course datasets, sorted."""
    return sorted(_resources())


def _resource(name: object) -> dict:
    resources = _resources()
    if not isinstance(name, str):
        raise DatasetError(
            f"A dataset name must be text, e.g. 'macro'; got {describe(name)}. "
            f"Available: {', '.join(sorted(resources))}."
        )
    key = name.strip().removesuffix(".csv")
    if key not in resources:
        close = difflib.get_close_matches(key, resources, n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise DatasetError(
            f"There is no dataset called '{name}'.{hint} Available: {', '.join(sorted(resources))}."
        )
    return resources[key]


def _check_file(resource: dict) -> Path:
    path = DATASETS_DIR / resource["path"]
    if not path.exists():
        raise DatasetError(f"The data file {path} is missing. {_restore_hint(path)}")
    expected = resource.get("hash")
    if not expected:  # a deleted hash must not switch the integrity check off
        raise DatasetError(
            f"datapackage.json gives no hash for {path.name}, so its numbers cannot be checked against "
            "the published data. Course maintainers: run `python datasets/build_datapackage.py`."
        )
    algorithm, _, digest = str(expected).rpartition(":")
    algorithm = algorithm or "md5"  # Frictionless: a bare hash is md5
    if algorithm not in hashlib.algorithms_guaranteed:
        raise DatasetError(
            f"datapackage.json gives {path.name} a hash of an unknown kind ({algorithm!r}); expected "
            "'sha256:<hex>'. Course maintainers: run `python datasets/build_datapackage.py`."
        )
    content = path.read_bytes()
    if hashlib.new(algorithm, content).hexdigest() == digest:
        return path
    # A Windows checkout (git's core.autocrlf=true) or editor may have turned LF into CRLF: the same
    # numbers with other line endings are the published data, and pandas reads both.
    if b"\r\n" in content and hashlib.new(algorithm, content.replace(b"\r\n", b"\n")).hexdigest() == digest:
        return path
    raise DatasetError(
        f"The data file {path.name} has changed since it was published "
        f"(its {algorithm} hash differs from datapackage.json), so its numbers "
        f"can no longer be traced to their sources. {_restore_hint(path)} "
        "(Course maintainers who changed it on purpose: run "
        "`python datasets/build_datapackage.py`.)"
    )


def clear_cache() -> None:
    """Forget loaded tables (after a dataset file or DATASETS_DIR changed)."""
    _package_in.cache_clear()
    _load_cached.cache_clear()


@cache
def _load_cached(directory: str, name: str):
    import pandas as pd

    resource = _resource(name)
    fields = _schema_fields(resource)
    _check_readable(DATASETS_DIR / resource["path"])
    path = _check_file(resource)
    declared = [field["name"] for field in fields]
    _check_row_lengths(path, declared)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    except Exception as error:  # a truncated or garbled file: say which and how to restore
        raise DatasetError(
            f"The data file {path.name} could not be read as CSV ({error}). {_restore_hint(path)}"
        ) from None
    found = list(frame.columns)
    if found != declared:
        missing = [c for c in declared if c not in found]
        extra = [c for c in found if c not in declared]
        if not missing and not extra:
            moved = next(k for k, (a, b) in enumerate(zip(found, declared)) if a != b)
            raise DatasetError(
                f"The columns of {path.name} are in the wrong order: column {moved + 1} is "
                f"'{found[moved]}' but datapackage.json declares '{declared[moved]}' there. {_restore_hint(path)}"
            )
        raise DatasetError(
            f"The columns of {path.name} do not match datapackage.json: "
            f"missing {missing or 'none'}, unexpected {extra or 'none'}. {_restore_hint(path)}"
        )
    if frame.empty:
        raise DatasetError(f"The data file {path.name} has a header but no rows. {_restore_hint(path)}")
    for field in fields:
        column, kind = field["name"], field.get("type", "string")
        if kind in ("integer", "number"):
            converted = pd.to_numeric(frame[column], errors="coerce")
            bad = converted.isna() & frame[column].notna()
            if bad.any():
                row = int(bad.idxmax())
                raise DatasetError(
                    f"In {path.name}, column '{column}' should hold {kind}s, but row {row + 2} "
                    f"holds {frame.at[row, column]!r}. {_restore_hint(path)}"
                )
            infinite = converted.isin([float("inf"), float("-inf")])
            if infinite.any():
                row = int(infinite.idxmax())
                raise DatasetError(
                    f"In {path.name}, column '{column}' should hold finite {kind}s, but row {row + 2} "
                    f"holds {frame.at[row, column]!r}. {_restore_hint(path)}"
                )
            if kind == "integer" and (converted.dropna() % 1 != 0).any():
                raise DatasetError(
                    f"In {path.name}, column '{column}' should hold whole numbers. {_restore_hint(path)}"
                )
            frame[column] = converted.astype(_PANDAS_TYPES[kind])
        elif kind == "boolean":
            mapping = {"true": True, "false": False, "True": True, "False": False}
            frame[column] = frame[column].map(mapping).astype("boolean")
    _check_constraints(path, frame, resource["schema"], fields)
    return frame


def _schema_fields(resource: dict) -> list[dict]:
    """Return a resource's declared fields, or say plainly that datapackage.json lacks them."""
    schema = resource.get("schema")
    fields = schema.get("fields") if isinstance(schema, dict) else None
    if not isinstance(fields, list) or not fields or not all(isinstance(f, dict) and "name" in f for f in fields):
        raise DatasetError(
            f"The dataset '{resource['name']}' has no schema (a 'schema' with named 'fields') in "
            f"datapackage.json, so its columns cannot be checked. {_restore_hint(DATASETS_DIR / 'datapackage.json')}"
        )
    return fields


def _check_readable(path: Path) -> None:
    """Say plainly when a data file is missing, a directory, or cannot be opened."""
    if not path.exists():
        raise DatasetError(f"The data file {path} is missing. {_restore_hint(path)}")
    if not path.is_file():
        raise DatasetError(f"The data file datasets/{path.name} is a directory, not a CSV file. {_restore_hint(path)}")
    try:
        with open(path, "rb") as handle:
            handle.read(1)
    except OSError as error:
        raise DatasetError(
            f"The data file datasets/{path.name} cannot be read ({error.strerror or error}). {_restore_hint(path)}"
        ) from None


def _check_row_lengths(path: Path, declared: list[str]) -> None:
    """Reject a row with fewer or more cells than the header (pandas would pad it with NaN)."""
    import csv

    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            for number, cells in enumerate(csv.reader(handle), start=1):
                if number > 1 and cells and len(cells) != len(declared):
                    missing = declared[len(cells)] if len(cells) < len(declared) else None
                    detail = f"column '{missing}' and after are missing" if missing else "it has extra cells"
                    raise DatasetError(
                        f"In {path.name}, row {number} has {len(cells)} cells but the header declares "
                        f"{len(declared)} ({detail}). {_restore_hint(path)}"
                    )
    except (UnicodeDecodeError, csv.Error) as error:
        raise DatasetError(f"The data file {path.name} could not be read as CSV ({error}). {_restore_hint(path)}") from None


def _check_constraints(path: Path, frame, schema: dict, fields: list[dict]) -> None:
    """Check the schema's required, unique, enum and pattern constraints and a year key without gaps."""

    def fail(column: str, index, what: str) -> None:
        raise DatasetError(
            f"In {path.name}, row {int(index) + 2}, column '{column}' {what}. {_restore_hint(path)}"
        )

    for field in fields:
        column, constraints = field["name"], field.get("constraints") or {}
        values = frame[column]
        if constraints.get("required"):
            empty = values.isna()
            if empty.any():
                fail(column, empty.idxmax(), "is empty, but every row needs a value")
        if constraints.get("unique"):
            repeated = values.notna() & values.duplicated(keep="first")
            if repeated.any():
                index = repeated.idxmax()
                fail(column, index, f"repeats the value {values[index]!r}, which must be unique")
        if "enum" in constraints:
            allowed = {str(v) for v in constraints["enum"]}
            outside = values.notna() & ~values.astype(str).isin(allowed)
            if outside.any():
                index = outside.idxmax()
                fail(column, index, f"holds {values[index]!r}, not one of {', '.join(sorted(allowed))}")
        if "pattern" in constraints:
            wrong = values.notna() & ~values.astype(str).str.fullmatch(constraints["pattern"])
            if wrong.any():
                index = wrong.idxmax()
                fail(column, index, f"holds {values[index]!r}, which does not match {constraints['pattern']!r}")
    key = schema.get("primaryKey")
    key = [key] if isinstance(key, str) else list(key or [])
    if len(key) > 1:
        repeated = frame.duplicated(subset=key, keep="first")
        if repeated.any():
            fail(", ".join(key), repeated.idxmax(), "repeats a primary key that must be unique")
    if key == ["year"]:  # a yearly series: a deleted year would silently stretch a growth rate
        years = frame["year"].dropna().astype(int).sort_values()
        gaps = years.diff().fillna(1) != 1
        if gaps.any():
            index = gaps.idxmax()
            fail("year", index, f"jumps to {years[index]} after {years.shift()[index]}: a year is missing")


def load(name: str):
    """Return the dataset ``name`` as a pandas DataFrame with its declared column types.

    Integers are pandas' nullable ``Int64``, numbers ``float64``, text ``str``. An unknown
    name raises DatasetError listing the available names. Each call returns a fresh copy,
    so changing it in a lesson never changes what the next cell loads.
    """
    return _load_cached(str(DATASETS_DIR), _resource(name)["name"]).copy()


def sources(name: str) -> list[dict]:
    """Return the sources of a dataset as a list of {"title", "path"} dictionaries."""
    return [dict(source) for source in _resource(name).get("sources", [])]


def fields(name: str):
    """Return a table of the dataset's columns: name, type and description (with units)."""
    import pandas as pd

    rows = [
        {"column": f["name"], "type": f.get("type", "string"), "description": f.get("description", "")}
        for f in _resource(name)["schema"]["fields"]
    ]
    return pd.DataFrame(rows)


def citation(name: str) -> str:
    """Return a one-line citation for a dataset, for a chart caption or a reference list."""
    resource = _resource(name)
    titles = "; ".join(source.get("title", "") for source in resource.get("sources", [])[:2])
    licences = ", ".join(lic.get("name", lic.get("title", "")) for lic in resource.get("licenses", []))
    title = resource.get("title", resource["name"])
    parts = [f"Chongqing Policy Lab, '{title}' (datasets/{resource['path']})"]
    if titles:
        parts.append(f"from {titles}")
    if licences:
        parts.append(f"licence {licences}")
    return ", ".join(parts) + "."


def value(name: str, **where) -> float:
    """Return the one value in dataset ``name`` whose columns equal ``where``.

    For example ``value("macro", indicator="GDP", year=2024)``. Raises DatasetError when no
    row or more than one row matches, saying which, so a lesson never picks a number silently.
    """
    frame = load(name)
    if "value" not in frame.columns:
        raise DatasetError(
            f"Dataset '{name}' has no 'value' column, so value() cannot pick a number from it; use "
            f"data.row('{name}', ...) for a whole row. Columns: {', '.join(frame.columns)}."
        )
    number = row(name, frame=frame, **where)["value"]
    if number != number:  # NaN: the matching row has no value
        condition = ", ".join(f"{k}={v!r}" for k, v in where.items())
        raise DatasetError(f"The row of '{name}' with {condition} has no value (the cell is empty).")
    return float(number)


def row(name: str, frame=None, **where):
    """Return the one row (a pandas Series) of dataset ``name`` matching ``where``."""
    frame = load(name) if frame is None else frame
    if not where:
        raise DatasetError(
            f"Say which row of '{name}' you want, e.g. a column=value filter; columns: {', '.join(frame.columns)}."
        )
    mask = None
    for column, wanted in where.items():
        if column not in frame.columns:
            raise DatasetError(
                f"Dataset '{name}' has no column '{column}'. Columns: {', '.join(frame.columns)}."
            )
        import pandas as pd

        if not pd.api.types.is_scalar(wanted):
            raise DatasetError(
                f"The filter {column}= must be one value (text or a number); got {describe(wanted)}."
            )
        match = frame[column] == wanted
        mask = match if mask is None else mask & match
    selected = frame[mask.fillna(False)] if mask is not None else frame
    if len(selected) != 1:
        condition = ", ".join(f"{k}={v!r}" for k, v in where.items())
        raise DatasetError(
            f"Expected exactly one row of '{name}' with {condition}; found {len(selected)}."
        )
    return selected.iloc[0]


# Shown in a notebook, a table's headers follow the course language (the data keep English keys).
from cqlab.tables import install_display_headers  # noqa: E402

install_display_headers()

