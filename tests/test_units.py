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
