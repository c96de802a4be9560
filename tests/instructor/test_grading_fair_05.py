"""Set 05: right-but-different answers score full marks; a wrong one loses exactly its test.

Each submission is the set's solutions notebook with answer cells rewritten the way a student could rightly
write them: numpy scalars and booleans, rounding to the digits the questions show, other row orders and a
`version` column instead of the index, the library's own functions instead of the hand computation, a
`barh` chart with Chinese labels and a "来源:" note, a bar for the other firms, fractions instead of percent,
thresholds in 万元, and changed invited settings (market, merging, elasticity, deal: the hidden tests use the
student's own). Each must score full marks. The public tests (run by `grader.check` in the student's kernel)
are also called directly on such answers, since the grader's export turns np.bool_ into bool.
"""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd
import pytest

from tests.instructor.exercise_checks import ROOT
from tests.instructor.fair import assert_full_marks, assert_loses_only, require_sandbox

sys.path.insert(0, str(ROOT / "scripts"))
from grading import engine  # noqa: E402

HHI = 'q1_hhi = (firms["share"] ** 2).sum()'
CR4 = 'q1_cr4 = firms["share"].nlargest(4).sum()'
AFTER = "q2_after = [*shares.drop(list(merging)), merged]"
DELTA = "q2_delta = sum(s ** 2 for s in q2_after) - q1_hhi"
LERNER = "q2_lerner = sum(s ** 2 for s in q2_after) / (10_000 * elasticity)"
LIMITS = "q3_limits = pd.DataFrame(limits).T"
VERDICTS = "q3_verdicts = pd.DataFrame(verdicts).T"
GLOBAL_2018 = 'q4_global_2018 = competition.notification_required(q4_deal, "2018").global_test'
BAR = "ax_q5.bar(names, q2_after)"
TITLE = 'ax_q5.set_title(f"Market shares after the merger of {merging[0]} and {merging[1]} (illustrative)")'

VARIANTS_05 = {
    "numpy_rounded_other_order": [
        (HHI, 'q1_hhi = np.int64(round((firms["share"] ** 2).sum()))'),
        (CR4, 'q1_cr4 = round(float(firms["share"].nlargest(4).sum()), 1)'),
        (AFTER, "q2_after = np.array(sorted([*shares.drop(list(merging)), merged], reverse=True))"),
        (LERNER, f"q2_lerner = round({LERNER.split(' = ', 1)[1]}, 3)"),
        (LIMITS, 'q3_limits = pd.DataFrame(limits).T.rename_axis("version").reset_index()'),
        (VERDICTS, 'q3_verdicts = pd.DataFrame(verdicts).T.iloc[::-1].rename_axis("version").reset_index()'),
        (GLOBAL_2018, f"q4_global_2018 = np.bool_({GLOBAL_2018.split(' = ', 1)[1]})"),
        (BAR, 'ax_q5.bar([*names, "others"], [*q2_after, 10.0])\nax_q5.axhline(30, linestyle=":")'),
    ],
    "library_calls_barh_chinese": [
        (HHI, 'q1_hhi = competition.hhi(firms["share"])'),
        (CR4, 'q1_cr4 = competition.concentration_ratio(firms["share"], 4)'),
        (AFTER, "firms_list = list(shares.index)\n"
                "effect = competition.merger_effect(list(shares), firms_list.index(merging[0]), firms_list.index(merging[1]))\n"
                "q2_after = effect.shares_after"),
        (DELTA, "q2_delta = effect.delta"),
        (LERNER, "q2_lerner = competition.lerner_from_hhi(effect.hhi_after, elasticity)"),
        (LIMITS, 'q3_limits = pd.DataFrame({v: {"worldwide_combined": t.worldwide_combined, "china_combined": '
                 't.china_combined, "china_each": t.china_each}\n'
                 '                          for v in ("2018", "2024") for t in [competition.load_thresholds(v)]}).T'),
        (VERDICTS, 'q3_verdicts = pd.DataFrame({v: {"global": r.global_test, "china": r.china_test, "required": r.required}\n'
                   '                            for v in ("2018", "2024") for r in [competition.notification_required(deal, v)]}).T'),
        (BAR, 'from cqlab import i18n\ni18n.set_language("zh")\nax_q5.barh(names, q2_after)'),
        ('ax_q5.set_ylabel("market share, %")', 'ax_q5.set_xlabel("市场份额(%)")'),
        (TITLE, 'ax_q5.set_title("合并后的市场份额(示例)")'),
        ('charts.source_note(fig_q5, "illustrative shares")', 'charts.source_note(fig_q5, "示例份额")'),
    ],
    "changed_settings_fractions": [
        ('"share": [32.0, 24.0, 18.0, 11.0, 5.0, 10.0]', '"share": [40.0, 20.0, 15.0, 10.0, 5.0, 10.0]'),
        ('merging = ("Firm B", "Firm C")', 'merging = ("Firm A", "Firm D")'),
        ("elasticity = 1.5 ", "elasticity = 2.5 "),
        ("deal = [(90, 30), (15, 7), (12, 5)]", "deal = [(200, 35), (30, 9), (5, 5)]"),
        (HHI, f"{HHI} / 10_000"),
        (CR4, f"{CR4} / 100"),
        (AFTER, "q2_after = [s / 100 for s in [*shares.drop(list(merging)), merged]]"),
        (LERNER, "q2_lerner = sum(s ** 2 for s in q2_after) / elasticity"),
        (LIMITS, f"{LIMITS} * 10_000  # in 万元"),
        ("q4_deal = [(30, 25), (20, 18)]", "q4_deal = [(110, 35), (9, 9)]"),
        (BAR, "ax_q5.bar(names, [100 * s for s in q2_after])"),
    ],
}


@pytest.fixture(scope="module")
def sandbox():
    require_sandbox()


def test_right_but_different_answers_score_full_marks_05(sandbox, tmp_path):
    assert_full_marks("05", VARIANTS_05, tmp_path)


def test_forgetting_to_subtract_loses_exactly_the_delta_test_05(sandbox, tmp_path):
    """The HHI after the merger given as ΔHHI: q2_delta fails with a hint naming 2 s_i s_j; the rest keeps its points."""
    assert_loses_only("05", [(DELTA, "q2_delta = sum(s ** 2 for s in q2_after)")], tmp_path,
                      "no_subtraction", "q2_delta", "2 s_i s_j")


def _public(question: str):
    """The public tests of one question, as the student's `grader.check` runs them."""
    tests = engine._collect(ROOT / "exercises" / "05_competition" / "student" / "tests" / f"{question}.py")[1]
    assert tests and not any(t.hidden for t in tests)
    return tests[0].function


def test_public_checks_accept_numpy_booleans_barh_and_any_language_05():
    import matplotlib

    matplotlib.use("Agg")
    from cqlab import charts, i18n

    _public("q4")([(30, 25), (np.int64(20), np.float64(18))], np.bool_(False))
    verdicts = pd.DataFrame({"global": np.array([True, False]), "china": np.array([True, False]),
                             "required": np.array([True, False])}, index=[2018, 2024])
    limits = pd.DataFrame({"worldwide_combined": [100.0, 120.0], "china_combined": [20.0, 40.0],
                           "china_each": [4.0, 8.0]}, index=[2018, 2024])
    _public("q3")(limits, verdicts)
    _public("q1")(np.float64(2070.0), np.int64(85))
    _public("q2")(pd.Series([32.0, 42.0, 11.0, 5.0]), np.float64(864.0), np.float64(0.1956))
    with i18n.language_context("zh"):
        figure, axes = charts.new_figure()
        axes.barh(["甲", "乙+丙", "丁", "戊"], [32, 42, 11, 5])
        axes.set_xlabel("市场份额(%)")
        axes.set_title("合并后的市场份额(示例)")
        charts.source_note(figure, "示例份额")
    _public("q5")(figure)


def test_building_is_at_least_half_the_autograded_points_05():
    """The building answers (HHI and CR4 from the table, the merged shares, ΔHHI and the Lerner index, the
    thresholds and verdicts of the notification test, the China-test-only deal) carry at least half the points."""
    specs = engine.set_tests("05")
    total = sum(t.points for t in specs)
    building = sum(t.points for t in specs if t.name in {
        "q1_hhi", "q1_cr4", "q2_after", "q2_delta", "q2_lerner", "q3_limits", "q3_verdicts", "q4_deal",
        "q4_global_2018"})
    assert building >= total / 2, (building, total)
