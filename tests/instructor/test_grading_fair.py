"""Right-but-different answers score full marks (scripts/grading/engine.py and the masters' tests).

Each submission is the set's solutions notebook with answer cells rewritten the way a student could
rightly write them: numpy scalars where a bool or int is asked, a whole-number float for a count,
rates rounded to the digits the question shows, rows in another order, a horizontal bar chart in
another unit with Chinese labels and source note, extra reference lines. Each must score full marks.

Done for set 01; the other sets are still to rework (see the report of branch grade-engine).
"""

from __future__ import annotations

import sys

import nbformat
import pytest

from tests.instructor.exercise_checks import ROOT, paths
from tests.instructor.fair import assert_full_marks, require_sandbox, solutions_variant

sys.path.insert(0, str(ROOT / "scripts"))
from grading import engine  # noqa: E402

# (text in the solutions notebook, what replaces it)
VARIANTS_01 = {
    "numpy_and_rounded": [
        ('q2_unnamed = int(article_count - q1_named["new_star"])',
         'import numpy as np\nq2_unnamed = np.int64(article_count - q1_named["new_star"])'),
        ("q3_rate = growth.required_growth_rate(q3_annual, target_yi, int(partial[\"year\"]), int(target[\"year\"]))",
         "q3_rate = round(growth.required_growth_rate(q3_annual, target_yi, int(partial[\"year\"]), "
         "int(target[\"year\"])), 4)"),
        ("q5_cagr = growth.cagr(by_year[2022], by_year[2024], 2024 - 2022)",
         "q5_cagr = round(growth.cagr(by_year[2022], by_year[2024], 2024 - 2022), 4)"),
    ],
    "float_count_other_order": [
        ('q2_unnamed = int(article_count - q1_named["new_star"])',
         'q2_unnamed = float(article_count - q1_named["new_star"])'),
        ('q1_named = clusters["tier"].value_counts()',
         'q1_named = clusters.groupby("tier").size().sort_index(ascending=False)'),
    ],
    "barh_yi_chinese": [
        ('billions = [units.convert(v, "亿", "billion") for v in table["value"]]', "billions = list(table[\"value\"])"),
        ('ax_q4.bar(table["cluster_en"].str.replace(" ", "\\n", n=2), billions)',
         'from cqlab import i18n\ni18n.set_language("zh")\nax_q4.barh(table["cluster_cn"], billions)\n'
         'ax_q4.axvline(1000, color="grey")'),
        ('ax_q4.set_ylabel("billion yuan")', 'ax_q4.set_xlabel("亿元")'),
        ('ax_q4.set_title("Leading clusters: output, January-October 2023")', 'ax_q4.set_title("主导产业集群 2023年1-10月产值")'),
    ],
}


def _variant(replacements) -> nbformat.NotebookNode:
    return solutions_variant("01", replacements)


@pytest.fixture(scope="module")
def sandbox():
    require_sandbox()


def test_right_but_different_answers_score_full_marks_01(sandbox, tmp_path):
    assert_full_marks("01", VARIANTS_01, tmp_path)


def test_a_wrong_chart_still_fails_01(sandbox, tmp_path):
    """The shape comparison is not a free pass: bars in the wrong proportions fail, with an honest message."""
    nb = _variant([('ax_q4.bar(table["cluster_en"].str.replace(" ", "\\n", n=2), billions)',
                    'ax_q4.bar(table["cluster_en"], [1, 2, 3])')])
    path = tmp_path / "wrong_chart.ipynb"
    nbformat.write(nb, path)
    result = engine.grade_one(path, "01")
    heights = next(t for t in result.tests if t.name == "q4_heights")
    assert not heights.passed and "proportions" in heights.hint
    assert result.points_earned == result.points_possible - heights.points_possible


def test_partial_credit_follows_each_answer_08(sandbox, tmp_path):
    """08 Q2: a right q2_worker with a wrong q2_passed earns the q2_worker part (one test per answer: the hidden
    tests q2_nashwage and q2_passthrough, named apart from the variables)."""
    import re

    nb = nbformat.read(paths("08")["solutions"], as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "code" and re.search(r"^q2_passed = ", c.source, re.M))
    cell.source = re.sub(r"^q2_passed = .*$", "q2_passed = 0.9  # wrong", cell.source, flags=re.M)
    path = tmp_path / "wrong_passed.ipynb"
    nbformat.write(nb, path)
    result = engine.grade_one(path, "08")
    tests = {t.name: t for t in result.tests}
    assert tests["q2_nashwage"].passed and tests["q2_nashwage"].points_earned > 0
    assert not tests["q2_passthrough"].passed and "(1 - beta)" in tests["q2_passthrough"].hint
    earned, possible = result.question_scores()["q2"]
    assert 0 < earned < possible
