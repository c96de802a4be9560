"""Convert between Chinese number units (万, 亿, 万亿) and thousands/millions/billions/trillions.

Chinese statistics count in 万 (10^4) and 亿 (10^8); English in thousands (10^3) and
millions (10^6). 1 亿 = 100 million; 1 万亿 = 1 trillion; 5000 亿 = 500 billion.
"""

from __future__ import annotations

from cqlab.errors import (
    CqlabInputError,
    _say,
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
    # the same units in English words where only the Chinese word was known, plurals and short forms
    # (looked up without regard to case: 'Billion', 'billions', 'bn' are a billion)
    "十": 10.0,
    "百": 100.0,
    "ones": 1.0,
    "ten": 10.0,
    "hundred": 100.0,
    "thousands": 1e3,
    "ten thousand": 1e4,
    "hundred thousand": 1e5,
    "millions": 1e6,
    "mn": 1e6,
    "ten million": 1e7,
    "hundred million": 1e8,
    "billions": 1e9,
    "bn": 1e9,
    "ten billion": 1e10,
    "hundred billion": 1e11,
    "trillions": 1e12,
    "tn": 1e12,
}

#: plurals and short forms, accepted but not listed in messages
_ALIASES = {"ones", "thousands", "millions", "billions", "trillions", "mn", "bn", "tn", "one", "个"}

ENGLISH_STEPS = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")]
CHINESE_STEPS = [(1e12, "万亿"), (1e8, "亿"), (1e4, "万")]


def _strip(unit: str) -> str:
    """The unit word without its currency (元, yuan, RMB, CNY) and with single spaces."""
    text = " ".join(unit.split())
    for suffix in ("元", "yuan", "rmb", "cny"):
        if text.lower().endswith(suffix):
            text = text[: -len(suffix)].strip()
    return text


def scale_of(unit: str, name: str = "unit") -> float:
    """Return how many ones a unit stands for: scale_of("亿元") == 1e8, scale_of("万") == 1e4.

    ``unit`` is text: a Chinese unit (万, 亿, 万亿 ...) or its English words (thousand, hundred million,
    billion ...; any case, plural or short form such as 'bn'), optionally followed by 元/yuan.
    ``name`` is the parameter named in the message when the unit is not text or not known.
    """
    if not isinstance(unit, str):
        raise CqlabInputError(_say(f"{name}: a unit must be text such as '亿' or 'billion'; got {describe(unit)}.",
                                   f"{name}:单位必须是文本,例如 '亿' 或 'billion';收到的是 {describe(unit)}。"))
    key = _strip(unit)
    if key not in SCALE:
        key = key.lower()
    if key not in SCALE:
        known = ", ".join(k for k in SCALE if k and k not in _ALIASES)
        raise CqlabInputError(_say(
            f"Unknown unit '{unit}' for {name}. Known units: {known} (optionally followed by 元).",
            f"{name} 的单位 '{unit}' 未知。已知单位:{known}(后面可加 元)。"))
    return SCALE[key]


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """Convert ``value`` from one unit to another: convert(5000, "亿", "billion") == 500.0.

    ``value`` must be a finite number; the units are words of SCALE (Chinese or English, optionally followed
    by 元/yuan). A result too large for a float (e.g. 1e300 万亿 in ones) raises CqlabInputError, not inf.
    """
    number = expect_number(value, "value")
    return expect_finite_result(
        number * scale_of(from_unit, "from_unit") / scale_of(to_unit, "to_unit"), "The converted value",
        f"{value!r} {from_unit} in {to_unit!r}"
    )


def to_ones(value: float, unit: str) -> float:
    """Return the plain number behind ``value`` in ``unit``: to_ones(1.2, "万亿元") == 1.2e12."""
    number = expect_number(value, "value")
    return expect_finite_result(number * scale_of(unit, "unit"), "The converted value", f"{value!r} {unit}")


def humanize(ones: float, language: str = "en", digits: int = 3) -> str:
    """Write a plain number in the largest fitting unit: 1.2e12 -> "1.2 trillion" / "1.2万亿".

    ``ones`` is a finite number, ``language`` "en" or "zh" (or 'English', 'Chinese', '中文' ...), ``digits``
    the significant digits (1-15). Rounding that reaches the next unit rolls over: 999.9e9 -> "1 trillion",
    not "1000 billion". Beyond a billion of the largest unit the number is written with a power of ten.
    """
    from cqlab.settings import normalise

    number = expect_number(ones, "ones (the number to write)")
    language = normalise(language) or language
    expect_choice(language, "language", ("en", "zh"))
    digits = expect_count(digits, "digits (significant digits)", minimum=1, maximum=15)
    rounded = float(f"{number:.{digits}g}") + 0.0  # round first, so 999.9e9 at 3 digits is 1e12 (and -0 is 0)
    steps = CHINESE_STEPS if language == "zh" else ENGLISH_STEPS
    # thousands separated in English; Chinese writes 1200万亿 as it writes 5000亿
    separator = "" if language == "zh" else ","
    for size, word in steps:
        if abs(rounded) >= size:
            shown = _significant(float(f"{rounded / size:.{digits}g}"), digits, separator)
            return f"{shown}{word}" if language == "zh" else f"{shown} {word}"
    return _significant(rounded, digits, separator)


def _significant(number: float, digits: int, separator: str) -> str:
    """``number`` (already rounded to ``digits`` significant digits) written without an exponent when it
    can be read that way: 100 at 1 digit is "100", not "1e+02"; 5e+03 is "5,000". Beyond a billion or
    below 1e-4 it is written with a power of ten (1e300: not 300 digits of a float's binary expansion)."""
    if number == 0:
        return "0"
    if abs(number) >= 1e9 or abs(number) < 1e-4:
        mantissa, exponent = f"{number:.{digits - 1}e}".split("e")
        return f"{float(mantissa):.{digits}g}×10^{int(exponent)}"
    if abs(number) >= 10 ** (digits - 1):  # a whole number at this precision: no decimals, no exponent
        return f"{number:{separator}.0f}"
    return f"{number:.{digits}g}"
