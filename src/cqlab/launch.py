"""``python -m cqlab lab`` (and ``make lab``): open the course in JupyterLab on lesson 00.

The server's root is the course folder, so the lessons, ``exercises/``, ``datasets/`` and ``source/`` can all
be opened from JupyterLab's file browser; the start page is ``notebooks/00_start_here.ipynb``, also in the
URL the server prints (for a machine with no browser). The course's Jupyter settings (``jupyter-config/``:
no news popup, no update check, widget state not saved) are put first on ``JUPYTER_CONFIG_PATH``, and the
course's own notebooks are marked trusted for this user, so JupyterLab neither asks nor warns.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

START_PAGE = "notebooks/00_start_here.ipynb"


def course_root() -> Path:
    """The course folder: the checkout this package lives in, else the current folder if it is one."""
    checkout = Path(__file__).resolve().parents[2]
    for candidate in (checkout, Path.cwd()):
        if (candidate / START_PAGE).is_file():
            return candidate
    raise SystemExit(
        f"Cannot find the course: no {START_PAGE} beside the cqlab package ({checkout}) or in the current "
        "folder. Run this from the folder you cloned the course into."
    )


def course_environment(root: Path, base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment a course server runs in: the course's Jupyter settings first on the config path."""
    env = dict(os.environ if base is None else base)
    config = str(root / "jupyter-config")
    paths = [p for p in env.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep) if p and p != config]
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join([config, *paths])
    return env


def course_notebooks(root: Path) -> list[Path]:
    """The course's own notebooks: the lessons and the student exercise notebooks (in this repository's
    ``exercises/NN_name/student/`` or in the student edition's ``exercises/NN_name/``)."""
    exercises = [p for p in root.glob("exercises/*/*.ipynb") if not p.stem.endswith("_master")]
    return (sorted(root.glob("notebooks/*.ipynb")) + sorted(root.glob("exercises/*/student/*.ipynb"))
            + sorted(exercises))


def trust_course_notebooks(root: Path, env: dict[str, str] | None = None) -> None:
    """Sign the course's notebooks for this user, so the server does not warn "Notebook ... is not trusted".

    A signature is per user and per content: run again after an update (``cqlab.update`` does).
    """
    notebooks = [str(p) for p in course_notebooks(root)]
    if notebooks:
        subprocess.run([sys.executable, "-m", "jupyter", "trust", *notebooks], env=env,
                       stdout=subprocess.DEVNULL, check=False)


def prepare(root: Path, base: dict[str, str] | None = None) -> dict[str, str]:
    """Everything before the server starts: the course's settings in the environment, lessons trusted."""
    env = course_environment(root, base)
    trust_course_notebooks(root, env)
    return env


def lab_command(root: Path, *, port: int | None = None, open_browser: bool = True) -> list[str]:
    command = [
        sys.executable, "-m", "jupyter", "lab",
        f"--ServerApp.root_dir={root}",
        # the page the browser opens and the URL the server prints
        f"--LabApp.default_url=/lab/tree/{START_PAGE}",
    ]
    if port:
        command.append(f"--ServerApp.port={port}")
    if not open_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # JupyterLab refuses root otherwise (a container, a CI machine)
    return command


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cqlab lab", description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-browser", action="store_true", help="print the URL instead of opening a browser")
    parser.add_argument("--port", type=int, default=None, help="the port to serve on (default: 8888 or the next free)")
    args = parser.parse_args(argv)
    root = course_root()
    env = prepare(root)
    return subprocess.call(lab_command(root, port=args.port, open_browser=not args.no_browser), cwd=root, env=env)


if __name__ == "__main__":
    sys.exit(main())
