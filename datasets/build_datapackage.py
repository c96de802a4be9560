"""Write datasets/datapackage.json: metadata, schemas, and sha256 hash + bytes of every CSV.

Run after any CSV in datasets/ changes:

    python datasets/build_datapackage.py

It then loads every dataset with cqlab's own checks (header and columns as declared, row lengths, types,
enums, required and unique values, a yearly series without gaps, UTF-8 without BOM), so a rebuilt
package that students could not load is reported here, naming the file, the row and the column, and the
script exits with status 1. Validate with Frictionless as well:

    python -c "from frictionless import validate; print(validate('datasets/datapackage.json').valid)"
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

UNITS = (
    "亿元 (10^8 yuan), 万亿元 (10^12 yuan), 万元 (10^4 yuan), 元 (yuan), % (percent), "
    "万标箱 (10^4 TEU), 标箱 (TEU), 万户 (10^4 registered entities), 户 (entities), 家 (firms), "
    "个 (generic count: items, plans, chains, zones, villages, ...), 万人 (10^4 persons), 万辆 (10^4 vehicles), "
    "万台 (10^4 units), km, 万km (10^4 km), 列 (trains), countries, ports, ratio (a:1 ratio or multiple), "
    "flag (1 = named member, not a quantity). Codes added because a quote states the number that way and "
    "values are never converted: 'billion yuan' (10^9 yuan, English-language quotes), 'million' (10^6 of the "
    "items named by the indicator, English-language quotes), 万家 (10^4 firms), 万件 (10^4 patents), "
    "万元/人 (10^4 yuan per worker), km/100km2 (road density), years, rank (national rank, 1 = first), "
    "index (index points), days"
)

CONFIDENCE = ("How sure we are that the source said this figure (about the source only; outturn, target or "
              "expectation is told by period_type): verified (read in the publisher's own text: official site, major "
              "outlet, or a checked reprint/mirror of a named publisher's text), partial (read only at second hand and "
              "not checked against the publisher's text: reprint/mirror, translation, or a third-party compilation "
              "naming its sources), low (a third party naming no original publisher; not for headline figures). The "
              "research's longer label, and a second research pass that rated the row differently, are kept in note.")


def f(name, type_, description, **extra):
    field = {"name": name, "type": type_, "description": description}
    field.update(extra)
    return field


SRC_FIELDS = [
    f("source", "string", "Publisher and document the figure was read from (outlet, date, and the original issuer where known)."),
    f("source_url", "string", "URL of the page actually read (often a mirror or reprint; the original publisher is named in source)."),
    f("quote_original", "string", "The sentence as seen in the source, in its original language and script, containing the value (see README for the rows where the quote writes the number differently)."),
    f("confidence", "string", CONFIDENCE, constraints={"enum": ["verified", "partial", "low"]}),
    f("note", "string", "Caveats: revisions, disagreements between sources, unit fixes, the research's longer confidence label."),
]


def long_fields(extra_before_source=(), first=()):
    return list(first) + [
        f("indicator", "string", "Indicator, stable English wording (e.g. 'GDP', 'R&D expenditure', 'high-tech enterprises')."),
        f("indicator_cn", "string", "Indicator as named in Chinese (as in the source where possible)."),
        f("value", "number", "The figure exactly as the source states it (never converted or derived). Unit: see the unit column. "
                             "If the source says 'more than'/'nearly', see value_qualifier."),
        f("unit", "string", "Unit code from the controlled vocabulary: " + UNITS),
        f("year", "integer", "Calendar year the figure refers to; for a target, the target year. Empty only where the source gives no reference year.",
          constraints={"required": False}),
        f("period", "string", "Reference period as precisely as the source gives it, e.g. '2023', '2023-01/2023-10', '2023-H1', 'cumulative to 2023-09', '2027 target', 'end-2023'."),
        f("period_type", "string", "full-year, partial-year, cumulative, target, point-in-time (a stock at a date) or expectation (an estimate/forecast before the outturn).",
          constraints={"enum": ["full-year", "partial-year", "cumulative", "target", "point-in-time", "expectation"]}),
    ] + list(extra_before_source) + SRC_FIELDS


QUALIFIER = f("value_qualifier", "string",
              "How the source qualifies the number: exact; more than (超/突破/以上/余/over); nearly (近); at least (以上 in a target); "
              "order of magnitude (e.g. 万亿级 read as 1 万亿元).",
              constraints={"enum": ["exact", "more than", "nearly", "at least", "about", "order of magnitude"]})
REVISION = f("revision", "string",
             "GDP-accounting rows only: 'preliminary' (初步核算 or pre-2019 figures published before the 4th economic census), "
             "'census-revised' (the revised series after the 4th economic census), empty otherwise. Do not splice the two in one series without saying so.")

COMPILATION_LICENCE = [{
    "name": "CC-BY-4.0",
    "title": "Facts compiled from public sources; quotes used for citation. Compilation: Chongqing Policy Lab contributors, CC BY 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}]

RESEARCH_SRC = {"title": "Chongqing Policy Lab research notes (public web pages and reprints; each row names its own source and URL)",
                "path": "https://creativecommons.org/licenses/by/4.0/"}

PWT_VARS = {
    "pop": "Population, millions of persons.",
    "emp": "Number of persons engaged, millions.",
    "avh": "Average annual hours worked by persons engaged (hours per worker per year); missing before 1970.",
    "hc": "Human capital index, based on years of schooling and returns to education (Barro-Lee / Cohen-Leker based).",
    "rgdpna": "Real GDP at constant 2017 national prices, millions of 2017 US$.",
    "rnna": "Capital stock at constant 2017 national prices, millions of 2017 US$.",
    "rtfpna": "TFP at constant national prices, index 2017 = 1; missing for 1952-1955.",
    "labsh": "Share of labour compensation in GDP at current national prices (fraction).",
    "delta": "Average depreciation rate of the capital stock (fraction per year).",
    "csh_i": "Share of gross capital formation at current PPPs (fraction of CGDPo).",
    "ctfp": "TFP level at current PPPs, USA = 1; missing for 1952-1955.",
    "rgdpo": "Output-side real GDP at chained PPPs, millions of 2017 US$.",
    "cgdpo": "Output-side real GDP at current PPPs, millions of 2017 US$.",
}


def resources():
    res = []
    res.append(dict(
        name="source_facts", path="source_facts.csv", title="Every number stated in the source article (Chongqing Daily, late December 2023)",
        description="One row per number in the three articles of the source page: the round table on the 33618 clusters, "
                    "the rural-infrastructure article 为民而建 and the labour article on 袁玉娟. Each row carries the shortest "
                    "verbatim quote containing the number (tests/test_data_facts.py checks the value is in the quote and the quote "
                    "is in the article). Small counts written in Chinese numerals (八个围绕, 四大, 三等奖) are included. Dates and page "
                    "furniture (e.g. 347) are not included. Gaps: the article names no figures for the 18 new-star clusters, opening-up or "
                    "new quality productive forces.",
        sources=[{"title": "重庆日报 (Chongqing Daily), late December 2023: 重报圆桌会; 为民而建 (罗晶 马菱涛); 袁玉娟:当好职工娘家人 (潘锋)",
                  "path": "https://www.cqrb.cn/"}],
        licenses=[{"name": "CC-BY-4.0", "title": "Facts compiled from public sources; quotes (short excerpts of 重庆日报) used for citation and teaching; compilation CC BY 4.0",
                   "path": "https://creativecommons.org/licenses/by/4.0/"}],
        schema={"fields": [
            f("fact_id", "string", "Short unique slug (rt_ = round table, ru_ = rural, la_ = labour).", constraints={"required": True, "unique": True}),
            f("article", "string", "Which article: roundtable, rural or labour.", constraints={"enum": ["roundtable", "rural", "labour"]}),
            f("theme", "string", "Course theme.", constraints={"enum": ["clusters_33618", "toolkit", "new_quality_productive_forces", "innovation_highlands",
                                                                      "market_competition", "opening_up", "rural_infrastructure", "labour_relations"]}),
            f("indicator_cn", "string", "What is counted, in Chinese."),
            f("indicator_en", "string", "What is counted, in English."),
            f("value", "number", "The number exactly as written in the text (16.7 for 16.7万公里; 8 for 八). Unit: the unit column, as written in the text."),
            f("unit", "string", "Unit as in the text (万公里, %, 件, 个, 万元, 元, 家, 次, 场, 份, 项, 人, 公里, 大, 条, 版, 年, 网, 链, 等奖, 亿)."),
            f("qualifier", "string", "exact; more than (余/超过/多); reached (达到/达); target; rank_or_count_of_named_items.",
              constraints={"enum": ["exact", "more than (余/超过)", "reached (达到)", "target", "rank_or_count_of_named_items"]}),
            f("quote_zh", "string", "Shortest verbatim phrase from the article containing the number (does not span a line break of the extracted text)."),
            f("speaker_or_author", "string", "Speaker (round table) or author (byline) the number is attributed to."),
            f("note", "string", "Context: period, who is quoted, how a Chinese numeral is read."),
        ], "primaryKey": ["fact_id"]},
    ))
    res.append(dict(
        name="clusters", path="clusters.csv", title="The 33618 clusters: named members by tier",
        description="The 3 leading, 3 pillar and 6 featured clusters (verified, identical in several reprints of 重庆日报 text) and the few "
                    "members of the 18 'new star' clusters that a source confirms (低空经济, 卫星互联网, AI及服务机器人, 农机装备, 传感器及仪器仪表). "
                    "Known gap: the full list of the 18 new-star clusters was NOT found; the 'from memory' candidate list in the research report is "
                    "deliberately not included. The 2024 future-industry plan (6+3) is in cluster_indicators.csv as flag rows.",
        sources=[RESEARCH_SRC], licenses=COMPILATION_LICENCE,
        schema={"fields": [
            f("tier", "string", "leading, pillar, featured or new_star.", constraints={"enum": ["leading", "pillar", "featured", "new_star"]}),
            f("tier_cn", "string", "Tier in Chinese."),
            f("tier_scale_yuan", "integer", "Scale class of the tier in yuan (1e12 = 万亿级, 5e11 = 五千亿级, 1e11 = 千亿级); empty for new_star. Unit: yuan.", constraints={"required": False}),
            f("cluster_cn", "string", "Cluster name in Chinese, as in the source."),
            f("cluster_en", "string", "English name (our translation)."),
            f("status", "string", "Whether the cluster's place in its tier is confirmed (not the source's reliability: see confidence): verified (a source names it as a member of this tier) or partial (named only at second hand, by someone who does not set the list, possibly as a later addition, or as a 高成长性 high-growth cluster without the word 新星).",
              constraints={"enum": ["verified", "partial", "unverified-candidate"]}),
        ] + SRC_FIELDS},
    ))
    res.append(dict(
        name="cluster_indicators", path="cluster_indicators.csv", title="33618 clusters and manufacturing: outputs, shares and 2027 targets",
        description="Long format. Jan-Oct 2023 output of the three leading clusters (partial-year), the 2027 targets of the "
                    "2023-2027 manufacturing action plan (4万亿 revenue, 28% manufacturing share of GDP, 36% strategic emerging, 22% high-tech "
                    "manufacturing, R&D >800亿 / 2%, ...), cluster-level targets, the strategic-emerging share series (31.1/32.2/34.6), vehicle, NEV, "
                    "notebook and phone output, software revenue, and the 2024 future-industry plan (flag rows). cluster_cn is empty for system-wide rows. "
                    "Known gaps: no full-year 2023 or 2024 output by cluster (except advanced materials 2024); no notebook/phone unit counts for 2020-2024.",
        sources=[RESEARCH_SRC], licenses=COMPILATION_LICENCE,
        schema={"fields": long_fields([f("cluster_cn", "string", "Cluster the row refers to (Chinese name as in clusters.csv); empty for system-wide rows; for flag rows, the named future industry."), QUALIFIER])},
    ))
    res.append(dict(
        name="macro", path="macro.csv", title="Chongqing municipal indicators",
        description="Long format: GDP, growth, structure, GDP per capita, population, urbanisation, income, R&D expenditure and intensity, "
                    "high-tech enterprises, tech-based enterprises (科技型企业), little giants, market entities, jobs, rural roads, rural tap-water targets. "
                    "Series break: GDP before 2019 is preliminary (pre-4th-economic-census); a census-revised series for 2018-2022 is kept "
                    "separately (revision column). Known gaps: urban and rural disposable income before 2024 from a reliable source; population "
                    "and urbanisation 2013-2017; R&D for 2023-2024 (only the 2.45% estimate); high-tech enterprises 2024; the citywide little-giant "
                    "stock 2023-2024; market-entity totals 2019-2024; measured rural tap-water rates (only targets; the article's 89% is in source_facts).",
        sources=[RESEARCH_SRC], licenses=COMPILATION_LICENCE,
        schema={"fields": long_fields([QUALIFIER, REVISION])},
    ))
    res.append(dict(
        name="corridor_trade", path="corridor_trade.csv", title="Western Land-Sea Corridor volumes and reach; Chongqing foreign trade, RCEP and ASEAN",
        description="Long format with a scope column. Chongqing's three modes (rail-sea, cross-border road, international rail), the whole "
                    "corridor's rail-sea trains, network reach (countries, ports), and Chongqing's trade in total and with RCEP members and ASEAN. "
                    "Partial-year periods are marked partial-year. Known gaps: full-year Chongqing corridor volumes for 2023 (the 2024 figure is low "
                    "confidence); no split by mode; full-year RCEP trade for 2022-2024.",
        sources=[RESEARCH_SRC], licenses=COMPILATION_LICENCE,
        schema={"fields": long_fields([QUALIFIER], first=[f("scope", "string", "What the figure covers: e.g. 'Chongqing, 3 modes', 'whole corridor, rail-sea', 'network reach', 'Chongqing trade with RCEP', 'Chongqing trade with ASEAN', 'Chongqing total foreign trade'.")])},
    ))
    res.append(dict(
        name="districts", path="districts.csv", title="The 38 districts and counties of Chongqing and their planning zones",
        description="26 districts, 8 counties and 4 autonomous counties with the 2020 '一区两群' zoning, the 渝西八区 (8 western districts), and the "
                    "2013-2019 five functional zones. Known caveat: the 2024 spatial plan moves 垫江县 into the main urban metropolitan area (encyclopedia source).",
        sources=[RESEARCH_SRC], licenses=COMPILATION_LICENCE,
        schema={"fields": [
            f("district_cn", "string", "District or county name in Chinese.", constraints={"required": True, "unique": True}),
            f("district_en", "string", "Name in pinyin."),
            f("type", "string", "区 district, or 县/自治县 county (incl. autonomous county)."),
            f("zone_2020", "string", "Zone under the 2020 '一区两群' plan."),
            f("sub_zone_2020", "string", "Sub-zone of the main urban metropolitan area (central 9 / new 12); empty elsewhere."),
            f("yuxi_8", "boolean", "True for the 8 western districts (渝西八区: 江津, 永川, 合川, 璧山, 铜梁, 大足, 荣昌, 潼南)."),
            f("zone_2013", "string", "Five functional zones, 2013-2019."),
            f("source", "string", "Where the classification was read (several pages)."),
            f("confidence", "string", CONFIDENCE, constraints={"enum": ["verified", "partial", "low"]}),
            f("note", "string", "Caveats."),
        ]},
    ))
    res.append(dict(
        name="district_gdp", path="district_gdp.csv", title="GDP of districts and zones (and zone population)",
        description="Long format with district_cn. 2018-2022 GDP for 22 of the 38 districts (third-party compilation, revised series), preliminary "
                    "2018 GDP for all 38 districts (third party), 2016 GDP of the five functional zones and 2012 GDP of the 'one circle, two wings' "
                    "(bulletins), 2022 resident population by zone. The research recorded no quoted sentence for these rows (quote_original is empty); "
                    "use them as partial. Known gap: district GDP for 2023-2024.",
        sources=[RESEARCH_SRC], licenses=COMPILATION_LICENCE,
        schema={"fields": long_fields([f("growth_pct", "number", "Real growth over the previous year as stated by the source. Unit: %.", constraints={"required": False}), REVISION],
                                      first=[f("district_cn", "string", "District, county or zone (zone names for the 2012/2016 bulletin rows).")])},
    ))
    wide_fields = [f("year", "integer", "Calendar year.", constraints={"required": True, "unique": True})]
    header = (HERE / "pwt_china.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    for col in header[1:]:
        wide_fields.append(f(col, "number", f"PWT variable {col}: {PWT_VARS[col]}", constraints={"required": False}))
    res.append(dict(
        name="pwt_china", path="pwt_china.csv", title="Penn World Table 10.01: China, 1952-2019",
        description="One row per year, PWT 10.01 variables for China at the precision stored in the copy read (3 decimals). Cite: Feenstra, Robert C., "
                    "Robert Inklaar and Marcel P. Timmer (2015), 'The Next Generation of the Penn World Table', American Economic Review 105(10), 3150-3182; "
                    "data: Groningen Growth and Development Centre, PWT 10.01, doi:10.34894/QT5BCC. Copied from github.com/jivizcaino/PWT10.1 "
                    "(file pwt101.csv, commit ee72e2a698aa48e9662bb38fca50597d17767f53); verify against the official GGDC file before publication. "
                    "avh is missing before 1970; rtfpna and ctfp before 1956.",
        sources=[{"title": "Penn World Table 10.01, Groningen Growth and Development Centre (Feenstra, Inklaar & Timmer 2015, AER 105(10) 3150-3182)",
                  "path": "https://doi.org/10.34894/QT5BCC"},
                 {"title": "Copy read: github.com/jivizcaino/PWT10.1, pwt101.csv @ ee72e2a698aa48e9662bb38fca50597d17767f53",
                  "path": "https://github.com/jivizcaino/PWT10.1"}],
        licenses=[{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 (PWT 10.01, GGDC)", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        schema={"fields": wide_fields, "primaryKey": ["year"]},
    ))
    res.append(dict(
        name="merger_thresholds", path="merger_thresholds.csv", title="China's merger-notification turnover thresholds, 2018 and 2024",
        description="The two turnover tests of the State Council rules on the notification of concentrations of undertakings: the 2024 revision "
                    "(State Council Decree No. 773, 2024-01-22) and the 2018 values. A concentration must be notified if either test is met; within a "
                    "test, the combined-turnover and each-of-two-parties conditions must both hold. Turnover is that of the previous fiscal year.",
        sources=[{"title": "国务院关于经营者集中申报标准的规定 (State Council Decree No. 773, 2024), via reprints", "path": "http://sadc.net.cn/sadclist/newsshow.php?id=28221"},
                 {"title": "Reprint comparing the 2018 and 2024 thresholds", "path": "http://dongshibiao.com/listing/newsshow.php?id=1842160"}],
        licenses=[{"name": "CC-BY-4.0", "title": "Facts from a public regulation; quotes used for citation; compilation CC BY 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        schema={"fields": [
            f("rule", "string", "worldwide (global-turnover test) or china (China-turnover test).", constraints={"enum": ["worldwide", "china"]}),
            f("version", "integer", "2018 (before the revision) or 2024 (Decree No. 773)."),
            f("test_part", "string", "combined_turnover (all parties together) or each_of_two_parties (at least two parties each exceed the value in China).",
              constraints={"enum": ["combined_turnover", "each_of_two_parties"]}),
            f("value", "number", "Threshold that turnover must exceed. Unit: 亿元 (10^8 yuan)."),
            f("unit", "string", "亿元."),
            f("description", "string", "The condition in English."),
        ] + SRC_FIELDS},
    ))
    res.append(dict(
        name="innovation_highlands", path="innovation_highlands.csv", title="The four sci-tech innovation highlands and four Chongqing laboratories",
        description="The four highlands (数智科技, 生命健康, 新材料, 绿色低碳) and the four Chongqing laboratories named at the municipal Science and "
                    "Technology Bureau press conference of 2024-01-22 (China News Service, via reprints), plus two indicators (innovation-index rank, "
                    "17 technology innovation centres). The source article names only 金凤实验室 and 重庆实验室.",
        sources=[RESEARCH_SRC], licenses=COMPILATION_LICENCE,
        schema={"fields": [
            f("item_cn", "string", "Item in Chinese."), f("item_en", "string", "Item in English."),
            f("kind", "string", "highland, laboratory or indicator.", constraints={"enum": ["highland", "laboratory", "indicator"]}),
            f("value", "number", "1 for a named member (unit flag), otherwise the figure. Unit: see unit."),
            f("unit", "string", "flag, rank or 个 (see macro unit vocabulary)."),
            f("year", "integer", "Year the item refers to."),
            f("period", "string", "Reference period."),
            f("period_type", "string", "point-in-time."),
        ] + SRC_FIELDS},
    ))
    res.append(dict(
        name="glossary", path="glossary.csv", title="Bilingual glossary",
        description="Chinese policy terms from the source article with pinyin (tone marks), English, a one-line definition and the lesson that introduces them "
                    "(00 start, 01 clusters, 02 toolkit, 03 new quality productive forces, 04 innovation highlands, 05 market entities and competition, "
                    "06 opening-up, 07 rural infrastructure, 08 labour relations).",
        sources=[{"title": "Chongqing Policy Lab contributors, from the terms of the source article (重庆日报, December 2023) and the lessons"}],
        licenses=[{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        schema={"fields": [
            f("term_zh", "string", "Term in Chinese.", constraints={"required": True, "unique": True}),
            f("pinyin", "string", "Pinyin with tone marks."),
            f("term_en", "string", "English rendering."),
            f("definition", "string", "One-line English definition."),
            f("lesson", "string", "Lesson that introduces the term, two digits ('00'-'08').", constraints={"pattern": "0[0-8]"}),
        ]},
    ))
    for r in res:
        r.update(format="csv", mediatype="text/csv", encoding="utf-8", profile="tabular-data-resource")
    return res


def main():
    package = {
        "name": "chongqing-policy-lab-datasets",
        "title": "Chongqing Policy Lab: course datasets",
        "description": "Figures for a Jupyter course built on one Chongqing Daily page (late December 2023). Every figure row names its source, "
                       "URL, original-language quote and a confidence label (verified / partial / low). No number is invented, derived or filled in; "
                       "gaps are documented in each resource's description and in datasets/README.md.",
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 (our compilation; each resource lists its own licence)",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "profile": "tabular-data-package",
        "resources": [],
    }
    for resource in resources():
        data = (HERE / resource["path"]).read_bytes()
        resource["bytes"] = len(data)
        resource["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
        package["resources"].append(resource)
    (HERE / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote datapackage.json with {len(package['resources'])} resources")
    problems = check(HERE)
    for problem in problems:
        print(f"PROBLEM: {problem}")
    return 1 if problems else 0


def check(folder: Path) -> list[str]:
    """Load every dataset of ``folder`` with cqlab's checks; return the problems (none when all load)."""
    try:
        from cqlab import data
    except ImportError:  # building without the course installed: say so, do not pretend it was checked
        return ["cqlab is not installed here, so the CSV files were not checked; run `pip install -e .` and rerun."]
    problems = []
    with data.use_datasets(folder):
        try:
            found = data.names()
        except data.DatasetError as error:
            return [str(error)]
        for name in found:
            try:
                data.load(name)
            except data.DatasetError as error:
                problems.append(str(error))
    return problems


if __name__ == "__main__":
    raise SystemExit(main())
