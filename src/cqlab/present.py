"""``python -m cqlab present 01``: show a lesson as an app for a projector (Voilà, offline).

Voilà runs every cell of the lesson in a fresh kernel and shows only the cells the lesson tags
``present`` (``scripts/tag_presentation.py`` tags them from ``present/cells.json``): the title, the key
sentences, the static charts and the main widget, without any code. The kernel gets
``CQLAB_STYLE=present`` (larger type in charts and controls, see :mod:`cqlab.style`), and the page uses
the course's template in ``present/voila/templates/cqlab-present``, which loads nothing from a CDN:
Font Awesome (which Voilà's lab template links from jsdelivr) and the Noto Sans SC web font come from
``node_modules`` (``npm install`` reads the root ``package.json``), and MathJax is the copy bundled in
Voilà's own JavaScript (used because ``Voila.mathjax_url`` stays unset).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

from cqlab.errors import CqlabInputError, _say, describe, expect_count

PRESENT_TAG = "present"
TEMPLATE = "cqlab-present"
STYLE = "present"
#: What the page loads from the repository (Voilà's /voila/files/ serves nothing else but images).
VENDORED = {
    "Font Awesome": "node_modules/@fortawesome/fontawesome-free/css/all.min.css",
    "the Noto Sans SC web font": "node_modules/@fontsource/noto-sans-sc/400.css",
}
FILE_ALLOWLIST = [
    r"node_modules/@fortawesome/fontawesome-free/.*",
    r"node_modules/@fontsource/noto-sans-sc/.*",
    r".*\.(png|jpg|gif|svg)",
]
LAB_ONLY_EXTENSIONS = ["jupyterlab-jupytext", "ipylab"]
DEFAULT_PORT = 8866


def repository() -> Path:
    """The course folder this cqlab is installed from (``pip install -e .``)."""
    return Path(__file__).resolve().parents[2]


def find_lesson(lesson: str, root: Path | None = None) -> Path:
    """The lesson notebook for "01", "1", "01_cluster_system_33618" or a path to a notebook."""
    root = root or repository()
    text = str(lesson).strip()
    candidate = Path(text)
    if candidate.suffix == ".ipynb" and candidate.is_file():
        return candidate.resolve()
    notebooks = root / "notebooks"
    stem = text.removesuffix(".ipynb")
    if stem.isdigit():
        stem = f"{int(stem):02d}"
    found = sorted(notebooks.glob(f"{stem}*.ipynb")) if stem else []
    lessons = sorted(p.name[:2] for p in notebooks.glob("[0-9][0-9]_*.ipynb"))
    if len(found) != 1:
        raise CqlabInputError(_say(
            f"no single lesson matches {lesson!r} in {notebooks}; expected a lesson number such "
            f"as 01 (the lessons are {', '.join(lessons) or 'missing'})",
            f"{notebooks} 中没有唯一与 {lesson!r} 对应的课程;应为课程编号,例如 01"
            f"(现有课程:{', '.join(lessons) or '无'})"))
    return found[0]


def _notebook(notebook) -> Path:
    """Check that ``notebook`` is the path (a str or Path) of an existing .ipynb file; return it as a Path."""
    if isinstance(notebook, (str, os.PathLike)):
        path = Path(notebook)
        if path.suffix == ".ipynb" and path.is_file():
            return path
    raise CqlabInputError(_say(
        f"notebook must be the path of a lesson notebook (.ipynb), e.g. find_lesson('01'); got {describe(notebook)}.",
        f"notebook 必须是课程笔记本(.ipynb)的路径,例如 find_lesson('01');收到的是 {describe(notebook)}。"))


def tagged_cells(notebook: Path) -> list[int]:
    """Indices of the cells of ``notebook`` (the path of a .ipynb file) tagged for presenting."""
    notebook = _notebook(notebook)
    cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    return [i for i, cell in enumerate(cells) if PRESENT_TAG in cell.get("metadata", {}).get("tags", [])]


def check_ready(notebook: Path, root: Path | None = None) -> None:
    """Say in plain words what is missing before starting: Voilà, the npm assets, the tags."""
    notebook = _notebook(notebook)
    root = root or repository()
    if importlib.util.find_spec("voila") is None:
        raise CqlabInputError(_say(
            "presentation mode needs Voilà, which is not installed in this environment; install the "
            "course's 'present' extra: make present (or: python -m pip install -e \".[present]\")",
            "演示模式需要 Voilà,但本环境未安装;请安装课程的 'present' 附加组件:make present"
            "(或:python -m pip install -e \".[present]\")"))
    for name, relative in VENDORED.items():
        if not (root / relative).is_file():
            raise CqlabInputError(_say(
                f"presentation mode serves {name} from {relative}, which is missing; run `npm install` "
                f"in {root} (make present does it)",
                f"演示模式从 {relative} 提供 {name},但该文件缺失;请在 {root} 中运行 `npm install`"
                "(make present 会运行它)"))
    if not tagged_cells(notebook):
        raise CqlabInputError(_say(
            f"{notebook.name} has no cell tagged {PRESENT_TAG!r}; run "
            "`python scripts/tag_presentation.py` to tag the lessons from present/cells.json",
            f"{notebook.name} 没有标记为 {PRESENT_TAG!r} 的单元格;请运行 "
            "`python scripts/tag_presentation.py`,按 present/cells.json 标记课程"))


def voila_command(
    notebook: Path, port: int = DEFAULT_PORT, open_browser: bool = True, root: Path | None = None
) -> tuple[list[str], dict[str, str]]:
    """The Voilà command line and environment that present ``notebook`` (a .ipynb path) on
    127.0.0.1:``port`` (a whole number, 1-65535)."""
    notebook = _notebook(notebook)
    port = expect_count(port, "port", minimum=1, maximum=65535)
    root = root or repository()
    argv = [
        sys.executable, "-m", "voila", str(notebook),
        f"--Voila.root_dir={root}",
        f"--template={TEMPLATE}",
        "--theme=light",
        "--Voila.ip=127.0.0.1",
        f"--port={port}",
        "--Voila.port_retries=0",
        "--VoilaConfiguration.show_tracebacks=False",
    ]
    argv += [f"--VoilaConfiguration.file_allowlist={pattern}" for pattern in FILE_ALLOWLIST]
    # front-end extensions that other packages install for JupyterLab (otter-grader brings jupytext
    # and ipylab): they need JupyterLab's menus, fail to activate in Voilà and only add console errors
    argv += [f"--VoilaConfiguration.extension_denylist={name}" for name in LAB_ONLY_EXTENSIONS]
    if not open_browser:
        argv.append("--no-browser")
    env = dict(os.environ)
    # Voilà finds templates in <each JUPYTER_PATH entry>/voila/templates/<name>
    env["JUPYTER_PATH"] = os.pathsep.join(
        [str(root / "present")] + [p for p in env.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    )
    env["CQLAB_STYLE"] = STYLE  # inherited by the kernel: larger type in charts and controls
    env["PYTHONUNBUFFERED"] = "1"
    return argv, env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m cqlab present",
        description="Show a lesson as an app for a projector: its tagged cells, charts and widgets, "
        "without code, in large type (Voilà, offline). Stop it with Ctrl+C.",
    )
    parser.add_argument("lesson", nargs="?", default="01", help="lesson number, e.g. 01 (default)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser tab")
    options = parser.parse_args(argv)
    try:
        notebook = find_lesson(options.lesson)
        check_ready(notebook)
    except CqlabInputError as error:
        print(f"python -m cqlab present: {error}", file=sys.stderr)
        return 2
    command, env = voila_command(notebook, options.port, open_browser=not options.no_browser)
    print(f"Presenting {notebook.name} at http://127.0.0.1:{options.port}/ (Ctrl+C stops it)")
    try:
        return subprocess.call(command, env=env, cwd=repository())
    except KeyboardInterrupt:
        return 0
