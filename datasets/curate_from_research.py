"""Build the curated course tables in datasets/ from the raw research tables in datasets/raw/.

Run by the maintainers (``python datasets/curate_from_research.py [--out FOLDER]``), then
``python datasets/build_datapackage.py`` to refresh hashes. The raw tables ship with the repository,
so the rebuild is reproducible from a clone alone; ``tests/test_curation.py`` reruns it into a
temporary folder and checks that it reproduces the published CSVs byte for byte.

Rules followed (see datasets/README.md):
- no number is invented, derived or filled in; a value is kept as the source wrote it
  (only a qualifier such as '>' / 'over' / 'nearly' is moved into ``value_qualifier``);
- every row keeps source, source_url, quote_original and confidence;
- where a quote is in English (billion/million), the row keeps the English unit
  ('billion yuan', 'million') rather than converting to 亿元 / 万;
- confidence labels are normalised to verified / partial / low; the research's longer
  label is kept in ``note``;
- exact duplicates (same indicator, value, unit, period and source URL) are dropped,
  rows from different sources are kept; disagreeing values are flagged in ``note``.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
RESEARCH = HERE / "raw"  # the research tables as gathered (see raw/README.md)
OUT = HERE  # where the curated CSVs are written; main(out=...) changes it
DROPPED: list[str] = []  # human-readable log of rows not carried over

LONG = ["indicator", "indicator_cn", "value", "unit", "year", "period", "period_type"]
TAIL = ["source", "source_url", "quote_original", "confidence", "note"]


# ----------------------------------------------------------------------------- helpers
def read(name: str) -> pd.DataFrame:
    frame = pd.read_csv(RESEARCH / name, dtype=str, keep_default_na=False)
    return resolve_same(frame)


def resolve_same(frame: pd.DataFrame) -> pd.DataFrame:
    """Replace 'same' / 'same as above' in source and source_url with the real text."""
    frame = frame.copy()
    for col in ("source", "source_url"):
        if col not in frame:
            continue
        for i in range(len(frame)):
            text = frame.at[i, col].strip()
            if not text.lower().startswith("same"):
                continue
            extra = text[4:].strip()
            resolved = None
            if col == "source" and "source_url" in frame:
                url = frame.at[i, "source_url"]
                if not url.lower().startswith("same"):
                    for j in range(len(frame)):
                        if j != i and frame.at[j, "source_url"] == url and not frame.at[j, "source"].lower().startswith("same"):
                            resolved = frame.at[j, "source"]
                            break
            if resolved is None:  # fall back to the previous row (already resolved)
                resolved = frame.at[i - 1, col]
            if extra and not extra.lower().startswith(("as above", "as 2024 row")):
                resolved = f"{resolved} {extra}"
            frame.at[i, col] = resolved
    return frame


def conf(label: str) -> tuple[str, str]:
    """Return (normalised label, research label to keep in note or '')."""
    text = label.strip()
    low = text.lower()
    if low.startswith("verified"):
        code = "verified"
        bare = "verified-from-source"
    elif low.startswith("partially"):
        code = "partial"
        bare = "partially verified"
    elif low.startswith("low"):
        code = "low"
        bare = "low"
    else:
        raise ValueError(f"unknown confidence label {label!r}")
    return code, ("" if text == bare else f"research label: {text}")


def join_notes(*parts: str) -> str:
    seen = []
    for part in parts:
        part = (part or "").strip().strip(";").strip()
        if part and part not in seen:
            seen.append(part)
    return "; ".join(seen)


def parse_value(raw: str, quote: str = "") -> tuple[str, str]:
    """Split a research value such as '>50' or 'over 6200' into (number text, qualifier)."""
    s = raw.strip()
    patterns = [
        (r"^>=\s*([\d.]+)$", "at least"),
        (r"^>\s*([\d.]+)$", "more than"),
        (r"^over\s+([\d.]+)$", "more than"),
        (r"^nearly\s+([\d.]+)$", "nearly"),
        (r"^~\s*([\d.]+)(?:\s*\(近[\d.]+\))?$", "nearly" if "近" in quote else "about"),
        (r"^([\d.]+)$", "exact"),
    ]
    for pattern, qualifier in patterns:
        m = re.match(pattern, s)
        if m:
            return m.group(1), qualifier
    raise ValueError(f"cannot parse value {raw!r}")


UNIT_MAP = {
    "亿元 (100 million yuan)": "亿元", "100 million yuan (亿元)": "亿元", "100 million yuan": "亿元",
    "trillion yuan": "万亿元", "trillion yuan (万亿级)": "万亿元", "billion yuan": "billion yuan",
    "yuan": "元", "10,000 yuan": "万元", "10,000 yuan per worker (万元/人)": "万元/人",
    "%": "%", "% of GDP": "%", "% of revenue": "%", "share": "%",
    "10,000 persons": "万人", "10,000 persons (万人)": "万人",
    "10,000 units (万辆)": "万辆", "10,000 vehicles": "万辆", "10,000 units (万台)": "万台",
    "10,000 km": "万km", "10,000 km (万公里)": "万km", "km per 100 km2": "km/100km2",
    "10,000": "万件", "10,000 firms": "万家", "10,000 firms (万家)": "万家",
    "firms": "家", "enterprises": "家",
    "10,000 entities": "万户", "10,000 entities (万户)": "万户",
    "million": "million", "million units": "million",
    "ratio": "ratio", "ratio (urban/rural)": "ratio", "multiple": "ratio",
    "rank": "rank", "rank in China": "rank", "rank in China (1st in the West)": "rank",
    "years": "years", "index": "index", "days": "days",
    "villages": "个", "units": "个", "plans": "个", "chains": "个", "teams": "个", "zones": "个",
    "clusters": "个", "count": "个", "items": "个", "drug": "个", "centres": "个",
    "10,000 TEU": "万标箱", "10,000 TEU (万标箱)": "万标箱", "trains/year": "列", "flag": "flag",
}


def unit_code(raw: str, indicator: str) -> str:
    if raw == "10,000 units":  # macro file: vehicles vs computers
        return "万台" if ("notebook" in indicator.lower() or "phone" in indicator.lower()) else "万辆"
    if raw == "100 million units":
        return "亿台"
    return UNIT_MAP[raw]


STOCK_WORDS = (
    "population", "enterprises", "firms", "smes", "little giant", "entities", "road mileage",
    "road density", "urbanization", "employed", "working-age", "ports", "countries", "villages",
    "township", "water supply population", "water-supply population", "software firms",
)


def period_of(raw: str, indicator: str, quote: str) -> tuple[int | None, str, str]:
    """Return (year, period text, period_type) for a research year/period string."""
    s = raw.strip()
    ind = indicator.lower()
    stock = (any(re.search(rf"\b{re.escape(w)}\b", ind) for w in STOCK_WORDS)
             and not re.search(r"\b(new|growth|increase|exports|imports|output|dispatched|carried|income|revenue|profits|spending|expenditure|investment|value|trade)\b", ind))
    expectation = ("expected" in ind or "estimate" in ind or "预计" in quote or "有望" in quote)
    months = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6, "Jul": 7, "Aug": 8,
              "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12}
    m = re.match(r"^(\d{4})$", s)
    if m:
        y = int(m.group(1))
        if "target" in ind:
            return y, f"{y} target", "target"
        if expectation:
            return y, f"{y} (expectation)", "expectation"
        return y, str(y), "point-in-time" if stock else "full-year"
    m = re.match(r"^(\d{4}) \(?Jan-(\w{3})\)?$", s)
    if m:
        y, e = int(m.group(1)), months[m.group(2)]
        return y, f"{y}-01/{y}-{e:02d}", "partial-year"
    m = re.match(r"^(\d{4}) (H1|Q1)$", s)
    if m:
        return int(m.group(1)), f"{m.group(1)}-{m.group(2)}", "partial-year"
    m = re.match(r"^(\d{4}) target", s)
    if m:
        extra = s[len(m.group(0)):].strip().replace("(2021 plan)", "(set 2021)")
        return int(m.group(1)), f"{m.group(1)} target" + (f" {extra}" if extra else ""), "target"
    m = re.match(r"^end-(\d{4})$", s)
    if m:
        return int(m.group(1)), s, "point-in-time"
    m = re.match(r"^(\d{4})-(\d{2})$", s)
    if m:
        return int(m.group(1)), s, "point-in-time"
    m = re.match(r"^(\w{3}) (\d{4})$", s)
    if m and m.group(1) in months:
        return int(m.group(2)), f"{m.group(2)}-{months[m.group(1)]:02d}", "point-in-time"
    special = {
        "2013 (1st water census)": (2013, "2013 (1st national water census)", "point-in-time"),
        "2013 (water census)": (2013, "2013 (1st national water census)", "point-in-time"),
        "2018 (as of June)": (2018, "2018-06", "point-in-time"),
        "2022 (as of April)": (2022, "2022-04", "point-in-time"),
        "2023 (estimate)": (2023, "2023 (expectation)", "expectation"),
        "2024 (Jan 2025)": (2024, "end-2024 (reported 2025-01)", "point-in-time"),
        "2021-2025": (2025, "2021-2025 (14th Five-Year Plan period, reported 2026-03)", "cumulative"),
        "2022/early 2023": (2022, "2022 (reported 2023-03)", "point-in-time"),
        "cumulative to end-Sep 2023": (2023, "cumulative to 2023-09", "cumulative"),
        "to end-Sep 2023": (2023, "cumulative to 2023-09", "cumulative"),
        "2019-Aug 2024": (2024, "cumulative 2019 to 2024-08-02", "cumulative"),
        "2024 to 2 Aug": (2024, "2024-01-01/2024-08-02", "partial-year"),
        "2025 to 4 Nov": (2025, "2025-01-01/2025-11-04", "partial-year"),
        "2025 (expectation)": (2025, "2025 (expectation)", "expectation"),
        "2023 plan (cited 2025-03)": (2023, "2023 (plan; cited 2025-03)", "point-in-time"),
    }
    if s in special:
        return special[s]
    raise ValueError(f"cannot parse period {raw!r} ({indicator})")


def split_bilingual(ind: str) -> tuple[str, str]:
    """'制造业增加值占GDP manufacturing VA share of GDP (2027 target)' -> (English, Chinese)."""
    en, cn = ind, ""
    m = re.match(r"^(\S*[\u4e00-\u9fff]\S*) ([A-Za-z].*)$", ind)
    if m and m.group(1) != "专精特新":
        cn, en = m.group(1), m.group(2)
    extra = ""
    m2 = re.search(r"\s*\((?:\d{4} )?target(?:, ([^)]*))?\)", en)
    if m2:
        extra = m2.group(1) or ""
        en = (en[: m2.start()] + en[m2.end():]).strip()
        if extra:
            en = f"{en} ({extra})"
    return en, cn


def record(**kw) -> dict:
    code, label_note = conf(kw.pop("confidence_raw"))
    kw["confidence"] = code
    kw["note"] = join_notes(kw.get("note", ""), label_note)
    return kw


# ----------------------------------------------------------------------------- indicator names
CANON = {
    "GDP": ("GDP", "地区生产总值"), "GDP 1949": ("GDP", "地区生产总值"),
    "GDP (revised series)": ("GDP", "地区生产总值"), "GDP (preliminary)": ("GDP", "地区生产总值"),
    "real GDP growth": ("real GDP growth", "地区生产总值增速"), "GDP real growth": ("real GDP growth", "地区生产总值增速"),
    "primary VA": ("primary industry value added", "第一产业增加值"),
    "secondary VA": ("secondary industry value added", "第二产业增加值"),
    "tertiary VA": ("tertiary industry value added", "第三产业增加值"),
    "primary share": ("primary industry share of GDP", "第一产业比重"),
    "secondary share": ("secondary industry share of GDP", "第二产业比重"),
    "tertiary share": ("tertiary industry share of GDP", "第三产业比重"),
    "per-capita GDP": ("GDP per capita", "人均地区生产总值"), "Per-capita GDP": ("GDP per capita", "人均地区生产总值"),
    "urban-rural income ratio": ("urban-rural income ratio", "城乡居民收入比"),
    "urbanization rate": ("urbanization rate", "常住人口城镇化率"),
    "urban disposable income per capita": ("disposable income per capita, urban residents", "城镇居民人均可支配收入"),
    "rural net income per capita": ("net income per capita, rural residents (old basis)", "农村居民人均纯收入"),
    "disposable income per capita, all residents (as labelled 人均收入)": ("disposable income per capita, all residents", "全体居民人均可支配收入"),
    "disposable income per capita, all residents": ("disposable income per capita, all residents", "全体居民人均可支配收入"),
    "disposable income per capita, urban residents": ("disposable income per capita, urban residents", "城镇居民人均可支配收入"),
    "disposable income per capita, rural residents": ("disposable income per capita, rural residents", "农村居民人均可支配收入"),
    "fixed-asset investment": ("fixed-asset investment", "固定资产投资"),
    "industrial value added (全部工业增加值)": ("industrial value added", "工业增加值"),
    "R&D intensity": ("R&D intensity", "R&D经费投入强度"), "R&D intensity (estimate)": ("R&D intensity", "全社会研发投入强度"),
    "R&D expenditure": ("R&D expenditure", "R&D经费"),
    "high-tech enterprises": ("high-tech enterprises", "高新技术企业"),
    "high-tech enterprises (expected)": ("high-tech enterprises", "高新技术企业"),
    "high-tech enterprises growth over 14th FYP": ("high-tech enterprises, growth multiple since 2020", "高新技术企业增长倍数"),
    "tech-based SMEs (科技型企业)": ("tech-based enterprises", "科技型企业"), "tech-based SMEs (expected)": ("tech-based enterprises", "科技型企业"),
    "market entities (cumulative)": ("market entities", "市场主体"),
    "market entities (total, year-end)": ("market entities", "市场主体"), "Market entities": ("market entities", "市场主体"),
    "new market entities": ("new market entities", "新增市场主体"),
    "Net increase in business entities": ("net increase in business entities", "净增经营主体"),
    "private market entities": ("private-economy business entities", "民营经济经营主体"),
    "Private-economy business entities": ("private-economy business entities", "民营经济经营主体"),
    "Private enterprises": ("private enterprises", "民营企业"),
    "Private market entities (14th FYP start/end)": ("private-economy business entities", "民营经营主体"),
    "Tax-registered market entities": ("tax-registered market entities", "涉税市场主体"),
    "Target: private market entities by 2022": ("private-economy business entities", "民营经济市场主体(目标)"),
    'national "little giant" firms (专精特新小巨人)': ("national little giant firms", "国家级专精特新小巨人企业"),
    'new national "little giant" firms': ("new national little giant firms", "国家专精特新“小巨人”企业(新增)"),
    'national "little giant" firms in 两江新区': ("national little giant firms, Liangjiang New Area", "两江新区国家级专精特新小巨人企业"),
    "new municipal 专精特新 SMEs": ("new municipal specialised-refined-distinctive-innovative SMEs", "新增市级专精特新中小企业"),
    "private 专精特新 SMEs": ("private specialised-refined-distinctive-innovative SMEs", "民营专精特新中小企业"),
    "patents granted": ("patents granted", "专利授权数量"),
    "fiscal S&T expenditure": ("fiscal science and technology expenditure", "地方财政科学技术支出"),
    "technology contract turnover": ("technology contract turnover", "技术合同成交金额"),
    "rural resident income in former poverty areas": ("disposable income per capita, rural residents of former poverty areas", "贫困地区农村常住居民人均可支配收入"),
    "resident population": ("resident population", "常住人口"), "resident population (census)": ("resident population", "常住人口"),
    "resident population (year-end)": ("resident population", "常住人口"),
    "urban resident population": ("urban resident population", "城镇常住人口"), "urban population": ("urban resident population", "城镇人口"),
    "main-urban metropolitan area population": ("resident population, main urban metropolitan area", "主城都市区常住人口"),
    "working-age population 16-59": ("working-age population (16-59)", "16~59岁劳动年龄人口"),
    "life expectancy": ("life expectancy", "人均预期寿命"), "employed persons": ("employed persons", "就业人员总量"),
    "consumption expenditure per capita, all residents": ("consumption expenditure per capita, all residents", "全体居民人均消费支出"),
    "consumption expenditure per capita, urban": ("consumption expenditure per capita, urban residents", "城镇居民人均消费支出"),
    "consumption expenditure per capita, rural": ("consumption expenditure per capita, rural residents", "农村居民人均消费支出"),
    "private-economy VA": ("private-economy value added", "民营经济增加值"),
    "urban new jobs": ("urban new jobs", "城镇新增就业"),
    "above-scale industrial VA growth": ("above-scale industrial value added growth", "规上工业增加值增速"),
    "Value added of above-scale industry, growth": ("above-scale industrial value added growth", "规上工业增加值增速"),
    "manufacturing investment growth": ("manufacturing investment growth", "制造业投资增速"),
    "above-scale industrial profits (estimate)": ("above-scale industrial profits", "规上工业企业利润总额"),
    "digital-economy core industries share of GDP": ("digital-economy core industries share of GDP", "数字经济核心产业增加值占GDP比重"),
    "Large and medium industrial enterprises": ("large and medium industrial enterprises", "大中型工业企业"),
    "rural road mileage": ("rural road mileage", "农村公路总里程"), "Rural road mileage": ("rural road mileage", "农村公路总里程"),
    "rural road density": ("rural road density", "农村公路路网密度"),
    "rural tap-water coverage (target)": ("rural tap-water penetration", "农村自来水普及率(目标)"),
    "Rural tap-water penetration (target)": ("rural tap-water penetration", "农村自来水普及率(目标)"),
    "Rural tap-water penetration (target, earlier plan)": ("rural tap-water penetration", "农村自来水普及率(目标)"),
    "rural water supply population": ("rural water-supply population", "农村供水人口"),
    "Rural water-supply population": ("rural water-supply population", "农村供水人口"),
    "rural water-supply coverage of rural population": ("rural water-supply projects, share of rural population covered", "农村供水工程覆盖人口占农村人口比例"),
    "Share of rural population covered by rural water-supply projects": ("rural water-supply projects, share of rural population covered", "农村供水工程覆盖人口占农村人口比例"),
    "Village (村民委员会) count": ("village committees", "村委会数"),
    "Township-level units": ("township-level units", "乡级行政区划单位"),
    "primary/secondary/tertiary structure": ("industry structure", "三次产业结构"),
    "foreign trade (imports+exports)": ("imports+exports", "进出口总值"),
    "foreign trade with RCEP members": ("imports+exports", "进出口总值"),
    # industry -> cluster_indicators
    "above-scale industrial gross output": ("above-scale industrial gross output", "规模以上工业总产值"),
    "Gross output of above-scale industry": ("above-scale industrial gross output", "规模以上工业总产值"),
    "Operating income of above-scale industrial enterprises": ("above-scale industrial revenue", "规上工业企业营业收入"),
    "automobile production": ("automobile output", "汽车产量"), "Automobile output": ("automobile output", "汽车产量"),
    "NEV production": ("NEV output", "新能源汽车产量"), "NEV output": ("NEV output", "新能源汽车产量"),
    "NEV production growth": ("NEV output growth", "新能源汽车产量增速"),
    "notebook computer production": ("notebook computer output", "笔记本电脑产量"),
    "Notebook computer output": ("notebook computer output", "笔记本电脑产量"),
    "notebook computer exports": ("notebook computer exports", "笔记本电脑出口量"),
    "mobile phone production": ("mobile phone output", "手机产量"), "Mobile phone output": ("mobile phone output", "手机产量"),
    "smartphone output share of China": ("smartphone output, share of national output", "智能手机产量占全国比重"),
    "Smartphone output share of national": ("smartphone output, share of national output", "智能手机产量占全国比重"),
    "smartphone output national rank": ("smartphone output, national rank", "智能手机产量全国排名"),
    "strategic emerging industries share of above-scale industrial VA": ("strategic emerging industries share of above-scale industrial VA", "战略性新兴产业增加值占规上工业比重"),
    "strategic emerging manufacturing share of above-scale industrial VA": ("strategic emerging manufacturing share of above-scale industrial VA", "战略性新兴制造业增加值占规上工业比重"),
    "high-tech manufacturing share of above-scale industrial VA": ("high-tech manufacturing share of above-scale industrial VA", "高技术制造业增加值占规上工业比重"),
    "above-scale industrial R&D spending Jan-Aug": ("R&D expenses of above-scale industrial firms", "规上工业研发费用"),
    "software business revenue": ("software business revenue", "软件业务收入"),
    "software firms (cumulative)": ("software firms", "软件企业"),
    "Cluster output: intelligent connected NEV (Jan-Oct)": ("cluster output", "产业集群产值"),
    "Cluster output: new-generation electronic info manufacturing (Jan-Oct)": ("cluster output", "产业集群产值"),
    "Cluster output: advanced materials (Jan-Oct)": ("cluster output", "产业集群产值"),
    "Cluster output: advanced materials": ("cluster output", "产业集群产值"),
    "Cluster scale: intelligent connected NEV": ("cluster scale", "产业集群规模"),
}
CLUSTER_OF = {
    "Cluster output: intelligent connected NEV (Jan-Oct)": "智能网联新能源汽车",
    "Cluster output: new-generation electronic info manufacturing (Jan-Oct)": "新一代电子信息制造业",
    "Cluster output: advanced materials (Jan-Oct)": "先进材料",
    "Cluster output: advanced materials": "先进材料",
    "Cluster scale: intelligent connected NEV": "智能网联新能源汽车",
    "software business revenue": "软件信息服务", "software firms (cumulative)": "软件信息服务",
    "automobile production": "智能网联新能源汽车", "Automobile output": "智能网联新能源汽车",
    "NEV production": "智能网联新能源汽车", "NEV output": "智能网联新能源汽车", "NEV production growth": "智能网联新能源汽车",
    "notebook computer production": "新一代电子信息制造业", "Notebook computer output": "新一代电子信息制造业",
    "notebook computer exports": "新一代电子信息制造业", "mobile phone production": "新一代电子信息制造业",
    "Mobile phone output": "新一代电子信息制造业", "smartphone output share of China": "新一代电子信息制造业",
    "Smartphone output share of national": "新一代电子信息制造业", "smartphone output national rank": "新一代电子信息制造业",
}
TO_CLUSTER = {k for k, v in CANON.items() if k in CLUSTER_OF} | {
    "above-scale industrial gross output", "Gross output of above-scale industry",
    "Operating income of above-scale industrial enterprises",
    "strategic emerging industries share of above-scale industrial VA",
    "strategic emerging manufacturing share of above-scale industrial VA",
    "high-tech manufacturing share of above-scale industrial VA",
    "above-scale industrial R&D spending Jan-Aug",
}
TO_TRADE = {"foreign trade (imports+exports)", "foreign trade with RCEP members"}
GDP_ACCOUNTING = {"GDP", "real GDP growth", "primary industry value added", "secondary industry value added",
                  "tertiary industry value added", "primary industry share of GDP", "secondary industry share of GDP",
                  "tertiary industry share of GDP", "GDP per capita", "industrial value added", "industry structure"}

# Per-row fixes where the research value/unit does not match its quote but a faithful
# reading exists (the quote's own number and unit). Keyed by (indicator, research value).
UNIT_FIX = {
    ("GDP", "12656.7"): ("1265.67", "billion yuan", "research stored 12656.7 亿元; the quote (China Daily) gives 1265.67 billion yuan"),
    ("GDP", ">33700"): (">3.37", "万亿元", "research stored >33700 亿元; quote: 超過3.37萬億元"),
    ("Market entities", "125.34"): ("1.2534", "million", "research stored 125.34 万户; the English quote gives 1.2534 million"),
    ("Gross output of above-scale industry", "over 26000"): (">2.6", "万亿元", "research stored 26000 亿元; quote: 超2.6万亿元"),
    ("mobile phone production", "1.74"): ("17400", "万台", "Japanese quote writes 1億7400万台 (= 1 亿 7400 万台); research stored 1.74 亿台"),
    ("foreign trade with RCEP members", "1907.2"): ("190.72", "billion yuan", "research stored 1907.2 亿元; the English quote gives RMB 190.72 billion"),
    ("Mobile phone output", "17400"): ("174", "million", "research stored 17400 万台; the English quote gives 174 million"),
}


# ----------------------------------------------------------------------------- macro & industry
def macro_and_industry():
    macro, industry, trade = [], [], []
    sources = [
        ("chongqing_macro.csv", "year"), ("more/macro_industry.csv", "year_or_period"),
        ("more/market_entities.csv", "year_or_period"), ("more/rural.csv", "year_or_period"),
    ]
    for fname, ycol in sources:
        frame = read(fname)
        for _, r in frame.iterrows():
            ind_raw, value_raw, unit_raw = r["indicator"], r["value"], r["unit"]
            quote = r["quote_original"]
            base_note = r.get("note", "")
            if (ind_raw, value_raw) in UNIT_FIX:
                value_raw, unit_fixed, fix_note = UNIT_FIX[(ind_raw, value_raw)]
                base_note = join_notes(base_note, fix_note)
            else:
                unit_fixed = None
            if value_raw in ("nearly half",) or value_raw.startswith("~50 (接近一半)"):
                DROPPED.append(f"{fname}: '{ind_raw}' {r[ycol]} value '{value_raw}' is qualitative (接近一半), no number")
                continue
            canon, canon_cn = CANON[ind_raw]
            splits = []
            if value_raw == "6.6:36.3:57.1":
                for part, name, cn in zip(value_raw.split(":"), ["primary", "secondary", "tertiary"], ["第一", "第二", "第三"]):
                    splits.append((f"{name} industry share of GDP", f"{cn}产业比重", part, "exact", "%",
                                   "split from the structure ratio 6.6:36.3:57.1"))
            elif value_raw == "2.9 -> 3.67":
                splits.append((canon, canon_cn, "2.9", "exact", "million", "start of the 14th Five-Year Plan (year 2020 inferred by research)"))
                splits.append((canon, canon_cn, "3.67", "exact", "million", "as reported 2025-09 (end of the 14th Five-Year Plan period)"))
            elif value_raw == "2.5x":
                splits.append((canon, canon_cn, "2.5", "exact", "ratio", "'增长2.5倍' is ambiguous in Chinese usage (x2.5 or x3.5)"))
            else:
                v, q = parse_value(value_raw, quote)
                unit = unit_fixed or unit_code(unit_raw, ind_raw)
                splits.append((canon, canon_cn, v, q, unit, ""))
            for k, (ind, ind_cn, v, q, unit, extra_note) in enumerate(splits):
                if value_raw == "2.9 -> 3.67":
                    year, period, ptype = (2020, "2020 (start of 14th FYP)", "point-in-time") if k == 0 else (2025, "2025-09", "point-in-time")
                else:
                    year, period, ptype = period_of(r[ycol], ind_raw, quote)
                if ptype == "point-in-time" and period == str(year) and re.search(r"(年底|年末)", quote):
                    period = f"end-{year}"
                if "target" in ind.lower() or "target" in r[ycol].lower() or "Target" in ind_raw:
                    ptype = "target"
                    if "target" not in period:
                        period = f"{year} target" + (f" ({period})" if period != str(year) else "")
                rec = record(indicator=ind, indicator_cn=ind_cn, value=v, unit=unit, year=year, period=period,
                             period_type=ptype, value_qualifier=q, source=r["source"], source_url=r["source_url"],
                             quote_original=quote, confidence_raw=r["confidence"],
                             note=join_notes(extra_note, base_note))
                if ind_raw in TO_TRADE:
                    rec["scope"] = "Chongqing trade with RCEP" if "RCEP" in ind_raw else "Chongqing total foreign trade"
                    rec["indicator"] = "imports+exports"
                    rec["indicator_cn"] = "进出口总值"
                    trade.append(rec)
                elif ind_raw in TO_CLUSTER:
                    rec["cluster_cn"] = CLUSTER_OF.get(ind_raw, "")
                    industry.append(rec)
                else:
                    rev = ""
                    if ind in GDP_ACCOUNTING:
                        if "revised" in ind_raw:
                            rev = "census-revised"
                        elif year == 1949:
                            rev = ""
                        elif year <= 2018 or "初步" in quote or "preliminary" in (base_note + ind_raw).lower():
                            rev = "preliminary"
                    elif "pre-census-revision" in base_note:
                        # a ratio whose GDP denominator predates the census revision (e.g. R&D intensity 2018)
                        rev = "preliminary"
                    rec["revision"] = rev
                    macro.append(rec)
    return macro, industry, trade


# ----------------------------------------------------------------------------- clusters
TIER = {
    "3大万亿级主导产业集群": ("leading", "万亿级主导产业集群", "1000000000000"),
    "3大五千亿级支柱产业集群": ("pillar", "五千亿级支柱产业集群", "500000000000"),
    "6大千亿级特色优势产业集群": ("featured", "千亿级特色优势产业集群", "100000000000"),
    "18个“新星”产业集群": ("new_star", "“新星”产业集群", ""),
}


def clusters_tables():
    main = read("clusters_33618.csv")
    more = read("more/clusters_33618.csv")
    members, indicators = [], []
    for _, r in main.iterrows():
        ind = r["indicator"]
        if ind.startswith("membership"):
            tier, tier_cn, scale = TIER[r["tier"]]
            code, label = conf(r["confidence"])
            note = join_notes(r["note"], label)
            status = "verified" if code == "verified" else "partial"
            if r["cluster_cn"] == "低空经济":
                note = join_notes("the Mayor names it as one of the 18; the 2023 list is not confirmed, so low-altitude economy may be a post-2024 addition",
                                  "research files date the article 2026-03-10 (main) and 2025-03-10 (more/); the same article reports 2025 GDP, so 2026-03-10 is the consistent date", note)
            members.append(dict(tier=tier, tier_cn=tier_cn, tier_scale_yuan=scale, cluster_cn=r["cluster_cn"],
                                cluster_en=r["cluster_en"], status=status, source=r["source"], source_url=r["source_url"],
                                quote_original=r["quote_original"], confidence=code, note=note))
            continue
        if r["value"] in ("two-digit growth",):
            DROPPED.append(f"clusters_33618.csv: {r['cluster_cn']} '{ind}' (no number; membership in the 18 new-star clusters not stated by the source: from-memory candidate)")
            continue
        cluster_cn = "" if r["cluster_cn"] in ("制造业整体", "未来产业", "渝西八区制造业") else r["cluster_cn"]
        scope_note = {"未来产业": "scope: future industries (2024 plan)", "渝西八区制造业": "scope: the 8 western districts (渝西八区)"}.get(r["cluster_cn"], "")
        ind_clean, ind_cn = split_bilingual(ind)
        rows = []
        value, unit_raw = r["value"], r["unit"]
        if r["tier"].startswith("未来产业(") and unit_raw == "flag":
            kind = "priority future industry (2024 plan)" if "6个" in r["tier"] else "exploratory future industry (2024 plan)"
            kind_cn = "优先发展的高成长未来产业" if "6个" in r["tier"] else "探索发展的高潜力未来产业"
            rows.append((kind, kind_cn, "1", "exact", "flag", r["cluster_cn"], "membership flag, not a quantity; not confirmed as one of the 18 new-star clusters"))
        elif value == "8-10":
            rows.append(("municipal future-industry pilot zones (target, lower bound)", "市级未来产业先导区(目标下限)", "8", "exact", "个", "", "range 8至10"))
            rows.append(("municipal future-industry pilot zones (target, upper bound)", "市级未来产业先导区(目标上限)", "10", "exact", "个", "", "range 8至10"))
        elif value == "1 of 56":
            rows.append(("key NEV component categories", "智能网联新能源汽车关键零部件", "56", "exact", "个", cluster_cn, ""))
            rows.append(("key NEV component categories still missing locally", "尚处空白的关键零部件", "1", "exact", "个", cluster_cn, ""))
        else:
            v, q = parse_value(value, r["quote_original"])
            unit = UNIT_MAP[unit_raw]
            extra = ""
            if unit_raw == "trillion yuan (万亿级)":
                q, extra = "order of magnitude", "the source says 万亿级 (trillion-yuan level); the 1 is our reading of 万亿, not a written digit"
            if unit_raw == "% of revenue":
                extra = "% of revenue"
            if unit_raw == "drug":
                extra = "count of drugs"
            rows.append((ind_clean, ind_cn, v, q, unit, cluster_cn, extra))
        for ind2, ind2_cn, v, q, unit, ccn, extra in rows:
            year, period, ptype = period_of(r["year"], ind2, r["quote_original"])
            if "target" in ind2.lower() or "target" in ind.lower():
                ptype, period = "target", f"{year} target"
            if "Jan-Oct" in ind:
                ind2 = "cluster output"
            ind2 = {"software firms (cumulative)": "software firms", "automobile industry cluster scale": "cluster scale",
                    "revenue of above-scale industrial firms": "above-scale industrial revenue",
                    # the plan's target counts R&D input (研发投入), a different measure from the R&D expenses
                    # booked (研发费用) of the Jan-Aug row: two keys, so no table joins them as one series
                    "R&D spending of above-scale industrial firms": "R&D input of above-scale industrial firms",
                    "high-tech manufacturing share": "high-tech manufacturing share of above-scale industrial VA",
                    "digital-economy VA share": "digital-economy VA share of GDP"}.get(ind2, ind2)
            if r["cluster_cn"] == "渝西八区制造业":
                ind2 = f"{ind2}, 8 western districts (渝西八区)"
            if unit == "flag":
                ptype = "point-in-time"
            indicators.append(record(indicator=ind2, indicator_cn=ind2_cn, value=v, unit=unit, year=year, period=period,
                                     period_type=ptype, cluster_cn=ccn, value_qualifier=q, source=r["source"],
                                     source_url=r["source_url"], quote_original=r["quote_original"],
                                     confidence_raw=r["confidence"], note=join_notes(extra, scope_note, r["note"])))
    for _, r in more.iterrows():
        ind = r["indicator"]
        if ind.startswith("New-star cluster member"):
            name = r["indicator_cn"]
            code, label = conf(r["confidence"])
            if name == "低空经济":
                DROPPED.append("more/clusters_33618.csv: 低空经济 membership (same article and URL as the main file's row; merged)")
                continue
            members.append(dict(tier="new_star", tier_cn="“新星”产业集群", tier_scale_yuan="", cluster_cn=name,
                                cluster_en={"卫星互联网": "Satellite internet", "AI及服务机器人": "AI and service robots",
                                            "农机装备": "Agricultural machinery"}[name],
                                status="verified" if code == "verified" else "partial", source=r["source"],
                                source_url=r["source_url"], quote_original=r["quote_original"], confidence=code,
                                note=join_notes(r["note"], label, f"statement date {r['year_or_period']}")))
            continue
        if ind.startswith("Future industries (2024 revision)") or ind.startswith("Future industry pilot zones"):
            DROPPED.append(f"more/clusters_33618.csv: '{ind}' (duplicates the main file's per-industry rows from the same plan)")
            continue
        # the two rows confirming there are 18 new-star clusters
        year, period, ptype = (2023, "2023 (plan; cited 2025-03)", "point-in-time") if "2023 plan" in r["year_or_period"] else (2023, "2023", "point-in-time")
        indicators.append(record(indicator="new-star clusters (number)", indicator_cn="“新星”产业集群数量", value="18",
                                 unit="个", year=year, period=period, period_type=ptype, cluster_cn="",
                                 value_qualifier="exact", source=r["source"], source_url=r["source_url"],
                                 quote_original=r["quote_original"], confidence_raw=r["confidence"], note=r["note"]))
    # sensors & instruments is named a 33618 high-growth cluster by the ECIT plan
    sens = main[main.cluster_cn == "传感器及仪器仪表"].iloc[0]
    code, label = conf(sens["confidence"])
    members.append(dict(tier="new_star", tier_cn="“新星”产业集群", tier_scale_yuan="", cluster_cn="传感器及仪器仪表",
                        cluster_en="Sensors and instruments", status="partial", source=sens["source"],
                        source_url=sens["source_url"], quote_original=sens["quote_original"], confidence=code,
                        note=join_notes("the plan calls it a 33618 高成长性 (high-growth) cluster; the 18 new-star clusters are drawn from future and high-growth industries, but the word 新星 is not used", label)))
    return members, indicators


# ----------------------------------------------------------------------------- corridor & trade
def scope_of(raw_scope: str, ind: str) -> str:
    mapping = {
        "Chongqing (3 main modes: rail-sea, cross-border road, intl rail)": "Chongqing, 3 modes",
        "Corridor network": "network reach",
        "Whole corridor (rail-sea trains, all provinces)": "whole corridor, rail-sea",
        "Chongqing trade with RCEP members": "Chongqing trade with RCEP",
        "Chongqing trade with ASEAN": "Chongqing trade with ASEAN",
        "Chongqing trade with Belt&Road countries": "Chongqing trade with Belt and Road countries",
        "China (national) trade with other RCEP members": "China trade with other RCEP members",
        "Corridor provinces platform firms": "whole corridor, platform firms (3 modes)",
        'Corridor "13+2" provinces': 'whole corridor, "13+2" provinces',
    }
    return mapping[raw_scope]


def corridor_trade(extra_trade):
    rows = []
    main = read("corridor_trade.csv")
    for _, r in main.iterrows():
        scope = scope_of(r["scope"], r["indicator"])
        value, unit_raw, period_raw, ind = r["value"], r["unit"], r["period"], r["indicator"]
        quote = r["quote_original"]
        out = []  # (indicator, indicator_cn, value, qualifier, unit, period_raw, note)
        m = re.match(r"^ports \((\d+) countries/regions\)$", unit_raw)
        if m:
            out.append(("ports reached", "通达港口", value, "exact", "ports", period_raw, ""))
            out.append(("countries and regions reached", "通达国家和地区", m.group(1), "exact", "countries", period_raw, ""))
        elif ind == "domestic reach":
            out.append(("domestic reach: provinces", "对内辐射省区", "18", "exact", "个", period_raw, ""))
            out.append(("domestic reach: cities", "对内辐射城市", "69", "exact", "个", period_raw, ""))
            out.append(("domestic reach: rail stations", "对内辐射铁路站点", "138", "exact", "个", period_raw, ""))
        elif value.startswith("900+"):
            out.append(("rail-sea trains run", "铁海联运班列开行量", "900", "more than", "列", "2019", ""))
            out.append(("rail-sea trains run", "铁海联运班列开行量", "9000", "more than", "列", "2023", ""))
        elif value.startswith("190 (90"):
            out.append(("ports reached", "通达港口", "190", "exact", "ports", "2019", "start of the 2019 master plan (as reported 2024-08)"))
            out.append(("countries and regions reached", "通达国家和地区", "90", "exact", "countries", "2019", "start of the 2019 master plan (as reported 2024-08)"))
            out.append(("ports reached", "通达港口", "518", "exact", "ports", "Aug 2024", ""))
            out.append(("countries and regions reached", "通达国家和地区", "124", "exact", "countries", "Aug 2024", ""))
        elif value == "96 countries, 260 ports":
            out.append(("countries reached", "通达国家", "96", "exact", "countries", "end-2020", ""))
            out.append(("ports reached", "通达港口", "260", "exact", "ports", "end-2020", ""))
        elif value == "30 -> 18":
            out.append(("logistics time Chongqing-ASEAN", "重庆至东盟物流周期", "30", "exact", "days", "", "earlier level; start year not stated"))
            out.append(("logistics time Chongqing-ASEAN", "重庆至东盟物流周期", "18", "exact", "days", "Mar 2025", "as reported 2025-03-09"))
        elif scope == "Chongqing trade with RCEP" and unit_raw == "100 million yuan":
            fixed = {"1270": "127", "2043": "204.3", "1907.2": "190.72"}[value]
            out.append(("imports+exports", "进出口总值", fixed, "exact", "billion yuan", period_raw,
                        f"research stored {value} 亿元; the English quote gives {fixed} billion yuan"))
        else:
            v, q = parse_value(value.replace("~15 (近15)", "~15"), quote)
            unit = "万亿元" if unit_raw == "trillion yuan" else UNIT_MAP[unit_raw]
            names = {"containers carried": ("containers carried", "运输集装箱"), "cargo value": ("cargo value", "货值"),
                     "cumulative containers since start": ("containers carried, cumulative", "累计运输集装箱"),
                     "containers carried (3 modes)": ("containers carried", "运输集装箱"),
                     "rail-sea train containers": ("rail-sea train containers", "铁海联运班列运输集装箱"),
                     "rail-sea train containers (YTD)": ("rail-sea train containers", "铁海联运班列运输集装箱"),
                     "rail-sea train containers cumulative since 2019 master plan": ("rail-sea train containers, cumulative", "铁海联运班列累计运输集装箱"),
                     "containers carried (expected)": ("containers carried", "运输集装箱"),
                     "trade via corridor": ("imports+exports via corridor", "经新通道进出口总值"),
                     "cross-border road trucks dispatched": ("cross-border road vehicles dispatched", "跨境公路运输车辆"),
                     "cross-border road cargo value": ("cross-border road cargo value", "跨境公路货值"),
                     "imports+exports": ("imports+exports", "进出口总值"), "goods trade": ("goods trade", "货物贸易额")}
            ind2, ind2_cn = names[ind]
            out.append((ind2, ind2_cn, v, q, unit, period_raw, ""))
        for ind2, ind2_cn, v, q, unit, praw, extra in out:
            if praw == "":
                year, period, ptype = None, "earlier (start year not stated)", "point-in-time"
            elif praw in ("2019, 2023",):
                raise AssertionError
            else:
                year, period, ptype = period_of(praw, ind2, quote)
            if "(expectation)" in praw:
                ptype = "expectation"
            if ind2 in ("ports reached", "countries and regions reached", "countries reached") or ind2.startswith("domestic reach"):
                ptype = "point-in-time"
            rows.append(record(scope=scope, indicator=ind2, indicator_cn=ind2_cn, value=v, unit=unit, year=year,
                               period=period, period_type=ptype, value_qualifier=q, source=r["source"],
                               source_url=r["source_url"], quote_original=quote, confidence_raw=r["confidence"],
                               note=join_notes(extra, r["note"])))
    land = read("more/land_sea_corridor.csv")
    for _, r in land.iterrows():
        ind = r["indicator"]
        scope = {"CQ containers via corridor (3 modes)": "Chongqing, 3 modes", "CQ cumulative containers via corridor (3 modes)": "Chongqing, 3 modes",
                 "CQ containers via corridor": "Chongqing, 3 modes", "Corridor-wide rail-sea train containers": "whole corridor, rail-sea",
                 "Corridor-wide rail-sea train containers (to 4 Nov)": "whole corridor, rail-sea",
                 "Corridor (all provinces) platform 3-mode containers": "whole corridor, platform firms (3 modes)",
                 "Tuanjiecun central station containers dispatched": "Tuanjiecun central station"}[ind]
        ind2 = {"CQ cumulative containers via corridor (3 modes)": ("containers carried, cumulative", "累计运输集装箱")}.get(ind)
        if ind2 is None:
            ind2 = ("rail-sea train containers", "铁海联运班列运输集装箱") if "rail-sea" in ind else ("containers carried", "运输集装箱")
            if "Tuanjiecun" in ind:
                ind2 = ("containers dispatched", "发送箱")
        value, unit = r["value"], "万标箱"
        q = "exact"
        extra = ""
        if value == "nearly 15":
            value, q = "15", "nearly"
        elif value == "0.3382":
            value, unit, extra = "3382", "标箱", "research stored 0.3382 万标箱; quote gives 3382 標箱"
        elif "超" in r["quote_original"].split(value)[0][-2:]:
            q = "more than"
        period_raw = r["year_or_period"]
        year, period, ptype = period_of(period_raw, ind2[0], r["quote_original"])
        if scope == "Chongqing, 3 modes" and ind == "CQ containers via corridor" and period_raw == "2024":
            scope = "Chongqing, via corridor (modes not stated)"
        rows.append(record(scope=scope, indicator=ind2[0], indicator_cn=ind2[1], value=value, unit=unit, year=year, period=period,
                           period_type=ptype, value_qualifier=q, source=r["source"], source_url=r["source_url"],
                           quote_original=r["quote_original"], confidence_raw=r["confidence"], note=join_notes(extra, r["note"])))
    tr = read("more/trade_rcep.csv")
    for _, r in tr.iterrows():
        ind = r["indicator"]
        scope = ("Chongqing total foreign trade" if ind == "Total foreign trade" else
                 "Chongqing trade with ASEAN" if "ASEAN" in ind else "Chongqing trade with RCEP")
        ind2 = ("imports+exports growth", "进出口增速") if "growth" in ind else ("imports+exports", "进出口总值")
        unit = UNIT_MAP[r["unit"]]
        year, period, ptype = period_of(r["year_or_period"], ind2[0], r["quote_original"])
        rows.append(record(scope=scope, indicator=ind2[0], indicator_cn=ind2[1], value=r["value"], unit=unit, year=year,
                           period=period, period_type=ptype, value_qualifier="exact", source=r["source"],
                           source_url=r["source_url"], quote_original=r["quote_original"], confidence_raw=r["confidence"],
                           note=r["note"]))
    for rec in extra_trade:
        rows.append(rec)
    return rows


# ----------------------------------------------------------------------------- dedupe / disagreements
def dedupe(rows: list[dict], name: str, extra_key=()) -> list[dict]:
    out, seen = [], {}
    for rec in rows:
        key = (rec["indicator"], rec["value"], rec["unit"], rec["period"], rec["source_url"]) + tuple(rec.get(k, "") for k in extra_key)
        if key in seen:
            kept = seen[key]
            if rec["confidence"] != kept["confidence"]:
                kept["note"] = join_notes(kept["note"], f"a second research pass rated the same row '{rec['confidence']}'")
            DROPPED.append(f"{name}: exact duplicate dropped: {rec['indicator']} {rec['value']} {rec['unit']} {rec['period']} ({rec['source_url'][:60]})")
            continue
        seen[key] = rec
        out.append(rec)
    return out


def flag_disagreements(rows: list[dict], extra_key=()) -> None:
    groups: dict[tuple, list[dict]] = {}
    for rec in rows:
        key = (rec["indicator"], rec["period"], rec.get("revision", "")) + tuple(rec.get(k, "") for k in extra_key)
        groups.setdefault(key, []).append(rec)
    for recs in groups.values():
        values = {(r["value"], r["unit"]) for r in recs}
        if len(values) > 1 and len(recs) > 1:
            listing = ", ".join(sorted({f"{v} {u}" for v, u in values}))
            units = {u for _, u in values}
            numbers = {float(v) for v, _ in values}
            if len(units) == 1 and len(numbers) > 1:
                text = f"SOURCES DISAGREE for this indicator and period ({listing}); rows kept side by side"
            else:
                text = f"also reported for this indicator and period as: {listing} (different wording or unit); rows kept side by side"
            for rec in recs:
                rec["note"] = join_notes(rec["note"], text)


# ----------------------------------------------------------------------------- other tables
def districts():
    frame = read("chongqing_districts_zones.csv")
    out = pd.DataFrame({
        "district_cn": frame["district_cn"], "district_en": frame["district_en"], "type": frame["type"],
        "zone_2020": frame["zone_2020_一区两群"], "sub_zone_2020": frame["sub_zone"],
        "yuxi_8": frame["yuxi_8 (渝西八区)"].map({"yes": "true", "": "false"}),
        "zone_2013": frame["zone_2013_五大功能区"], "source": frame["source_note"],
        "confidence": "partial",
        "note": "classification compiled from mirrors and news reprints (see source); 2024 spatial plan moves 垫江县 into the 主城都市区 (Baidu Baike HK, low)",
    })
    return out


def district_gdp():
    frame = read("chongqing_district_gdp.csv")
    rows = []
    for _, r in frame.iterrows():
        y = r["year"]
        rev = ""
        if y == "2018 (preliminary)":
            year, period, rev = 2018, "2018", "preliminary"
        elif y == "2022 (resident population)":
            year, period = 2022, "2022"
        else:
            year, period = int(y), y
        pop = r["unit"] == "万人"
        code, label = conf(r["confidence"])
        note = join_notes(r["note"], label, "research file records no quoted sentence for these rows")
        if r["source"].startswith("maigoo"):
            rev = "census-revised"
            note = join_notes(note, "maigoo's 2018-2020 columns follow the revised series")
        rows.append(dict(district_cn=r["district_cn"], indicator="resident population" if pop else "GDP",
                         indicator_cn="常住人口" if pop else "地区生产总值", value=r["value"], unit=r["unit"],
                         year=year, period=period, period_type="point-in-time" if pop else "full-year",
                         growth_pct=r["growth_pct"], revision=rev, source=r["source"], source_url=r["source_url"],
                         quote_original="", confidence=code, note=note))
    return rows


def pwt():
    frame = pd.read_csv(RESEARCH / "china_pwt1001.csv", dtype=str, keep_default_na=False)
    order = ["pop", "emp", "avh", "hc", "rgdpna", "rnna", "rtfpna", "labsh", "delta", "csh_i", "ctfp", "rgdpo", "cgdpo"]
    wide = frame.pivot(index="year", columns="variable", values="value")
    wide = wide[[c for c in order if c in wide.columns]].reset_index()
    wide["year"] = wide["year"].astype(int)
    wide = wide.sort_values("year").fillna("")
    units = frame.groupby("variable")["unit"].first().to_dict()
    return wide, units, frame["source_url"].iloc[0]


def mergers():
    frame = read("merger_notification_thresholds.csv")
    rows = []
    quotes = {}
    for _, r in frame.iterrows():
        if r["quote_original"]:
            quotes.setdefault((r["rule"], r["version"]), r["quote_original"])
    for _, r in frame.iterrows():
        rule = "worldwide" if r["rule"].startswith("global") else "china"
        version = "2024" if r["version"].startswith("2024") else "2018"
        part = "each_of_two_parties" if r["indicator"].startswith("at least two") else "combined_turnover"
        quote, note = r["quote_original"], r["note"]
        if not quote:
            # the same source's quote for this test states this threshold too
            if version == "2024":
                quote = quotes[(r["rule"], r["version"])]
                note = join_notes(note, "quote shared with the combined-turnover row of the same test (same decree text)")
            else:
                quote = "全球營業額由100億元調增至120億元...中國境內營業額由4億元調整至8億元"
                note = join_notes(note, "quote shared with the 2018 worldwide row (same reprint); the 4亿元 per-party threshold applied to both tests")
        code, label = conf(r["confidence"])
        rows.append(dict(rule=rule, version=version, test_part=part, value=r["value"], unit="亿元",
                         description=r["indicator"], source=r["source"], source_url=r["source_url"],
                         quote_original=quote, confidence=code,
                         note=join_notes(note, label, "turnover in the previous fiscal year; the combined test and the each-of-two-parties test must both hold")))
    return rows


def innovation():
    frame = read("innovation_highlands.csv")
    rows = []
    for _, r in frame.iterrows():
        code, label = conf(r["confidence"])
        unit = UNIT_MAP.get(r["unit"], r["unit"])
        kind = {"sci-tech innovation highland": "highland", "Chongqing laboratory": "laboratory", "indicator": "indicator"}[r["kind"]]
        note = r["note"]
        if r["unit"].startswith("rank in China"):
            note = join_notes(note, "1st in the West (西部第一)")
        if r["unit"] == "centres":
            note = join_notes(note, "count of technology innovation centres")
        rows.append(dict(item_cn=r["item"], item_en=r["item_en"], kind=kind, value=r["value"], unit=unit,
                         year=int(r["year"]), period=r["year"], period_type="point-in-time",
                         source=r["source"], source_url=r["source_url"], quote_original=r["quote_original"],
                         confidence=code, note=join_notes(note, label,
                                                          "flag = named member (1), not a quantity" if unit == "flag" else "")))
    return rows


# ----------------------------------------------------------------------------- write
QUOTE_NOTES = {
    ("smartphone output, national rank", "4"): "quote writes the rank in Chinese numerals (第四 = 4th)",
    ("national rank of power-semiconductor output", "3"): "quote writes 第3",
    ("imports+exports", "713.74"): "Portuguese quote writes 713,74 (decimal comma)",
    ("containers carried", "21.58"): "Japanese quote writes 21万5800TEU (= 21.58万 TEU)",
    ("cross-border road vehicles dispatched", "1.2"): "Japanese quote writes 1万2千台 (= 1.2万)",
    ("notebook computer output", "6422.3"): "Japanese quote writes 6422万3000台 (= 6422.3万台)",
    ("private-economy value added", "17404.40"): "WARNING: the research's quote excerpt (cut with '...') does not contain this figure; not traceable to a quote, check the 2022 bulletin before use",
    ("urban resident population", "2280.32"): "WARNING: the research's quote excerpt (cut with '...') does not contain this figure; not traceable to a quote, check the 2022 bulletin before use",
}


def add_quote_notes(rows):
    for rec in rows:
        extra = QUOTE_NOTES.get((rec["indicator"], rec["value"]))
        if extra:
            rec["note"] = join_notes(extra, rec["note"])


def write(rows, columns, name):
    frame = pd.DataFrame(rows)
    for c in columns:
        if c not in frame:
            frame[c] = ""
    frame = frame[columns].astype(object).where(frame[columns].notna(), "")
    for c in ("year",):
        if c in frame:
            frame[c] = frame[c].map(lambda v: "" if v in ("", None) or (isinstance(v, float) and pd.isna(v)) else str(int(v)))
    frame.to_csv(OUT / f"{name}.csv", index=False, encoding="utf-8", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    return frame


def main(out: Path | None = None, quiet: bool = False):
    """Write the curated CSVs and the curation log into ``out`` (default: datasets/)."""
    global OUT
    OUT = Path(out) if out is not None else HERE
    OUT.mkdir(parents=True, exist_ok=True)
    DROPPED.clear()
    macro, industry, trade_from_macro = macro_and_industry()
    members, cluster_ind = clusters_tables()
    cluster_ind = cluster_ind + industry
    trade = corridor_trade(trade_from_macro)

    macro = dedupe(macro, "macro")
    cluster_ind = dedupe(cluster_ind, "cluster_indicators", ("cluster_cn",))
    trade = dedupe(trade, "corridor_trade", ("scope",))
    for rows_ in (macro, cluster_ind, trade):
        add_quote_notes(rows_)
    flag_disagreements(macro)
    flag_disagreements(cluster_ind, ("cluster_cn",))
    flag_disagreements(trade, ("scope",))

    write(sorted(macro, key=lambda r: (r["indicator"], r["year"], r["period"])),
          LONG + ["value_qualifier", "revision"] + TAIL, "macro")
    write(sorted(cluster_ind, key=lambda r: (r["cluster_cn"], r["indicator"], r["year"])),
          LONG + ["cluster_cn", "value_qualifier"] + TAIL, "cluster_indicators")
    write(sorted(trade, key=lambda r: (r["scope"], r["indicator"], r["year"] if r["year"] is not None else 0, r["period"])),
          ["scope"] + LONG + ["value_qualifier"] + TAIL, "corridor_trade")
    write(members, ["tier", "tier_cn", "tier_scale_yuan", "cluster_cn", "cluster_en", "status"] + TAIL, "clusters")
    districts().to_csv(OUT / "districts.csv", index=False, lineterminator="\n")
    write(district_gdp(), ["district_cn"] + LONG + ["growth_pct", "revision"] + TAIL, "district_gdp")
    wide, _, _ = pwt()
    wide.to_csv(OUT / "pwt_china.csv", index=False, lineterminator="\n")
    write(mergers(), ["rule", "version", "test_part", "value", "unit", "description"] + TAIL, "merger_thresholds")
    write(innovation(), ["item_cn", "item_en", "kind", "value", "unit", "year", "period", "period_type"] + TAIL,
          "innovation_highlands")
    (OUT / "_curation_log.txt").write_text("\n".join(DROPPED) + "\n", encoding="utf-8")
    if not quiet:
        print("\n".join(DROPPED))


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Rebuild the curated tables from datasets/raw/.")
    parser.add_argument("--out", type=Path, default=None, help="folder to write (default: datasets/)")
    main(parser.parse_args().out)
