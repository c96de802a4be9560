"""The course is self-contained: no tracked file points outside the repository for its own files or data.

A clone from the course's public home has nothing beside it, and a committed report must not carry the
build machine's paths. System tools (``/usr/bin/chromium``) are fine; web addresses are not paths.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# A path outside the repository: a sibling folder, or an absolute path under a home, a work tree or /tmp.
# The look-behind keeps out URLs (https://host/home/...) and repository-relative paths (bench/work/).
OUTSIDE = re.compile(
    r"\.\./shared\b|\.\./\.\./"
    r"|(?<![\w.:/%-])(?:/work/|/root/|/home/\w|/Users/\w|/tmp/\w|/private/var/)"
    r"|\b[A-Z]:\\\\?(?:Users|home)\\"
)
# Raw research tables quote sources as gathered; the source page is the article itself.
EXEMPT = ("datasets/raw/", "source/", "tests/test_self_contained.py",  # this file names the patterns
          # paths inside the grading sandbox (its private /home/student) and the cheats' targets on purpose
          "scripts/grading/engine.py", "tests/instructor/test_grading_sandbox.py")


def tracked_text_files() -> list[Path]:
    names = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    files = []
    for name in names.decode().split("\0"):
        if not name or name.startswith(EXEMPT) or not (REPO / name).is_file():
            continue
        files.append(REPO / name)
    return files


def offending_lines(path: Path) -> list[str]:
    data = path.read_bytes()
    if b"\0" in data[:4096]:
        return []  # binary (a zip, an image): not a file a path can be read from
    text = data.decode("utf-8", errors="replace")
    return [f"{path.relative_to(REPO)}:{n}: {line.strip()[:120]}"
            for n, line in enumerate(text.splitlines(), 1) if OUTSIDE.search(line)]


def test_the_pattern_catches_outside_paths_and_spares_urls():
    assert OUTSIDE.search("read ../" + "shared/source/page.txt")  # split, so this file itself names no such path
    assert OUTSIDE.search('"python": "/root/.pyenv/shims/python3"')
    assert OUTSIDE.search("Wrote /work/main/bench/work/grades.csv")
    assert not OUTSIDE.search("https://investchn.com/home/news/detail/id/78435.html")
    assert not OUTSIDE.search("scratch files go to bench/work/ (git-ignored)")
    assert not OUTSIDE.search("executable_path='/usr/bin/chromium'")


def test_no_tracked_file_points_outside_the_repository():
    found = [line for path in tracked_text_files() for line in offending_lines(path)]
    assert not found, "paths outside the repository:\n" + "\n".join(found[:20])
