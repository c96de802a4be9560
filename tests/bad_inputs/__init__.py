"""The catalogue of bad inputs: one module of cases per topic, collected by tests/test_bad_inputs.py.

Each module defines CASES, a list of Case(what, call, expected): ``what`` says in plain words what the
student did, ``call`` is a zero-argument function that does it, ``expected`` is a fragment of the message
the student must see. `python -m tests.bad_inputs` prints the whole catalogue as a table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    what: str
    call: Callable[[], object]
    expected: str


def warning_of(call: Callable[[], object]) -> Callable[[], object]:
    """A case for a legal but suspicious value: turn the CqlabWarning it must give into the error checked."""

    def run():
        import warnings

        from cqlab.errors import CqlabInputError, CqlabWarning

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            call()
        for warning in caught:
            if issubclass(warning.category, CqlabWarning):
                raise CqlabInputError(f"(a warning) {warning.message}")
        return None

    return run
