"""Set 06: right-but-different answers score full marks; a wrong one loses exactly its own test.

Each submission is the set's solutions notebook with answer cells rewritten the way a student could rightly
write them: other settings (value of time, median and sigma of the lognormal: the hidden tests recompute with
the student's own values), among them a distribution so narrow that two shares are nearly 0; the library's `generalised_cost`, `best_route`, `break_even_value_of_time`,
`switch_points` and `mode_shares` instead of the hand computation, the pairs as a list of (faster, slower, v*)
tuples and the chart drawn against thousands of yuan per container-day; the flows in another row order with a
reset index, the 2023 volume in 标箱, the costs in thousand yuan as a rounded Series, the pairs with Chinese
column names in a reversed MultiIndex, the cost lines in thousand yuan with Chinese labels and an extra
reference line, and the shares in percent drawn with `barh`. The public tests (run by `grader.check` in the
student's kernel) are also called directly on such answers, since the grader's export turns numpy numbers into
Python ones.
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

VALUE_OF_TIME = "value_of_time = 400.0 "
DISTRIBUTION = "median, sigma = 400.0, 0.8 "
FLOWS = "q1_flows = flow_rows.assign(span=spans)  # SOLUTION"
GROWTH = "q1_growth = routes.growth(jan_feb.iloc[0], jan_feb.iloc[-1])  # SOLUTION"
IMPLIED = "q1_implied_2023 = row_2024[\"value\"] / (1 + g_2024)  # SOLUTION"
COSTS = "q2_costs = {key: route.cost + value_of_time * route.days for key, route in options.items()}  # SOLUTION"
WINNER = "q2_winner = min(q2_costs, key=q2_costs.get)  # SOLUTION"
PAIRS = "q3_pairs = pd.DataFrame(pair_rows)  # SOLUTION"
WALK = "while True:  # walk the lower envelope"
SWITCHES = "q3_switches = found_switches  # SOLUTION"
COST_LINE = "    ax_q4.plot(v_grid, route.cost + v_grid * route.days, label=route.name_en)"
SWITCH_LINE = '    ax_q4.axvline(v_star, color="grey", linestyle="--", linewidth=1)'
Q4_YLABEL = 'ax_q4.set_ylabel("generalised cost (yuan per container)")'
Q4_TITLE = 'ax_q4.set_title("Generalised cost of three routes to ASEAN (illustrative costs)")'
BOUNDS = "bounds = [0.0, *q3_switches, math.inf]"
SHARES = "q5_shares = my_shares  # SOLUTION"
BARS = "ax_q5.bar([options[k].name_en for k in q5_shares], [100 * s for s in q5_shares.values()])"
Q5_YLABEL = 'ax_q5.set_ylabel("share of shippers, %")'
Q5_TITLE = 'ax_q5.set_title(f"Mode shares, values of time lognormal (median {median:g}, σ {sigma:g}; illustrative)")'

VARIANTS_06 = {
    "other_settings": [  # road wins for the one shipper; shares from a wider, lower distribution
        (VALUE_OF_TIME, "value_of_time = 1000.0 "),
        (DISTRIBUTION, "median, sigma = 250.0, 1.3 "),
    ],
    "narrow_distribution": [  # nearly every shipper takes rail-sea: bars for shares near 0 may be drawn or not
        (DISTRIBUTION, "median, sigma = 500.0, 0.1 "),
    ],
    "library_calls_thousand_yuan_per_day": [
        (DISTRIBUTION, "median, sigma = 600, 0.5 "),
        (GROWTH, 'q1_growth = np.float64(round(jan_feb["value"].iloc[-1] / jan_feb["value"].iloc[0] - 1, 3))'),
        (IMPLIED, 'q1_implied_2023 = round(float(row_2024["value"]) / (1 + g_2024), 1)'),
        (COSTS, "q2_costs = {key: routes.generalised_cost(route, value_of_time) for key, route in options.items()}"),
        (WINNER, "q2_winner = routes.best_route(options, value_of_time).key"),
        (PAIRS, "q3_pairs = [(b, a, routes.break_even_value_of_time(options[a], options[b]))\n"
                "            for a in keys for b in keys if options[a].days > options[b].days]"),
        (WALK, "while False:  # the library instead"),
        (SWITCHES, "q3_switches = routes.switch_points(options)"),
        (COST_LINE, "    ax_q4.plot(v_grid / 1000, route.cost + v_grid * route.days, label=route.name_en)"),
        (SWITCH_LINE, '    ax_q4.axvline(v_star.value_of_time / 1000, color="grey", linestyle="--")'),
        (BOUNDS, "bounds = [0.0, *[s.value_of_time for s in q3_switches], math.inf]"),
        (SHARES, "q5_shares = routes.mode_shares(options, median, sigma)"),
    ],
    "thousand_yuan_barh_reset_index_chinese": [
        (VALUE_OF_TIME, "value_of_time = 333.0 "),
        (FLOWS, "q1_flows = flow_rows.assign(span=spans).iloc[::-1].reset_index(drop=True)"),
        (IMPLIED, 'q1_implied_2023 = round(row_2024["value"] * 10_000 / (1 + g_2024))  # in 标箱'),
        (COSTS, 'table = route_table.set_index("route")\n'
                'q2_costs = ((table["cost"] + value_of_time * table["days"]) / 1000).round(1)  # thousand yuan'),
        (WINNER, "q2_winner = q2_costs.idxmin()"),
        (SWITCHES, "q3_switches = np.array(found_switches).round(1)\n"
                   'q3_pairs = q3_pairs.rename(columns={"slower": "较慢线路", "faster": "较快线路", "v_star": "盈亏平衡"})'
                   '.set_index(["较快线路", "较慢线路"]).iloc[::-1]'),
        (COST_LINE, "    from cqlab import i18n\n    i18n.set_language(\"zh\")\n"
                    "    ax_q4.plot(v_grid, (route.cost + v_grid * route.days) / 1000, label=route.name_zh)"),
        (Q4_YLABEL, 'ax_q4.set_ylabel("广义成本(千元/箱)")\nax_q4.axhline(20, color="black", linewidth=0.5)'),
        (Q4_TITLE, 'ax_q4.set_title("三条线路的广义成本(运费为示意)")'),
        (SHARES, "q5_shares = pd.Series(my_shares).mul(100).round(1)  # percent"),
        (BARS, "ax_q5.barh([options[k].name_zh for k in q5_shares.index], list(q5_shares))"),
        (Q5_YLABEL, 'ax_q5.set_xlabel("货主占比(%)")'),
        (Q5_TITLE, 'ax_q5.set_title("方式分担率(时间价值对数正态分布,示意)")'),
    ],
}


@pytest.fixture(scope="module")
def sandbox():
    require_sandbox()


def test_right_but_different_answers_score_full_marks_06(sandbox, tmp_path):
    assert_full_marks("06", VARIANTS_06, tmp_path)


def test_a_wrong_backcast_loses_only_its_own_test_06(sandbox, tmp_path):
    """The 2023 volume taken as 39 % below the 2024 one (V_2024 (1 - g) instead of V_2024 / (1 + g)): q1_backcast
    fails with a hint that names the formula; every other answer keeps its points."""
    assert_loses_only("06", [(IMPLIED, 'q1_implied_2023 = row_2024["value"] * (1 - g_2024)')], tmp_path,
                      "wrong_backcast", "q1_backcast", "V_2024 / (1 + g)")


def _public(question: str):
    """The public test of one question, as the student's `grader.check` runs it."""
    tests = engine._collect(ROOT / "exercises" / "06_corridor_routes" / "student" / "tests" / f"{question}.py")[1]
    assert len(tests) == 1 and not tests[0].hidden
    return tests[0].function


def test_public_checks_accept_numpy_series_barh_and_chinese_06():
    import matplotlib

    matplotlib.use("Agg")
    from cqlab import charts, i18n

    flows = pd.DataFrame({"period": ["2022", "2023-01/2023-09"], "period_type": ["full-year", "partial-year"],
                          "span": ["full year", "Jan-Sep"]})
    _public("q1")(flows, np.float64(0.79), np.int64(179_137))
    _public("q2")(pd.Series({"river_sea": np.float64(18.0), "rail_sea": np.float64(16.2), "road": np.float64(22.0)}),
                  "rail_sea")
    pairs = pd.DataFrame({"盈亏平衡": [846.2, 560.0, 250.0]},
                         index=pd.MultiIndex.from_tuples([("road", "rail_sea"), ("road", "river_sea"),
                                                          ("rail_sea", "river_sea")]))
    _public("q3")(pairs, np.array([250.0, 846.2]))
    with i18n.language_context("zh"):
        figure, axes = charts.new_figure()
        for days, cost in ((30, 6.0), (18, 9.0), (5, 20.0)):
            axes.plot([0, 500, 1000, 1500], [cost + days * v / 1000 for v in (0, 500, 1000, 1500)], label=f"{days}天")
        axes.legend()
        axes.set_xlabel("时间价值(元/箱·天)")
        axes.set_ylabel("广义成本(千元/箱)")
        axes.set_title("广义成本(示意)")
        _public("q4")(figure)
        figure, axes = charts.new_figure()
        axes.barh(["江海", "铁海", "公路"], [27.8, 54.7, 17.4])
        axes.set_title("方式分担率(示意)")
        _public("q5")(pd.Series({"river_sea": 27.8, "rail_sea": 54.7, "road": 17.5}), figure)


def test_building_is_at_least_half_the_autograded_points_06():
    """The building answers (the implied 2023 volume, the generalised costs and the cheapest route by hand, the
    break-even table of every pair, the switches of the winner along the lower envelope and the lognormal mode
    shares) carry at least half of the set's autograded points."""
    specs = engine.set_tests("06")
    total = sum(t.points for t in specs)
    building = sum(t.points for t in specs if t.name in {
        "q1_backcast", "q2_handcosts", "q2_cheapest", "q3_pairwise", "q3_envelope", "q5_lognormal"})
    assert building >= total / 2, (building, total)
