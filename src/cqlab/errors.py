"""Errors a student can cause, shown as one plain sentence instead of a traceback."""

from __future__ import annotations


class CqlabInputError(ValueError):
    """A value given to cqlab was not what was expected.

    The message always says what was expected and what was given. In a notebook,
    IPython shows only that message (through ``_render_traceback_``), not a stack
    of library frames, because the student's mistake is in their cell, not in ours.
    """

    def _render_traceback_(self) -> list[str]:  # noqa: D401 - IPython hook
        return [f"\x1b[31m{type(self).__name__}\x1b[0m: {self}"]


class DatasetError(CqlabInputError):
    """A dataset is missing, unknown, or does not match its declared schema."""


def describe(value: object) -> str:
    """Return a short, readable description of a value for an error message."""
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} ({type(value).__name__})"


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

    kind = "a whole number" if integer else "a number"
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise CqlabInputError(f"{name} must be {kind}; got {describe(value)}.")
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float, e.g. 10**400
        raise CqlabInputError(f"{name} is far too large; got {describe(value)}.") from None
    if math.isnan(number) or math.isinf(number):
        raise CqlabInputError(f"{name} must be {kind}, not {number}.")
    if integer and number != int(number):
        raise CqlabInputError(f"{name} must be a whole number; got {value!r}.")
    if minimum is not None and (number < minimum or (not allow_min and number == minimum)):
        bound = f"at least {minimum:g}" if allow_min else f"greater than {minimum:g}"
        raise CqlabInputError(f"{name} must be {bound}; got {value!r}.")
    if maximum is not None and number > maximum:
        raise CqlabInputError(f"{name} must be at most {maximum:g}; got {value!r}.")
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
        raise CqlabInputError(f"{name} must be one of {shown}; got {describe(value)}.")
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


def expect_text(value: object, name: str, example: str = "") -> str:
    """Check that ``value`` is text (a str); return it stripped."""
    if not isinstance(value, str):
        hint = f" such as {example!r}" if example else ""
        raise CqlabInputError(f"{name} must be text{hint}; got {describe(value)}.")
    return value.strip()


def expect_table(value: object, name: str, columns=(), example: str = "") -> object:
    """Check that ``value`` is a pandas DataFrame with ``columns`` and at least one row; return it."""
    hint = f", e.g. {example}" if example else ""
    if not hasattr(value, "columns") or not hasattr(value, "iloc"):
        raise CqlabInputError(f"{name} must be a table (a pandas DataFrame){hint}; got {describe(value)}.")
    missing = [c for c in columns if c not in value.columns]
    if missing:
        raise CqlabInputError(
            f"{name} lacks the column(s) {', '.join(map(str, missing))}{hint}; it has "
            f"{', '.join(map(str, value.columns)) or 'no columns'}."
        )
    if len(value) == 0:
        raise CqlabInputError(f"{name} is an empty table (no rows){hint}.")
    return value


def expect_list(value: object, name: str, example: str = "") -> list:
    """Check that ``value`` is a list-like of items (not text, a dict or a table); return it as a list."""
    if isinstance(value, (str, bytes, dict)) or not hasattr(value, "__iter__") or hasattr(value, "columns"):
        hint = f", e.g. {example}" if example else ""
        raise CqlabInputError(f"{name} must be a list{hint}; got {describe(value)}.")
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
        raise CqlabInputError(
            f"{what}{given} is too large to compute (it overflows to {number}); use smaller or less extreme inputs."
        )
    return number


def expect_numbers(values: object, name: str, *, minimum: float | None = None, maximum: float | None = None):
    """Check a list/array of finite real numbers; return them as a float numpy array (any shape)."""
    import numpy as np

    if isinstance(values, (str, bytes, dict)):
        raise CqlabInputError(f"{name} must be a number or a list of numbers; got {describe(values)}.")
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError, OverflowError):
        raise CqlabInputError(f"{name} must be a number or a list of numbers; got {describe(values)}.") from None
    if array.size > MAX_COUNT * 10:
        raise CqlabInputError(f"{name} holds {array.size} values; at most {MAX_COUNT * 10} are accepted.")
    bad = ~np.isfinite(array)
    if bad.any():
        raise CqlabInputError(f"{name} must hold finite numbers, not {array[bad].flat[0]} (in {describe(values)}).")
    if minimum is not None and (array < minimum).any():
        raise CqlabInputError(f"{name} must be at least {minimum:g}; got {array[array < minimum].flat[0]:g}.")
    if maximum is not None and (array > maximum).any():
        raise CqlabInputError(f"{name} must be at most {maximum:g}; got {array[array > maximum].flat[0]:g}.")
    return array
