"""Set 08: right-but-different answers score full marks; a wrong one loses exactly its own test.

Each submission is the set's solutions notebook with answer cells rewritten the way a student could rightly
write them (see tests/instructor/test_grading_fair.py for set 01): numpy scalars and rounding to two or three
digits, a Nash product scaled to 1 at its top, a grid given as a list, wages as a pandas Series; other settings
S, beta, d_w, d_f, beta_check, d_dispute, options, delta_w, delta_f, rounds, r_w and r_f than the notebook's (the
hidden tests recompute from the student's own values); the library's `nash_bargaining`, `nash_product`,
`outside_option_wage`, `rubinstein_share` and `rubinstein_limit_share` instead of the hand computation; the
backward induction kept as a list of what each round's proposer keeps.
"""

from __future__ import annotations

import sys

import pytest

from tests.instructor.exercise_checks import ROOT
from tests.instructor.fair import assert_full_marks, assert_loses_only, require_sandbox

sys.path.insert(0, str(ROOT / "scripts"))
from grading import engine  # noqa: E402

SETTINGS = "S, beta, d_w, d_f = 100.0, 0.5, 20.0, 20.0  # illustrative"
BETA_CHECK = "beta_check = 0.3  # illustrative"
DISPUTE = "d_dispute = 0.0  # illustrative: what the workers get while the dispute lasts (their threat point)"
OPTIONS = "options = np.arange(0.0, 61.0, 10.0)  # illustrative outside options o_w: what leaving for good would pay"
DELTAS = "delta_w, delta_f = 0.90, 0.95  # illustrative discount factors per round: the workers are less patient"
ROUNDS = "rounds = 21  # illustrative: the game ends after this many rounds"
RATES = "r_w, r_f = 0.10, 0.05  # illustrative discount rates per month"

REACH = 'q1_reach = int(labour.loc[network_ids, "value"].sum())'
BOUNDS = 'q1_lower_bounds = int(labour["qualifier"].str.startswith("more than").sum())'
GAINS = "q2_gains = S - (d_w + d_f)"
WORKER = "q2_worker = d_w + beta * q2_gains"
GRID = "q3_grid = np.linspace(d_w, S - d_f, 2001)"
PRODUCT = "q3_product = (q3_grid - d_w) ** beta_check * (S - q3_grid - d_f) ** (1 - beta_check)"
BEST = "q3_best = q3_grid[np.argmax(q3_product)]"
KINK = "q4_kink = d_dispute + beta * (S - d_dispute - d_f)"
WAGES = "q4_wages = np.maximum(q4_kink, options)"
SHARE = "q5_share = (1 - delta_f) / (1 - delta_w * delta_f)"
LIMIT = "q5_limit = r_f / (r_w + r_f)"
BACKWARD_START = "q5_finite = 1.0"
BACKWARD_LOOP = """for t in range(rounds - 1, 0, -1):  # back from the last round to the first
    responder_delta = delta_f if t % 2 == 1 else delta_w  # the workers propose in odd rounds
    q5_finite = 1 - responder_delta * q5_finite"""

VARIANTS_08 = {
    "numpy_rounded_scaled": [
        (REACH, 'q1_reach = np.float64(labour.loc[network_ids, "value"].sum())'),
        (BOUNDS, 'q1_lower_bounds = np.int64(labour["qualifier"].str.startswith("more than").sum())'),
        (GAINS, "q2_gains = np.float64(round(S - d_w - d_f, 2))"),
        (WORKER, "q2_worker = round(float(np.float32(d_w + beta * q2_gains)), 2)"),
        ("q2_passed = ((d_w + 10 + beta * (S - d_w - 10 - d_f)) - q2_worker) / 10", "q2_passed = np.round(1 - beta, 2)"),
        (GRID, "q3_grid = list(np.linspace(d_w, S - d_f, 2001))"),
        (PRODUCT, "q3_product = np.array([(w - d_w) ** beta_check * (S - w - d_f) ** (1 - beta_check) for w in q3_grid])\n"
                  "q3_product = q3_product / q3_product.max()"),
        (BEST, "q3_best = np.float32(round(q3_grid[int(np.argmax(q3_product))], 2))"),
        (KINK, "q4_kink = np.round(d_dispute + beta * (S - d_dispute - d_f), 1)"),
        (WAGES, 'q4_wages = pd.Series([max(q4_kink, o) for o in options], index=[f"o_w = {o:g}" for o in options]).round(2)'),
        (SHARE, "q5_share = round((1 - delta_f) / (1 - delta_w * delta_f), 3)"),
        (LIMIT, "q5_limit = np.float64(round(r_f / (r_w + r_f), 2))"),
    ],
    "other_settings": [  # the checks use the student's settings: Nash wage 86, kink 54.5, an even number of rounds
        (SETTINGS, "S, beta, d_w, d_f = 200, 0.3, 50, 30"),
        (BETA_CHECK, "beta_check = 0.65"),
        (DISPUTE, "d_dispute = 5.0"),
        (OPTIONS, "options = np.array([30.0, 60.0, 90.0, 120.0])"),
        (DELTAS, "delta_w, delta_f = 0.8, 0.7"),
        (ROUNDS, "rounds = 8"),
        (RATES, "r_w, r_f = 0.02, 0.06"),
    ],
    "library_calls_other_settings": [
        (SETTINGS, "S, beta, d_w, d_f = 60.0, 0.7, 5.0, 10.0"),
        (DELTAS, "delta_w, delta_f = 0.99, 0.9"),
        (ROUNDS, "rounds = 5"),
        (OPTIONS, "options = np.arange(0.0, 51.0, 10.0)"),
        (GAINS, "q2_gains = bargaining.nash_bargaining(S, beta, d_w, d_f).gains"),
        (WORKER, "q2_worker = bargaining.nash_bargaining(S, beta, d_w, d_f).worker"),
        ("q2_passed = ((d_w + 10 + beta * (S - d_w - 10 - d_f)) - q2_worker) / 10",
         "q2_passed = (bargaining.nash_bargaining(S, beta, d_w + 10, d_f).worker - q2_worker) / 10"),
        (PRODUCT, "q3_product = bargaining.nash_product(q3_grid, S, beta_check, d_w, d_f)"),
        (KINK, "q4_kink = bargaining.nash_bargaining(S, beta, d_dispute, d_f).worker"),
        (WAGES, "q4_wages = [bargaining.outside_option_wage(S, beta, d_dispute, d_f, o) for o in options]"),
        (SHARE, "q5_share = bargaining.rubinstein_share(delta_w, delta_f)"),
        (BACKWARD_LOOP, "keep = [1.0]  # what the last proposer keeps, then one round earlier, ...\n"
                        "for t in range(rounds - 1, 0, -1):\n"
                        "    keep.append(1 - (delta_f if t % 2 else delta_w) * keep[-1])\n"
                        "q5_finite = keep[-1]"),
        (LIMIT, "q5_limit = bargaining.rubinstein_limit_share(r_w, r_f)"),
    ],
}


@pytest.fixture(scope="module")
def sandbox():
    require_sandbox()


def test_right_but_different_answers_score_full_marks_08(sandbox, tmp_path):
    assert_full_marks("08", VARIANTS_08, tmp_path)


def test_an_outside_option_read_as_a_threat_point_loses_only_its_own_test_08(sandbox, tmp_path):
    """The classic conflation: the outside option treated as the threat point (the gains split from it). Only
    q4_optionwages fails, with a hint that names the rule max(Nash wage, o_w); every other answer keeps its points."""
    assert_loses_only("08", [(WAGES, "q4_wages = options + beta * (S - options - d_f)")], tmp_path,
                      "threat_point", "q4_optionwages", "max(Nash wage, o_w)")


def test_building_is_at_least_half_the_autograded_points_08():
    """The building answers (the Nash split by hand, the pass-through, the Nash product on a grid and its peak,
    the outside-option kink and wages, the Rubinstein share, its backward induction and its limit) carry at least
    half of the set's autograded points; those no library call hands back (the pass-through, the grid's peak,
    the kink as the level an option must pass, the finite game by backward induction) carry at least a third."""
    specs = engine.set_tests("08")
    total = sum(t.points for t in specs)
    building = {"q2_gainsfromdeal", "q2_nashwage", "q2_passthrough", "q3_productcurve", "q3_gridpeak",
                "q4_kinkpoint", "q4_optionwages", "q5_firstmover", "q5_backwardinduction", "q5_patience"}
    assert building <= {t.name for t in specs}
    assert sum(t.points for t in specs if t.name in building) >= total / 2
    not_handed_back = {"q2_passthrough", "q3_gridpeak", "q4_kinkpoint", "q5_backwardinduction"}
    assert sum(t.points for t in specs if t.name in not_handed_back) >= total / 3


def test_hidden_test_names_are_not_words_of_the_student_notebook_08():
    """A hidden test's name never appears as a whole word in the student notebook (it cannot be guessed from a
    variable, and a student cannot define a name that shadows it)."""
    import re

    import nbformat

    from tests.instructor.exercise_checks import paths

    student = nbformat.read(paths("08")["student"], as_version=4)
    words = set(re.findall(r"\w+", "\n".join(c.source for c in student.cells)))
    hidden = {t.name for t in engine.set_tests("08") if t.hidden}
    assert hidden and not hidden & words, hidden & words
