"""Growth accounting (Solow 1957) on Penn World Table columns: identities, hand computations, errors."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cqlab.errors import CqlabInputError
from cqlab.models import accounting


def tiny_table():
    """Three made-up years, numbers chosen so the logs are easy to check by hand."""
    return pd.DataFrame(
        {
            "year": [2000, 2001, 2002],
            "rgdpna": [100.0, 110.0, 125.0],
            "rnna": [300.0, 330.0, 360.0],
            "emp": [50.0, 51.0, 52.0],
            "avh": [2000.0, 1990.0, 1980.0],
            "hc": [2.0, 2.02, 2.05],
            "labsh": [0.6, 0.5, 0.7],
            "rtfpna": [1.0, 1.01, 1.03],
        }
    )


def test_hand_computation_with_the_labour_share_from_the_data():
    result = accounting.account(tiny_table(), 2000, 2002)
    share = (0.6 + 0.5 + 0.7) / 3  # the period average of labsh
    alpha = 1 - share
    years = 2
    output = math.log(125 / 100) / years  # endpoints: the mean of log differences telescopes
    capital = alpha * math.log(360 / 300) / years
    labour = share * math.log(52 / 50) / years
    human = share * math.log(2.05 / 2.0) / years
    assert result.labour_share == pytest.approx(share)
    assert result.capital_share == pytest.approx(alpha)
    assert result.share_from_data
    assert result.output == pytest.approx(output)
    assert result.capital == pytest.approx(capital)
    assert result.labour == pytest.approx(labour)
    assert result.human_capital == pytest.approx(human)
    assert result.tfp == pytest.approx(output - capital - labour - human)
    assert result.pwt_tfp == pytest.approx(math.log(1.03) / years)


def test_hours_multiply_persons_by_average_hours():
    result = accounting.account(tiny_table(), 2000, 2002, labour_measure="hours", labour_share=0.5)
    expected = 0.5 * math.log((52 * 1980) / (50 * 2000)) / 2
    assert result.labour == pytest.approx(expected)
    assert not result.share_from_data
    assert result.labour_share == 0.5


def test_tornqvist_uses_the_average_share_of_adjacent_years():
    table = tiny_table()
    weights = [(0.6 + 0.5) / 2, (0.5 + 0.7) / 2]
    pairs = [(0, 1), (1, 2)]
    residuals = []
    for w, (a, b) in zip(weights, pairs):
        dy = math.log(table.rgdpna[b] / table.rgdpna[a])
        dk = math.log(table.rnna[b] / table.rnna[a])
        dl = math.log(table.emp[b] / table.emp[a])
        dh = math.log(table.hc[b] / table.hc[a])
        residuals.append(dy - (1 - w) * dk - w * (dl + dh))
    assert accounting.tornqvist_tfp_growth(table, 2000, 2002) == pytest.approx(sum(residuals) / 2)


def test_a_missing_pwt_tfp_year_gives_none():
    table = tiny_table()
    table.loc[0, "rtfpna"] = np.nan
    assert accounting.account(table, 2000, 2002).pwt_tfp is None
    assert accounting.account(table, 2001, 2002).pwt_tfp == pytest.approx(math.log(1.03 / 1.01))


def test_yearly_contributions_average_to_the_period_result():
    table = tiny_table()
    yearly = accounting.yearly_contributions(table, 2000, 2002)
    result = accounting.account(table, 2000, 2002)
    assert list(yearly["year"]) == [2001, 2002]
    assert yearly["capital"].mean() == pytest.approx(result.capital)
    assert yearly["tfp"].mean() == pytest.approx(result.tfp)


@st.composite
def cobb_douglas_tables(draw):
    """Tables built from Y = A K^α (hL)^(1-α) with a constant labour share and known TFP."""
    n = draw(st.integers(min_value=2, max_value=12))
    rates = st.floats(min_value=-0.1, max_value=0.2)
    share = draw(st.floats(min_value=0.2, max_value=0.8))
    grow = lambda: np.exp(np.cumsum([0.0] + [draw(rates) for _ in range(n - 1)]))  # noqa: E731
    tfp, capital, persons, human = grow(), 50 * grow(), 10 * grow(), grow()
    output = tfp * capital ** (1 - share) * (human * persons) ** share
    table = pd.DataFrame(
        {"year": np.arange(1990, 1990 + n), "rgdpna": output, "rnna": capital, "emp": persons,
         "hc": human, "labsh": share, "avh": 2000.0, "rtfpna": tfp}
    )
    return table, share, tfp


@settings(max_examples=60, deadline=None)
@given(cobb_douglas_tables())
def test_the_residual_recovers_the_tfp_that_built_the_data(case):
    table, share, tfp = case
    start, end = int(table.year.iloc[0]), int(table.year.iloc[-1])
    result = accounting.account(table, start, end)
    truth = math.log(tfp[-1] / tfp[0]) / (end - start)
    assert result.labour_share == pytest.approx(share)
    assert result.tfp == pytest.approx(truth, abs=1e-12)
    assert result.tornqvist_tfp == pytest.approx(truth, abs=1e-12)  # constant shares: the same
    assert result.pwt_tfp == pytest.approx(truth, abs=1e-12)


@settings(max_examples=80, deadline=None)
@given(
    cobb_douglas_tables(),
    st.one_of(st.none(), st.floats(min_value=0.05, max_value=0.95)),
    st.sampled_from(accounting.LABOUR_MEASURES),
    st.floats(min_value=-0.05, max_value=0.05),
)
def test_contributions_plus_tfp_add_up_to_output_growth(case, share, measure, noise):
    table, _, _ = case
    table = table.assign(rgdpna=table.rgdpna * np.exp(noise * np.arange(len(table))))
    start, end = int(table.year.iloc[0]), int(table.year.iloc[-1])
    result = accounting.account(table, start, end, measure, share)
    total = sum(result.contributions().values())
    assert math.isclose(total, result.output, rel_tol=0, abs_tol=1e-14)
    yearly = accounting.yearly_contributions(table, start, end, measure, share)
    sums = yearly[list(accounting.COMPONENTS)].sum(axis=1)
    assert np.allclose(sums, yearly["output"], rtol=0, atol=1e-14)


def test_a_higher_labour_share_moves_credit_from_capital_when_capital_outgrows_labour():
    table = tiny_table()  # capital grows 20%, persons 4%: more weight on labour leaves more residual
    low = accounting.account(table, 2000, 2002, labour_share=0.4)
    high = accounting.account(table, 2000, 2002, labour_share=0.7)
    assert high.capital < low.capital
    assert high.tfp > low.tfp


def test_errors_say_what_was_expected():
    table = tiny_table()
    with pytest.raises(CqlabInputError, match="end year must come after the start year"):
        accounting.account(table, 2002, 2000)
    with pytest.raises(CqlabInputError, match="start year must be at least 2000"):
        accounting.account(table, 1990, 2002)
    with pytest.raises(CqlabInputError, match="labour share must be greater than 0"):
        accounting.account(table, 2000, 2002, labour_share=0)
    with pytest.raises(CqlabInputError, match="labour share must be below 1"):
        accounting.account(table, 2000, 2002, labour_share=1)
    with pytest.raises(CqlabInputError, match="labour measure must be one of"):
        accounting.account(table, 2000, 2002, labour_measure="workers")
    gappy = table.assign(avh=[np.nan, 1990.0, 1980.0])
    with pytest.raises(CqlabInputError, match="Hours worked .avh. are missing.*from 2001"):
        accounting.account(gappy, 2000, 2002, labour_measure="hours")
    with pytest.raises(CqlabInputError, match="lacks the column"):
        accounting.account(table.drop(columns="hc"), 2000, 2002)


def test_on_the_course_data_pwt_tfp_matches_the_index_itself():
    from cqlab import data

    table = data.load("pwt_china")
    first_tfp = accounting.first_year_with(table, "rtfpna")
    last = accounting.year_range(table)[1]
    result = accounting.account(table, first_tfp, last)
    index = table.set_index("year")["rtfpna"]
    assert result.pwt_tfp == pytest.approx(math.log(index[last] / index[first_tfp]) / (last - first_tfp))
    assert 0 < result.labour_share < 1
    assert math.isclose(sum(result.contributions().values()), result.output, abs_tol=1e-14)


def test_tfp_index_is_the_cumulative_residual_and_pwt_rebased():
    table = tiny_table()
    index = accounting.tfp_index(table, 2000, 2002)
    yearly = accounting.yearly_contributions(table, 2000, 2002)
    assert list(index["year"]) == [2000, 2001, 2002]
    assert index["ours"].iloc[0] == 1.0
    assert index["ours"].iloc[1] == pytest.approx(math.exp(yearly["tfp"].iloc[0]))
    assert index["ours"].iloc[2] == pytest.approx(math.exp(yearly["tfp"].sum()))
    # its average log growth is the period's TFP growth
    assert math.log(index["ours"].iloc[-1]) / 2 == pytest.approx(accounting.account(table, 2000, 2002).tfp)
    assert list(index["pwt"]) == pytest.approx([1.0, 1.01, 1.03])


def test_tfp_index_without_pwt_tfp_in_the_start_year_is_nan():
    table = tiny_table()
    table.loc[0, "rtfpna"] = np.nan
    index = accounting.tfp_index(table, 2000, 2002)
    assert index["pwt"].isna().all() and index["ours"].notna().all()


def test_faster_output_raises_tfp_by_the_whole_gap():
    table = tiny_table()
    faster = table.copy()
    faster["rgdpna"] = table["rgdpna"] * np.exp(0.02 * (table["year"] - 2000))
    gap = accounting.account(faster, 2000, 2002).tfp - accounting.account(table, 2000, 2002).tfp
    assert gap == pytest.approx(0.02)


def test_sub_periods_join_the_break_years_to_the_end():
    assert accounting.sub_periods([1956, 1978, 2008], 2019) == [(1956, 1978), (1978, 2008), (2008, 2019)]
    with pytest.raises(CqlabInputError, match="rise"):
        accounting.sub_periods([1978, 1956], 2019)
    with pytest.raises(CqlabInputError, match="rise"):
        accounting.sub_periods([2019], 2019)


# --- issue 15 (bad inputs) -------------------------------------------------------------------------------


def test_helpers_check_their_arguments_at_the_door():
    from cqlab import data

    pwt = data.load("pwt_china")
    assert accounting.first_year_with(pwt, " avh ") == accounting.first_year_with(pwt, "avh")
    for bad in ("AVH", ["avh"], None):
        with pytest.raises(CqlabInputError, match="column must be"):
            accounting.first_year_with(pwt, bad)
    with pytest.raises(CqlabInputError, match="avh"):
        accounting.labour_input(pwt.drop(columns="avh"), "hours")
    with pytest.raises(CqlabInputError, match="must hold finite numbers; at year 1952 it holds a missing value"):
        accounting.labour_input(pwt.assign(emp=np.nan), "persons")
    with pytest.raises(CqlabInputError, match="must be a list"):
        accounting.sub_periods(1978, 2019)
    with pytest.raises(CqlabInputError, match="end year must be a whole number"):
        accounting.sub_periods([1956], "2019")
    with pytest.raises(CqlabInputError, match="results must hold what account"):
        accounting.accounting_table([accounting.account(pwt, 1978, 2019), "1990-2019"])
    with pytest.raises(CqlabInputError, match="appear twice"):
        accounting.account(pd.concat([pwt, pwt[pwt["year"] == 2000]]), 1990, 2010)
