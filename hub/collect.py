"""Collect one exercise set from every student's home into a folder `make grade` takes (`make collect`).

Usage: python hub/collect.py SET DEST [--deadline 2026-12-09T23:59+08:00] [--homes /home] [--group cqlab]

For each course account (members of the Unix group, default ``cqlab``), the file taken is in the set's
folder ``~/chongqing-policy-lab/exercises/NN_name/`` (where the nbgitpuller link puts the student edition;
``.../NN_name/student/`` for a clone of this repository): the student's own copy
(``NN_name_<name>.ipynb``, as the notebook asks), the most recently saved one if there are several, or else
the pulled ``NN_name.ipynb`` itself if the student worked in it; a student with neither is listed as missing. Each is copied with its modification time
(shutil.copy2) to ``DEST/<student>.ipynb``, which `make grade SET=NN SUBMISSIONS=DEST` names by
student. ``DEST/collected.csv`` says, per student, which file was taken, its modification time (UTC)
and whether it was modified after the deadline ("late"), so a late policy can be applied.

With a deadline in the future, the command waits until the deadline and then copies: the snapshot
is what existed at the deadline. With a deadline in the past, it copies now and marks as late every
file changed after the deadline (the hub keeps no older version of it).
Run it as root (it reads every student's private home).
"""

from __future__ import annotations

import argparse
import csv
import grp
import pwd
import shutil
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

TARGET = "chongqing-policy-lab"
FIELDS = ["student", "status", "source", "modified_utc", "deadline_utc", "late"]


def parse_deadline(text: str | None) -> datetime | None:
    """An ISO 8601 time (a time without a zone is taken as UTC); None for no deadline."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise SystemExit(f"DEADLINE must be an ISO 8601 time such as 2026-12-09T23:59+08:00, got {text!r}.") \
            from error
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def students(group: str) -> list[tuple[str, Path]]:
    """(name, home) of every member of the course group, by name."""
    try:
        members = grp.getgrnam(group).gr_mem
    except KeyError as error:
        raise SystemExit(f"There is no Unix group {group!r}: has the hub created any student yet?") from error
    return sorted((name, Path(pwd.getpwnam(name).pw_dir)) for name in members)


def submission(home: Path, set_id: str) -> Path | None:
    """The student's notebook for the set (their own copy first, newest first; else the pulled one), or None."""
    exercises = home / TARGET / "exercises"
    found = [p for pattern in (f"{set_id}_*/{set_id}_*.ipynb", f"{set_id}_*/student/{set_id}_*.ipynb")
             for p in exercises.glob(pattern) if p.is_file()]
    own = [p for p in found if p.stem != p.parent.name and p.stem != p.parent.parent.name]
    if own:
        return max(own, key=lambda p: (p.stat().st_mtime, p.name))
    return min(found) if found else None


def collect(set_id: str, dest: Path, deadline: datetime | None, accounts: list[tuple[str, Path]],
            log=print) -> list[dict]:
    """Copy each student's notebook for set_id into dest; write and return the rows of collected.csv."""
    if not (len(set_id) == 2 and set_id.isdigit()):
        raise SystemExit(f"SET must be two digits such as 01, got {set_id!r}.")
    dest.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, home in accounts:
        source = submission(home, set_id)
        row = {"student": name, "status": "missing", "source": "", "modified_utc": "",
               "deadline_utc": deadline.astimezone(timezone.utc).isoformat() if deadline else "", "late": ""}
        if source is not None:
            shutil.copy2(source, dest / f"{name}.ipynb")
            modified = datetime.fromtimestamp(source.stat().st_mtime, timezone.utc)
            row.update(status="collected", source=str(source), modified_utc=modified.isoformat(),
                       late=("yes" if deadline and modified > deadline else "no") if deadline else "")
            log(f"{name}: took {source} (modified {modified:%Y-%m-%d %H:%M:%S} UTC"
                f"{', LATE' if row['late'] == 'yes' else ''})")
        else:
            log(f"{name}: no notebook for set {set_id} in {home / TARGET}")
        rows.append(row)
    with open(dest / "collected.csv", "w", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    return rows


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set_id", metavar="SET")
    parser.add_argument("dest", type=Path, metavar="DEST")
    parser.add_argument("--deadline", default=None)
    parser.add_argument("--group", default="cqlab")
    args = parser.parse_args(argv)
    deadline = parse_deadline(args.deadline)
    if deadline is not None:
        wait = (deadline - datetime.now(timezone.utc)).total_seconds()
        if wait > 0:
            print(f"Waiting {wait / 3600:.1f} h until the deadline {deadline.isoformat()}", flush=True)
            time.sleep(wait)
    rows = collect(args.set_id, args.dest, deadline, students(args.group))
    taken = sum(r["status"] == "collected" for r in rows)
    print(f"{taken} of {len(rows)} students collected into {args.dest}; times in {args.dest / 'collected.csv'}")
    if not rows:
        sys.exit(1)


if __name__ == "__main__":
    main()
