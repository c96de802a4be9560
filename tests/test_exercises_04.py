"""Exercise set 04: the shared checks of tests/exercise_checks.py (one file per set, for xdist)."""

import pytest

pytest.register_assert_rewrite("tests.exercise_checks")

from tests.exercise_checks import set_checks  # noqa: E402

globals().update(set_checks("04"))
