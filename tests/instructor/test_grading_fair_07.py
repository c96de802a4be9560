"""Set 07: right-but-different answers score full marks; a wrong one loses exactly its own test.

Each submission is the set's solutions notebook with answer cells rewritten the way a student could rightly
write them (see tests/instructor/test_grading_fair.py for set 01): numpy scalars and rounding to two or three
digits, the payoff table as a rounded DataFrame with Chinese column names and a column for k, or as a NumPy
array built row by row with the library's `public_goods.payoffs`; other settings N, r and endowment than the
notebook's (the hidden tests recompute from the student's own values); the library's
`marginal_private_return` and `required_reward` instead of the hand computation; the threshold solved in
another form; Chinese chart labels, lists instead of Series and an extra reference line.
"""

from __future__ import annotations

import sys

import pytest

from tests.instructor.exercise_checks import ROOT
from tests.instructor.fair import assert_full_marks, assert_loses_only, require_sandbox

sys.path.insert(0, str(ROOT / "scripts"))
from grading import engine  # noqa: E402

SETTINGS = "N, r, endowment = 4, 1.6, 10.0"
TABLE = ('q1_table = pd.DataFrame({"contributor": contributor, "free_rider": free_rider, '
         '"difference": contributor - free_rider}, index=pd.Index(k, name="others_giving"))')
MPR = "q2_mpr = -1 + r / N"
REWARD = "q3_reward = max(0.0, 1 - r / N)"
THRESHOLD = "q4_threshold = (N - r) / (N - 1)"
PLOT_OWN = 'ax_q5.plot(curves["contribution"], curves["own"], label="one villager gives c alone")'
PLOT_GROUP = 'ax_q5.plot(curves["contribution"], curves["group_per_villager"], label="everyone gives c")'
TITLE = 'ax_q5.set_title("Public-goods game, illustrative settings")'

LIBRARY_TABLE = (
    "q1_table = np.array([[public_goods.payoffs([endowment] * (j + 1) + [0.0] * (N - 1 - j), r, endowment)[0], "
    "public_goods.payoffs([0.0] + [endowment] * j + [0.0] * (N - 1 - j), r, endowment)[0], "
    "endowment * public_goods.marginal_private_return(N, r)] for j in range(N)])"
)

VARIANTS_07 = {
    "numpy_rounded_chinese": [
        (TABLE, 'q1_table = pd.DataFrame({"其他人出资数": k, "出资者": contributor, "搭便车者": free_rider, '
                '"差额": contributor - free_rider}).round(2)'),
        (MPR, "q2_mpr = np.float64(round(-1 + r / N, 2))"),
        (REWARD, "q3_reward = round(float(np.float32(1 - r / N)), 3)"),
        (THRESHOLD, "q4_threshold = np.round((N - r) / (N - 1), 2)"),
        (PLOT_OWN, 'ax_q5.plot(list(curves["contribution"]), list(curves["own"]), label="一人独自出资c")'),
        (PLOT_GROUP, 'ax_q5.plot(list(curves["contribution"]), list(curves["group_per_villager"]), label="全体出资c")\n'
                     'ax_q5.axhline(endowment, color="grey", linewidth=0.8)'),
        (TITLE, 'ax_q5.set_title("公共物品博弈(示意参数)")'),
    ],
    "other_settings": [  # the checks use the student's N, r and endowment: s* = 0.75, threshold 0.9
        (SETTINGS, "N, r, endowment = 6, 1.5, 8"),
    ],
    "library_calls_other_settings": [
        (SETTINGS, "N, r, endowment = 5, 2.0, 12.0"),
        (TABLE, LIBRARY_TABLE),
        (MPR, "q2_mpr = public_goods.marginal_private_return(N, r)"),
        (REWARD, "q3_reward = public_goods.required_reward(N, r)"),
        (THRESHOLD, "q4_threshold = 1 - (r - 1) / (N - 1)"),
    ],
}


@pytest.fixture(scope="module")
def sandbox():
    require_sandbox()


def test_right_but_different_answers_score_full_marks_07(sandbox, tmp_path):
    assert_full_marks("07", VARIANTS_07, tmp_path)


def test_a_wrong_threshold_loses_only_its_own_test_07(sandbox, tmp_path):
    """The outside-funded s* given for the self-funded threshold (forgetting that one's own fee rises by s/N):
    q4_selffunded fails with a hint that names the formula; every other answer keeps its points."""
    assert_loses_only("07", [(THRESHOLD, "q4_threshold = 1 - r / N")], tmp_path,
                      "wrong_threshold", "q4_selffunded", "(N - r)/(N - 1)")


def test_building_is_at_least_half_the_autograded_points_07():
    """The building answers (the payoff table, the marginal private return, the outside-funded reward and the
    self-funded threshold, all by hand) carry at least half of the set's autograded points."""
    specs = engine.set_tests("07")
    total = sum(t.points for t in specs)
    building = sum(t.points for t in specs if t.name in {"q1_payoff_rows", "q2_marginal", "q3_outside", "q4_selffunded"})
    assert building >= total / 2, (building, total)
