"""Market concentration and merger control: the HHI, a merger's effect on it, and China's notification tests.

Herfindahl-Hirschman index: HHI = sum of s_k^2 with market shares s_k in percent, so it runs from
near 0 (many tiny firms) to 10 000 (one firm holds 100%). When firms i and j merge, their shares add:
(s_i + s_j)^2 - s_i^2 - s_j^2 = 2 s_i s_j, so the merger raises the HHI by exactly ΔHHI = 2 s_i s_j
whatever the other firms hold. Shares that sum to less than 100% leave a fringe of firms not listed;
the HHI of the listed firms is then a lower bound (the fringe adds at most (100 - total)^2 if it is one
firm, and close to nothing if it is many small ones).

Concentration thresholds are not in ``datasets/`` (they are not statistics but rules): they are the
official published values, cited constant by constant below. China's notification thresholds *are* in
``datasets/merger_thresholds.csv`` (State Council rules, 2018 and 2024) and are read through cqlab.data.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

from cqlab.errors import (
    CqlabInputError,
    CqlabWarning,
    _say,
    check_fields,
    describe,
    expect_choice,
    expect_count,
    expect_finite_result,
    expect_number,
    expect_table,
)
from cqlab.i18n import label

#: The largest possible HHI (one firm with 100% of the market), with shares in percent.
HHI_MAX = 10_000.0

#: US DOJ/FTC, *Merger Guidelines* (18 December 2023), Section 2.1 "Guideline 1: Mergers Raise a
#: Presumption of Illegality When They Significantly Increase Concentration in a Highly Concentrated
#: Market": markets with an HHI greater than 1,800 are highly concentrated ...
MG2023_HIGHLY_CONCENTRATED = 1_800.0
#: ... and a change of more than 100 is a significant increase: a merger that creates or further
#: consolidates a highly concentrated market (post-merger HHI > 1,800) with ΔHHI > 100 is presumed
#: to substantially lessen competition or tend to create a monopoly (US DOJ/FTC Merger Guidelines 2023,
#: Section 2.1).
MG2023_SIGNIFICANT_DELTA = 100.0
#: US DOJ/FTC Merger Guidelines 2023, Section 2.1: the presumption also applies when the merged firm's
#: market share exceeds 30% and ΔHHI > 100.
MG2023_MERGED_SHARE = 30.0

#: US DOJ/FTC, *Horizontal Merger Guidelines* (19 August 2010), Section 5.3 "Market Concentration":
#: unconcentrated markets have a post-merger HHI below 1,500 ...
HMG2010_MODERATE = 1_500.0
#: ... moderately concentrated 1,500-2,500, highly concentrated above 2,500 (HMG 2010, Section 5.3).
HMG2010_HIGH = 2_500.0
#: HMG 2010, Section 5.3: a merger raising the HHI by less than 100 points is unlikely to have adverse
#: competitive effects; above 100 in a moderately concentrated market, or 100-200 in a highly
#: concentrated one, it potentially raises significant competitive concerns ...
HMG2010_SMALL_DELTA = 100.0
#: ... and above 200 in a highly concentrated market it is presumed likely to enhance market power
#: (HMG 2010, Section 5.3).
HMG2010_LARGE_DELTA = 200.0

#: The two versions of China's notification rules that ``datasets/merger_thresholds`` holds.
NOTIFICATION_VERSIONS = ("2018", "2024")
_TOLERANCE = 1e-9  # shares typed as 33.3 + 33.3 + 33.4 must not fail "at most 100%" by rounding


def _shares(shares, name: str = "market shares") -> list[float]:
    """Check a list of percentage shares (each 0-100, total at most 100); return them as floats.

    Shares that look like fractions (several firms, every share at most 1, total at most 1) are
    legal but almost surely a mistake: a CqlabWarning says so and the HHI is then near 0.
    """
    if isinstance(shares, (str, bytes, dict)) or not hasattr(shares, "__iter__") or hasattr(shares, "columns"):
        raise CqlabInputError(_say(
            f"The {name} must be a list of percentages, e.g. [30, 25, 20]; got {describe(shares)}.",
            f"{name} 必须是一组百分比,例如 [30, 25, 20];收到的是 {describe(shares)}。"))
    values = [
        expect_number(s, f"market share of firm {k + 1} (%)", minimum=0, maximum=100)
        for k, s in enumerate(shares)
    ]
    if not values:
        raise CqlabInputError(_say(f"The {name} must list at least one firm; got an empty list.",
                                   f"{name} 至少要列出一家企业;收到的是空列表。"))
    total = sum(values)
    if len(values) > 1 and 0 < total <= 1 + _TOLERANCE:
        warnings.warn(_say(
            f"The {name} {values} add up to {total:g}: they look like fractions. cqlab reads shares in "
            f"percent, so 0.3 means 0.3%, not 30%. Multiply by 100 if you meant fractions.",
            f"{name} {values} 合计 {total:g}:看起来是小数而不是百分比。cqlab 按百分比读份额,"
            "0.3 表示 0.3%,不是 30%。如果你给的是小数,请乘以 100。"),
            CqlabWarning,
            stacklevel=3,
        )
    if total > 100 + _TOLERANCE:
        raise CqlabInputError(_say(
            f"The {name} {_listed(values)} add up to {total:g}%, but shares of one market can total at most "
            "100%. Lower some of them.",
            f"{name} {_listed(values)} 合计 {total:g}%,但同一市场的份额合计最多为 100%。请调低其中一些。"))
    return values


def _listed(values: list) -> str:
    """Shares as a student wrote them, e.g. [2, 99] (the first eight, then '...')."""
    shown = ", ".join(f"{v:g}" for v in values[:8]) + (", ..." if len(values) > 8 else "")
    return f"[{shown}]"


def hhi(shares) -> float:
    """Return the Herfindahl-Hirschman index (0-10 000) of market shares given in percent."""
    return float(sum(s * s for s in _shares(shares)))


def concentration_ratio(shares, n: int = 4) -> float:
    """Return CRn, the combined share (%) of the ``n`` largest firms."""
    values = _shares(shares)
    n = expect_count(n, "n (number of largest firms)", minimum=1)
    return float(sum(sorted(values, reverse=True)[:n]))


def _pair(shares: list[float], i: int, j: int) -> tuple[int, int]:
    count = len(shares)
    given = (i, j)
    i = int(expect_number(i, "first merging firm (index)", minimum=0, maximum=count - 1, integer=True))
    j = int(expect_number(j, "second merging firm (index)", minimum=0, maximum=count - 1, integer=True))
    if i == j:
        raise CqlabInputError(_say(
            f"A merger needs two different firms; both choices are firm {i + 1} (indices {given[0]!r} and "
            f"{given[1]!r}). Pick another one.",
            f"合并需要两家不同的企业;两次选择都是第 {i + 1} 家企业(索引 {given[0]!r} 和 {given[1]!r})。请另选一家。"))
    return i, j


def merge(shares, i: int, j: int) -> list[float]:
    """Return the shares after firms ``i`` and ``j`` (0-based) merge: the merged firm takes i's place."""
    values = _shares(shares)
    i, j = _pair(values, i, j)
    merged = [s for k, s in enumerate(values) if k != j]
    merged[i if i < j else i - 1] = values[i] + values[j]
    return merged


def delta_hhi(share_i: float, share_j: float) -> float:
    """Return the rise in HHI when firms with shares ``share_i`` and ``share_j`` (%) merge: 2 s_i s_j."""
    s_i = expect_number(share_i, "share of the first merging firm (%)", minimum=0, maximum=100)
    s_j = expect_number(share_j, "share of the second merging firm (%)", minimum=0, maximum=100)
    _shares([s_i, s_j], "two merging shares")
    return 2.0 * s_i * s_j


def classify_2023(hhi_after: float, delta: float, merged_share: float | None = None) -> str:
    """Return the US 2023 Merger Guidelines reading of a merger (Section 2.1), in plain words."""
    hhi_after = expect_number(hhi_after, "post-merger HHI", minimum=0, maximum=HHI_MAX)
    delta = expect_number(delta, "change in HHI", minimum=0, maximum=HHI_MAX)
    if merged_share is not None:
        merged_share = expect_number(merged_share, "merged firm's market share (%)", minimum=0, maximum=100)
    significant = delta > MG2023_SIGNIFICANT_DELTA
    if hhi_after > MG2023_HIGHLY_CONCENTRATED and significant:
        return label("presumed to substantially lessen competition (HHI > 1800 and ΔHHI > 100)",
                     "推定实质性减少竞争(HHI > 1800 且 ΔHHI > 100)")
    if merged_share is not None and merged_share > MG2023_MERGED_SHARE and significant:
        return label("presumed to substantially lessen competition (merged share > 30% and ΔHHI > 100)",
                     "推定实质性减少竞争(合并后份额 > 30% 且 ΔHHI > 100)")
    if hhi_after > MG2023_HIGHLY_CONCENTRATED:
        return label("highly concentrated market, but ΔHHI ≤ 100: no structural presumption",
                     "高度集中市场,但 ΔHHI ≤ 100:不作结构性推定")
    return label("not highly concentrated (HHI ≤ 1800): no structural presumption",
                 "非高度集中(HHI ≤ 1800):不作结构性推定")


def classify_2010(hhi_after: float, delta: float) -> str:
    """Return the US 2010 Horizontal Merger Guidelines reading of a merger (Section 5.3)."""
    hhi_after = expect_number(hhi_after, "post-merger HHI", minimum=0, maximum=HHI_MAX)
    delta = expect_number(delta, "change in HHI", minimum=0, maximum=HHI_MAX)
    if delta < HMG2010_SMALL_DELTA:
        return label("ΔHHI < 100: unlikely to have adverse competitive effects", "ΔHHI < 100:不大可能产生不利竞争效果")
    if hhi_after < HMG2010_MODERATE:
        return label("unconcentrated (HHI < 1500): unlikely to have adverse competitive effects",
                     "非集中市场(HHI < 1500):不大可能产生不利竞争效果")
    if hhi_after <= HMG2010_HIGH:
        return label("moderately concentrated, ΔHHI > 100: potentially raises significant concerns",
                     "中度集中,ΔHHI > 100:可能引起重大竞争关切")
    if delta <= HMG2010_LARGE_DELTA:
        return label("highly concentrated, ΔHHI 100-200: potentially raises significant concerns",
                     "高度集中,ΔHHI 100-200:可能引起重大竞争关切")
    return label("highly concentrated, ΔHHI > 200: presumed likely to enhance market power",
                 "高度集中,ΔHHI > 200:推定可能增强市场势力")


@dataclass(frozen=True)
class MergerEffect:
    """What a merger of two firms does to concentration (shares in %, HHI on 0-10 000)."""

    shares_before: list[float]
    shares_after: list[float]
    firms: tuple[int, int]
    hhi_before: float
    hhi_after: float
    delta: float
    merged_share: float
    reading_2023: str
    reading_2010: str

    def __post_init__(self):
        check_fields(self, "competition.merger_effect(...)")


def merger_effect(shares, i: int, j: int) -> MergerEffect:
    """Return HHI before and after firms ``i`` and ``j`` (0-based) merge, ΔHHI and both US readings."""
    before = _shares(shares)  # warns once if the shares look like fractions
    i, j = _pair(before, i, j)  # whole indices (1.0 is read as 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CqlabWarning)
        after = merge(before, i, j)
        h0, h1 = hhi(before), hhi(after)
    merged_share = before[i] + before[j]
    delta = 2.0 * before[i] * before[j]  # equals h1 - h0 exactly in algebra, without rounding below 0
    return MergerEffect(
        shares_before=before,
        shares_after=after,
        firms=(i, j),
        hhi_before=h0,
        hhi_after=h1,
        delta=delta,
        merged_share=merged_share,
        reading_2023=classify_2023(h1, delta, merged_share),
        reading_2010=classify_2010(h1, delta),
    )


# --- China: when must a concentration be notified? -------------------------------------------------


@dataclass(frozen=True)
class NotificationThresholds:
    """One version of China's turnover thresholds, in 亿元 (100 million yuan); all tests use 'exceeds'."""

    version: str
    worldwide_combined: float  # global test: all parties' worldwide turnover together exceeds this
    china_combined: float  # China test: all parties' China turnover together exceeds this
    china_each: float  # both tests: at least two parties each have China turnover above this

    def __post_init__(self):
        check_fields(self, "competition.load_thresholds(...)")


def thresholds_from_table(table, version: str) -> NotificationThresholds:
    """Read one version's thresholds from the ``merger_thresholds`` dataset (a DataFrame).

    The table has one row per (rule, version, test_part): rule ``worldwide`` or ``china``, test_part
    ``combined_turnover`` or ``each_of_two_parties``, value in 亿元.
    """
    expect_table(table, "The thresholds table", ("rule", "version", "test_part", "value"),
                 "data.load('merger_thresholds')")
    version = _version(version)
    rows = table[table["version"].astype(str).str.strip() == version]

    def pick(rule: str, part: str) -> float:
        hit = rows[(rows["rule"] == rule) & (rows["test_part"] == part)]
        values = {expect_number(v, f"threshold '{rule}/{part}' ({version}) in the table", minimum=0)
                  for v in hit["value"]}
        if len(values) != 1:
            raise CqlabInputError(_say(
                f"The merger_thresholds dataset should hold one value for rule '{rule}', part '{part}', "
                f"version {version}; found {sorted(values) or 'none'}.",
                f"merger_thresholds 数据集中规则 '{rule}'、部分 '{part}'、{version} 版应恰有一个值;"
                f"找到的是 {sorted(values) or '无'}。"))
        return values.pop()

    each = {pick("worldwide", "each_of_two_parties"), pick("china", "each_of_two_parties")}
    if len(each) != 1:
        raise CqlabInputError(_say(
            f"The per-party China threshold differs between the two tests in {version} ({sorted(each)}); "
            "this model assumes one value.",
            f"{version} 版两项标准中的单方境内营业额门槛不同({sorted(each)});本模型假定只有一个值。"))
    return NotificationThresholds(
        version=version,
        worldwide_combined=pick("worldwide", "combined_turnover"),
        china_combined=pick("china", "combined_turnover"),
        china_each=each.pop(),
    )


def _version(version) -> str:
    """Check a rules version: '2018' or '2024' (text or a whole number); return it as text."""
    if isinstance(version, bool) or not isinstance(version, (str, int)):
        raise CqlabInputError(_say(
            f"rules version must be one of '2018', '2024'; got {describe(version)}.",
            f"rules version 必须是 '2018' 或 '2024' 之一;收到的是 {describe(version)}。"))
    return expect_choice(str(version).strip(), "rules version", NOTIFICATION_VERSIONS)


def load_thresholds(version: str) -> NotificationThresholds:
    """Return the 2018 or 2024 thresholds from ``datasets/merger_thresholds`` (via cqlab.data)."""
    from cqlab import data

    return thresholds_from_table(data.load("merger_thresholds"), version)


def _turnovers(turnovers) -> list[tuple[float, float]]:
    """Check a list of (worldwide, China) turnovers in 亿元, one pair per party."""
    if isinstance(turnovers, (str, bytes)) or not hasattr(turnovers, "__iter__"):
        raise CqlabInputError(_say(
            "Turnovers must be a list of (worldwide, China) pairs in 亿元, one per party, e.g. "
            f"[(150, 30), (60, 12)]; got {describe(turnovers)}.",
            "营业额必须是一组(全球, 境内)数对,单位亿元,每个参与方一对,例如 "
            f"[(150, 30), (60, 12)];收到的是 {describe(turnovers)}。"))
    pairs = []
    for k, pair in enumerate(turnovers):
        if isinstance(pair, dict):
            pair = (pair.get("worldwide"), pair.get("china"))
        try:
            worldwide, china = pair
        except (TypeError, ValueError):
            raise CqlabInputError(_say(
                f"Party {k + 1} needs two turnovers, (worldwide, China) in 亿元; got {describe(pair)}.",
                f"第 {k + 1} 个参与方需要两个营业额(全球, 境内),单位亿元;收到的是 {describe(pair)}。")) from None
        worldwide = expect_number(worldwide, f"worldwide turnover of party {k + 1} (亿元)", minimum=0)
        china = expect_number(china, f"China turnover of party {k + 1} (亿元)", minimum=0)
        if china > worldwide + _TOLERANCE:
            raise CqlabInputError(_say(
                f"Party {k + 1}'s China turnover ({china:g} 亿元) cannot exceed its worldwide turnover "
                f"({worldwide:g} 亿元): China is part of the world.",
                f"第 {k + 1} 个参与方的境内营业额({china:g} 亿元)不能超过其全球营业额({worldwide:g} 亿元):"
                "中国是世界的一部分。"))
        pairs.append((worldwide, china))
    if len(pairs) < 2:
        raise CqlabInputError(_say(
            f"A concentration involves at least two parties; got {len(pairs)} turnover pair(s) ({describe(turnovers)}).",
            f"经营者集中至少涉及两个参与方;收到 {len(pairs)} 对营业额({describe(turnovers)})。"))
    return pairs


@dataclass(frozen=True)
class NotificationResult:
    """Which of China's two turnover tests a concentration meets under one version of the rules."""

    version: str
    required: bool
    global_test: bool
    china_test: bool
    worldwide_combined: float
    china_combined: float
    parties_above_each: int
    second_largest_china: float
    thresholds: NotificationThresholds
    reasons: list[str] = field(default_factory=list)

    def __post_init__(self):
        check_fields(self, "competition.notification_required(...)")

    @property
    def tests_met(self) -> list[str]:
        return [n for n, met in (("global", self.global_test), ("China", self.china_test)) if met]


def notification_required(turnovers, version: str = "2024", thresholds=None) -> NotificationResult:
    """Return whether a concentration must be notified in China, which test is met and why.

    ``turnovers``: one (worldwide, China) pair per party, previous fiscal year, in 亿元. The global test
    is met when the combined worldwide turnover exceeds its threshold *and* at least two parties each
    have China turnover above the per-party threshold; the China test likewise with the combined China
    turnover. Notification is required when either test is met (State Council rules on notification
    thresholds, Article 3; 2018 and 2024 versions). ``thresholds`` defaults to the dataset's values;
    otherwise it is a NotificationThresholds (what ``load_thresholds`` returns).
    """
    version = _version(version)
    pairs = _turnovers(turnovers)
    if thresholds is not None and not isinstance(thresholds, NotificationThresholds):
        raise CqlabInputError(_say(
            f"thresholds must be None or what load_thresholds(...) returns; got {describe(thresholds)}.",
            f"thresholds 必须是 None 或 load_thresholds(...) 的返回结果;收到的是 {describe(thresholds)}。"))
    t = thresholds if thresholds is not None else load_thresholds(version)
    worldwide = sum(w for w, _ in pairs)
    china = sum(c for _, c in pairs)
    above = sum(1 for _, c in pairs if c > t.china_each)
    second = sorted((c for _, c in pairs), reverse=True)[1]
    two_above = above >= 2
    global_met = worldwide > t.worldwide_combined and two_above
    china_met = china > t.china_combined and two_above

    def cmp(value: float, limit: float) -> str:
        return f"{value:g} {'>' if value > limit else '≤'} {limit:g}"

    reasons = [
        label(f"combined worldwide turnover {cmp(worldwide, t.worldwide_combined)} 亿元",
              f"全球合计营业额 {cmp(worldwide, t.worldwide_combined)} 亿元"),
        label(f"combined China turnover {cmp(china, t.china_combined)} 亿元",
              f"境内合计营业额 {cmp(china, t.china_combined)} 亿元"),
        label(f"{above} part{'y' if above == 1 else 'ies'} with China turnover above {t.china_each:g} 亿元 "
              f"(at least 2 needed)", f"境内营业额超过 {t.china_each:g} 亿元的参与方有 {above} 个(至少需要2个)"),
    ]
    return NotificationResult(
        version=version,
        required=global_met or china_met,
        global_test=global_met,
        china_test=china_met,
        worldwide_combined=worldwide,
        china_combined=china,
        parties_above_each=above,
        second_largest_china=second,
        thresholds=t,
        reasons=reasons,
    )


# --- Cournot: why the HHI measures market power ------------------------------------------------------


@dataclass(frozen=True)
class CournotEquilibrium:
    """A Cournot-Nash equilibrium of n firms with constant marginal costs (shares in %, HHI on 0-10 000).

    ``lerner`` holds each firm's Lerner index (P - c_i) / P; ``elasticity`` is the price elasticity of
    market demand at the equilibrium, as a positive number; ``average_lerner`` is the share-weighted mean of
    the Lerner indices, which equals ``hhi / (10 000 * elasticity)`` (Cowling and Waterson 1976).
    """

    demand: str
    costs: list[float]
    quantities: list[float]
    price: float
    shares: list[float]
    lerner: list[float]
    elasticity: float
    hhi: float
    average_lerner: float

    def __post_init__(self):
        check_fields(self, "competition.cournot_linear(...)")


def _costs(costs) -> list[float]:
    if isinstance(costs, (str, bytes, dict)) or not hasattr(costs, "__iter__") or hasattr(costs, "columns"):
        raise CqlabInputError(_say(f"Marginal costs must be a list of numbers, one per firm, e.g. [10, 12, 15]; "
                                   f"got {describe(costs)}.",
                                   f"边际成本必须是一组数字,每家企业一个,例如 [10, 12, 15];收到的是 {describe(costs)}。"))
    values = [expect_number(c, f"marginal cost of firm {k + 1}", minimum=0) for k, c in enumerate(costs)]
    if not values:
        raise CqlabInputError(_say(f"A Cournot market needs at least one firm's cost; got {describe(costs)}.",
                                   f"古诺市场至少需要一家企业的成本;收到的是 {describe(costs)}。"))
    return values


def _equilibrium(demand: str, costs: list[float], quantities: list[float], price: float,
                 elasticity: float) -> CournotEquilibrium:
    total = sum(quantities)
    shares = [100.0 * q / total for q in quantities]
    lerner = [(price - c) / price for c in costs]
    return CournotEquilibrium(
        demand=demand, costs=costs, quantities=quantities, price=price, shares=shares, lerner=lerner,
        elasticity=elasticity, hhi=float(sum(s * s for s in shares)),
        average_lerner=float(sum(s / 100.0 * x for s, x in zip(shares, lerner))),
    )


def _all_produce(costs: list[float], price: float) -> None:
    idle = [k + 1 for k, c in enumerate(costs) if c >= price]
    if idle:
        idle_costs = ", ".join(f"{costs[k - 1]:g}" for k in idle)
        raise CqlabInputError(_say(
            f"At the Cournot price {price:.4g} firm(s) {idle} would not produce: their marginal cost "
            f"({idle_costs}) is at or above the price. Lower their costs or leave them out of the market.",
            f"在古诺价格 {price:.4g} 下,企业 {idle} 不会生产:其边际成本({idle_costs})不低于价格。"
            "请降低其成本,或把它们移出市场。"))


def cournot_linear(costs, intercept: float = 100.0, slope: float = 1.0) -> CournotEquilibrium:
    """Return the Cournot equilibrium with inverse demand P = intercept - slope * Q and constant costs.

    First-order condition of firm i: P - c_i - slope * q_i = 0, so q_i = (P - c_i) / slope; summing over
    the n firms gives P = (intercept + sum of c_i) / (n + 1). Every firm must produce (c_i < P).
    """
    costs = _costs(costs)
    a = expect_number(intercept, "demand intercept (the price at which nobody buys)", minimum=0, allow_min=False)
    b = expect_number(slope, "demand slope", minimum=0, allow_min=False)
    price = (a + sum(costs)) / (len(costs) + 1)
    _all_produce(costs, price)
    quantities = [(price - c) / b for c in costs]
    elasticity = price / (b * sum(quantities))  # -(dQ/dP) P / Q with dQ/dP = -1/b
    return _equilibrium("linear", costs, quantities, price, elasticity)


def cournot_constant_elasticity(costs, elasticity: float = 1.5, scale: float = 100.0) -> CournotEquilibrium:
    """Return the Cournot equilibrium with inverse demand P = scale * Q^(-1/elasticity) and constant costs.

    First-order condition of firm i: P (1 - s_i / elasticity) = c_i (s_i as a fraction); summing over the n
    firms gives P = sum of c_i / (n - 1 / elasticity), which needs n * elasticity > 1 and every c_i < P.
    """
    costs = _costs(costs)
    e = expect_number(elasticity, "price elasticity of demand", minimum=0, allow_min=False)
    a = expect_number(scale, "demand scale", minimum=0, allow_min=False)
    n = len(costs)
    if n * e <= 1:
        raise CqlabInputError(_say(
            f"With {n} firm(s) and elasticity {e:g}, n x elasticity = {n * e:g} is not above 1: the firms would "
            "always gain by selling less, and there is no Cournot equilibrium. Add firms or raise the elasticity.",
            f"{n} 家企业、弹性 {e:g} 时,n × 弹性 = {n * e:g} 不大于 1:企业总能靠少卖获益,不存在古诺均衡。"
            "请增加企业或提高弹性。"))
    if sum(costs) <= 0:
        raise CqlabInputError(_say("With constant-elasticity demand at least one marginal cost must be above 0.",
                                   "在不变弹性需求下,至少一家企业的边际成本必须大于 0。"))
    price = sum(costs) / (n - 1 / e)
    _all_produce(costs, price)
    try:
        total = (a / price) ** e  # demand: Q = (scale / P)^elasticity
    except OverflowError:
        total = float("inf")
    expect_finite_result(total, "The market quantity", f"scale {a:g}, elasticity {e:g}")
    if total <= 0:
        raise CqlabInputError(_say(
            f"The demand scale {scale!r} is too small: the market quantity rounds to 0 at elasticity {e:g}.",
            f"需求规模 {scale!r} 太小:在弹性 {e:g} 下市场数量四舍五入为 0。"))
    quantities = [e * (1 - c / price) * total for c in costs]
    return _equilibrium("constant elasticity", costs, quantities, price, e)


def lerner_from_hhi(hhi_value: float, elasticity: float) -> float:
    """Return the share-weighted average Lerner index HHI / (10 000 * elasticity) of a Cournot market."""
    h = expect_number(hhi_value, "HHI (0-10 000)", minimum=0, maximum=HHI_MAX)
    e = expect_number(elasticity, "price elasticity of demand", minimum=0, allow_min=False)
    return h / (HHI_MAX * e)
