import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cqlab.errors import CqlabInputError
from cqlab.models import growth


def test_cagr_by_hand():
    # 100 -> 121 in two years is 10% a year: 1.1 * 1.1 = 1.21
    assert growth.cagr(100, 121, 2) == pytest.approx(0.10)
    assert growth.cagr(50, 25, 1) == pytest.approx(-0.5)


def test_required_growth_rate_uses_the_year_gap():
    assert growth.required_growth_rate(100, 200, 2020, 2030) == pytest.approx(2 ** 0.1 - 1)


def test_target_year_before_base_year_is_explained():
    with pytest.raises(CqlabInputError, match="must come after the base year \\(2023\\); got 2020"):
        growth.required_growth_rate(1, 2, 2023, 2020)


def test_project_has_one_value_per_year_including_the_start():
    path = growth.project(100, 0.1, 2)
    np.testing.assert_allclose(path, [100, 110, 121])


def test_years_to_reach():
    assert growth.years_to_reach(100, 121, 0.1) == pytest.approx(2)
    assert growth.years_to_reach(100, 90, 0.1) == 0
    assert math.isinf(growth.years_to_reach(100, 200, 0))


def test_annualise_methods():
    assert growth.annualise(10, 10) == pytest.approx(12)
    assert growth.annualise(10, 10, "as_is") == 10
    with pytest.raises(CqlabInputError, match="months covered must be at most 12; got 13"):
        growth.annualise(10, 13)
    with pytest.raises(CqlabInputError, match="'proportional' or 'as_is'"):
        growth.annualise(10, 10, "linear")


@given(
    st.floats(min_value=1e-3, max_value=1e6),
    st.floats(min_value=-0.5, max_value=1.0),
    st.integers(min_value=1, max_value=40),
)
def test_growth_rate_inverts_the_projection(baseline, rate, years):
    end = growth.project(baseline, rate, years)[-1]
    assert growth.cagr(baseline, end, years) == pytest.approx(rate, abs=1e-9)


@given(st.floats(min_value=1e-3, max_value=1e6), st.floats(min_value=1e-3, max_value=1e6),
       st.integers(min_value=2000, max_value=2030), st.integers(min_value=1, max_value=30))
def test_projection_at_the_required_rate_hits_the_target(baseline, target, year, gap):
    rate = growth.required_growth_rate(baseline, target, year, year + gap)
    assert growth.project(baseline, rate, gap)[-1] == pytest.approx(target, rel=1e-6)
