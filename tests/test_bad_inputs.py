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
