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
    number = float(value)
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
    if value not in options:
        shown = ", ".join(repr(c) for c in options)
        raise CqlabInputError(f"{name} must be one of {shown}; got {describe(value)}.")
    return value
