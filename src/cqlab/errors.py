"""Errors a student can cause, shown as one plain sentence instead of a traceback."""

from __future__ import annotations


class CqlabInputError(ValueError):
    """A value given to cqlab was not what was expected.

    The message always says what was expected and what was given, in the course language (the shared checks
    below; a parameter's name stays as the code spells it). In a notebook,
    IPython shows only that message (through ``_render_traceback_``), not a stack
    of library frames, because the student's mistake is in their cell, not in ours.
    """

    def _render_traceback_(self) -> list[str]:  # noqa: D401 - IPython hook
        return [f"\x1b[31m{type(self).__name__}\x1b[0m: {self}"]


class DatasetError(CqlabInputError):
    """A dataset is missing, unknown, or does not match its declared schema."""


def _say(en: str, zh: str) -> str:
    """The message in the course language (cqlab.i18n imports this module, hence the late import)."""
    from cqlab.i18n import get_language

    return zh if get_language() == "zh" else en


def describe(value: object) -> str:
    """Return a short, one-line, readable description of a value for an error message.

    A table, a column or an array is described by its shape (its repr would spread over many lines)."""
    kind = type(value).__name__
    columns, shape = getattr(value, "columns", None), getattr(value, "shape", None)
    if columns is not None and shape is not None and len(shape) == 2:  # a pandas DataFrame
        names = ", ".join(str(c) for c in list(columns)[:5]) + (", ..." if len(columns) > 5 else "")
        return _say(f"a table with columns [{names}] and {shape[0]} row(s) ({kind})",
                    f"一个表格,列为 [{names}],共 {shape[0]} 行({kind})")
    if shape is not None and not isinstance(value, (str, bytes)) and len(shape) >= 1 and kind != "generic":
        try:
            size = len(value)  # a Series, an array, a list-like with a shape
        except TypeError:
            size = None
        if size is not None:
            first = [v.item() if hasattr(v, "item") and getattr(v, "shape", None) == () else v
                     for v in list(value)[:3]]
            head = ", ".join(" ".join(repr(v).split()) for v in first) + (", ..." if size > 3 else "")
            return _say(f"{size} values [{head}] ({kind})", f"{size} 个值 [{head}]({kind})")
    # a str's repr is one line already (newlines are escaped) and its spaces are what was typed: keep them;
    # a numpy number read from a table reads as 1.0, not np.float64(1.0)
    plain = value.item() if hasattr(value, "item") and getattr(value, "shape", None) == () else value
    plain = plain if isinstance(plain, (int, float, str)) else value  # not a date's datetime.date(...)
    text = repr(plain) if isinstance(plain, str) else " ".join(repr(plain).split())
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} ({type(value).__name__})"


def _quoted(value: object) -> str:
    """A number as a student wrote it: numpy scalars read from a table show as 2.0, not np.float64(2.0)."""
    return repr(value.item() if hasattr(value, "item") and getattr(value, "shape", None) == () else value)


def expect_number(
    value: object,
    name: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    allow_min: bool = True,
    integer: bool = False,
) -> float:
    """Check that ``value`` is a finite real number in range; return it as float.

    Raises CqlabInputError naming the parameter, the expected range and the value given.
    """
    import math
    import numbers

    kind, kind_zh = ("a whole number", "整数") if integer else ("a number", "数字")
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise CqlabInputError(_say(f"{name} must be {kind}; got {describe(value)}.",
                                   f"{name} 必须是{kind_zh};收到的是 {describe(value)}。"))
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float, e.g. 10**400
        raise CqlabInputError(_say(f"{name} is far too large; got {describe(value)}.",
                                   f"{name} 太大了;收到的是 {describe(value)}。")) from None
    if math.isnan(number) or math.isinf(number):
        raise CqlabInputError(_say(f"{name} must be {kind}, not {number}.", f"{name} 必须是{kind_zh},不能是 {number}。"))
    if integer and number != int(number):
        raise CqlabInputError(_say(f"{name} must be a whole number; got {_quoted(value)}.",
                                   f"{name} 必须是整数;收到的是 {_quoted(value)}。"))
    if minimum is not None and (number < minimum or (not allow_min and number == minimum)):
        bound = f"at least {minimum:g}" if allow_min else f"greater than {minimum:g}"
        bound_zh = f"至少为 {minimum:g}" if allow_min else f"大于 {minimum:g}"
        raise CqlabInputError(_say(f"{name} must be {bound}; got {_quoted(value)}.", f"{name} 必须{bound_zh};收到的是 {_quoted(value)}。"))
    if maximum is not None and number > maximum:
        raise CqlabInputError(_say(f"{name} must be at most {maximum:g}; got {_quoted(value)}.",
                                   f"{name} 最多为 {maximum:g};收到的是 {_quoted(value)}。"))
    return number


def expect_choice(value: object, name: str, choices) -> object:
    """Check that ``value`` is one of ``choices``; return it."""
    options = list(choices)
    try:
        found = bool(value in options)
    except (TypeError, ValueError):  # an array compared elementwise
        found = False
    if not found:
        shown = ", ".join(repr(c) for c in options)
        raise CqlabInputError(_say(f"{name} must be one of {shown}; got {describe(value)}.",
                                   f"{name} 必须是以下之一:{shown};收到的是 {describe(value)}。"))
    return value


class CqlabWarning(UserWarning):
    """A value is legal but suspicious (e.g. market shares that sum to 1, as if given as fractions)."""


#: The longest horizon, in years, that any projection, path or target check accepts. Longer ones are
#: not policy questions, and a path of 10**12 years would exhaust the memory of the kernel.
MAX_YEARS = 500
#: The largest count of items (firms, nodes, steps, grid points) a student may ask a function to make.
MAX_COUNT = 100_000


def expect_count(value: object, name: str, *, minimum: int = 0, maximum: int = MAX_COUNT) -> int:
    """Check a whole number of years, firms, steps ... in [minimum, maximum]; return it as int.

    Every horizon, count and grid size passes through here, so none can hang a kernel.
    """
    return int(expect_number(value, name, minimum=minimum, maximum=maximum, integer=True))


def expect_text(value: object, name: str, example: str = "", *, nonblank: bool = False) -> str:
    """Check that ``value`` is text (a str); return it stripped.

    With ``nonblank`` (a name, a key, a span: something that must say what it means), text that is empty or
    only spaces and control characters is refused too, quoting what was given (stripped it would read '')."""
    hint = f" such as {example!r}" if example else ""
    hint_zh = f"(例如 {example!r})" if example else ""
    if not isinstance(value, str):
        raise CqlabInputError(_say(f"{name} must be text{hint}; got {describe(value)}.",
                                   f"{name} 必须是文本{hint_zh};收到的是 {describe(value)}。"))
    if nonblank and not value.strip():
        raise CqlabInputError(_say(f"{name} must not be blank; give a name{hint}; got {_quoted(value)}.",
                                   f"{name} 不能为空白{hint_zh};收到的是 {_quoted(value)}。"))
    return value.strip()


def expect_table(value: object, name: str, columns=(), example: str = "") -> object:
    """Check that ``value`` is a pandas DataFrame with ``columns`` and at least one row; return it."""
    hint = f", e.g. {example}" if example else ""
    hint_zh = f"(例如 {example})" if example else ""
    if not hasattr(value, "columns") or not hasattr(value, "iloc"):
        raise CqlabInputError(_say(f"{name} must be a table (a pandas DataFrame){hint}; got {describe(value)}.",
                                   f"{name} 必须是表格(pandas DataFrame){hint_zh};收到的是 {describe(value)}。"))
    missing = [c for c in columns if c not in value.columns]
    if missing:
        has = ", ".join(map(str, value.columns))
        raise CqlabInputError(_say(
            f"{name} lacks the column(s) {', '.join(map(str, missing))}{hint}; it has {has or 'no columns'}.",
            f"{name} 缺少列 {', '.join(map(str, missing))}{hint_zh};现有的列:{has or '无'}。"))
    if len(value) == 0:
        raise CqlabInputError(_say(f"{name} is an empty table (no rows){hint}.", f"{name} 是空表(没有行){hint_zh}。"))
    return value


def expect_list(value: object, name: str, example: str = "") -> list:
    """Check that ``value`` is a list-like of items (not text, a dict or a table); return it as a list."""
    if isinstance(value, (str, bytes, dict)) or not hasattr(value, "__iter__") or hasattr(value, "columns"):
        hint = f", e.g. {example}" if example else ""
        hint_zh = f"(例如 {example})" if example else ""
        raise CqlabInputError(_say(f"{name} must be a list{hint}; got {describe(value)}.",
                                   f"{name} 必须是列表{hint_zh};收到的是 {describe(value)}。"))
    return list(value)


def expect_finite_result(value: float, what: str, inputs: str = "") -> float:
    """Check that a computed number is finite (not an overflow to inf or a NaN); return it."""
    import math

    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if math.isnan(number) or math.isinf(number):
        given = f" for {inputs}" if inputs else ""
        given_zh = f"(输入 {inputs})" if inputs else ""
        raise CqlabInputError(_say(
            f"{what}{given} is too large to compute (it overflows to {number}); use smaller or less extreme inputs.",
            f"{what}{given_zh}太大,无法计算(溢出为 {number});请用更小或不那么极端的输入。"))
    return number


def expect_numbers(values: object, name: str, *, minimum: float | None = None, maximum: float | None = None):
    """Check a list/array of finite real numbers; return them as a float numpy array (any shape)."""
    import numpy as np

    not_numbers = (f"{name} must be a number or a list of numbers; got {describe(values)}.",
                   f"{name} 必须是一个数字或一组数字;收到的是 {describe(values)}。")
    if isinstance(values, (str, bytes, dict)):
        raise CqlabInputError(_say(*not_numbers))
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError, OverflowError):
        raise CqlabInputError(_say(*not_numbers)) from None
    if array.size > MAX_COUNT * 10:
        raise CqlabInputError(_say(f"{name} holds {array.size} values; at most {MAX_COUNT * 10} are accepted.",
                                   f"{name} 含 {array.size} 个值;最多接受 {MAX_COUNT * 10} 个。"))
    bad = ~np.isfinite(array)
    if bad.any():
        raise CqlabInputError(_say(f"{name} must hold finite numbers, not {array[bad].flat[0]} (in {describe(values)}).",
                                   f"{name} 必须是有限的数字,不能是 {array[bad].flat[0]}(在 {describe(values)} 中)。"))
    if minimum is not None and (array < minimum).any():
        raise CqlabInputError(_say(f"{name} must be at least {minimum:g}; got {array[array < minimum].flat[0]:g}.",
                                   f"{name} 必须至少为 {minimum:g};收到的是 {array[array < minimum].flat[0]:g}。"))
    if maximum is not None and (array > maximum).any():
        raise CqlabInputError(_say(f"{name} must be at most {maximum:g}; got {array[array > maximum].flat[0]:g}.",
                                   f"{name} 最多为 {maximum:g};收到的是 {array[array > maximum].flat[0]:g}。"))
    return array


def expect_number_columns(table, name: str, columns, *, allow_missing: bool = False, row_label: str | None = None,
                          advice: tuple[str, str] = ("", "")) -> None:
    """Check that each of ``columns`` of the DataFrame ``table`` holds finite real numbers.

    The first bad cell is named by its column, its row (the value in ``row_label``, e.g. the year, or the
    row's index) and what it holds. ``allow_missing`` lets blank cells (NaN) through, for tables such as
    the Penn World Table whose early years are blank; text, True/False and infinities are still refused.
    ``advice`` is an (English, Chinese) sentence added to the message, e.g. how to make the table.
    """
    import numbers

    import numpy as np
    import pandas as pd

    labelled = row_label is not None and row_label in table.columns
    for column in columns:
        cells = table[column]
        if pd.api.types.is_numeric_dtype(cells) and not pd.api.types.is_bool_dtype(cells):
            values = cells.to_numpy(dtype=float)
            bad = np.isinf(values) if allow_missing else ~np.isfinite(values)
            if not bad.any():
                continue
            positions = np.flatnonzero(bad)
        else:  # text, True/False or mixed cells: find the first one that is not a number
            positions = []
            for position, cell in enumerate(cells):
                if allow_missing and not isinstance(cell, str) and pd.isna(cell):
                    continue
                if (isinstance(cell, numbers.Real) and not isinstance(cell, (bool, np.bool_))
                        and np.isfinite(float(cell))):
                    continue
                positions = [position]
                break
            if not len(positions):
                continue
        position = int(positions[0])
        cell = cells.iloc[position]
        where = table[row_label].iloc[position] if labelled else cells.index[position]
        where = where.item() if hasattr(where, "item") else where
        at, at_zh = (f"{row_label} {where}", f"{row_label} 为 {where} 的行") if labelled else (
            f"row {where!r}", f"第 {where!r} 行")
        cell = cell.item() if hasattr(cell, "item") else cell
        blank = not isinstance(cell, str) and pd.isna(cell)
        shown, shown_zh = ("a missing value (NaN)", "缺失值(NaN)") if blank else (describe(cell), describe(cell))
        raise CqlabInputError(_say(
            f"{name}: the column {column} must hold finite numbers; at {at} it holds {shown}. {advice[0]}".strip(),
            f"{name}:{column} 列必须是有限的数字;{at_zh}为 {shown_zh}。{advice[1]}".strip()))


def _split_top(spec: str, separator: str) -> list[str]:
    """Split a type annotation such as 'tuple[str, str] | None' at ``separator`` outside brackets."""
    parts, depth, current = [], 0, ""
    for char in spec:
        depth += char == "["
        depth -= char == "]"
        if char == separator and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    return [*parts, current.strip()]


def _fits(value: object, spec: str, names: dict) -> bool:
    """True when ``value`` is of the kind the annotation text ``spec`` names (float: finite real, ...)."""
    import math
    import numbers

    import numpy as np

    spec = spec.strip()
    alternatives = _split_top(spec, "|")
    if len(alternatives) > 1:
        return any(_fits(value, alternative, names) for alternative in alternatives)
    if spec == "None":
        return value is None
    if spec == "float":
        return (isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))
                and math.isfinite(float(value)))
    if spec == "int":
        return isinstance(value, numbers.Integral) and not isinstance(value, (bool, np.bool_))
    if spec == "bool":
        return isinstance(value, (bool, np.bool_))
    if spec in ("str", "dict", "list", "tuple"):
        return isinstance(value, {"str": str, "dict": dict, "list": (list, tuple), "tuple": tuple}[spec])
    if spec.startswith(("list[", "tuple[")) and spec.endswith("]"):
        outer, inner = spec[:-1].split("[", 1)
        kinds = (list, tuple, np.ndarray) if outer == "list" else (tuple,)
        if not isinstance(value, kinds):
            return False
        items = _split_top(inner, ",")
        if outer == "list" or (len(items) == 2 and items[1] == "..."):
            return all(_fits(item, items[0], names) for item in value)
        return len(value) == len(items) and all(_fits(v, s, names) for v, s in zip(value, items))
    kind = names.get(spec)
    return isinstance(kind, type) and isinstance(value, kind)


_KIND_WORDS = {"float": ("a finite number", "有限的数字"), "int": ("a whole number", "整数"),
               "bool": ("True or False", "True 或 False"), "str": ("text", "文本"), "dict": ("a dict", "字典"),
               "list": ("a list", "列表"), "tuple": ("a tuple", "元组"), "None": ("None", "None")}


def _kind_words(spec: str) -> tuple[str, str]:
    """An annotation such as 'tuple[int, int] | None' in words: ('a tuple of 2 (a whole number, ...) or None', ...)."""
    spec = spec.strip()
    alternatives = _split_top(spec, "|")
    if len(alternatives) > 1:
        words = [_kind_words(alternative) for alternative in alternatives]
        return " or ".join(w[0] for w in words), " 或 ".join(w[1] for w in words)
    if spec in _KIND_WORDS:
        return _KIND_WORDS[spec]
    if spec.startswith(("list[", "tuple[")) and spec.endswith("]"):
        outer, inner = spec[:-1].split("[", 1)
        items = _split_top(inner, ",")
        if outer == "list" or (len(items) == 2 and items[1] == "..."):
            each = _kind_words(items[0])
            return f"a {outer} whose every item is {each[0]}", f"{_KIND_WORDS[outer][1]},每一项都是{each[1]}"
        each = [_kind_words(item) for item in items]
        return (f"a tuple of {len(items)} ({', '.join(w[0] for w in each)})",
                f"{len(items)} 项的元组({'、'.join(w[1] for w in each)})")
    return f"a {spec}", f"一个 {spec}"


def check_fields(instance, made_by: str) -> None:
    """Check that every field of the result dataclass ``instance`` holds the kind its annotation names.

    Results are made by cqlab's functions (``made_by``), which check their inputs; a result built by
    hand (``TargetCheck(baseline='x', ...)``) is checked here, so that its methods never compute from
    text, True/False, NaN or infinity. Called from each result's ``__post_init__``.
    """
    import dataclasses
    import sys

    names = vars(sys.modules[type(instance).__module__])
    for field in dataclasses.fields(instance):
        value = getattr(instance, field.name)
        spec = field.type if isinstance(field.type, str) else getattr(field.type, "__name__", str(field.type))
        if not _fits(value, spec, names):
            kind, kind_zh = _kind_words(spec)
            raise CqlabInputError(_say(
                f"{type(instance).__name__}'s {field.name} must be {kind}; got {describe(value)}. "
                f"A {type(instance).__name__} is what {made_by} returns; build one by hand only with such values.",
                f"{type(instance).__name__} 的 {field.name} 必须是{kind_zh};收到的是 {describe(value)}。"
                f"{type(instance).__name__} 是 {made_by} 的返回值;手动构造时只能使用这类值。"))
