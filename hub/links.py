"""One nbgitpuller link per lesson and per exercise set (`make links HUB=... REPO=...`).

A link opens the hub, logs the student in, and has nbgitpuller pull the student edition of the course
into ~/chongqing-policy-lab before JupyterLab opens the notebook. nbgitpuller clones on first use and
afterwards merges: a file the student changed keeps the student's version, a file they deleted comes
back, new course files arrive (https://nbgitpuller.readthedocs.io/en/latest/topic/automatic-merging.html).

Usage: python hub/links.py --hub https://hub.example.edu --repo https://github.com/ORG/EDITION [--branch main]
"""

from __future__ import annotations

import argparse
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
TARGET = "chongqing-policy-lab"  # the folder in each student's home


def pull_link(hub: str, repo: str, path: str, branch: str = "main", target: str = TARGET) -> str:
    """The nbgitpuller link that pulls repo (branch) into ~/target and opens path in JupyterLab."""
    if not hub.startswith(("http://", "https://")):
        raise ValueError(f"The hub address must start with http:// or https://, got {hub!r}.")
    query = urlencode({"repo": repo, "branch": branch, "targetpath": target,
                       "urlpath": f"lab/tree/{target}/{path}"})
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def course_notebooks(root: Path = ROOT) -> list[tuple[str, str]]:
    """(title, path in the student edition) of every lesson and every exercise set's student notebook, in
    course order. The edition (`make edition`) keeps a set's student notebook as exercises/NN_name/NN_name.ipynb,
    without this repository's student/ level (scripts/student_edition.py)."""
    found = [(f"Lesson {p.stem[:2]}", p.relative_to(root).as_posix())
             for p in sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb"))]
    for student in sorted((root / "exercises").glob("[0-9][0-9]_*/student/[0-9][0-9]_*.ipynb")):
        found.append((f"Exercise set {student.stem[:2]}", f"exercises/{student.parent.parent.name}/{student.name}"))
    return found


def links_markdown(hub: str, repo: str, branch: str = "main", root: Path = ROOT) -> str:
    """A Markdown table of the links, for the README or a course page."""
    rows = ["| notebook | nbgitpuller link |", "| --- | --- |"]
    rows += [f"| {title}: `{path}` | [open on the hub]({pull_link(hub, repo, path, branch)}) |"
             for title, path in course_notebooks(root)]
    return "\n".join(rows) + "\n"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hub", required=True, help="the hub's address, e.g. https://hub.example.edu")
    parser.add_argument("--repo", required=True, help="the student edition's git repository")
    parser.add_argument("--branch", default="main")
    args = parser.parse_args(argv)
    print(links_markdown(args.hub, args.repo, args.branch), end="")


if __name__ == "__main__":
    main()
