"""Shared test setup.

- `tests` is importable as a package (the bad-input catalogue lives in tests/bad_inputs).
- Every process the tests start, notebook kernels included, runs with the network blocked
  (tests/network_guard/sitecustomize.py), so a lesson or exercise that downloads anything fails.
"""

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUARD = ROOT / "tests" / "network_guard"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# The exercise checks live in a shared module; let pytest show their assertions in full.
pytest.register_assert_rewrite("tests.instructor.exercise_checks")

# Property-based tests: no per-example deadline (a loaded 2-core machine is slow, not wrong), and in CI a
# derandomized run, so that a red CI run always means a reproducible failure.
from hypothesis import settings  # noqa: E402

settings.register_profile("course", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "course")

# Set at import time, in the controller and in each xdist worker, before any kernel starts.
os.environ["CQLAB_BLOCK_NETWORK"] = "1"
# nbval compares the committed outputs, which are English; a student's own language setting must not
# change what the tests see (tests that need Chinese set it themselves).
os.environ["CQLAB_LANGUAGE"] = "en"
os.environ["CQLAB_SETTINGS"] = str(ROOT / ".work" / "tests-have-no-user-settings.json")
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(GUARD)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
)


# A kernel can die while starting for reasons that have nothing to do with the lesson (e.g. a TCP port taken
# by another process between jupyter_client choosing it and the kernel binding it, on a busy 2-core machine).
# Give kernel start-up two more tries; a lesson that breaks its kernel still fails, on every try.
def _with_start_retries(start, attempts=3):
    def start_with_retries(*args, **kwargs):
        for attempt in range(1, attempts + 1):
            try:
                return start(*args, **kwargs)
            except RuntimeError as error:
                if attempt == attempts or "Kernel" not in str(error):
                    raise

    return start_with_retries


import nbval.kernel  # noqa: E402

nbval.kernel.start_new_kernel = _with_start_retries(nbval.kernel.start_new_kernel)

# Chromium and the Playwright browser, one per session for every browser test (tests/browser, tests/present).
from tests.browser.fixtures import browser, chromium  # noqa: E402,F401
