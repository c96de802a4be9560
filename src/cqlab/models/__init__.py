"""Model functions: pure, unit-tested, and the only place where a lesson's arithmetic lives."""
