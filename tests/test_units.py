import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cqlab import units
from cqlab.errors import CqlabInputError


@pytest.mark.parametrize(
    ("value", "source", "target", "expected"),
    [
        (1, "万亿", "trillion", 1),
        (5000, "亿", "billion", 500),
        (1, "亿元", "million", 100),
        (3, "万", "thousand", 30),
        (16.7, "万", "", 167_000),
        (2.6, "万亿元", "亿元", 26_000),
    ],
)
def test_convert_between_chinese_and_english_units(value, source, target, expected):
    assert units.convert(value, source, target) == pytest.approx(expected)


@given(st.floats(min_value=-1e15, max_value=1e15, allow_nan=False), st.sampled_from(list(units.SCALE)),
       st.sampled_from(list(units.SCALE)))
def test_convert_round_trip(value, a, b):
    assert units.convert(units.convert(value, a, b), b, a) == pytest.approx(value, rel=1e-12, abs=1e-9)


def test_humanize_in_both_languages():
    assert units.humanize(1.2e12) == "1.2 trillion"
    assert units.humanize(1.2e12, "zh") == "1.2万亿"
    assert units.humanize(5e11, "zh") == "5000亿"
    assert units.humanize(5e11) == "500 billion"
    assert units.humanize(999) == "999"
    # beyond the largest unit: no exponent ("1e+06 trillion"), thousands separated in English
    assert units.humanize(1.2e15) == "1,200 trillion"
    assert units.humanize(1e18) == "1,000,000 trillion"
    assert units.humanize(-3e16, "zh") == "-30000万亿"


def test_unknown_unit_lists_known_ones():
    with pytest.raises(CqlabInputError, match="Unknown unit 'lakh'.*万"):
        units.convert(1, "lakh", "万")


def test_non_numeric_value_is_explained():
    with pytest.raises(CqlabInputError, match="value must be a number; got '12'"):
        units.convert("12", "亿", "billion")
    with pytest.raises(CqlabInputError, match="not nan"):
        units.convert(math.nan, "亿", "billion")


def test_english_words_are_accepted_where_the_chinese_unit_is():
    assert units.convert(1, "hundred million", "亿") == 1
    assert units.convert(1, "ten thousand yuan", "万元") == 1
    assert units.convert(3, "Billion", "亿") == 30
    assert units.convert(2, "bn", "millions") == 2000
    assert units.convert(5, "hundred billion", "千亿") == 5
    assert units.to_ones(3, "万 元") == 30_000


def test_unit_messages_name_the_parameter():
    with pytest.raises(CqlabInputError, match="from_unit: a unit must be text"):
        units.convert(1, None, "亿")
    with pytest.raises(CqlabInputError, match="Unknown unit 'lakh' for to_unit"):
        units.convert(1, "亿", "lakh")
    with pytest.raises(CqlabInputError, match="too large to compute"):
        units.to_ones(1e300, "万亿")


def test_humanize_keeps_the_digits_asked_for_and_reads_language_names():
    assert units.humanize(123456789, digits=9) == "123.456789 million"
    assert units.humanize(123.456789, digits=9) == "123.456789"
    assert units.humanize(-0.0) == "0"
    assert units.humanize(5e8, "Chinese") == "5亿" and units.humanize(5e8, "ZH") == "5亿"
    assert units.humanize(1e300) == "1×10^288 trillion"  # not 300 digits of a float's binary expansion
    with pytest.raises(CqlabInputError, match="one of 'en', 'zh'"):
        units.humanize(5e8, language="fr")
    with pytest.raises(CqlabInputError, match="digits .* must be a whole number"):
        units.humanize(5e8, digits=None)
