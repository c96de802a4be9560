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
