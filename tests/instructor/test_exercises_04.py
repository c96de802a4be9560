"""Exercise set 04: the shared checks of tests/instructor/exercise_checks.py (one file per set, for xdist)."""

from tests.instructor.exercise_checks import set_checks

globals().update(set_checks("04"))
