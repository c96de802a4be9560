"""Set 04: right-but-different answers score full marks; a wrong one loses exactly its own test.

Each submission is the set's solutions notebook with answer cells rewritten the way a student could rightly
write them (see tests/instructor/test_grading_fair.py for set 01): the other annualising assumption (the hidden
tests recompute from the student's own `method`); the library's `growth.months_covered`,
`growth.required_growth_rate`, `innovation.stated_growth`, `innovation.convert_unit` and `check_target` instead
of the hand computation; NumPy scalars and rates rounded to the digits shown; the baseline and the path in
billion yuan instead of 亿元; the reading in Chinese; Chinese chart labels and lists instead of arrays.
"""

from __future__ import annotations

import sys

import pytest

from tests.instructor.exercise_checks import ROOT
from tests.instructor.fair import (
    assert_full_marks,
    assert_loses_only,
    grade_variant,
    require_sandbox,
)

sys.path.insert(0, str(ROOT / "scripts"))
from grading import engine  # noqa: E402

METHOD = 'method = "proportional"'
MONTHS = "q2_months = (int(end[:4]) - int(start[:4])) * 12 + int(end[5:7]) - int(start[5:7]) + 1"
BASELINE = 'q2_baseline = scaled if method == "proportional" else as_is'
NEEDED = "q2_needed = (target[\"value\"] / q2_baseline) ** (1 / (target_year - base_year)) - 1"
OTHER = ('q2_needed_other = (target["value"] / (as_is if method == "proportional" else scaled)) '
         "** (1 / (target_year - base_year)) - 1")
STATED = 'q3_stated = float(partial["quote_original"].split("同比增长")[1].split("%")[0]) / 100'
IMPLIED = 'q3_implied = target["value"] * yuan[target["unit"]] / (revenue["value"] * yuan[revenue["unit"]])'
ACHIEVED = 'q4_achieved = (last["value"] / first["value"]) ** (1 / (last["year"] - first["year"])) - 1'
NAIVE = 'q4_needed = (intensity["value"] / last["value"]) ** (1 / (intensity["year"] - last["year"])) - 1'
READING = 'q4_reading = "not comparable"'
PATH = "path = q2_baseline * (1 + q2_needed) ** (years - base_year)"
PLOT = 'ax_q5.plot(years, path, marker="o", label="path needed (annualised 2023 baseline)")'
TARGET_POINT = ('ax_q5.plot(target_year, target["value"], marker="*", markersize=14, linestyle="none", '
                'label="2027 target (more than)")')
YLABEL = 'ax_q5.set_ylabel("R&D, 亿元 (100 million yuan)")'
TITLE = 'ax_q5.set_title("R&D of above-scale industrial firms: the path to the target")'

VARIANTS_04 = {
    "as_is_library_rounded": [  # the other assumption, the library's functions, rates to three digits
        (METHOD, 'method = "as_is"'),
        (MONTHS, 'q2_months = growth.months_covered(partial["period"])'),
        (BASELINE, 'q2_baseline = growth.annualise(partial["value"], q2_months, method=method)'),
        (NEEDED, 'q2_needed = round(growth.required_growth_rate(q2_baseline, target["value"], base_year, target_year), 3)'),
        (OTHER, 'q2_needed_other = round(growth.required_growth_rate(growth.annualise(partial["value"], q2_months), '
                'target["value"], base_year, target_year), 3)'),
        (STATED, 'q3_stated = innovation.stated_growth(partial["quote_original"])'),
        (IMPLIED, 'q3_implied = target["value"] / innovation.convert_unit(revenue["value"], revenue["unit"], target["unit"])'),
        (ACHIEVED, 'q4_achieved = round(innovation.check_target(innovation.observations(macro, "R&D intensity"), '
                   'intensity["value"], int(intensity["year"])).achieved, 3)'),
        (NAIVE, 'q4_needed = innovation.check_target(innovation.observations(macro, "R&D intensity"), '
                'intensity["value"], int(intensity["year"])).required'),
        (READING, 'q4_reading = "不可比:口径不同"'),
    ],
    "numpy_billion_yuan_chinese": [  # NumPy scalars; the baseline and the chart in billion yuan; Chinese labels
        (MONTHS, "q2_months = np.int64((int(end[:4]) - int(start[:4])) * 12 + int(end[-2:]) - int(start[-2:]) + 1)"),
        (BASELINE, 'q2_baseline = np.float64((scaled if method == "proportional" else as_is) / 10)  # billion yuan'),
        (NEEDED, 'q2_needed = np.float64((target["value"] / 10 / q2_baseline) ** (1 / (target_year - base_year)) - 1)'),
        (STATED, 'q3_stated = np.float64(partial["quote_original"].partition("同比增长")[2].rstrip("%")) / 100'),
        (IMPLIED, 'q3_implied = np.divide(target["value"] * 1e8, revenue["value"] * 1e12)'),
        (READING, 'q4_reading = "Not comparable: the scopes differ"'),
        (PLOT, 'ax_q5.plot(list(years), list(path), marker="o", label="所需路径(年化基数)")'),
        (TARGET_POINT, 'ax_q5.plot([target_year], [target["value"] / 10], marker="*", linestyle="none", '
                       'label="2027年目标(超过)")'),
        (YLABEL, 'ax_q5.set_ylabel("研发,十亿元 (billion yuan)")'),
        (TITLE, 'ax_q5.set_title("规上工业企业研发:达到目标所需路径")'),
    ],
}


@pytest.fixture(scope="module")
def sandbox():
    require_sandbox()


def test_right_but_different_answers_score_full_marks_04(sandbox, tmp_path):
    assert_full_marks("04", VARIANTS_04, tmp_path)


def test_a_wrong_reading_loses_only_its_own_test_04(sandbox, tmp_path):
    """'indicative' for the R&D-intensity comparison (taking the scope difference for a measure difference):
    q4_verdict fails with a hint that names the scopes; every other answer keeps its points."""
    assert_loses_only("04", [(READING, 'q4_reading = "indicative"')], tmp_path,
                      "wrong_reading", "q4_verdict", "scopes differ")


def test_the_path_follows_the_students_own_assumption_04(sandbox, tmp_path):
    """A path drawn from the proportional baseline while `method` says as_is is the wrong path for that
    student's setting: the path test fails (and names the method), with the baseline and the rate built on it;
    the rate under the other assumption, right for this student, keeps its points."""
    result = grade_variant("04", [(METHOD, 'method = "as_is"'), (BASELINE, "q2_baseline = scaled")], tmp_path,
                           "path_from_the_other_baseline")
    failed = sorted(t.name for t in result.tests if not t.passed)
    assert failed == ["q2_annualbase", "q2_ratebuilt", "q5_pathdrawn"], failed
    assert any("as_is" in t.hint for t in result.tests if t.name == "q5_pathdrawn")


def test_building_is_at_least_half_the_autograded_points_04():
    """The building answers (months from the period text, the baseline, both needed rates, the stated rate read
    from the quote, the derived intensity and the achieved rate without the preliminary point, all by hand)
    carry at least half of the set's autograded points."""
    specs = engine.set_tests("04")
    total = sum(t.points for t in specs)
    building = {"q2_monthcount", "q2_annualbase", "q2_ratebuilt", "q2_otherway", "q3_quoterate", "q3_impliedshare",
                "q4_revisedcagr", "q4_naiverate"}
    assert building <= {t.name for t in specs}, building - {t.name for t in specs}
    assert sum(t.points for t in specs if t.name in building) >= total / 2, (building, total)
