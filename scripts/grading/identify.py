"""Tell which exercise set a notebook is for, from its content (not only ``metadata.otter``).

A student's notebook may lose otter's metadata (re-saved in another editor, copied cell by cell into a
new notebook) or carry another set's (started from the wrong file). Each set is fingerprinted by what
its student notebook asks for: the answer names it assigns (``q1_named = ...``), the questions it checks
(``grader.check("q1")``) and its title ("Exercise set 01"). A submission goes to the set whose
fingerprint it shares most of; its metadata only breaks a tie.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

ANSWER = re.compile(r"^\s*(q\d+[a-z]?_\w+)\s*=", re.MULTILINE)
CHECK = re.compile(r"grader\.check\(\s*['\"](q\d+[a-z]?)['\"]\s*\)")
TITLE = re.compile(r"Exercise set (\d{2})|练习\s*(\d{2})")
MIN_SHARE = 0.5  # a notebook must hold at least half a set's answer names to be called that set


@dataclass(frozen=True)
class Fingerprint:
    answers: frozenset[str]
    checks: frozenset[str]
    titles: frozenset[str]
    assignment: str | None


def _cells(notebook: dict) -> list[tuple[str, str]]:
    found = []
    for cell in notebook.get("cells") or []:
        if not isinstance(cell, dict):
            continue
        source = cell.get("source", "")
        if isinstance(source, list):
            source = "".join(str(part) for part in source)
        found.append((str(cell.get("cell_type", "")), str(source)))
    return found


def fingerprint(notebook: dict) -> Fingerprint:
    """The answer names, checked questions and title set numbers of a parsed notebook (a dict)."""
    answers, checks, titles = set(), set(), set()
    for kind, source in _cells(notebook):
        if kind == "code":
            answers.update(ANSWER.findall(source))
            checks.update(CHECK.findall(source))
        for match in TITLE.finditer(source):
            titles.add(match.group(1) or match.group(2))
    otter = (notebook.get("metadata") or {}).get("otter") or {}
    name = otter.get("assignment_name") if isinstance(otter, dict) else None
    return Fingerprint(frozenset(answers), frozenset(checks), frozenset(titles), name)


def set_fingerprints(exercises: Path) -> dict[str, Fingerprint]:
    """{set id: fingerprint of its student notebook} for every set under ``exercises``."""
    prints = {}
    for path in sorted(exercises.glob("[0-9][0-9]_*/student/[0-9][0-9]_*.ipynb")):
        prints[path.name[:2]] = fingerprint(json.loads(path.read_text(encoding="utf-8")))
    return prints


def identify(notebook: dict, prints: dict[str, Fingerprint]) -> tuple[str | None, str]:
    """Return (set id or None, why) for a parsed notebook, judged by its content."""
    mine = fingerprint(notebook)
    scored = []
    for set_id, theirs in prints.items():
        if not theirs.answers:
            continue
        share = len(mine.answers & theirs.answers) / len(theirs.answers)
        # the checked questions (q1..q5 in most sets) and the title only break ties
        bonus = (0.001 * len(mine.checks & theirs.checks) + (0.01 if set_id in mine.titles else 0)) + (
            0.005 if mine.assignment and mine.assignment == theirs.assignment else 0)
        scored.append((share + bonus, share, set_id))
    if not scored:
        return None, "no exercise sets to compare with"
    scored.sort(reverse=True)
    _, share, best = scored[0]
    if share < MIN_SHARE:
        return None, (f"its content matches no exercise set (at best {share:.0%} of set {best}'s "
                      "answer names)")
    return best, f"its content matches set {best} ({share:.0%} of its answer names)"


def assignment_name_of(prints: dict[str, Fingerprint], set_id: str) -> str | None:
    return prints[set_id].assignment if set_id in prints else None
