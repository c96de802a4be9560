"""Load the course datasets with the types that ``datasets/datapackage.json`` declares.

Every table keeps its provenance: ``sources(name)`` lists where it comes from and
``citation(name)`` gives one line to put under a chart. A file that is missing,
damaged or edited is reported with its name, what is wrong (the row and the column where
there is one), and how to restore it.

The folder read is ``DATASETS_DIR``: the course's ``datasets/`` unless the environment variable
``CQLAB_DATASETS`` names another one when cqlab is imported. Tests and maintainers checking a
rebuilt copy point cqlab at it for a block of code with ``with data.use_datasets(folder): ...``
(nothing is written into the course's own folder).
"""

from __future__ import annotations

import contextlib
import csv
import difflib
import hashlib
import io
import json
import math
import os
import re
from functools import cache, lru_cache
from pathlib import Path, PurePosixPath

from cqlab.errors import DatasetError, _say, describe


def _default_datasets_dir() -> Path:
    """The course checkout's datasets/ (editable install, ``make lab``), else the copy in the wheel."""
    checkout = Path(__file__).resolve().parents[2] / "datasets"
    if (checkout / "datapackage.json").exists():
        return checkout
    return Path(__file__).resolve().parent / "_datasets"  # `pip install .`: shipped as package data


#: Where the CSV files and datapackage.json live (override with CQLAB_DATASETS, or use_datasets()).
DATASETS_DIR = Path(os.environ.get("CQLAB_DATASETS") or _default_datasets_dir())

_PANDAS_TYPES = {"integer": "Int64", "number": "float64", "boolean": "boolean"}
#: the field types cqlab reads (Frictionless' default type is string)
_FIELD_TYPES = ("string", "integer", "number", "boolean")
#: hash kinds datapackage.json may name (Frictionless: md5 when no kind is given)
_HASH_KINDS = ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384",
               "sha3_512", "blake2b", "blake2s")
#: Frictionless' default true and false values for a boolean field
_BOOLEANS = {"true": True, "True": True, "TRUE": True, "1": True, "false": False, "False": False, "FALSE": False,
             "0": False}
#: integers beyond this are not exact in a float, so the data cannot hold them as published
_LARGEST_INTEGER = 2**53


@contextlib.contextmanager
def use_datasets(folder):
    """Read the datasets from ``folder`` (a copy of datasets/ with its datapackage.json) inside a ``with`` block.

    ``with data.use_datasets(tmp / "datasets"): data.load("macro")`` checks a rebuilt or damaged copy
    without touching the course's own files; the previous folder is restored afterwards.
    """
    global DATASETS_DIR
    if not isinstance(folder, (str, os.PathLike)):
        raise DatasetError(_say(f"use_datasets needs a folder (a path); got {describe(folder)}.",
                                f"use_datasets 需要一个文件夹路径;收到的是 {describe(folder)}。"))
    if not Path(folder).is_dir():
        raise DatasetError(_say(
            f"use_datasets needs an existing folder (a copy of datasets/ with its datapackage.json); "
            f"{str(folder)!r} is not a folder.",
            f"use_datasets 需要一个已存在的文件夹(datasets/ 的副本,含 datapackage.json);{str(folder)!r} 不是文件夹。"))
    previous = DATASETS_DIR
    DATASETS_DIR = Path(folder)
    clear_cache()
    try:
        yield DATASETS_DIR
    finally:
        DATASETS_DIR = previous
        clear_cache()


def _restore_hint(path: Path) -> str:
    """How a student gets the published file back: from git in a checkout, by reinstalling otherwise."""
    if any((parent / ".git").exists() for parent in path.resolve().parents):
        return _say(f"Restore it with: git checkout -- datasets/{path.name}",
                    f"恢复方法:git checkout -- datasets/{path.name}")
    return _say("Reinstall the course to restore it: pip install --force-reinstall cqlab (or clone the course)",
                "重新安装课程即可恢复:pip install --force-reinstall cqlab(或重新克隆课程)")


_REBUILD = ("Course maintainers: run `python datasets/build_datapackage.py`.",
            "课程维护者:请运行 `python datasets/build_datapackage.py`。")
_CATALOGUE = "datasets/datapackage.json"


def _catalogue_error(en: str, zh: str) -> DatasetError:
    """An error in datapackage.json itself: named, with how to restore it."""
    hint = _restore_hint(DATASETS_DIR / "datapackage.json")
    return DatasetError(_say(f"{en} {hint}", f"{zh}{hint}"))


def _package() -> dict:
    return _package_in(str(DATASETS_DIR))


@lru_cache(maxsize=4)
def _package_in(directory: str) -> dict:
    path = Path(directory) / "datapackage.json"
    if not path.exists():
        where = ""
        if os.environ.get("CQLAB_DATASETS") and not Path(directory).is_dir():
            where = _say(f" (the CQLAB_DATASETS environment variable names the folder {directory}, which does not exist)",
                         f"(环境变量 CQLAB_DATASETS 指向的文件夹 {directory} 不存在)")
        hint = _restore_hint(path)
        raise DatasetError(_say(f"The dataset catalogue {path} is missing{where}. {hint}",
                                f"数据目录文件 {path} 不存在{where}。{hint}"))
    if not path.is_file():
        raise _catalogue_error(f"The dataset catalogue {path} is a directory, not a file.",
                               f"数据目录文件 {path} 是一个文件夹,而不是文件。")
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        raise _catalogue_error(f"The dataset catalogue {path} cannot be read ({error.strerror or error}).",
                               f"无法读取数据目录文件 {path}({error.strerror or error})。") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise _catalogue_error(
            f"The dataset catalogue {path} is not UTF-8 text (line {line}, byte {raw[error.start]:#04x}).",
            f"数据目录文件 {path} 不是 UTF-8 文本(第 {line} 行,字节 {raw[error.start]:#04x})。") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise _catalogue_error(
            f"The dataset catalogue {path} is not valid JSON ({error.msg} at line {error.lineno}).",
            f"数据目录文件 {path} 不是有效的 JSON(第 {error.lineno} 行:{error.msg})。") from None


def _resources() -> dict[str, dict]:
    package = _package()
    resources = package.get("resources") if isinstance(package, dict) else None
    if not isinstance(resources, list) or not resources:
        got = "no 'resources'" if not isinstance(package, dict) or "resources" not in package else \
            f"'resources' = {describe(resources)}"
        raise _catalogue_error(
            f"The dataset catalogue {_CATALOGUE} has no 'resources' list, so no dataset can be found (it has {got}).",
            f"数据目录 {_CATALOGUE} 没有 'resources' 列表,因此找不到任何数据集(实际:{got})。")
    found: dict[str, dict] = {}
    for k, resource in enumerate(resources):
        if not isinstance(resource, dict) or not isinstance(resource.get("name"), str) or not resource.get("path"):
            raise _catalogue_error(f"Resource {k + 1} of {_CATALOGUE} lacks a 'name' or a 'path'.",
                                   f"{_CATALOGUE} 的第 {k + 1} 个资源缺少 'name' 或 'path'。")
        name, where = resource["name"], resource["path"]
        if not isinstance(where, str):
            raise _catalogue_error(
                f"Resource '{name}' of {_CATALOGUE} has a 'path' that is not a file name: {describe(where)}.",
                f"{_CATALOGUE} 中资源 '{name}' 的 'path' 不是文件名:{describe(where)}。")
        parts = PurePosixPath(where.replace("\\", "/"))
        outside = parts.is_absolute() or Path(where).is_absolute() or ".." in parts.parts or ":" in where
        if not outside:
            try:
                (DATASETS_DIR / where).resolve().relative_to(DATASETS_DIR.resolve())
            except ValueError:  # a symbolic link out of the folder
                outside = True
        if outside:
            raise _catalogue_error(
                f"Resource '{name}' of {_CATALOGUE} has the path {where!r}, which is outside the datasets folder; "
                "a path must name a file in datasets/ (e.g. 'macro.csv').",
                f"{_CATALOGUE} 中资源 '{name}' 的路径 {where!r} 在数据文件夹之外;路径必须是 datasets/ 中的文件(例如 'macro.csv')。")
        if name in found:
            raise _catalogue_error(f"The dataset catalogue {_CATALOGUE} names two resources '{name}'.",
                                   f"数据目录 {_CATALOGUE} 中有两个名为 '{name}' 的资源。")
        found[name] = resource
    return found


def names() -> list[str]:
    """Return the names of all course datasets, sorted."""
    return sorted(_resources())


def _resource(name: object) -> dict:
    resources = _resources()
    available = ", ".join(sorted(resources))
    if not isinstance(name, str):
        raise DatasetError(_say(f"A dataset name must be text, e.g. 'macro'; got {describe(name)}. Available: {available}.",
                                f"数据集名称必须是文本,例如 'macro';收到的是 {describe(name)}。可用的数据集:{available}。"))
    key = name.strip().removesuffix(".csv")
    if key not in resources:
        by_case = {n.lower(): n for n in resources}
        short = PurePosixPath(key.replace("\\", "/")).name.lower()
        close = [by_case[short]] if short in by_case else difflib.get_close_matches(key.lower(), list(by_case), n=1)
        close = [by_case.get(c, c) for c in close]
        hint = _say(f" Did you mean '{close[0]}'?", f"您是不是想找 '{close[0]}'?") if close else ""
        raise DatasetError(_say(f"There is no dataset called '{name}'.{hint} Available: {available}.",
                                f"没有名为 '{name}' 的数据集。{hint}可用的数据集:{available}。"))
    return resources[key]


def _file_error(path: Path, en: str, zh: str, row: int | None = None, column: str | None = None,
                sep: str = ": ") -> DatasetError:
    """An error in a data file, naming the file, then the row and the column where there is one."""
    where_en = where_zh = ""
    if row is not None:
        where_en, where_zh = f", row {row}", f"第 {row} 行"
    if column is not None:
        where_en += f", column '{column}'"
        where_zh += f"'{column}' 列"
    hint = _restore_hint(path)
    return DatasetError(_say(f"In {path.name}{where_en}{sep}{en} {hint}",
                             f"{path.name}{(' ' + where_zh) if where_zh else ''}:{zh}{hint}"))


def _check_file(resource: dict, path: Path, content: bytes) -> None:
    """Check the bytes read against the hash that datapackage.json gives (refuse when it gives none)."""
    expected = resource.get("hash")
    if not expected or not isinstance(expected, str) or not expected.rpartition(":")[2].strip():
        # a deleted hash must not switch the integrity check off
        raise DatasetError(_say(
            f"datapackage.json gives no hash for {path.name} (found {describe(expected)}), so its numbers cannot be "
            f"checked against the published data. {_REBUILD[0]}",
            f"datapackage.json 没有给出 {path.name} 的哈希值(实际:{describe(expected)}),因此无法核对其数字是否与发布的数据一致。"
            f"{_REBUILD[1]}"))
    algorithm, _, digest = expected.rpartition(":")
    algorithm = (algorithm or "md5").strip().lower().replace("-", "")  # Frictionless: a bare hash is md5
    algorithm = {"sha3256": "sha3_256", "sha3512": "sha3_512"}.get(algorithm, algorithm)
    if algorithm not in _HASH_KINDS:
        raise DatasetError(_say(
            f"datapackage.json gives {path.name} a hash of an unknown kind ({algorithm!r}); expected "
            f"'sha256:<hex>'. {_REBUILD[0]}",
            f"datapackage.json 给 {path.name} 的哈希类型未知({algorithm!r});应为 'sha256:<十六进制>'。{_REBUILD[1]}"))
    digest = digest.strip().lower()
    if hashlib.new(algorithm, content).hexdigest() == digest:
        return
    # A Windows checkout (git's core.autocrlf=true) or editor may have turned LF into CRLF: the same
    # numbers with other line endings are the published data, and the reader reads both.
    if b"\r\n" in content and hashlib.new(algorithm, content.replace(b"\r\n", b"\n")).hexdigest() == digest:
        return
    hint = _restore_hint(path)
    raise DatasetError(_say(
        f"The data file {path.name} has changed since it was published "
        f"(its {algorithm} hash differs from datapackage.json), so its numbers "
        f"can no longer be traced to their sources. {hint} "
        "(Course maintainers who changed it on purpose: run "
        "`python datasets/build_datapackage.py`.)",
        f"数据文件 {path.name} 在发布后被改动过(其 {algorithm} 哈希值与 datapackage.json 不符),其数字已无法追溯到来源。{hint}"
        "(有意修改它的课程维护者:请运行 `python datasets/build_datapackage.py`。)"))


def clear_cache() -> None:
    """Forget loaded tables (after a dataset file or DATASETS_DIR changed)."""
    _package_in.cache_clear()
    _load_cached.cache_clear()


def _read_file(path: Path) -> bytes:
    """The bytes of a data file, or a plain message when it is missing, a directory, or cannot be opened."""
    if not path.exists():
        hint = _restore_hint(path)
        raise DatasetError(_say(f"The data file {path} is missing. {hint}", f"数据文件 {path} 不存在。{hint}"))
    if not path.is_file():
        hint = _restore_hint(path)
        raise DatasetError(_say(f"The data file datasets/{path.name} is a directory, not a CSV file. {hint}",
                                f"数据文件 datasets/{path.name} 是一个文件夹,而不是 CSV 文件。{hint}"))
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        hint = _restore_hint(path)
        raise DatasetError(_say(
            f"The data file datasets/{path.name} cannot be read ({error.strerror or error}). {hint}",
            f"无法读取数据文件 datasets/{path.name}({error.strerror or error})。{hint}")) from None


def _decode(path: Path, content: bytes) -> str:
    """The text of a data file: UTF-8 without a byte-order mark, as datapackage.json declares."""
    if not content:
        raise _file_error(path, "the file is empty (0 bytes): not even a header row.",
                          "文件是空的(0 字节),连标题行都没有。")
    if content.startswith(b"\xef\xbb\xbf"):
        raise _file_error(path, "the file begins with a byte-order mark (a 'UTF-8 with BOM' save, e.g. by Excel); "
                                "save it as plain UTF-8, as datapackage.json declares.",
                          "文件以字节顺序标记(BOM)开头(例如 Excel 的“带 BOM 的 UTF-8”);请按 datapackage.json 的声明保存为普通 UTF-8。",
                          row=1)
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as error:
        row = content[: error.start].count(b"\n") + 1
        raise _file_error(path, f"the file is not UTF-8 text (byte {content[error.start]:#04x}; saved as GBK or "
                                "another encoding?); save it as UTF-8, as datapackage.json declares.",
                          f"文件不是 UTF-8 文本(字节 {content[error.start]:#04x};是否保存成了 GBK 等编码?);"
                          "请按 datapackage.json 的声明保存为 UTF-8。", row=row) from None


def _records(path: Path, text: str, declared: list[str]) -> list[int]:
    """Check the header and every row's length; return the file row of each data row (the header is row 1)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    rows: list[int] = []
    try:
        for cells in reader:
            if not cells:  # a blank line, skipped as the reader skips it
                continue
            if header is None:
                header = cells
                _check_header(path, header, declared)
                continue
            if len(cells) != len(header):
                number, hint = reader.line_num, _restore_hint(path)
                if len(cells) < len(header):
                    first = header[len(cells)]
                    en = f"column '{first}' and after are missing"
                    zh = f"从 '{first}' 列起的单元格缺失"
                else:
                    en = f"it has extra cells after column '{header[-1]}': a comma too many or a stray quote?"
                    zh = f"'{header[-1]}' 列之后多出了单元格:多了逗号或引号?"
                raise DatasetError(_say(
                    f"In {path.name}, row {number} has {len(cells)} cells but the header declares {len(header)} "
                    f"({en}). {hint}",
                    f"{path.name} 第 {number} 行有 {len(cells)} 个单元格,但标题行声明了 {len(header)} 个({zh})。{hint}"))
            rows.append(reader.line_num)
    except csv.Error as error:
        raise _file_error(path, f"the file could not be read as CSV ({error}).", f"无法按 CSV 读取该文件({error})。",
                          row=reader.line_num) from None
    if header is None:
        raise _file_error(path, "the file holds only blank lines: not even a header row.", "文件只有空行,连标题行都没有。")
    if not rows:
        hint = _restore_hint(path)
        raise DatasetError(_say(f"The data file {path.name} has a header but no rows. {hint}",
                                f"数据文件 {path.name} 只有标题行,没有数据行。{hint}"))
    return rows


def _check_header(path: Path, found: list[str], declared: list[str]) -> None:
    """The header must name the declared columns in the declared order; say which differ and where."""
    if found == declared:
        return
    repeated = sorted({c for c in found if found.count(c) > 1})
    if repeated:
        raise _file_error(path, f"the header names the column(s) {', '.join(map(repr, repeated))} more than once.",
                          f"标题行重复列出了列 {', '.join(map(repr, repeated))}。", row=1)
    missing = [c for c in declared if c not in found]
    extra = [c for c in found if c not in declared]
    hint = _restore_hint(path)
    if not missing and not extra:
        moved = next(k for k, (a, b) in enumerate(zip(found, declared)) if a != b)
        raise DatasetError(_say(
            f"The columns of {path.name} are in the wrong order: column {moved + 1} is "
            f"'{found[moved]}' but datapackage.json declares '{declared[moved]}' there "
            f"(row 1, the header: {', '.join(found)}). {hint}",
            f"{path.name} 的列顺序不对:第 {moved + 1} 列是 '{found[moved]}',而 datapackage.json 在该处声明的是 "
            f"'{declared[moved]}'(第 1 行,标题行:{', '.join(found)})。{hint}"))
    parts_en, parts_zh = [], []
    if missing:
        parts_en.append(f"missing {missing} (declared, not in the file)")
        parts_zh.append(f"缺少 {missing}(已声明,但文件中没有)")
    if extra:
        at = ", ".join(f"column {found.index(c) + 1}" for c in extra)
        parts_en.append(f"unexpected {extra} ({at} of the file, not declared)")
        parts_zh.append(f"多出 {extra}(文件中的{at},未声明)")
    if missing and extra:  # the test and the older message read "missing [...], unexpected [...]"
        parts_en = [f"missing {missing}, unexpected {extra} (declared columns not in the file, and columns of the "
                    "file not declared: a renamed column?)"]
    raise DatasetError(_say(
        f"The columns of {path.name} do not match datapackage.json (row 1, the header): {'; '.join(parts_en)}. {hint}",
        f"{path.name} 的列与 datapackage.json 不符(第 1 行,标题行):{';'.join(parts_zh)}。{hint}"))


@cache
def _load_cached(directory: str, name: str):
    import pandas as pd

    resource = _resource(name)
    fields = _schema_fields(resource)
    path = DATASETS_DIR / resource["path"]
    content = _read_file(path)
    _check_file(resource, path, content)
    text = _decode(path, content)
    declared = [field["name"] for field in fields]
    rows = _records(path, text, declared)
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_values=[""])
    except Exception as error:  # the checks above make this unlikely; still say which file and how to restore
        raise _file_error(path, f"the file could not be read as CSV ({error}).",
                          f"无法按 CSV 读取该文件({error})。") from None
    if len(frame) != len(rows):  # the reader and the checks must agree on the rows, or row numbers would lie
        raise _file_error(path, f"the file could not be read as CSV ({len(frame)} rows read, {len(rows)} found).",
                          f"无法按 CSV 读取该文件(读到 {len(frame)} 行,检查到 {len(rows)} 行)。")
    for field in fields:
        column, kind = field["name"], field.get("type", "string")
        if kind in ("integer", "number"):
            frame[column] = _numbers(path, frame[column], column, kind, rows)
        elif kind == "boolean":
            cells = frame[column]
            wrong = cells.notna() & ~cells.isin(list(_BOOLEANS))
            if wrong.any():
                index = int(wrong.idxmax())
                raise _file_error(path, f"should hold true or false, but holds {cells[index]!r}.",
                                  f"应为 true 或 false,但其值为 {cells[index]!r}。", row=rows[index], column=column,
                                  sep=" ")
            frame[column] = cells.map(_BOOLEANS).astype("boolean")
    _check_constraints(path, frame, resource["schema"], fields, rows)
    return frame


def _numbers(path: Path, cells, column: str, kind: str, rows: list[int]):
    """A column of numbers (Int64 or float64) from its text, or a message naming the row and the column."""
    import pandas as pd

    converted = pd.to_numeric(cells, errors="coerce")
    bad = converted.isna() & cells.notna()
    plural = "integers" if kind == "integer" else "numbers"
    if bad.any():
        index = int(bad.idxmax())
        value = cells[index]
        hint_en, hint_zh = "", ""
        if value.strip().lower() in ("nan", "na", "n/a", "null", "none", "-", "—"):
            hint_en, hint_zh = " (leave a gap as an empty cell)", "(缺失值请留空)"
        elif "," in value or "," in value:
            hint_en, hint_zh = " (write numbers without thousands separators)", "(数字中不要写千位分隔符)"
        elif re.search(r"\d", value):
            hint_en, hint_zh = " (a number only: the unit goes in the unit column or the field's description)", \
                "(只写数字:单位写在 unit 列或字段说明中)"
        raise _file_error(path, f"should hold {plural}, but row {rows[index]} holds {value!r}{hint_en}.",
                          f"应为{'整数' if kind == 'integer' else '数字'},但第 {rows[index]} 行的值为 {value!r}{hint_zh}。",
                          column=column, sep=" ")
    infinite = converted.isin([math.inf, -math.inf])
    if infinite.any():
        index = int(infinite.idxmax())
        raise _file_error(path, f"should hold finite {plural}, but row {rows[index]} holds {cells[index]!r}.",
                          f"应为有限的数字,但第 {rows[index]} 行的值为 {cells[index]!r}。", column=column, sep=" ")
    if kind == "integer":
        fractional = converted.notna() & (converted % 1 != 0)
        huge = converted.abs() > _LARGEST_INTEGER
        for wrong, en, zh in ((fractional, "should hold whole numbers", "应为整数"),
                              (huge, f"should hold integers of at most {_LARGEST_INTEGER}", f"应为不超过 {_LARGEST_INTEGER} 的整数")):
            if wrong.any():
                index = int(wrong.idxmax())
                raise _file_error(path, f"{en}, but row {rows[index]} holds {cells[index]!r}.",
                                  f"{zh},但第 {rows[index]} 行的值为 {cells[index]!r}。", column=column, sep=" ")
    return converted.astype(_PANDAS_TYPES[kind])


def _schema_fields(resource: dict) -> list[dict]:
    """Return a resource's declared fields, or say plainly what datapackage.json lacks or gets wrong."""
    name = resource["name"]
    schema = resource.get("schema")
    fields = schema.get("fields") if isinstance(schema, dict) else None
    if not isinstance(fields, list) or not fields or not all(
            isinstance(f, dict) and isinstance(f.get("name"), str) and f["name"] for f in fields):
        raise _catalogue_error(
            f"The dataset '{name}' has no schema (a 'schema' with named 'fields') in "
            f"datapackage.json, so its columns cannot be checked.",
            f"数据集 '{name}' 在 datapackage.json 中没有 schema(带名称的 'fields'),因此无法检查其列。")
    seen: list[str] = []
    for field in fields:
        column, kind = field["name"], field.get("type", "string")
        where_en = f"datapackage.json declares the column '{column}' of '{name}'"
        where_zh = f"datapackage.json 为 '{name}' 的 '{column}' 列声明了"
        if column in seen:
            raise _catalogue_error(f"{where_en} twice.", f"{where_zh}两次。")
        seen.append(column)
        if kind not in _FIELD_TYPES:
            raise _catalogue_error(
                f"{where_en} with the type {kind!r}, which cqlab does not read; the types are "
                f"{', '.join(_FIELD_TYPES)}.",
                f"{where_zh}类型 {kind!r},cqlab 无法读取;可用类型:{', '.join(_FIELD_TYPES)}。")
        constraints = field.get("constraints", {})
        if not isinstance(constraints, dict):
            raise _catalogue_error(f"{where_en} with 'constraints' that are not an object: {describe(constraints)}.",
                                   f"{where_zh}不是对象的 'constraints':{describe(constraints)}。")
        if "enum" in constraints and (not isinstance(constraints["enum"], list) or not constraints["enum"]):
            raise _catalogue_error(f"{where_en} with an 'enum' that is not a list of values: "
                                   f"{describe(constraints['enum'])}.",
                                   f"{where_zh}不是取值列表的 'enum':{describe(constraints['enum'])}。")
        if "pattern" in constraints:
            try:
                re.compile(str(constraints["pattern"]))
            except re.error as error:
                raise _catalogue_error(f"{where_en} with a 'pattern' that is not a regular expression "
                                       f"({constraints['pattern']!r}: {error}).",
                                       f"{where_zh}不是正则表达式的 'pattern'({constraints['pattern']!r}:{error})。") from None
        for bound in ("minimum", "maximum"):
            if bound in constraints and (isinstance(constraints[bound], bool)
                                         or not isinstance(constraints[bound], (int, float))):
                raise _catalogue_error(f"{where_en} with a '{bound}' that is not a number: {describe(constraints[bound])}.",
                                       f"{where_zh}不是数字的 '{bound}':{describe(constraints[bound])}。")
    key = schema.get("primaryKey")
    key = [key] if isinstance(key, str) else key
    if key is not None and (not isinstance(key, list) or any(k not in seen for k in key)):
        raise _catalogue_error(
            f"The primaryKey {describe(schema.get('primaryKey'))} of '{name}' in datapackage.json names no declared "
            f"column(s); the columns are {', '.join(seen)}.",
            f"datapackage.json 中 '{name}' 的 primaryKey {describe(schema.get('primaryKey'))} 不是已声明的列。")
    return fields


def _check_constraints(path: Path, frame, schema: dict, fields: list[dict], rows: list[int]) -> None:
    """Check the schema's required, unique, enum, pattern, minimum and maximum constraints, a primary key
    without repeats, and a yearly key without gaps."""

    def fail(column: str, index, what: str, what_zh: str) -> None:
        raise _file_error(path, f"{what}.", f"{what_zh}。", row=rows[int(index)], column=column, sep=" ")

    for field in fields:
        column, constraints = field["name"], field.get("constraints") or {}
        numeric = field.get("type") in ("integer", "number")
        values = frame[column]
        if constraints.get("required"):
            empty = values.isna() | (values.astype(str).str.strip() == "" if not numeric else False)
            if empty.any():
                fail(column, empty.idxmax(), "is empty, but every row needs a value", "为空,但每一行都必须有值")
        if constraints.get("unique"):
            repeated = values.notna() & values.duplicated(keep="first")
            if repeated.any():
                index = repeated.idxmax()
                first = rows[int(values[values == values[index]].index[0])]
                shown = _plain(values[index])
                fail(column, index, f"repeats the value {shown!r} of row {first}, which must be unique",
                     f"重复了第 {first} 行的值 {shown!r},但该列的值必须唯一")
        if "enum" in constraints:
            if numeric:
                allowed_numbers = {float(v) for v in constraints["enum"] if _is_number(v)}
                outside = values.notna() & ~values.astype(float).isin(allowed_numbers)
            else:
                outside = values.notna() & ~values.astype(str).isin({str(v) for v in constraints["enum"]})
            allowed = ", ".join(sorted(str(v) for v in constraints["enum"]))
            if outside.any():
                index = outside.idxmax()
                fail(column, index, f"holds {_plain(values[index])!r}, not one of {allowed}",
                     f"的值为 {_plain(values[index])!r},不是以下之一:{allowed}")
        if "pattern" in constraints:
            wrong = values.notna() & ~values.astype(str).str.fullmatch(str(constraints["pattern"])).fillna(False)
            if wrong.any():
                index = wrong.idxmax()
                fail(column, index, f"holds {values[index]!r}, which does not match {constraints['pattern']!r}",
                     f"的值为 {values[index]!r},不符合 {constraints['pattern']!r}")
        for bound, beyond in (("minimum", lambda v, b: v < b), ("maximum", lambda v, b: v > b)):
            if bound in constraints and numeric:
                wrong = values.notna() & beyond(values.astype(float), constraints[bound])
                if wrong.any():
                    index = wrong.idxmax()
                    fail(column, index, f"holds {_plain(values[index])!r}, beyond the declared {bound} {constraints[bound]}",
                         f"的值为 {_plain(values[index])!r},超出声明的{'最小值' if bound == 'minimum' else '最大值'} {constraints[bound]}")
    key = schema.get("primaryKey")
    key = [key] if isinstance(key, str) else list(key or [])
    if key:
        repeated = frame.duplicated(subset=key, keep="first") & frame[key].notna().all(axis=1)
        if repeated.any():
            index = repeated.idxmax()
            shown = ", ".join(f"{k}={_plain(frame.at[index, k])!r}" for k in key)
            fail(", ".join(key), index, f"repeats the primary key ({shown}), which must be unique",
                 f"重复了主键({shown}),主键必须唯一")
    if key == ["year"]:  # a yearly series: a deleted year would silently stretch a growth rate
        years = frame["year"].dropna().astype(int).sort_values()
        gaps = years.diff().fillna(1) != 1
        if gaps.any():
            index = gaps.idxmax()
            before = int(years.shift()[index])
            fail("year", index, f"jumps to {int(years[index])} after {before}: a year is missing",
                 f"从 {before} 跳到 {int(years[index])}:缺了年份")


def _plain(value):
    """A cell as Python shows it plainly (1954, not np.int64(1954))."""
    return value.item() if hasattr(value, "item") else value


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) or (
        isinstance(value, str) and re.fullmatch(r"-?\d+(\.\d+)?", value.strip()) is not None)


def load(name: str):
    """Return the dataset ``name`` as a pandas DataFrame with its declared column types.

    ``name`` is one of ``names()`` (text; '.csv' may be added). Integers are pandas' nullable ``Int64``,
    numbers ``float64``, text ``str``. An unknown name raises DatasetError listing the available names;
    a damaged file raises DatasetError naming the file, the row and the column. Each call returns a fresh
    copy, so changing it in a lesson never changes what the next cell loads.
    """
    return _load_cached(str(DATASETS_DIR), _resource(name)["name"]).copy()


def _listed(resource: dict, key: str) -> list[dict]:
    """A resource's 'sources' or 'licenses': a list of objects, or a plain message about datapackage.json."""
    items = resource.get(key, [])
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise _catalogue_error(
            f"The '{key}' of the dataset '{resource['name']}' in datapackage.json is not a list of objects: "
            f"{describe(items)}.",
            f"datapackage.json 中数据集 '{resource['name']}' 的 '{key}' 不是对象列表:{describe(items)}。")
    return items


def sources(name: str) -> list[dict]:
    """Return the sources of a dataset as a list of {"title", "path"} dictionaries."""
    return [dict(source) for source in _listed(_resource(name), "sources")]


def fields(name: str):
    """Return a table of the dataset's columns: name, type and description (with units)."""
    import pandas as pd

    rows = [
        {"column": f["name"], "type": f.get("type", "string"), "description": f.get("description", "")}
        for f in _schema_fields(_resource(name))
    ]
    return pd.DataFrame(rows)


def citation(name: str) -> str:
    """Return a one-line citation for a dataset, for a chart caption or a reference list."""
    resource = _resource(name)
    titles = "; ".join(str(source.get("title", "")) for source in _listed(resource, "sources")[:2])
    licences = ", ".join(str(lic.get("name", lic.get("title", ""))) for lic in _listed(resource, "licenses"))
    title = resource.get("title", resource["name"])
    parts = [f"Chongqing Policy Lab, '{title}' (datasets/{resource['path']})"]
    if titles:
        parts.append(f"from {titles}")
    if licences:
        parts.append(f"licence {licences}")
    return ", ".join(parts) + "."


def value(name: str, **where) -> float:
    """Return the one value in dataset ``name`` whose columns equal ``where``.

    For example ``value("macro", indicator="GDP", year=2024)``: each filter is one value of the column's
    kind (a number for a number column, text for a text column). Raises DatasetError when no row or more
    than one row matches, saying which (and what a near miss would have matched), so a lesson never picks a
    number silently.
    """
    frame = load(name)
    if "value" not in frame.columns:
        raise DatasetError(_say(
            f"Dataset '{name}' has no 'value' column, so value() cannot pick a number from it; use "
            f"data.row('{name}', ...) for a whole row. Columns: {', '.join(frame.columns)}.",
            f"数据集 '{name}' 没有 'value' 列,value() 无法从中取出一个数字;要取整行请用 data.row('{name}', ...)。"
            f"列:{', '.join(frame.columns)}。"))
    number = row(name, frame=frame, **where)["value"]
    if number != number:  # NaN: the matching row has no value
        condition = ", ".join(f"{k}={v!r}" for k, v in where.items())
        raise DatasetError(_say(f"The row of '{name}' with {condition} has no value (the cell is empty).",
                                f"'{name}' 中 {condition} 的那一行没有数值(单元格为空)。"))
    return float(number)


def _check_filter(name: str, frame, column: str, wanted) -> None:
    """A filter is one value of the column's kind: a number for numbers, text for text, True/False for flags."""
    import numbers

    import pandas as pd

    if column not in frame.columns:
        close = difflib.get_close_matches(str(column), [str(c) for c in frame.columns], n=1)
        hint = _say(f" Did you mean '{close[0]}'?", f"您是不是想写 '{close[0]}'?") if close else ""
        raise DatasetError(_say(f"Dataset '{name}' has no column '{column}'.{hint} Columns: {', '.join(frame.columns)}.",
                                f"数据集 '{name}' 没有 '{column}' 列。{hint}列:{', '.join(frame.columns)}。"))
    if not pd.api.types.is_scalar(wanted):
        raise DatasetError(_say(f"The filter {column}= must be one value (text or a number); got {describe(wanted)}.",
                                f"筛选条件 {column}= 必须是单个值(文本或数字);收到的是 {describe(wanted)}。"))
    if wanted is None or (isinstance(wanted, float) and math.isnan(wanted)):
        raise DatasetError(_say(
            f"The filter {column}= must be a value to match; got {describe(wanted)} (a row with an empty cell "
            "cannot be picked by it).",
            f"筛选条件 {column}= 必须是要匹配的值;收到的是 {describe(wanted)}(不能用它选出单元格为空的行)。"))
    import numpy as np

    dtype = frame[column].dtype
    is_bool = isinstance(wanted, (bool, np.bool_))
    if pd.api.types.is_bool_dtype(dtype):
        holds_en, holds_zh = "True or False", "True/False"
        expected_en, expected_zh, fits = "True or False", "True 或 False", is_bool
    elif pd.api.types.is_numeric_dtype(dtype):
        holds_en, holds_zh = "numbers", "数字"
        expected_en, expected_zh = "a number", "数字"
        try:
            fits = isinstance(wanted, numbers.Real) and not is_bool and math.isfinite(float(wanted))
        except OverflowError:  # 10**400: no number in the data is that large
            fits, expected_en, expected_zh = False, "a number of a sensible size", "大小合理的数字"
    else:
        holds_en, holds_zh = "text", "文本"
        expected_en, expected_zh, fits = "text", "文本", isinstance(wanted, str)
    if not fits:
        example = ""
        if expected_en == "a number" and isinstance(wanted, str) and _is_number(wanted):
            example = _say(f" Write {column}={wanted.strip()}, without quotes.", f"请写 {column}={wanted.strip()},不加引号。")
        elif expected_en == "text" and isinstance(wanted, numbers.Number) and not is_bool:
            example = _say(f" Write {column}='{wanted}', in quotes.", f"请写 {column}='{wanted}',加引号。")
        raise DatasetError(_say(
            f"The column '{column}' of '{name}' holds {holds_en}, so the filter {column}= must be {expected_en}; "
            f"got {describe(wanted)}.{example}",
            f"'{name}' 的 '{column}' 列是{holds_zh},所以筛选条件 {column}= 必须是{expected_zh};"
            f"收到的是 {describe(wanted)}。{example}"))


def row(name: str, frame=None, **where):
    """Return the one row (a pandas Series) of dataset ``name`` matching ``where`` (see :func:`value`).

    ``frame`` is an already loaded copy of the dataset (a DataFrame), or None to load it.
    """
    import pandas as pd

    if frame is None:
        frame = load(name)
    elif not isinstance(frame, pd.DataFrame) or len(frame.columns) == 0:
        raise DatasetError(_say(f"frame must be the loaded dataset (a table), or None; got {describe(frame)}.",
                                f"frame 必须是已载入的数据集(表格)或 None;收到的是 {describe(frame)}。"))
    if not where:
        raise DatasetError(_say(
            f"Say which row of '{name}' you want, e.g. a column=value filter; columns: {', '.join(frame.columns)}.",
            f"请说明要 '{name}' 的哪一行,例如用 列=值 筛选;列:{', '.join(frame.columns)}。"))
    mask = None
    for column, wanted in where.items():
        _check_filter(name, frame, column, wanted)
        match = frame[column] == wanted
        mask = match if mask is None else mask & match
    selected = frame[mask.fillna(False)]
    if len(selected) == 1:
        return selected.iloc[0]
    condition = ", ".join(f"{k}={v!r}" for k, v in where.items())
    detail_en = detail_zh = ""
    if len(selected) == 0:  # a near miss: text that differs in case or spelling from a value of the column
        for column, wanted in where.items():
            if isinstance(wanted, str) and not (frame[column] == wanted).any():
                values = [str(v) for v in frame[column].dropna().unique()]
                by_case = {v.strip().lower(): v for v in values}
                close = [by_case[wanted.strip().lower()]] if wanted.strip().lower() in by_case else \
                    difflib.get_close_matches(wanted, values, n=1)
                if close:
                    detail_en = f" No row has {column}={wanted!r}; did you mean {close[0]!r}?"
                    detail_zh = f"没有任何一行的 {column}={wanted!r};您是不是想写 {close[0]!r}?"
                    break
    else:  # several rows: name the columns that tell them apart
        differ = [c for c in selected.columns if c not in where and selected[c].nunique(dropna=False) > 1][:4]
        if differ:
            detail_en = f" They differ in {', '.join(differ)}: add a filter on one of them."
            detail_zh = f"这些行在 {', '.join(differ)} 上不同:请再加一个筛选条件。"
    raise DatasetError(_say(f"Expected exactly one row of '{name}' with {condition}; found {len(selected)}.{detail_en}",
                            f"'{name}' 中 {condition} 的行应恰好有一行;实际找到 {len(selected)} 行。{detail_zh}"))


# Shown in a notebook, a table's headers follow the course language (the data keep English keys).
from cqlab.tables import install_display_headers  # noqa: E402

install_display_headers()
