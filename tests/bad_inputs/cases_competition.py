"""Bad inputs for lesson 05 (market concentration and merger notification)."""

from cqlab.models.competition import (
    classify_2023,
    cournot_constant_elasticity,
    cournot_linear,
    hhi,
    lerner_from_hhi,
    merge,
    merger_effect,
    notification_required,
    thresholds_from_table,
)
from tests.bad_inputs import Case, warning_of

CASES = [
    Case("market shares above 100% in total", lambda: hhi([60, 50]), "at most 100%"),
    Case("a negative market share", lambda: hhi([-10, 40]), "at least 0"),
    Case("a share typed as text", lambda: hhi(["30", 20]), "must be a number"),
    Case("the same firm chosen twice for a merger", lambda: merge([40, 30, 20], 1, 1), "two different firms"),
    Case("a merging firm that does not exist", lambda: merger_effect([40, 30], 0, 4), "at most 1"),
    Case("a negative China turnover", lambda: notification_required([(100, -5), (20, 10)], "2024"), "at least 0"),
    Case("a negative worldwide turnover", lambda: notification_required([(-1, 0), (20, 10)], "2018"), "at least 0"),
    Case("China turnover above worldwide turnover", lambda: notification_required([(10, 30), (20, 10)], "2024"),
         "cannot exceed its worldwide"),
    Case("only one party", lambda: notification_required([(100, 30)], "2024"), "at least two parties"),
    Case("an unknown rules version", lambda: notification_required([(10, 3), (20, 10)], "2020"), "'2018', '2024'"),
    Case("shares given as fractions", warning_of(lambda: hhi([0.3, 0.2, 0.5])), "look like fractions"),
    Case("a merged share of 150%", lambda: classify_2023(2000, 200, merged_share=150), "at most 100"),
    Case("a merged share that is NaN", lambda: classify_2023(2000, 200, merged_share=float("nan")), "not nan"),
    Case("no thresholds table at all", lambda: thresholds_from_table(None, "2018"), "must be a table"),
    Case("a thresholds table without the version column", lambda: thresholds_from_table(
        __import__("pandas").DataFrame({"rule": ["china"]}), "2018"), "lacks the column(s) version"),
    Case("shares as a dict", lambda: hhi({"A": 30}), "list of percentages"),
    Case("shares with an infinite entry", lambda: hhi([float("inf"), 20]), "not inf"),
    Case("a Cournot firm whose cost is above the price", lambda: cournot_linear([10, 90], 100), "would not produce"),
    Case("one Cournot firm facing inelastic demand", lambda: cournot_constant_elasticity([10], 0.8),
         "no Cournot equilibrium"),
    Case("a negative marginal cost", lambda: cournot_linear([-5, 10]), "at least 0"),
    Case("an HHI above 10 000", lambda: lerner_from_hhi(12_000, 1.5), "at most 10000"),
]

# issue 15 sweep (bad-inputs-models): AttributeError, OverflowError and ZeroDivisionError before
import pandas as _pd  # noqa: E402

from cqlab.models.competition import load_thresholds  # noqa: E402

CASES += [
    Case("thresholds given as text", lambda: notification_required([(150, 30), (60, 12)], "2024", "2018"),
         "thresholds must be None or what load_thresholds(...) returns"),
    Case("a rules version given as a column", lambda: load_thresholds(_pd.Series(["2018"])),
         "rules version must be one of"),
    Case("a constant-elasticity demand scale of 1e300", lambda: cournot_constant_elasticity([10, 12, 15], 1.5, 1e300),
         "too large to compute"),
    Case("a constant-elasticity demand scale of 1e-300",
         lambda: cournot_constant_elasticity([10, 12, 15], 1.5, 1e-300), "too small"),
]
