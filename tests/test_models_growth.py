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
    with pytest.raises(CqlabInputError, match="must be one of 'proportional', 'as_is'; got 'linear'"):
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


def test_required_path_runs_from_the_baseline_to_the_target_by_hand():
    years, values = growth.required_path(100, 121, 2023, 2025)  # 10% a year: 100, 110, 121
    np.testing.assert_array_equal(years, [2023, 2024, 2025])
    np.testing.assert_allclose(values, [100, 110, 121])


def test_check_against_path_by_hand():
    # needed 10% a year (100 -> 121 in two years); on the path 110 after one year
    behind = growth.check_against_path(100, 2023, 121, 2025, actual=105, actual_year=2024)
    assert behind.needed == pytest.approx(0.10)
    assert behind.on_path == pytest.approx(110)
    assert behind.achieved == pytest.approx(0.05)
    assert behind.gap == pytest.approx(105 / 110 - 1)
    assert behind.on_track is False
    ahead = growth.check_against_path(100, 2023, 121, 2025, actual=125, actual_year=2025)
    assert ahead.achieved == pytest.approx(1.25 ** 0.5 - 1)
    assert ahead.on_track is True and ahead.gap > 0


def test_check_against_path_explains_an_outturn_before_the_base_year():
    with pytest.raises(CqlabInputError, match="year of the outturn must come after the base year \\(2023\\); got 2023"):
        growth.check_against_path(100, 2023, 121, 2025, actual=100, actual_year=2023)
    with pytest.raises(CqlabInputError, match="outturn must be greater than 0"):
        growth.check_against_path(100, 2023, 121, 2025, actual=-1, actual_year=2024)


@given(st.floats(min_value=1e-2, max_value=1e6), st.floats(min_value=1e-2, max_value=1e6),
       st.floats(min_value=1e-2, max_value=1e6), st.integers(min_value=1, max_value=10),
       st.integers(min_value=1, max_value=10))
def test_on_track_is_the_same_as_being_on_or_above_the_path(baseline, target, actual, gap, actual_gap):
    check = growth.check_against_path(baseline, 2023, target, 2023 + gap, actual, 2023 + actual_gap)
    assert check.on_track == (check.achieved >= check.needed)
    if abs(check.achieved - check.needed) > 1e-9:  # away from ties, the two verdicts agree
        assert check.on_track == (actual >= check.on_path)
    years, path = growth.required_path(baseline, target, 2023, 2023 + gap)
    assert len(years) == gap + 1 and path[0] == pytest.approx(baseline) and path[-1] == pytest.approx(target)


def test_annualise_names_its_methods_for_any_wrong_method_even_a_table():
    import pandas as pd

    for wrong in ("monthly", pd.DataFrame(), [1, 2], None):
        with pytest.raises(CqlabInputError, match="method must be one of 'proportional', 'as_is'"):
            growth.annualise(10.0, 6, wrong)


# --- issue 15 (bad inputs) -------------------------------------------------------------------------------


def test_a_rate_that_rounds_to_minus_100_percent_and_a_span_past_max_years_are_named():
    with pytest.raises(CqlabInputError, match="rounds to -100%"):
        growth.cagr(1e300, 200, 4)
    with pytest.raises(CqlabInputError, match="2024 years after the base year 3"):
        growth.required_path(100, 200, 3, 2027)
    with pytest.raises(CqlabInputError, match="year 0000"):
        growth.months_covered("0000-01/0000-12")
    assert len(growth.required_path(100, 200, 2000, 2500)[0]) == 501
