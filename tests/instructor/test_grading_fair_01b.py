"""Set 01, the building questions: right-but-different q3_path and q5_compare score full marks.

Each submission is the set's solutions notebook with the answers of Question 3 (the required path) and
Question 5 (needed against achieved) rewritten the way a student could rightly write them: the years as the
index, values rounded to whole 亿元, numpy types, rows in another order with a reset index, the course's
own functions instead of the formulas, a rate rounded to the 4 decimals it shows, Chinese labels. Each must
score full marks. A straight-line path instead of a compound one must lose exactly the compound test, with a
hint that says why. The variants of the other questions are in test_grading_fair.py (VARIANTS_01).
"""

from __future__ import annotations

import sys

import nbformat
import pytest

from tests.instructor.exercise_checks import ROOT
from tests.instructor.fair import assert_full_marks, require_sandbox, solutions_variant

sys.path.insert(0, str(ROOT / "scripts"))
from grading import engine  # noqa: E402

PATH = ('q3_path = pd.DataFrame({"year": years, "required": [q3_annual * (1 + q3_rate) ** (y - years[0]) '
        'for y in years]})')
COMPARE = 'q5_compare = pd.DataFrame.from_dict(rows, orient="index")'
RATE = ('q3_rate = growth.required_growth_rate(q3_annual, target_yi, int(partial["year"]), '
        'int(target["year"]))')

VARIANTS_01B = {
    # the years as the index, values rounded to whole 亿元 in numpy; the comparison with a cluster_cn column,
    # rows reversed, a fresh index, rates rounded to 4 decimals and numpy booleans
    "index_rounded_numpy": [
        (PATH, "import numpy as np\n"
               "q3_path = pd.DataFrame({'required': np.round(q3_annual * (1 + q3_rate) ** (np.array(years) - 2023))},"
               " index=pd.Index(years, name='year'))"),
        (COMPARE, "import numpy as np\n"
                  "q5_compare = pd.DataFrame.from_dict(rows, orient='index').iloc[::-1].rename_axis('cluster_cn')"
                  ".reset_index()\n"
                  "q5_compare[['needed', 'achieved']] = q5_compare[['needed', 'achieved']].round(4)\n"
                  "q5_compare['on_track'] = np.array(q5_compare['on_track'], dtype=np.bool_)"),
    ],
    # the course's functions instead of the formulas: growth.required_path and growth.check_against_path,
    # and on_path counted back from the target instead of forward from the base
    "library_functions": [
        (PATH, "path_years, path_values = growth.required_path(q3_annual, target_yi, years[0], years[-1])\n"
               "q3_path = pd.DataFrame({'year': path_years, 'required': path_values})"),
        (COMPARE, "checks = {}\n"
                  "for outturn in later.itertuples():\n"
                  "    mine = indicators[indicators['cluster_cn'] == outturn.cluster_cn]\n"
                  "    p = mine[mine['period_type'] == 'partial-year'].iloc[0]\n"
                  "    t = mine[(mine['period_type'] == 'target') & (mine['unit'] == '万亿元')].iloc[0]\n"
                  "    c = growth.check_against_path(p['value'] * 1.2, 2023, t['value'] * 10_000, int(t['year']),\n"
                  "                                  outturn.value, int(outturn.year))\n"
                  "    on_path = t['value'] * 10_000 / (1 + c.needed) ** (int(t['year']) - int(outturn.year))\n"
                  "    checks[outturn.cluster_cn] = [c.needed, on_path, c.achieved, c.on_track]\n"
                  "q5_compare = pd.DataFrame(checks, index=['needed', 'on_path', 'achieved', 'on_track']).T"),
    ],
    # the rate rounded to the 4 decimals it shows (the path inherits the rounding), the years as floats,
    # charts and labels in Chinese
    "rounded_rate_float_years_chinese": [
        (RATE, "from cqlab import i18n\ni18n.set_language('zh')\n" + "q3_rate = round(" + RATE.split(" = ", 1)[1] + ", 4)"),
        (PATH, "q3_path = pd.DataFrame({'year': [float(y) for y in years], "
               "'required': [round(q3_annual * (1 + q3_rate) ** (y - 2023), 1) for y in years]})"),
    ],
}


def _variant(replacements) -> nbformat.NotebookNode:
    return solutions_variant("01", replacements)


@pytest.fixture(scope="module")
def sandbox():
    require_sandbox()


def test_right_but_different_paths_and_comparisons_score_full_marks_01(sandbox, tmp_path):
    assert_full_marks("01", VARIANTS_01B, tmp_path)


def test_a_straight_line_path_loses_only_the_compound_test_01(sandbox, tmp_path):
    """Right ends, wrong shape: the ends test passes, the compound test fails and says why."""
    nb = _variant([(PATH, "q3_path = pd.DataFrame({'year': years, 'required': [q3_annual + (target_yi - q3_annual) "
                          "* (y - years[0]) / (years[-1] - years[0]) for y in years]})")])
    path = tmp_path / "straight_line.ipynb"
    nbformat.write(nb, path)
    result = engine.grade_one(path, "01")
    tests = {t.name: t for t in result.tests}
    assert tests["q3_path_ends"].passed
    compound = tests["q3_path_compound"]
    assert not compound.passed and "compound" in compound.hint and "straight line" in compound.hint
    assert result.points_earned == result.points_possible - compound.points_possible


def test_a_ten_month_base_loses_the_comparison_values_not_its_form_01(sandbox, tmp_path):
    """q5_compare from the ten-month figure as it is (not annualised): the form passes, the values fail."""
    nb = _variant([("v0 = growth.annualise(jan_oct[\"value\"], growth.months_covered(jan_oct[\"period\"]))",
                    "v0 = jan_oct[\"value\"]")])
    path = tmp_path / "ten_month_base.ipynb"
    nbformat.write(nb, path)
    result = engine.grade_one(path, "01")
    tests = {t.name: t for t in result.tests}
    assert tests["q5_compare_form"].passed
    for name in ("q5_needed", "q5_on_path", "q5_achieved"):
        assert not tests[name].passed and "expected" in tests[name].hint, name
    lost = sum(tests[n].points_possible for n in ("q5_needed", "q5_on_path", "q5_achieved"))
    assert result.points_earned == result.points_possible - lost  # on_track stays right: the verdicts agree
