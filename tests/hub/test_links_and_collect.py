"""nbgitpuller links (hub/links.py) and submission collection (hub/collect.py), without a hub."""

from __future__ import annotations

import csv
import os
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit

import pytest
from collect import collect, parse_deadline  # noqa: E402  (hub/ is on sys.path via conftest)
from links import course_notebooks, links_markdown, pull_link  # noqa: E402

from tests.hub.conftest import ROOT


def test_one_link_per_lesson_and_per_exercise_set_each_to_a_notebook_of_the_edition(tmp_path):
    """The links open notebooks of the student edition that `make edition` writes, not of this repository."""
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    from student_edition import write_edition

    write_edition(tmp_path / "edition", ROOT)
    edition = sorted(p.relative_to(tmp_path / "edition").as_posix()
                     for p in (tmp_path / "edition").rglob("*.ipynb"))
    paths = [p for _, p in course_notebooks()]
    lessons = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert sorted(paths) == edition and paths[:len(lessons)] == lessons and len(paths) == len(lessons) + 8


def test_a_link_pulls_the_edition_and_opens_the_notebook():
    link = pull_link("https://hub.example.edu/", "https://git.example.edu/cqlab-student.git",
                     "notebooks/01_cluster_system_33618.ipynb")
    parts = urlsplit(link)
    assert (parts.netloc, parts.path) == ("hub.example.edu", "/hub/user-redirect/git-pull")
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert query == {"repo": "https://git.example.edu/cqlab-student.git", "branch": "main",
                     "targetpath": "chongqing-policy-lab",
                     "urlpath": "lab/tree/chongqing-policy-lab/notebooks/01_cluster_system_33618.ipynb"}
    with pytest.raises(ValueError, match="http"):
        pull_link("hub.example.edu", "x", "y")


def test_the_readme_lists_the_links():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert links_markdown("https://hub.example.edu", "https://github.com/ORG/cqlab-student") in readme


def make_home(root, name, set_id="01", modified=None):
    home = root / name
    target = home / "chongqing-policy-lab" / "exercises" / f"{set_id}_x" / "student" / f"{set_id}_x.ipynb"
    target.parent.mkdir(parents=True)
    target.write_text(f'{{"student": "{name}"}}')
    if modified:
        os.utime(target, (modified.timestamp(), modified.timestamp()))
    return home, target


def test_collect_copies_marks_late_and_lists_the_missing(tmp_path):
    deadline = datetime(2026, 12, 9, 23, 59, tzinfo=timezone(timedelta(hours=8)))
    early, early_file = make_home(tmp_path / "homes", "ann", modified=deadline - timedelta(hours=1))
    late, late_file = make_home(tmp_path / "homes", "ben", modified=deadline + timedelta(minutes=1))
    other, _ = make_home(tmp_path / "homes", "cao", set_id="02")
    dest = tmp_path / "out"
    rows = collect("01", dest, deadline, [("ann", early), ("ben", late), ("cao", other)], log=lambda _m: None)
    assert [(r["student"], r["status"], r["late"]) for r in rows] == [
        ("ann", "collected", "no"), ("ben", "collected", "yes"), ("cao", "missing", "")]
    assert sorted(p.name for p in dest.iterdir()) == ["ann.ipynb", "ben.ipynb", "collected.csv"]
    assert (dest / "ben.ipynb").stat().st_mtime == late_file.stat().st_mtime
    with open(dest / "collected.csv") as f:
        table = list(csv.DictReader(f))
    assert table[1]["source"] == str(late_file)
    assert datetime.fromisoformat(table[1]["modified_utc"]) == deadline + timedelta(minutes=1)


def test_collect_refuses_bad_input(tmp_path):
    with pytest.raises(SystemExit, match="two digits"):
        collect("1", tmp_path, None, [])
    with pytest.raises(SystemExit, match="ISO 8601"):
        parse_deadline("next friday")
    assert parse_deadline("2026-12-09T23:59").tzinfo == timezone.utc


def test_collect_takes_the_students_own_copy_in_the_edition_layout(tmp_path):
    """In the student edition the set's notebook is exercises/NN_name/NN_name.ipynb; the student saves their
    own copy beside it (NN_name_<name>.ipynb): that copy is taken, the newest of several, else the pulled one."""
    from collect import submission

    folder = tmp_path / "dan" / "chongqing-policy-lab" / "exercises" / "01_cluster_system"
    folder.mkdir(parents=True)
    pulled = folder / "01_cluster_system.ipynb"
    pulled.write_text("{}")
    assert submission(tmp_path / "dan", "01") == pulled
    older, newer = folder / "01_cluster_system_dan.ipynb", folder / "01_cluster_system_dan_v2.ipynb"
    for path, when in ((older, 1_700_000_000), (newer, 1_700_000_500)):
        path.write_text("{}")
        os.utime(path, (when, when))
    os.utime(pulled, (1_800_000_000, 1_800_000_000))  # an update pulled later does not make it the student's
    assert submission(tmp_path / "dan", "01") == newer
    assert submission(tmp_path / "dan", "02") is None
