"""Convert between Chinese number units (万, 亿, 万亿) and thousands/millions/billions/trillions.

Chinese statistics count in 万 (10^4) and 亿 (10^8); English in thousands (10^3) and
millions (10^6). 1 亿 = 100 million; 1 万亿 = 1 trillion; 5000 亿 = 500 billion.
"""

from __future__ import annotations

from cqlab.errors import (
    CqlabInputError,
    describe,
    expect_choice,
    expect_count,
    expect_finite_result,
    expect_number,
)

#: How many ones each unit word stands for.
SCALE = {
    "": 1.0,
    "one": 1.0,
    "个": 1.0,
    "千": 1e3,
    "万": 1e4,
    "十万": 1e5,
    "百万": 1e6,
    "千万": 1e7,
    "亿": 1e8,
    "十亿": 1e9,
    "百亿": 1e10,
    "千亿": 1e11,
    "万亿": 1e12,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}

ENGLISH_STEPS = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")]
CHINESE_STEPS = [(1e12, "万亿"), (1e8, "亿"), (1e4, "万")]


def _strip(unit: str) -> str:
    text = unit.strip()
    for suffix in ("元", "yuan", " yuan"):
        if text.endswith(suffix):
            text = text[: -len(suffix)].strip()
    return text


def scale_of(unit: str) -> float:
    """Return how many ones a unit stands for: scale_of("亿元") == 1e8, scale_of("万") == 1e4."""
    if not isinstance(unit, str):
        raise CqlabInputError(f"A unit must be text such as '亿' or 'billion'; got {describe(unit)}.")
    key = _strip(unit)
    if key not in SCALE:
        known = ", ".join(k for k in SCALE if k)
        raise CqlabInputError(f"Unknown unit '{unit}'. Known units: {known} (optionally followed by 元).")
    return SCALE[key]


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """Convert ``value`` from one unit to another: convert(5000, "亿", "billion") == 500.0.

    ``value`` must be a finite number; the units are words of SCALE (optionally followed by 元/yuan).
    A result too large for a float (e.g. 1e300 万亿 in ones) raises CqlabInputError, not inf.
    """
    number = expect_number(value, "value")
    return expect_finite_result(
        number * scale_of(from_unit) / scale_of(to_unit), "The converted value", f"{value!r} {from_unit} in {to_unit!r}"
    )


def to_ones(value: float, unit: str) -> float:
    """Return the plain number behind ``value`` in ``unit``: to_ones(1.2, "万亿元") == 1.2e12."""
    return convert(value, unit, "")


def humanize(ones: float, language: str = "en", digits: int = 3) -> str:
    """Write a plain number in the largest fitting unit: 1.2e12 -> "1.2 trillion" / "1.2万亿".

    ``ones`` is a finite number, ``language`` "en" or "zh", ``digits`` the significant digits (1-15).
    Rounding that reaches the next unit rolls over: 999.9e9 -> "1 trillion", not "1000 billion".
    """
    number = expect_number(ones, "number")
    expect_choice(language, "language", ("en", "zh"))
    digits = expect_count(digits, "digits (significant digits)", minimum=1, maximum=15)
    rounded = float(f"{number:.{digits}g}")  # round first, so 999.9e9 at 3 digits is 1e12
    steps = CHINESE_STEPS if language == "zh" else ENGLISH_STEPS
    for size, word in steps:
        if abs(rounded) >= size:
            scaled = float(f"{rounded / size:.{digits}g}")
            # significant digits, never an exponent: 5e+03 of the largest unit is written 5,000 trillion
            # (thousands separated in English; Chinese writes 1200万亿 as it writes 5000亿)
            separator = "" if language == "zh" else ","
            shown = f"{scaled:{separator}.0f}" if abs(scaled) >= 1000 else f"{scaled:g}"
            return f"{shown}{word}" if language == "zh" else f"{shown} {word}"
    return f"{rounded:g}"
