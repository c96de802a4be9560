"""LMS gradebooks (Canvas, Moodle) and the late policy, from the grades CSV and the download's file names.

The roster is the LMS's own export, so ids are the LMS's:

- **Canvas**: the gradebook export (Grades > Export), columns ``Student, ID, SIS User ID, SIS Login ID,
  Section`` then one per assignment, ``Name (assignment id)``; a second row may hold ``Points Possible``.
  Canvas's "Download submissions" names each file ``<name>_<userid>_<submissionid>_<filename>``, with
  ``late`` after the name when it was late (``smithjane_late_123_456_ex.ipynb``); ``userid`` is the
  gradebook's ``ID``. The CSV written for import keeps the five student columns and the one assignment.
- **Moodle**: the assignment's grading worksheet (View all submissions > Download grading worksheet),
  columns ``Identifier`` (``Participant 123``), ``Full name``, ``Email address``, ``Status``, ``Grade``,
  ``Maximum Grade`` ... ``Last modified (submission)`` ... ``Feedback comments``. "Download all
  submissions" names files ``<Full name>_<participant id>_assignsubmission_file_<filename>``. The CSV
  written for upload (Upload grading worksheet) is the worksheet with ``Grade`` filled in.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

KINDS = ("canvas", "moodle")
CANVAS_NAME = re.compile(r"^(?P<name>[^_/]+)_(?P<late>late_)?(?P<user>\d+)_(?P<sub>\d+)_(?P<file>.+)$",
                         re.IGNORECASE)
MOODLE_NAME = re.compile(r"^(?P<name>[^/]+?)_(?P<user>\d+)_assignsubmission_(?:file|onlinetext)_(?P<file>.*)$")
CANVAS_FIXED = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")


class LMSError(ValueError):
    """A roster or policy that cannot be used, with what to do about it."""


def parse_name(file: str) -> dict | None:
    """{"kind", "user", "late", "name"} from an LMS download's file (or folder) name; None if neither."""
    for part in reversed(Path(file).parts):
        match = CANVAS_NAME.match(part)
        if match:
            return {"kind": "canvas", "user": match["user"], "late": bool(match["late"]), "name": match["name"]}
        match = MOODLE_NAME.match(part)
        if match:
            return {"kind": "moodle", "user": match["user"], "late": False, "name": match["name"]}
    return None


def student_key(file: str, kind: str | None = None) -> str | None:
    """The LMS id a submitted file belongs to (Canvas user id, Moodle participant id)."""
    parsed = parse_name(file)
    if parsed and (kind is None or parsed["kind"] == kind):
        return parsed["user"]
    return None


@dataclass(frozen=True)
class LatePolicy:
    """Points off for lateness: ``per_day`` a day (started days count), or ``rule`` {days: points}."""

    due: datetime
    per_day: float = 0.0
    rule: dict[int, float] = field(default_factory=dict)
    cap: float | None = None

    @classmethod
    def parse(cls, due: str, per_day: float = 0.0, rule: str | None = None, cap: float | None = None):
        try:
            when = datetime.fromisoformat(due)
        except ValueError as error:
            raise LMSError(f"--due {due!r} is not a date and time like 2026-10-01T23:59") from error
        steps = {}
        for item in filter(None, (rule or "").split(",")):
            try:
                days, points = item.split(":")
                steps[int(days)] = float(points)
            except ValueError as error:
                raise LMSError(f"--penalty-rule item {item!r} is not DAYS:POINTS, e.g. 1:5,3:20") from error
        if per_day < 0 or (cap is not None and cap < 0):
            raise LMSError("a late penalty and its cap are points off: give numbers of 0 or more")
        return cls(when, per_day, steps, cap)

    def days_late(self, submitted: datetime) -> int:
        seconds = (submitted - self.due).total_seconds()
        return max(0, math.ceil(seconds / 86400))

    def penalty(self, days: int) -> float:
        if days <= 0:
            return 0.0
        points = self.per_day * days
        if self.rule:
            points = max([p for d, p in self.rule.items() if days >= d] or [0.0])
        return min(points, self.cap) if self.cap is not None else points


def late_columns(results, policy: LatePolicy, kind: str | None = None) -> dict[str, dict[str, object]]:
    """{student: {"submitted_at", "days_late", "late_penalty"}} from file times and the LMS's late marker."""
    from grading.report import student_of

    due = policy.due
    columns = {}
    for result in results:
        when = datetime.fromtimestamp(result.modified, tz=due.tzinfo) if result.modified else None
        days = policy.days_late(when) if when else 0
        parsed = parse_name(result.file)
        if parsed and parsed["late"] and days == 0:
            days = 1  # the LMS says late but the file time was lost in the download: at least a day
        columns[student_of(result.file)] = {
            "submitted_at": when.isoformat(timespec="minutes") if when else "",
            "days_late": days, "late_penalty": round(policy.penalty(days), 3)}
    return columns


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def _totals_by_id(grades_csv: Path, kind: str) -> dict[str, str]:
    _, rows = _read(grades_csv)
    found = {}
    for row in rows:
        key = student_key(row.get("file", ""), kind)
        if key:
            found[key] = row.get("total", "")
    return found


def export(kind: str, roster: Path, grades_csv: Path, target: Path, column: str | None = None):
    """Write the LMS's import CSV at ``target``; return (students given a mark, files with no roster row)."""
    if kind not in KINDS:
        raise LMSError(f"unknown LMS {kind!r}: choose one of {', '.join(KINDS)}")
    columns, rows = _read(roster)
    totals = _totals_by_id(grades_csv, kind)
    if kind == "canvas":
        missing = [c for c in ("Student", "ID") if c not in columns]
        if missing:
            raise LMSError(f"{roster} is not a Canvas gradebook export: no {', '.join(missing)} column")
        assignments = [c for c in columns if re.search(r"\(\d+\)\s*$", c)]
        if column is None:
            if len(assignments) != 1:
                raise LMSError(f"{roster} has {len(assignments)} assignment columns; name one with --column "
                               f"({', '.join(assignments) or 'none'})")
            column = assignments[0]
        if column not in columns:
            raise LMSError(f"{roster} has no column {column!r}")
        keep = [c for c in CANVAS_FIXED if c in columns] + [column]
        key, mark = "ID", column
    else:
        missing = [c for c in ("Identifier", "Grade") if c not in columns]
        if missing:
            raise LMSError(f"{roster} is not a Moodle grading worksheet: no {', '.join(missing)} column")
        keep, key, mark = columns, "Identifier", "Grade"
    matched = 0
    out_rows = []
    seen = set()
    for row in rows:
        ident = re.sub(r"\D", "", row.get(key, "") or "")
        if kind == "canvas" and not ident:  # "Points Possible" and other non-student rows pass through
            out_rows.append({c: row.get(c, "") for c in keep})
            continue
        if ident in totals:
            row = dict(row, **{mark: totals[ident]})
            matched += 1
            seen.add(ident)
        out_rows.append({c: row.get(c, "") for c in keep})
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, keep)
        writer.writeheader()
        writer.writerows(out_rows)
    return matched, sorted(set(totals) - seen)
