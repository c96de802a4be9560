"""A student's first day, in a real browser: the server `make lab` starts, with the course's own settings.

The server is started exactly as ``cqlab.launch`` (``make lab``, ``python -m cqlab lab``) starts it — the
course folder as its root, lesson 00 as its start page, ``jupyter-config/`` on the config path, the course's
notebooks trusted — over a temporary copy of the course, with private Jupyter folders (nothing of the
machine's user settings can help it pass).
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from cqlab import launch

from .harness import LabServer, LessonDriver

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.browser


class CourseLabServer(LabServer):
    """The course's own server command and settings; only the port, token and private folders are the test's."""

    def _prepare_dirs(self) -> dict[str, str]:
        dirs = {name: self.work_dir / name for name in ("config", "workspaces", "runtime", "data", "ipython",
                                                        "settings")}
        for path in dirs.values():
            path.mkdir(parents=True, exist_ok=True)
        base = {k: v for k, v in __import__("os").environ.items() if not k.startswith("JUPYTER")}
        base.update(JUPYTER_CONFIG_DIR=str(dirs["config"]), JUPYTER_RUNTIME_DIR=str(dirs["runtime"]),
                    JUPYTER_DATA_DIR=str(dirs["data"]), JUPYTERLAB_SETTINGS_DIR=str(dirs["settings"]),
                    JUPYTERLAB_WORKSPACES_DIR=str(dirs["workspaces"]), IPYTHONDIR=str(dirs["ipython"]),
                    PYTHONUNBUFFERED="1")
        # what the launcher does before it starts the server (settings on the path, notebooks trusted),
        # with the course's jupyter-config/ from the repository
        env = launch.course_environment(REPO, base)
        launch.trust_course_notebooks(self.root_dir, env)
        return env

    def command(self) -> list[str]:
        return launch.lab_command(self.root_dir, port=self.port, open_browser=False) + [
            "--ip=127.0.0.1", "--ServerApp.port_retries=0", f"--IdentityProvider.token={self.token}",
            "--ServerApp.terminals_enabled=False", "--allow-root",
        ]


@pytest.fixture(scope="module")
def course_lab(chromium, tmp_path_factory):
    base = tmp_path_factory.mktemp("course-lab")
    root, work = base / "course", base / "work"
    work.mkdir()
    shutil.copytree(REPO / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    for student in sorted(REPO.glob("exercises/*/student")):
        shutil.copytree(student, root / "exercises" / student.parent.name / "student")
    shutil.copy(REPO / "exercises" / "README.md", root / "exercises" / "README.md")
    server = CourseLabServer(root, work)
    try:
        server.start()
    except Exception as error:
        server.stop()
        pytest.fail(f"the course's JupyterLab did not start: {error}", pytrace=False)
    yield server
    survivors = server.stop()
    assert not survivors, f"processes left behind: {survivors}"


@pytest.fixture
def course_page(course_lab, browser):
    """A fresh page of the session's browser; any request that would leave 127.0.0.1 is aborted and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(30_000)
    external: list[str] = []

    def block(route):
        external.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^(https?|wss?)://(?!127\.0\.0\.1[:/])"), block)
    page = context.new_page()
    page.external_requests = external
    yield page
    context.close()
    course_lab.shutdown_all_kernels()


def test_the_printed_url_opens_lesson_00_and_every_folder_is_served(course_lab):
    log = course_lab.log_path.read_text(errors="replace")
    printed = re.findall(r"http://127\.0\.0\.1:\d+/\S+", log)
    assert printed and all("/lab/tree/notebooks/00_start_here.ipynb" in url for url in printed), printed
    top = {item["name"] for item in course_lab.api("GET", "api/contents")["content"]}
    assert {"notebooks", "exercises"} <= top, top
    sets = {item["name"] for item in course_lab.api("GET", "api/contents/exercises")["content"]}
    assert "01_cluster_system" in sets, sets


def test_the_course_settings_reach_jupyterlab(course_lab):
    settings = {s["id"]: s for s in course_lab.api("GET", "lab/api/settings")["settings"]}
    news = settings["@jupyterlab/apputils-extension:notification"]["schema"]["properties"]
    assert news["fetchNews"]["default"] == "false" and news["checkForUpdates"]["default"] is False
    widgets = settings["@jupyter-widgets/jupyterlab-manager:plugin"]["schema"]["properties"]
    assert widgets["saveState"]["default"] is False


def test_the_course_notebooks_are_trusted(course_lab):
    for name in ("notebooks/01_cluster_system_33618.ipynb", "exercises/01_cluster_system/student/01_cluster_system.ipynb"):
        course_lab.api("GET", "api/contents/" + name)
    log = course_lab.log_path.read_text(errors="replace")
    assert "is not trusted" not in log, [line for line in log.splitlines() if "not trusted" in line]


def test_a_student_opens_an_exercise_from_the_file_browser_and_gets_feedback(course_lab, course_page):
    page = course_page
    page.goto(course_lab.base + f"?token={course_lab.token}", wait_until="domcontentloaded")
    # the start page is lesson 00, not the Launcher
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60_000)
    assert "/lab/tree/notebooks/00_start_here.ipynb" in page.url, page.url
    assert page.locator(".jp-Launcher").count() == 0
    assert page.locator(".jp-Dialog").count() == 0, "a dialog (the news popup?) opened on the first start"

    browser_panel = page.locator(".jp-FileBrowser")
    if not browser_panel.is_visible():
        page.get_by_role("tab", name=re.compile("File Browser")).first.click()
    crumbs = page.locator(".jp-FileBrowser .jp-BreadCrumbs-home")
    crumbs.first.click()
    for folder in ("exercises", "01_cluster_system", "student", "01_cluster_system.ipynb"):
        item = page.locator(".jp-FileBrowser .jp-DirListing-itemText").get_by_text(folder, exact=True)
        try:
            item.first.wait_for(timeout=30_000)
        except Exception:
            page.screenshot(path=str(course_lab.work_dir / "file-browser.png"))
            raise
        item.first.dblclick()
    current_tab = "#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current"
    page.wait_for_function(
        f"() => [...document.querySelectorAll('{current_tab}')]"
        ".some(t => t.textContent.includes('01_cluster_system.ipynb'))", timeout=30_000)

    driver = LessonDriver(page, course_lab, "exercises/01_cluster_system/student/01_cluster_system.ipynb")
    def kernel_idle():
        state = driver.state() or {}
        return state.get("status") == "idle" and (state.get("kernel") or "").strip() not in ("", "No Kernel")

    driver.wait_until(kernel_idle, 60, "the exercise's kernel to be idle")
    visible = ".jp-NotebookPanel:not(.lm-mod-hidden)"
    page.locator(f"{visible} .jp-Notebook").first.click(position={"x": 5, "y": 5})
    driver.menu("Run", "Run All Cells")

    def all_ran():
        state = driver.state() or {}
        prompts = [c["prompt"] for c in state.get("code", []) if not c["empty"]]
        return (state.get("status") == "idle" and prompts
                and all(re.search(r"\[\d+\]", p) for p in prompts))

    driver.wait_until(all_ran, 120, "running every cell of the exercise")
    text = page.locator(f"{visible} .jp-OutputArea-output").all_text_contents()  # off-screen cells too
    # cqlab.checks.plain_feedback: the blank answer's form checks fail, with their hints
    feedback = [t for t in text if re.search(r"\bq1\b.*\bchecks need work\b", t)]
    assert feedback, f"no grader.check feedback for q1 in the outputs: {[t for t in text if t.strip()][:5]}"
    assert not page.external_requests, page.external_requests
    print(json.dumps({"feedback": feedback[0][:200]}, ensure_ascii=False), file=sys.stderr)
