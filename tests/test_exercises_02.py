"""Exercise set 02: the shared checks of tests/exercise_checks.py (one file per set, for xdist)."""

from tests.exercise_checks import set_checks

globals().update(set_checks("02"))
