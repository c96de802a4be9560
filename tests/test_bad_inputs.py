"""The catalogue of bad inputs: every case must raise CqlabInputError with the message a student sees.

Cases live in tests/bad_inputs/cases_*.py; `python -m tests.bad_inputs.catalogue` prints them as a table.
"""

import importlib
import pkgutil

import pytest

import tests.bad_inputs as catalogue
from cqlab.errors import CqlabInputError


def _all_cases():
    for module_info in pkgutil.iter_modules(catalogue.__path__):
        if module_info.name.startswith("cases_"):
            module = importlib.import_module(f"tests.bad_inputs.{module_info.name}")
            for case in module.CASES:
                yield pytest.param(case, id=f"{module_info.name[6:]}: {case.what}")


CASES = list(_all_cases())


def test_the_catalogue_is_not_empty():
    assert len(CASES) >= 10


@pytest.mark.parametrize("case", CASES)
def test_bad_input_gives_a_plain_message(case):
    with pytest.raises(CqlabInputError) as raised:
        case.call()
    message = str(raised.value)
    assert case.expected in message, f"message {message!r} lacks {case.expected!r}"
    assert "Traceback" not in message and len(message) < 600


def test_the_readable_catalogue_is_current():
    from pathlib import Path

    from tests.bad_inputs.catalogue import markdown

    path = Path(__file__).parent / "bad_inputs" / "CATALOGUE.md"
    assert path.read_text(encoding="utf-8") == markdown(), (
        "tests/bad_inputs/CATALOGUE.md is out of date: run "
        "`python -m tests.bad_inputs.catalogue > tests/bad_inputs/CATALOGUE.md`"
    )


def test_a_table_or_array_given_by_mistake_is_described_in_one_line():
    """A table passed where a number belongs is named by its columns and rows, not by a repr over many lines."""
    import numpy as np
    import pandas as pd

    from cqlab.errors import expect_number

    for value, fragment in [(pd.DataFrame({"year": [2023, 2024], "value": [1.0, 2.0]}),
                             "a table with columns [year, value] and 2 row(s) (DataFrame)"),
                            (pd.Series([1.5, 2.5]), "2 values [1.5, 2.5] (Series)"),
                            (np.arange(5), "5 values [0, 1, 2, ...] (ndarray)")]:
        with pytest.raises(CqlabInputError) as raised:
            expect_number(value, "growth rate")
        message = str(raised.value)
        assert fragment in message and "\n" not in message, message


def test_one_shared_check_names_the_first_bad_cell_of_a_numeric_column():
    """expect_number_columns: text, True/False, NaN and inf cells are named by column, row and value."""
    import numpy as np
    import pandas as pd

    from cqlab.errors import expect_number_columns

    good = pd.DataFrame({"year": [2021, 2022, 2023], "value": [1.0, 2.0, 3.0]})
    expect_number_columns(good, "obs", ["year", "value"], row_label="year")  # no error
    for bad, shown in [("3", "'3' (str)"), (True, "True (bool)"), (np.nan, "a missing value (NaN)"),
                       (np.inf, "inf (float)"), (None, "a missing value (NaN)")]:
        table = good.astype({"value": object})
        table.loc[1, "value"] = bad
        with pytest.raises(CqlabInputError) as raised:
            expect_number_columns(table, "obs", ["year", "value"], row_label="year")
        assert f"column value must hold finite numbers; at year 2022 it holds {shown}" in str(raised.value)
    blank = good.assign(value=[1.0, np.nan, 3.0])
    expect_number_columns(blank, "pwt", ["value"], allow_missing=True)  # blank early years are allowed
    with pytest.raises(CqlabInputError, match="at row 2 it holds -inf"):
        expect_number_columns(good.assign(value=[1.0, 2.0, -np.inf]), "pwt", ["value"], allow_missing=True)


def test_a_numpy_number_out_of_range_is_quoted_as_a_plain_number():
    """A value read from a table (numpy float64) is quoted as 2.0, not as np.float64(2.0)."""
    import numpy as np

    from cqlab.errors import expect_number

    for value in (np.float64(2.0), np.int64(2)):
        with pytest.raises(CqlabInputError) as raised:
            expect_number(value, "share", maximum=1)
        assert "got 2" in str(raised.value) and "np." not in str(raised.value), str(raised.value)
