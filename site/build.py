"""Build the course website: `python site/build.py [--out _site]` (what `make site` runs).

Stages the pages of the student edition in a temporary folder, then runs Sphinx (MyST-NB,
sphinx-book-theme) with site/conf.py. Nothing is executed and nothing is downloaded:

- the nine lessons (notebooks/NN_*.ipynb) with their committed outputs; widget views are replaced by
  a note (their saved state would need the widget manager from a CDN), the static charts stay;
  each lesson gets launch links (JupyterHub through nbgitpuller, and Binder) from site/settings.toml;
- the student exercise sets (exercises/*/student/*.ipynb; never masters, autograders or solutions);
- the instructor guide (exercises/README.md), the searchable glossary (datasets/glossary.csv), one page
  per dataset (datasets/datapackage.json) and the source page's quotes (datasets/source_facts.csv);
- MathJax from node_modules (npm registry), not Sphinx's default CDN.
"""

from __future__ import annotations

import argparse
import copy
import csv
import html
import json
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path
from urllib.parse import quote, urlencode, urlparse

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "site"
DATASETS = REPO / "datasets"
MATHJAX = REPO / "node_modules" / "mathjax" / "es5" / "tex-svg.js"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = "Interactive widget: interactive in JupyterLab (use a launch link above)."

sys.path.insert(0, str(REPO / "src"))
from cqlab.errors import CqlabInputError  # noqa: E402


class SiteError(CqlabInputError):
    """The site cannot be built from what the repository or site/settings.toml holds."""


def lessons() -> list[Path]:
    return sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def exercise_sets() -> list[Path]:
    """The student notebooks only: never *_master.ipynb, autograder/ or solutions."""
    found = []
    for path in sorted((REPO / "exercises").glob("*/student/*.ipynb")):
        if path.name.endswith("_master.ipynb") or "solution" in path.name or "autograder" in path.parts:
            continue
        found.append(path)
    return found


# --- settings ---------------------------------------------------------------------------------------

def load_settings(path: Path = SITE / "settings.toml") -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    if not path.exists():
        raise SiteError(f"site settings not found: expected {path}")
    try:
        settings = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise SiteError(f"{path.name} is not valid TOML: {error}") from None
    for key in ("hub_url", "repo_url", "branch", "binder_url"):
        value = settings.get(key)
        if not isinstance(value, str) or not value.strip():
            raise SiteError(f"{path.name}: expected a non-empty text value for {key!r}, got {value!r}")
        if key != "branch" and urlparse(value).scheme not in ("http", "https"):
            raise SiteError(f"{path.name}: {key} must be an http(s) URL, got {value!r}")
    settings.setdefault("site_url", "")
    from cqlab import __version__

    settings["version"] = __version__
    return settings


def nbgitpuller_link(settings: dict, repo_path: str) -> str:
    """An nbgitpuller link: the hub clones (or updates) the repository, then opens the notebook."""
    folder = urlparse(settings["repo_url"]).path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
    query = urlencode(
        {
            "repo": settings["repo_url"],
            "branch": settings["branch"],
            "urlpath": f"lab/tree/{folder}/{repo_path}",
        }
    )
    return f"{settings['hub_url'].rstrip('/')}/hub/user-redirect/git-pull?{query}"


def binder_link(settings: dict, repo_path: str) -> str:
    return f"{settings['binder_url'].rstrip('/')}?labpath={quote(repo_path)}"


def launch_cell(settings: dict, repo_path: str) -> dict:
    hub = html.escape(nbgitpuller_link(settings, repo_path))
    binder = html.escape(binder_link(settings, repo_path))
    text = (
        '<div class="cq-launch" role="group" aria-label="Run this notebook">\n'
        f'<a class="cq-launch-link" href="{hub}">Open in JupyterHub</a>\n'
        f'<a class="cq-launch-link" href="{binder}">Open on Binder</a>\n'
        "<span>This page shows the outputs saved in the repository; launch it to run the code "
        "and use the widgets.</span>\n</div>\n"
    )
    return {"cell_type": "markdown", "metadata": {}, "source": text}


# --- notebooks ----------------------------------------------------------------------------------------

def is_widget_output(output: dict) -> bool:
    """A live widget view, or the run-this-cell line a committed lesson keeps in a widget's place."""
    from cqlab.widgets.base import PLACEHOLDER

    data = output.get("data", {})
    text = data.get("text/plain", "")
    return WIDGET_VIEW in data or PLACEHOLDER in ("".join(text) if isinstance(text, list) else text)


def repository_links(text: str, settings: dict) -> str:
    """Links from a lesson to repository files that are not pages (the whole source page in source/) point
    at the repository: the site itself shows the source's quotes, not the whole page."""
    base = f"{settings['repo_url'].rstrip('/')}/blob/{settings['branch']}/"
    return re.sub(r"\]\(\.\./(source/[^)\s]+)\)", lambda m: f"]({base}{m.group(1)})", text)


def site_notebook(path: Path, settings: dict, repo_path: str) -> dict:
    """A copy of a notebook for the site: launch links after the title, widget views replaced by a note."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook = copy.deepcopy(notebook)
    notebook["metadata"].pop("widgets", None)  # saved widget state: would load the widget manager from a CDN
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            cell["source"] = repository_links(source, settings)
        outputs = cell.get("outputs")
        if not outputs:
            continue
        kept = []
        for output in outputs:
            if is_widget_output(output):
                kept.append(
                    {
                        "output_type": "display_data",
                        "metadata": {},
                        "data": {"text/html": f'<p class="cq-widget-note">{WIDGET_NOTE}</p>'},
                    }
                )
            else:
                kept.append(output)
        cell["outputs"] = kept
    at = 1 if notebook["cells"] and notebook["cells"][0]["cell_type"] == "markdown" else 0
    notebook["cells"].insert(at, launch_cell(settings, repo_path))
    return notebook


def write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


# --- generated pages ----------------------------------------------------------------------------------

def read_csv(name: str) -> list[dict]:
    path = DATASETS / name
    if not path.exists():
        raise SiteError(f"dataset file not found: expected {path}")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def plain_pinyin(text: str) -> str:
    """Pinyin without tone marks, spaces or hyphens, lower case: xīnzhì shēngchǎnlì -> xinzhishengchanli."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return re.sub(r"[\s\-'’·]", "", "".join(c for c in decomposed if not unicodedata.combining(c)))


def md_cell(text: str) -> str:
    return html.escape(text or "").replace("|", "&#124;").replace("\n", " ")


def glossary_page() -> str:
    rows = read_csv("glossary.csv")
    lines = [
        "# Glossary 术语表",
        "",
        "Every Chinese term of the course with its pinyin, English and the lesson that introduces it. "
        "Search by Chinese characters, by pinyin (with or without tone marks, with or without spaces) "
        "or by English.",
        "",
        '<div class="cq-glossary-search">',
        '<label for="glossary-search">Search the glossary 搜索术语</label>',
        '<input id="glossary-search" type="search" autocomplete="off" '
        'placeholder="新质生产力 · xinzhi shengchanli · productive forces">',
        '<p id="glossary-count" role="status" aria-live="polite"></p>',
        "</div>",
        "",
        '<table class="cq-glossary table">',
        "<caption>Glossary of the course, from datasets/glossary.csv</caption>",
        '<thead><tr><th scope="col">中文</th><th scope="col">Pinyin</th><th scope="col">English</th>'
        '<th scope="col">Definition</th><th scope="col">Lesson</th></tr></thead>',
        "<tbody>",
    ]
    for row in rows:
        key = " ".join(
            [row["term_zh"], row["pinyin"].lower(), plain_pinyin(row["pinyin"]), row["term_en"].lower()]
        )
        lines.append(
            f'<tr data-search="{html.escape(key)}"><td lang="zh-Hans">{html.escape(row["term_zh"])}</td>'
            f'<td lang="zh-Latn-pinyin">{html.escape(row["pinyin"])}</td><td>{html.escape(row["term_en"])}</td>'
            f'<td>{html.escape(row["definition"])}</td><td>{html.escape(row["lesson"])}</td></tr>'
        )
    lines += ["</tbody>", "</table>", "", '<script src="_static/glossary.js"></script>', ""]
    return "\n".join(lines)


def unique_values(rows: list[dict], column: str) -> list[str]:
    return sorted({row[column] for row in rows if row.get(column)})


def dataset_page(resource: dict) -> str:
    rows = read_csv(resource["path"])
    title = resource.get("title", resource["name"])
    lines = [f"# {resource['name']}: {title}", "", resource.get("description", ""), ""]
    lines += [f"File: `datasets/{resource['path']}`, {len(rows)} rows.", ""]
    lines += ["## Fields", "", "| field | type | description |", "| --- | --- | --- |"]
    for field in resource["schema"]["fields"]:
        lines.append(f"| `{field['name']}` | {field.get('type', '')} | {md_cell(field.get('description', ''))} |")
    lines.append("")
    units = unique_values(rows, "unit")
    lines += ["## Units", ""]
    if units:
        lines += ["The `unit` column takes these values:", ""] + [f"- {md_cell(u)}" for u in units]
    else:
        lines.append("No `unit` column: each field's description above states its unit.")
    lines.append("")
    lines += ["## Confidence", ""]
    if rows and "confidence" in rows[0]:
        counts = Counter(row["confidence"] or "(empty)" for row in rows)
        lines += ["| confidence | rows |", "| --- | --- |"]
        lines += [f"| {md_cell(level)} | {n} |" for level, n in sorted(counts.items())]
    else:
        lines.append("No `confidence` column in this dataset.")
    lines.append("")
    lines += ["## Sources", ""]
    for source in resource.get("sources", []):
        lines.append(f"- {md_cell(source.get('title', ''))}" + (f" <{source['path']}>" if source.get("path") else ""))
    lines += ["", "## Licence", ""]
    for licence in resource.get("licenses", []):
        lines.append(f"- {licence.get('name', '')}: {md_cell(licence.get('title', ''))}"
                     + (f" <{licence['path']}>" if licence.get("path") else ""))
    lines.append("")
    return "\n".join(lines)


def datasets_index(package: dict) -> str:
    lines = [
        "# Datasets",
        "",
        "Every number in the lessons comes from these files (`datasets/`, described by "
        "`datasets/datapackage.json`, a Frictionless Data Package).",
        "",
        "| dataset | what it holds |",
        "| --- | --- |",
    ]
    for resource in package["resources"]:
        lines.append(f"| [{resource['name']}]({resource['name']}.md) | {md_cell(resource.get('title', ''))} |")
    lines += ["", "```{toctree}", ":hidden:", ""] + [r["name"] for r in package["resources"]] + ["```", ""]
    return "\n".join(lines)


ARTICLES = {
    "roundtable": "重报圆桌会 (round table): 以科技创新为引领 不断壮大“33618”现代制造业集群",
    "rural": "为民而建 (rural infrastructure; 罗晶 马菱涛)",
    "labour": "袁玉娟:当好职工娘家人 (labour relations; 潘锋)",
}


def source_page() -> str:
    rows = read_csv("source_facts.csv")
    lines = [
        "# The source: quotes 原文摘录",
        "",
        "The course reads one page of the *Chongqing Daily*. This page gives only the short quotes that "
        "carry a number, each with its citation; the full page is not reproduced.",
        "",
        "**Citation:** 重庆日报 (*Chongqing Daily*), late December 2023.",
        "",
    ]
    for article, heading in ARTICLES.items():
        chosen = [row for row in rows if row["article"] == article]
        if not chosen:
            continue
        lines += [f"## {heading}", ""]
        for row in chosen:
            who = f" ({row['speaker_or_author']})" if row.get("speaker_or_author") else ""
            lines += [
                f'> <span lang="zh-Hans">{html.escape(row["quote_zh"])}</span>',
                ">",
                f"> {md_cell(row['indicator_en'])}: {md_cell(row['value'])} {md_cell(row['unit'])}{md_cell(who)}. "
                "— 重庆日报 (*Chongqing Daily*), late December 2023.",
                "",
            ]
    return "\n".join(lines)


def instructor_page(settings: dict) -> str:
    """exercises/README.md with links to repository files pointed at the repository (they are not pages)."""
    text = (REPO / "exercises" / "README.md").read_text(encoding="utf-8")
    base = f"{settings['repo_url'].rstrip('/')}/tree/{settings['branch']}/exercises/"

    def relink(match: re.Match) -> str:
        label, target = match.group(1), match.group(2)
        if re.match(r"^[a-z]+:", target) or target.startswith("#"):
            return match.group(0)
        return f"[{label}]({base}{target})"

    return re.sub(r"\[([^\]]*)\]\(([^)\s]+)\)", relink, text)


def cff_field(name: str) -> str:
    match = re.search(rf"^{name}:\s*\"?([^\"\n]+)\"?", (REPO / "CITATION.cff").read_text(encoding="utf-8"), re.M)
    return match.group(1).strip() if match else ""


def index_page(settings: dict, lesson_docs: list[str], exercise_docs: list[str]) -> str:
    version = settings["version"]
    title = cff_field("title")
    released = cff_field("date-released")
    year = released[:4] if released else ""
    lines = [
        "# Chongqing Policy Lab 重庆政策实验室",
        "",
        "A short course on the economic policy of Chongqing (重庆), read through one page of the "
        "*Chongqing Daily* (重庆日报, December 2023) and public data. Read every lesson here with its saved "
        "outputs, or open it in a JupyterHub or on Binder to run it (the links at the top of each lesson).",
        "",
        f"Course version **{version}**." + (f" Published at <{settings['site_url']}>." if settings["site_url"] else ""),
        "",
        "- Start with [lesson 00, Start here](lessons/00_start_here.ipynb).",
        "- The [glossary](glossary.md) gives every Chinese term with pinyin and English.",
        "- The [datasets](datasets/index.md) hold every number the lessons use.",
        "- The [source quotes](source.md) are the numbers of the newspaper page, with their citation.",
        "- The [exercise sets](exercises/index.md) are graded with otter-grader; "
        "instructors read the [instructor guide](instructor.md).",
        "",
        "## Licence",
        "",
        "The code is under the MIT licence (`LICENSE`); the lessons, data and text are under "
        "Creative Commons Attribution 4.0 (CC BY 4.0, `LICENSE-CONTENT.md`).",
        "",
        "## How to cite",
        "",
        "The repository's `CITATION.cff` gives the citation:",
        "",
        f"> Chongqing Policy Lab contributors ({year}). *{title}*. Version {version}.",
        "",
        "```{toctree}",
        ":caption: Lessons",
        ":hidden:",
        "",
        *lesson_docs,
        "```",
        "",
        "```{toctree}",
        ":caption: Reference",
        ":hidden:",
        "",
        "glossary",
        "datasets/index",
        "source",
        "```",
        "",
        "```{toctree}",
        ":caption: Exercises",
        ":hidden:",
        "",
        "exercises/index",
        "instructor",
        "```",
        "",
    ]
    return "\n".join(lines)


def exercises_index(exercise_docs: list[str]) -> str:
    lines = [
        "# Exercise sets",
        "",
        "One set per lesson, as students receive it (no solutions, public tests only). Open a set in "
        "JupyterHub or on Binder to answer it; `grader.check(\"q1\")` gives feedback at once.",
        "",
    ]
    lines += [f"- [{Path(doc).name}]({Path(doc).name}.ipynb)" for doc in exercise_docs]
    lines += ["", "```{toctree}", ":hidden:", ""] + [Path(doc).name for doc in exercise_docs] + ["```", ""]
    return "\n".join(lines)


# --- build --------------------------------------------------------------------------------------------

def stage(source: Path, settings: dict) -> None:
    """Write every page, the configuration and the static files into ``source``."""
    if not MATHJAX.exists():
        raise SiteError(
            f"MathJax not found at {MATHJAX.relative_to(REPO)}: run `npm install` in the repository "
            "(make does it) so the site renders formulas without a CDN"
        )
    lesson_docs, exercise_docs = [], []
    for path in lessons():
        write_json(source / "lessons" / path.name, site_notebook(path, settings, f"notebooks/{path.name}"))
        lesson_docs.append(f"lessons/{path.stem}")
    if len(lesson_docs) != 9:
        raise SiteError(f"expected the nine lessons notebooks/00..08_*.ipynb, found {len(lesson_docs)}")
    for path in exercise_sets():
        repo_path = path.relative_to(REPO).as_posix()
        write_json(source / "exercises" / path.name, site_notebook(path, settings, repo_path))
        exercise_docs.append(f"exercises/{path.stem}")
    package = json.loads((DATASETS / "datapackage.json").read_text(encoding="utf-8"))
    pages = {
        "index.md": index_page(settings, lesson_docs, exercise_docs),
        "glossary.md": glossary_page(),
        "source.md": source_page(),
        "instructor.md": instructor_page(settings),
        "datasets/index.md": datasets_index(package),
        "exercises/index.md": exercises_index(exercise_docs),
    }
    for resource in package["resources"]:
        pages[f"datasets/{resource['name']}.md"] = dataset_page(resource)
    for name, text in pages.items():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_text(text, encoding="utf-8")
    shutil.copy(SITE / "conf.py", source / "conf.py")
    shutil.copytree(SITE / "_static", source / "_static")
    if (SITE / "_templates").exists():
        shutil.copytree(SITE / "_templates", source / "_templates")
    (source / "_static" / "mathjax").mkdir(parents=True, exist_ok=True)
    shutil.copy(MATHJAX, source / "_static" / "mathjax" / MATHJAX.name)
    write_json(source / "_settings.json", settings)


def build(out: Path, quiet: bool = True) -> Path:
    """Build the site into ``out`` (replaced); return the path of its index.html."""
    from sphinx.cmd.build import build_main

    settings = load_settings()
    out = out.resolve()
    with tempfile.TemporaryDirectory(prefix="cqlab-site-") as tmp:
        source = Path(tmp) / "src"
        source.mkdir()
        stage(source, settings)
        if out.exists():
            shutil.rmtree(out)
        args = ["-b", "html", "-d", str(Path(tmp) / "doctrees"), "-W", "--keep-going", str(source), str(out)]
        if quiet:
            args.insert(0, "-q")
        if build_main(args) != 0:
            raise SiteError("Sphinx reported warnings or errors while building the site (see above)")
    (out / ".nojekyll").write_text("")  # GitHub Pages: serve _static/ as is
    return out / "index.html"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "_site", help="output folder (default: _site)")
    args = parser.parse_args(argv)
    try:
        index = build(args.out, quiet=False)
    except SiteError as error:
        print(f"make site: {error}", file=sys.stderr)
        return 1
    print(f"site built: {index}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
