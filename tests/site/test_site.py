"""The course website, checked as a reader would meet it: built offline, every page opened in Chromium.

pytest-xdist (--dist loadfile) keeps a file on one worker: this file builds the site and starts the browser
once; test_site_pages_b.py checks the other half of the pages on the other worker.
Per-page counts (links, images, axe violations by impact, Tab stops) go to _site/site-test-report.json
and .md, and are printed in the test's output.
"""

from __future__ import annotations

import html as htmllib
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urldefrag, urlparse

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from .conftest import REPO, TIMINGS

pytestmark = pytest.mark.site

LESSONS = sorted(p.stem for p in (REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
EXERCISES = sorted(p.stem for p in (REPO / "exercises").glob("*/student/*.ipynb"))
RESOURCES = [r["name"] for r in json.loads((REPO / "datasets" / "datapackage.json").read_text())["resources"]]
SETTINGS = tomllib.loads((REPO / "site" / "settings.toml").read_text(encoding="utf-8"))
REPORT_DIR = REPO / "_site"


def html_pages(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if not p.relative_to(site).as_posix().startswith(("_static/", "_sources/"))
    )


# --- the built files -----------------------------------------------------------------------------------

def test_every_page_of_the_student_edition_is_built(site):
    pages = set(html_pages(site))
    expected = (
        {"index.html", "glossary.html", "source.html", "instructor.html", "datasets/index.html",
         "exercises/index.html"}
        | {f"lessons/{name}.html" for name in LESSONS}
        | {f"exercises/{name}.html" for name in EXERCISES}
        | {f"datasets/{name}.html" for name in RESOURCES}
    )
    assert len(LESSONS) == 9 and len(EXERCISES) == 8
    assert expected <= pages, f"missing pages: {sorted(expected - pages)}"


def test_no_master_solution_or_autograder_is_published(site):
    names = [p.relative_to(site).as_posix() for p in site.rglob("*")]
    leaked = [n for n in names if re.search(r"master|solution|autograder", n, re.I)]
    assert not leaked, leaked
    for name in EXERCISES:
        text = (site / "exercises" / f"{name}.html").read_text(encoding="utf-8")
        assert "BEGIN SOLUTION" not in text and "hidden: true" not in text, name
        assert "otter" in text  # it is the student notebook, with its grader.check cells


def test_lessons_show_their_committed_charts_with_alt_text(site):
    for name in LESSONS:
        notebook = json.loads((REPO / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))
        alts = [
            output["metadata"]["image/png"]["alt"]
            for cell in notebook["cells"]
            for output in cell.get("outputs", [])
            if "image/png" in output.get("data", {}) and output.get("metadata", {}).get("image/png", {}).get("alt")
        ]
        text = (site / "lessons" / f"{name}.html").read_text(encoding="utf-8")
        images = re.findall(r"<img [^>]*>", text)
        assert len(images) >= len(alts) > 0, name
        shown = [htmllib.unescape(m) for m in re.findall(r'alt="([^"]*)"', " ".join(images))]
        for alt in alts:
            assert alt in shown, f"{name}: chart without its alt text {alt[:60]!r}"


def test_widgets_become_a_note_and_no_widget_manager_is_loaded(site):
    for name in LESSONS:
        notebook = (REPO / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8")
        text = (site / "lessons" / f"{name}.html").read_text(encoding="utf-8")
        from cqlab.widgets.base import PLACEHOLDER

        # committed lessons keep the run-this-cell line in a widget's place (no model ids); either kind counts
        widgets = notebook.count("application/vnd.jupyter.widget-view+json") + notebook.count(PLACEHOLDER)
        assert text.count("interactive in JupyterLab") == widgets, name
        assert "widget-state+json" not in text and "embed-amd" not in text and "require.js" not in text


def test_launch_links_open_each_lesson_and_exercise_set_in_the_hub_and_on_binder(site):
    hub = urlparse(SETTINGS["hub_url"])
    pages = [(f"lessons/{name}.html", f"notebooks/{name}.ipynb") for name in LESSONS]
    pages += [(f"exercises/{name}.html", f"exercises/{name}/student/{name}.ipynb") for name in EXERCISES]
    for page, notebook in pages:
        name = page
        text = (site / page).read_text(encoding="utf-8")
        links = [htmllib.unescape(h) for h in re.findall(r'class="cq-launch-link" href="([^"]+)"', text)]
        links += [htmllib.unescape(h) for h in re.findall(r'href="([^"]+)" class="cq-launch-link"', text)]
        pulls = [urlparse(h) for h in links if "/hub/user-redirect/git-pull" in h]
        assert len(pulls) == 1, (name, links)
        query = parse_qs(pulls[0].query)
        assert pulls[0].netloc == hub.netloc
        assert query["repo"] == [SETTINGS["repo_url"]] and query["branch"] == [SETTINGS["branch"]]
        assert query["urlpath"][0].endswith(f"/{notebook}")
        binder = [h for h in links if h.startswith(SETTINGS["binder_url"])]
        assert binder and unquote(binder[0]).endswith(f"labpath={notebook}"), (name, links)


def test_no_page_names_a_cdn_and_math_is_vendored(site):
    mathjax = site / "_static" / "mathjax" / "tex-svg.js"
    assert mathjax.exists()
    for page in html_pages(site):
        text = (site / page).read_text(encoding="utf-8")
        scripts = re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?:)?//[^"]+"', text)
        assert not scripts, f"{page} loads {scripts}"
    lesson = (site / "lessons" / f"{LESSONS[3]}.html").read_text(encoding="utf-8")
    assert "_static/mathjax/tex-svg.js" in lesson


def test_site_states_licence_version_and_citation(site):
    from cqlab import __version__

    text = (site / "index.html").read_text(encoding="utf-8")
    assert "MIT" in text and "CC BY 4.0" in text and __version__ in text and "CITATION.cff" in text
    for page in html_pages(site):  # the footer of every page
        assert "CC BY 4.0" in (site / page).read_text(encoding="utf-8"), page


# --- in the browser ---------------------------------------------------------------------------------------

CHECK_PAGE = r"""
() => {
  const visible = (el) => {
    const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    const closed = el.closest('details:not([open])');
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'
      && el.checkVisibility({checkVisibilityCSS: true, contentVisibilityAuto: true})
      && !(closed && !el.closest('summary'))
      && !el.closest('[hidden], [inert], [aria-hidden="true"]');
  };
  const links = [...document.querySelectorAll('a[href]')];
  links.forEach((a, i) => a.setAttribute('data-cq-link', String(i)));
  return {
    links: links.map((a) => ({href: a.href, visible: visible(a), i: a.getAttribute('data-cq-link')})),
    images: [...document.querySelectorAll('img')].map((img) => ({
      src: img.currentSrc || img.src, ok: img.complete && img.naturalWidth > 0,
      alt: img.getAttribute('alt'), chart: !!img.closest('.cell_output, .output')})),
    ids: [...document.querySelectorAll('[id]')].map((e) => e.id)
      .concat([...document.querySelectorAll('a[name]')].map((e) => e.name)),
  };
}
"""


FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])"


def tab_through(page, wanted: set[str]) -> set[str]:
    """Press Tab once per focusable element (and a few more) from the top; return the links focus reached."""
    limit = page.evaluate(
        "(sel) => { window.__cqFocused = new Set(); document.addEventListener('focusin', (e) => {"
        " const i = e.target.getAttribute && e.target.getAttribute('data-cq-link');"
        " if (i !== null) window.__cqFocused.add(i); });"
        " document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);"
        " return document.querySelectorAll(sel).length; }",
        FOCUSABLE,
    )
    reached: set[str] = set()
    for presses in range(1, limit + 6):
        page.keyboard.press("Tab")
        if presses % 10 == 0 or presses == limit + 5:  # stop as soon as every link has had focus
            reached = set(page.evaluate("() => [...window.__cqFocused]"))
            if wanted <= reached:
                break
    return reached


#: The page check is split in two halves, this file's and test_site_pages_b.py's, so that pytest-xdist
#: (--dist loadfile) runs them on two workers: Tab-walking 35 pages is the longest single test of make test.
HALVES = 2


def test_every_page_in_the_browser(site, server, browser, axe_source, capsys):
    """Pages 1, 3, 5 ... (the other half in test_site_pages_b.py): links, images, axe, Tab, no outside request."""
    check_pages(site, server, browser, axe_source, capsys, half=0)


def check_pages(site, server, browser, axe_source, capsys, half: int) -> None:
    """Open every ``HALVES``-th page from ``half`` in Chromium and check it as a reader meets it."""
    all_pages = html_pages(site)
    pages = all_pages[half::HALVES]
    report, problems = {}, []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    outside: list[str] = []

    def route(route):
        if route.request.url.startswith(server):
            route.continue_()
        else:  # the course must read in a classroom without internet
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    for name in pages:
        outside.clear()
        failed.clear()
        page.goto(server + name, wait_until="load")
        facts = page.evaluate(CHECK_PAGE)
        counts: dict = {"links": 0, "broken_links": 0, "images": len(facts["images"]), "broken_images": 0,
                        "images_without_alt": 0}
        for link in facts["links"]:
            url, fragment = urldefrag(link["href"])
            if not url.startswith(server):
                continue
            counts["links"] += 1
            target = site / unquote(urlparse(url).path).lstrip("/")
            if target.is_dir():
                target = target / "index.html"
            exists = target.is_file()
            if exists and fragment and target.suffix == ".html":
                exists = re.search(rf'(id|name)="{re.escape(unquote(fragment))}"', target.read_text("utf-8"))
            if not exists:
                counts["broken_links"] += 1
                problems.append(f"{name}: broken link {link['href']}")
        for image in facts["images"]:
            if not image["ok"]:
                counts["broken_images"] += 1
                problems.append(f"{name}: broken image {image['src']}")
            if image["chart"] and not (image["alt"] or "").strip():
                counts["images_without_alt"] += 1
                problems.append(f"{name}: chart image without alt text {image['src'][-60:]}")
        page.add_script_tag(content=axe_source)
        axe = page.evaluate(
            "async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
            " return r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,"
            " target: v.nodes.slice(0, 3).map(n => n.target.join(' '))})); }"
        )
        by_impact = {level: 0 for level in ("minor", "moderate", "serious", "critical")}
        for violation in axe:
            by_impact[violation["impact"] or "minor"] += violation["nodes"]
            if violation["impact"] in ("serious", "critical") or violation["id"] == "color-contrast":
                problems.append(f"{name}: axe {violation['impact']} {violation['id']} at {violation['target']}")
        counts["axe"] = by_impact
        wanted = {link["i"] for link in facts["links"] if link["visible"]}
        reached = tab_through(page, wanted)
        counts["tab_links"] = len(wanted)
        counts["tab_reached"] = len(wanted & reached)
        for link in facts["links"]:
            if link["i"] in wanted - reached:
                problems.append(f"{name}: Tab never reaches the link {link['href']}")
        counts["outside_requests"] = len(outside)
        counts["failed_requests"] = len(failed)
        problems += [f"{name}: request to an outside host {url}" for url in outside]
        problems += [f"{name}: failed request {url}" for url in failed if url not in outside]
        report[name] = counts
    context.close()
    report = write_report(report)
    with capsys.disabled():
        print(f"\nsite: built in {TIMINGS.get('build')} s; {len(pages)} of {len(all_pages)} pages checked here "
              f"(report: {REPORT_DIR}, {len(report)} pages so far)")
    assert len(all_pages) >= 9 + 8 + len(RESOURCES) + 6
    assert len(pages) >= len(all_pages) // HALVES
    assert not problems, "\n".join(problems[:60])


def write_report(report: dict) -> dict:
    """Add this half's pages to the report of this test run (the halves may run in two processes); return it."""
    import fcntl
    import os

    REPORT_DIR.mkdir(exist_ok=True)
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID") or str(os.getpid())
    with open(REPORT_DIR / ".site-test-report.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the two halves finish at about the same time
        path = REPORT_DIR / "site-test-report.json"
        try:
            saved = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            saved = {}
        pages = {**saved.get("pages", {}), **report} if saved.get("run") == run else dict(report)
        pages = dict(sorted(pages.items()))
        path.write_text(json.dumps({"run": run, "build_seconds": TIMINGS.get("build"), "pages": pages}, indent=1),
                        encoding="utf-8")
        _write_markdown(pages)
    return pages


def _write_markdown(report: dict) -> None:
    lines = [
        "| page | internal links | broken | images | broken | no alt | axe minor | moderate | serious "
        "| critical | Tab: links reached | outside requests |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, c in report.items():
        a = c["axe"]
        lines.append(
            f"| {name} | {c['links']} | {c['broken_links']} | {c['images']} | {c['broken_images']} "
            f"| {c['images_without_alt']} | {a['minor']} | {a['moderate']} | {a['serious']} | {a['critical']} "
            f"| {c['tab_reached']}/{c['tab_links']} | {c['outside_requests']} |"
        )
    (REPORT_DIR / "site-test-report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


QUERIES = ["新质生产力", "xīnzhì shēngchǎnlì", "xinzhi shengchanli", "XinZhiShengChanLi", "new quality productive forces"]


@pytest.mark.parametrize("query", QUERIES)
def test_glossary_search_finds_the_term(site, server, browser, query):
    context = browser.new_context()
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(server) else r.abort())
    page = context.new_page()
    page.goto(server + "glossary.html")
    total = page.locator("table.cq-glossary tbody tr").count()
    page.get_by_label("Search the glossary").fill(query)
    shown = page.locator("table.cq-glossary tbody tr:not([hidden])")
    terms = shown.locator("td:first-child").all_inner_texts()
    assert "新质生产力" in terms, (query, terms)
    assert 0 < len(terms) < total  # the search filters, it does not just leave everything shown
    assert page.locator("#glossary-count").inner_text() == f"{len(terms)} of {total} terms"
    context.close()


def test_chinese_text_and_formulas_render(site, server, browser):
    context = browser.new_context()
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(server) else r.abort())
    page = context.new_page()
    page.goto(server + f"lessons/{LESSONS[3]}.html", wait_until="networkidle")
    page.wait_for_selector("mjx-container svg", timeout=30_000)  # MathJax (vendored) typeset the formulas
    assert page.locator("mjx-container").count() > 0
    # a CJK glyph is drawn with a real font: its width differs from the missing-glyph box (tofu)
    widths = page.evaluate(
        "() => { const c = document.createElement('canvas').getContext('2d');"
        " const font = getComputedStyle(document.body).fontFamily; c.font = '32px ' + font;"
        " return [c.measureText('新').width, c.measureText('质').width, c.measureText('\\u{10FFFD}').width]; }"
    )
    assert widths[0] > 0 and widths[0] != widths[2], f"no CJK font in the page's font stack: {widths}"
    context.close()
