"""Set 02: right-but-different answers score full marks; a wrong one loses exactly its test.

Each submission is the set's solutions notebook with answer cells rewritten the way a student could rightly
write them: numpy types and rounding to the digits the questions show, an unsorted list, another formula
(``np.linalg.solve`` instead of the inverse, a hand-made unit table, days counted another way), the library's
own functions, changed invited settings (z, exits, cut-offs: the tests use the student's settings), and a
chart with a Chinese title and extra reference lines. Each must score full marks.
"""

from __future__ import annotations

import os
import sys

import nbformat
import pytest

from tests.instructor.exercise_checks import ROOT, paths

sys.path.insert(0, str(ROOT / "scripts"))
from grading import engine  # noqa: E402

# (text in the solutions notebook, what replaces it)
VARIANTS_02 = {
    "numpy_rounded_unsorted": [
        ("q1_cagr = growth.cagr(q1_tech.iloc[0], q1_tech.iloc[-1], q1_tech.index[-1] - q1_tech.index[0])",
         "q1_cagr = round(growth.cagr(q1_tech.iloc[0], q1_tech.iloc[-1], q1_tech.index[-1] - q1_tech.index[0]), 4)"),
        ('q3_d_firms = sorted(q3_classes.loc[q3_classes["class"] == "D", "firm"])',
         'q3_d_firms = list(q3_classes.loc[q3_classes["class"] == "D", "firm"])[::-1]'),
        ("q3_changed = toolkit.count_changed(firms, 1.0, cutoffs)",
         "q3_changed = float(np.int64(toolkit.count_changed(firms, 1.0, cutoffs)))"),
        ("q4_B = q4_N @ q4_R", "q4_B = np.round(q4_N @ q4_R, 3)"),
        ("q4_t = q4_N @ np.ones(3)", "q4_t = [round(float(v), 2) for v in q4_N.sum(axis=1)]"),
        ("q2_flag = (q2_xun - level).abs() > q2_threshold", "q2_flag = list(((q2_xun - level).abs() > q2_threshold).to_numpy())"),
    ],
    "other_formulas": [
        ('counts = [units.convert(v, u.removesuffix("家"), "one") for v, u in zip(tech["value"], tech["unit"])]',
         'per_unit = {"家": 1, "万家": 10_000}\ncounts = [v * per_unit[u] for v, u in zip(tech["value"], tech["unit"])]'),
        ("days = daily.groupby(toolkit.xun_start(daily.index)).size()  # 8 to 11 days in each 旬",
         "days = np.array([len(daily[(daily.index >= s) & (daily.index <= e)])\n"
         "                 for s, e in zip(q2_xun.index, toolkit.xun_end(q2_xun.index))])"),
        ("q2_threshold = z * sigma / np.sqrt(days)", "q2_threshold = np.round(z * sigma / days ** 0.5, 3)"),
        ("q2_flag = (q2_xun - level).abs() > q2_threshold",
         "q2_flag = np.abs(q2_xun.to_numpy() - level) > z * sigma / np.sqrt(days)"),
        ("q4_N = np.linalg.inv(np.eye(3) - q4_Q)", "q4_N = np.linalg.solve(np.eye(3) - q4_Q, np.eye(3))"),
        ("q4_B = q4_N @ q4_R", "q4_B = np.linalg.solve(np.eye(3) - q4_Q, q4_R)"),
    ],
    "library_calls": [
        ("q4_N = np.linalg.inv(np.eye(3) - q4_Q)", "q4_N = toolkit.fundamental_matrix(P, [0, 1, 2])"),
        ("q4_B = q4_N @ q4_R", "q4_B = toolkit.absorption_probabilities(P, [0, 1, 2])"),
        ("q4_t = q4_N @ np.ones(3)", "q4_t = toolkit.fundamental_matrix(P, [0, 1, 2]).sum(axis=1)"),
        ("q2_threshold = z * sigma / np.sqrt(days)",
         'q2_threshold = toolkit.flag_periods(toolkit.periods(daily, "xun"), level, sigma, z)["threshold"].to_numpy()'),
    ],
    "changed_settings_chinese_chart": [
        ("z = 2.0", "z = 3.0"),
        ("exits = [0.10, 0.05, 0.03]", "exits = [0.2, 0.1, 0.05]"),
        ("cutoffs = (10, 40, 70)", "cutoffs = (20, 50, 80)"),
        ('ax_q5.set_title("Daily index and its 旬 means, 2024 (simulated)")',
         'from cqlab import i18n\ni18n.set_language("zh")\nax_q5.set_title("2024年日度指数及其旬均值(模拟数据)")\n'
         'ax_q5.axhline(level, color="black", linewidth=0.5)\nax_q5.axhline(level + 2, linestyle=":")'),
        ('ax_q5.set_ylabel("index (simulated)")', 'ax_q5.set_ylabel("指数")'),
    ],
}


def _variant(replacements) -> nbformat.NotebookNode:
    nb = nbformat.read(paths("02")["solutions"], as_version=4)
    for old, new in replacements:
        hits = [c for c in nb.cells if c.cell_type == "code" and old in c.source]
        assert len(hits) == 1, f"the solutions no longer contain {old!r} exactly once: update this test"
        hits[0].source = hits[0].source.replace(old, new)
    return nb


@pytest.fixture(scope="module")
def sandbox():
    problem = engine.sandbox_problem()
    if problem and os.environ.get("CI") != "true":
        pytest.skip(problem)
    assert problem is None, problem


def test_right_but_different_answers_score_full_marks_02(sandbox, tmp_path):
    files = []
    for name, replacements in VARIANTS_02.items():
        path = tmp_path / f"{name}.ipynb"
        nbformat.write(_variant(replacements), path)
        files.append(path)
    for path, result in zip(files, engine.grade_many(files, "02", jobs=2)):
        failed = [(t.name, t.hint) for t in result.tests if not t.passed]
        assert result.status == "graded", (path.stem, result.status, result.message)
        assert result.points_earned == result.points_possible, (path.stem, failed)


def test_forgetting_n_in_b_loses_exactly_the_b_test_02(sandbox, tmp_path):
    """q4_B = R (the one-year moves only) is wrong: q4_B fails with a hint naming N R; q4_N and q4_t still pass."""
    nb = _variant([("q4_B = q4_N @ q4_R", "q4_B = q4_R")])
    path = tmp_path / "b_without_n.ipynb"
    nbformat.write(nb, path)
    result = engine.grade_one(path, "02")
    tests = {t.name: t for t in result.tests}
    assert not tests["q4_B"].passed and "N R" in tests["q4_B"].hint
    assert tests["q4_N"].passed and tests["q4_t"].passed and tests["q4_form"].passed
    assert result.points_earned == result.points_possible - tests["q4_B"].points_possible


def test_building_is_at_least_half_the_autograded_points_02():
    """The building answers (the thresholds and flags of the 旬 rule; N, B and t of the ladder) carry at least
    half of the set's autograded points."""
    specs = engine.set_tests("02")
    total = sum(t.points for t in specs)
    building = sum(t.points for t in specs if t.name in {"q2_threshold", "q2_flag", "q4_N", "q4_B", "q4_t"})
    assert building >= total / 2, (building, total)
