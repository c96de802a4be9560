"""The class hub end to end: students sign up, pull the course through nbgitpuller links, run a lesson and an
exercise on their own servers through the REST API and kernel websockets, and cannot read each other's work.

One hub for the module (conftest.py); every account it makes is removed afterwards.
"""

from __future__ import annotations

import json
import os
import pwd
import secrets
import stat
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import nbformat
import pytest

from tests.hub.conftest import ROOT

LESSON = "notebooks/01_cluster_system_33618.ipynb"
EXERCISE = "exercises/01_cluster_system/01_cluster_system.ipynb"  # in the student edition
HOME_COPY = "chongqing-policy-lab"


def text_of(outputs: list[dict]) -> str:
    parts = []
    for out in outputs:
        parts.append(out.get("text", ""))
        parts.append((out.get("data") or {}).get("text/plain", ""))
        if out["output_type"] == "error":
            parts.append(f"{out['ename']}: {out['evalue']}")
    return "".join(parts)


def errors_in(cells: list[list[dict]]) -> list[str]:
    return [f"{o['ename']}: {o['evalue']}" for cell in cells for o in cell if o["output_type"] == "error"]


@pytest.fixture(scope="module")
def students(hub, edition):
    """Two students who signed up, started a server (one chose Chinese) and followed a lesson and an
    exercise link."""
    from links import pull_link

    _, repo = edition
    tag = secrets.token_hex(3)
    alice = hub.student(f"cqa{tag}", "alice-password")
    bob = hub.student(f"cqb{tag}", "bob-password")
    alice.start(language="zh")
    bob.start()
    for student in (alice, bob):
        student.pull_log = student.follow_link(pull_link(hub.base, repo, LESSON))
        student.follow_link(pull_link(hub.base, repo, EXERCISE))
    return alice, bob


def test_sign_up_makes_a_private_course_account(students):
    import grp

    for student in students:
        entry = pwd.getpwnam(student.name)
        assert entry.pw_uid >= 1000
        assert student.name in grp.getgrnam("cqlab").gr_mem
        assert stat.S_IMODE(os.stat(entry.pw_dir).st_mode) == 0o700
        assert (ROOT / LESSON).name in os.listdir(os.path.join(entry.pw_dir, HOME_COPY, "notebooks"))
        assert os.stat(os.path.join(entry.pw_dir, HOME_COPY, LESSON)).st_uid == entry.pw_uid


def test_pulled_lessons_open_trusted(students):
    """cqlab.hub_trust signed the pulled notebooks for each student: the server marks their cells trusted
    (the day-one setting `make lab` gives; unsigned, it would log "Notebook ... is not trusted")."""
    for student in students:
        for path in (LESSON, EXERCISE):
            cells = [c for c in student.notebook(f"{HOME_COPY}/{path}")["cells"] if c["cell_type"] == "code"]
            assert cells and all(c["metadata"].get("trusted") is True for c in cells), (student.name, path)


def test_lesson_01_runs_as_the_student_and_its_widget_moves(students):
    alice, _ = students
    kernel = alice.kernel(f"{HOME_COPY}/{LESSON}")
    try:
        who = kernel.execute("import os, resource\n"
                             "print(os.getuid(), os.environ['CQLAB_LANGUAGE'], "
                             "resource.getrlimit(resource.RLIMIT_AS)[0])")
        assert text_of(who).split() == [str(pwd.getpwnam(alice.name).pw_uid), "zh", str(2 * 1024**3)]
        cells = kernel.run_notebook(alice.notebook(f"{HOME_COPY}/{LESSON}"))
        assert errors_in(cells) == []
        committed = nbformat.read(ROOT / LESSON, as_version=4)
        expected_charts = sum("image/png" in o.get("data", {}) for c in committed.cells if c.cell_type == "code"
                              for o in c.outputs)
        charts = sum("image/png" in (o.get("data") or {}) for cell in cells for o in cell)
        assert charts == expected_charts > 0
        slider = kernel.find_comm(_model_name="IntSliderModel", _dom_classes="cqlab-main-control")
        chart = kernel.find_comm(_model_name="ImageModel", _dom_classes="cqlab-chart")
        first = kernel.comms[chart]["value"]
        moved = kernel.move_widget(slider, kernel.comms[slider]["value"] + 3, chart)
        assert moved.startswith(b"\x89PNG") and moved != first
    finally:
        kernel.close()


def test_a_new_home_gets_the_font_cache_and_the_kernel_uses_it(students):
    """Each new account gets matplotlib's font cache from the hub (hub_config's home seed), so a student's
    first kernel does not scan the machine's fonts again: the seeded file is the one the kernel reads, and
    importing matplotlib leaves it as it was (a cache it could not use would be rebuilt and rewritten)."""
    _, bob = students
    entry = pwd.getpwnam(bob.name)
    cache = Path(entry.pw_dir) / ".cache" / "matplotlib"
    fontlists = sorted(cache.glob("fontlist-*.json"))
    assert fontlists, f"no font cache was seeded into {cache}"
    for path in (cache.parent, cache, *fontlists):
        assert os.stat(path).st_uid == entry.pw_uid
        assert stat.S_IMODE(os.stat(path).st_mode) & 0o077 == 0  # private, like the rest of the home
    before = {f.name: f.stat().st_mtime_ns for f in fontlists}
    kernel = bob.kernel(f"{HOME_COPY}/{LESSON}")
    try:
        out = kernel.execute("import matplotlib, matplotlib.font_manager as fm\n"
                             "print(matplotlib.get_cachedir(), len(fm.fontManager.ttflist) > 0)")
    finally:
        kernel.close()
    assert text_of(out).split() == [str(cache), "True"]
    assert {f.name: f.stat().st_mtime_ns for f in sorted(cache.glob("fontlist-*.json"))} == before


def test_seeding_a_home_copies_privately_and_never_overwrites(tmp_path):
    from tests.hub.conftest import require_hub

    require_hub()  # root: the files are given to another account
    from cqlab_hub import seed_home

    seed, home = tmp_path / "seed", tmp_path / "home"
    (seed / ".cache" / "matplotlib").mkdir(parents=True)
    (seed / ".cache" / "matplotlib" / "fontlist-v1.json").write_text("{}")
    (seed / "mine.txt").write_text("course")
    (seed / "link").symlink_to("/etc/shadow")
    home.mkdir()
    (home / "mine.txt").write_text("the student's")
    nobody = pwd.getpwnam("nobody")
    copied = seed_home(home, seed, nobody.pw_uid, nobody.pw_gid)
    assert copied == [home / ".cache" / "matplotlib" / "fontlist-v1.json"]
    assert (home / "mine.txt").read_text() == "the student's"
    assert not (home / "link").exists()
    for path in (home / ".cache", home / ".cache" / "matplotlib", *copied):
        assert os.stat(path).st_uid == nobody.pw_uid
    assert stat.S_IMODE(os.stat(copied[0]).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(home / ".cache").st_mode) == 0o700
    assert seed_home(home, tmp_path / "no-such-seed", nobody.pw_uid, nobody.pw_gid) == []


def test_the_memory_limit_stops_a_runaway_kernel(students):
    alice, _ = students
    kernel = alice.kernel(f"{HOME_COPY}/{LESSON}")
    try:
        out = kernel.execute("try:\n    hog = bytearray(3 * 1024**3)\n    print('allocated')\n"
                             "except MemoryError:\n    print('MemoryError')")
        assert text_of(out).strip() == "MemoryError"
    finally:
        kernel.close()


def test_a_student_exercise_runs_and_checks_on_the_hub(students):
    _, bob = students
    kernel = bob.kernel(f"{HOME_COPY}/{EXERCISE}")
    try:
        notebook = bob.notebook(f"{HOME_COPY}/{EXERCISE}")
        cells = kernel.run_notebook(notebook)
        assert errors_in(cells) == []
        sources = [c["source"] for c in notebook["cells"] if c["cell_type"] == "code"]
        check = sources.index('grader.check("q1")')
        assert "q1" in text_of(cells[check])  # otter's check ran against the pulled tests
    finally:
        kernel.close()


def test_one_student_cannot_read_another_students_home(students):
    alice, bob = students
    home = pwd.getpwnam(alice.name).pw_dir
    kernel = bob.kernel(f"{HOME_COPY}/{EXERCISE}")
    try:
        code = ("for attempt in (lambda: os.listdir({h!r}), lambda: open({f!r}).read()):\n"
                "    try:\n        attempt(); print('READ')\n"
                "    except PermissionError:\n        print('denied')")
        out = kernel.execute("import os\n" + code.format(h=home, f=os.path.join(home, HOME_COPY, EXERCISE)))
        assert text_of(out).split() == ["denied", "denied"]
    finally:
        kernel.close()
    # and through the hub: bob's token opens nothing on alice's server
    response = bob.http.get(f"{alice.server}/api/contents/{HOME_COPY}", timeout=60, allow_redirects=False)
    assert response.status_code in (302, 403, 404)


def test_a_pull_brings_course_updates_and_keeps_the_students_work(students, edition, hub):
    from links import pull_link

    server, repo = edition
    alice, _ = students
    path = f"{HOME_COPY}/{EXERCISE}"
    mine = alice.notebook(path)
    mine["cells"][0]["source"] = "my own notes, not the course's"
    saved = alice.http.put(f"{alice.server}/api/contents/{path}", timeout=60,
                           data=json.dumps({"type": "notebook", "format": "json", "content": mine}))
    assert saved.status_code == 200
    source = server.base / "edition"
    (source / "notebooks" / "UPDATE.md").write_text("a course update\n")
    git = ["git", "-C", str(source), "-c", "user.name=cqlab", "-c", "user.email=cqlab@localhost"]
    subprocess.run([*git, "add", "--all"], check=True)
    subprocess.run([*git, "commit", "--quiet", "-m", "course update"], check=True)
    alice.follow_link(pull_link(hub.base, repo, EXERCISE))
    home = pwd.getpwnam(alice.name).pw_dir
    assert open(os.path.join(home, HOME_COPY, "notebooks", "UPDATE.md")).read() == "a course update\n"
    assert alice.notebook(path)["cells"][0]["source"] == "my own notes, not the course's"


def test_a_machine_account_gets_no_server(hub):
    """Signing up as an existing system account (games, uid 5) must not start a server as that account."""
    from hubclient import HubError

    entry = pwd.getpwnam("games")
    games = hub.student("games", "games-password")
    with pytest.raises(HubError):
        games.start(timeout=30)
    assert "is not a course account" in hub.log_tail(20000)
    assert pwd.getpwnam("games") == entry


def test_collect_takes_each_students_notebook_with_its_time(students, scratch):
    from collect import collect

    alice, bob = students
    accounts = [(s.name, Path(pwd.getpwnam(s.name).pw_dir)) for s in students]
    deadline = datetime.now(timezone.utc) - timedelta(minutes=5)
    late_file = accounts[0][1] / HOME_COPY / EXERCISE
    on_time = accounts[1][1] / HOME_COPY / EXERCISE
    os.utime(on_time, (deadline.timestamp() - 60, deadline.timestamp() - 60))
    dest = scratch / "collected"
    rows = {r["student"]: r for r in collect("01", dest, deadline, accounts, log=lambda _m: None)}
    assert rows[alice.name]["late"] == "yes" and rows[bob.name]["late"] == "no"
    assert rows[alice.name]["source"] == str(late_file)
    for name, path in ((alice.name, late_file), (bob.name, on_time)):
        copy = dest / f"{name}.ipynb"
        assert copy.read_bytes() == path.read_bytes()
        assert copy.stat().st_mtime == path.stat().st_mtime
    assert (dest / "collected.csv").read_text().splitlines()[0] == \
        "student,status,source,modified_utc,deadline_utc,late"
