"""Set 03: right-but-different answers score full marks; a wrong one loses exactly its own test.

Each submission is the set's solutions notebook with answer cells rewritten the way a student could
rightly write them (see tests/instructor/test_grading_fair.py for set 01): numpy scalars and rounding
to the digits the questions show, rows in another order with a fresh index, another `start` and other
`breaks` than the notebook's (the settings it invites students to change, including a start year
without PWT TFP), the library's own functions instead of the hand computation, an index of 100, rates
as fractions, the table indexed by its start year, Chinese labels and extra reference lines.
"""

from __future__ import annotations

import sys

import nbformat
import pytest

from tests.instructor.exercise_checks import ROOT
from tests.instructor.fair import assert_full_marks, require_sandbox, solutions_variant

sys.path.insert(0, str(ROOT / "scripts"))
from grading import engine  # noqa: E402

SETTINGS = "start = 1978 "
LABSH = 'q1_labsh = rows.loc[start:end, "labsh"].mean()'
TFP = "q2_tfp = q2_yearly.mean()"
YEARLY = 'q2_yearly = g["rgdpna"] - (1 - q1_labsh) * g["rnna"] - q1_labsh * (g["emp"] + g["hc"])'
INDEX = "q3_index = np.exp(q2_yearly.cumsum()).reindex(range(start, end + 1), fill_value=1.0)"
PWT = 'q3_pwt = rows.loc[start:end, "rtfpna"] / rows.loc[start, "rtfpna"]'
TABLE = "q4_table = pd.DataFrame(columns)"
PLOT_OURS = 'ax_q5.plot(q3_index.index, q3_index.to_numpy(), label="ours: cumulative TFP residual")'
PLOT_PWT = 'ax_q5.plot(q3_pwt.index, q3_pwt.to_numpy(), linestyle="--", label="PWT rtfpna, rebased")'

VARIANTS_03 = {
    "numpy_rounded_other_order": [
        (LABSH, f"q1_labsh = np.float64(round({LABSH.split(' = ', 1)[1]}, 5))"),
        (TFP, "q2_tfp = round(float(q2_yearly.mean()), 5)"),
        (TABLE, "q4_table = pd.DataFrame(columns).round(2).iloc[::-1].reset_index(drop=True)"),
    ],
    "another_start_and_breaks": [
        (SETTINGS, "start = 1990 "),
        ("breaks = [1956, 1978, 2008]", "breaks = [1962, 1992, 2001, 2012]"),
    ],
    "start_without_pwt_tfp": [  # 1952: PWT's TFP starts in 1956, so q3_pwt is NaN and the first pwt_tfp too
        (SETTINGS, "start = 1952 "),
        ("breaks = [1956, 1978, 2008]", "breaks = [1952, 1978, 2008]"),
    ],
    "library_index_100_fractions_chinese": [
        (YEARLY, 'q2_yearly = accounting.yearly_contributions(pwt, start, end).set_index("year")["tfp"]'),
        (INDEX, 'q3_index = 100 * accounting.tfp_index(pwt, start, end).set_index("year")["ours"]'),
        (PWT, 'q3_pwt = 100 * accounting.tfp_index(pwt, start, end).set_index("year")["pwt"]'),
        (TABLE, 'q4_table = pd.DataFrame(columns).assign(tfp=lambda t: t["tfp"] / 100, '
                'pwt_tfp=lambda t: t["pwt_tfp"] / 100).set_index("start", drop=False)'),
        (PLOT_OURS, 'ax_q5.plot(list(q3_index.index), list(q3_index), label="本课:累计TFP")\n'
                    'ax_q5.axvline(2008, color="grey")'),
        (PLOT_PWT, 'ax_q5.plot(list(q3_pwt.index), list(q3_pwt), label="PWT rtfpna")'),
        ('ax_q5.axhline(1, color="grey", linewidth=0.8)', 'ax_q5.axhline(100, color="grey", linewidth=0.8)'),
        ('ax_q5.set_ylabel(f"TFP index, {start} = 1")', 'ax_q5.set_ylabel(f"TFP指数,{start}年 = 100")'),
        ('ax_q5.set_title(f"China {start}-{end}: cumulative TFP, ours and PWT\'s")',
         'ax_q5.set_title(f"中国{start}-{end}年累计TFP")'),
    ],
}


def _variant(replacements) -> nbformat.NotebookNode:
    return solutions_variant("03", replacements)


@pytest.fixture(scope="module")
def sandbox():
    require_sandbox()


def test_right_but_different_answers_score_full_marks_03(sandbox, tmp_path):
    assert_full_marks("03", VARIANTS_03, tmp_path)


def test_a_wrong_column_loses_only_its_own_test_03(sandbox, tmp_path):
    """Our Törnqvist residual put in the pwt_tfp column: q4_values fails with a hint that names the period and
    the expected PWT figure; every other answer keeps its points."""
    nb = _variant([('"pwt_tfp": [np.nan if r.pwt_tfp is None else 100 * r.pwt_tfp for r in results],',
                    '"pwt_tfp": [100 * r.tornqvist_tfp for r in results],')])
    path = tmp_path / "wrong_column.ipynb"
    nbformat.write(nb, path)
    result = engine.grade_one(path, "03")
    failed = [t for t in result.tests if not t.passed]
    assert [t.name for t in failed] == ["q4_values"], [(t.name, t.hint) for t in failed]
    assert "pwt_tfp for 1956-1978: expected" in failed[0].hint
    assert result.points_earned == result.points_possible - failed[0].points_possible
