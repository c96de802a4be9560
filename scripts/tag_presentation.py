"""Tag the cells each lesson shows in presentation mode, from ``present/cells.json``.

Usage: python scripts/tag_presentation.py [--check] [--notebooks DIR]

For every lesson listed in present/cells.json, the cells named there get the tag "present" and every
other cell loses it; nothing else in the notebook changes (no re-execution: outputs, execution counts
and the file's formatting stay as they are), so running it twice changes nothing the second time.
Each listed cell is checked against its role (a title is the lesson's "# " heading, a chart a code
cell with a PNG output, a widget a code cell that displays one), and every lesson must have a title,
a chart and a widget. ``--check`` changes nothing and exits 1 if a notebook is not tagged as listed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CELLS = ROOT / "present" / "cells.json"
ROLES = {"title", "source", "narrative", "chart", "explore", "widget", "summary"}
REQUIRED_ROLES = ("title", "chart", "widget")
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


class TaggingError(Exception):
    """present/cells.json does not match the lessons; the message says where and how."""


def output_kinds(cell: dict) -> set[str]:
    kinds = set()
    for output in cell.get("outputs", []):
        kinds.update(output.get("data", {}))
    return kinds


def shows_widget(cell: dict) -> bool:
    """A live widget output, or the text a committed lesson keeps in its place (the saved lessons carry
    no widget model ids: see scripts/execute_lessons.py)."""
    from cqlab.widgets.base import PLACEHOLDER

    for output in cell.get("outputs", []):
        data = output.get("data", {})
        text = data.get("text/plain", "")
        if WIDGET_MIME in data or PLACEHOLDER in ("".join(text) if isinstance(text, list) else text):
            return True
    return False


def check_role(lesson: str, cell: dict, role: str) -> None:
    source = "".join(cell.get("source", []))
    where = f"lesson {lesson}, cell {cell.get('id')!r} (role {role!r})"
    if role == "title" and not (cell["cell_type"] == "markdown" and source.startswith("# ")):
        raise TaggingError(f"{where}: a title must be a markdown cell that starts with '# '")
    if role == "chart" and not (cell["cell_type"] == "code" and "image/png" in output_kinds(cell)):
        raise TaggingError(f"{where}: a chart must be a code cell with a PNG output (is the lesson executed?)")
    if role == "widget" and not (cell["cell_type"] == "code" and shows_widget(cell)):
        raise TaggingError(f"{where}: a widget must be a code cell that displays a widget")
    if role in {"source", "narrative", "explore", "summary"} and cell["cell_type"] != "markdown":
        raise TaggingError(f"{where}: a {role} cell must be a markdown cell")


def load_selection(path: Path = CELLS) -> tuple[str, dict[str, list[dict]]]:
    document = json.loads(path.read_text(encoding="utf-8"))
    tag, lessons = document["tag"], document["lessons"]
    for lesson, entries in lessons.items():
        roles = [entry["role"] for entry in entries]
        unknown = sorted(set(roles) - ROLES)
        if unknown:
            raise TaggingError(f"lesson {lesson}: unknown role(s) {unknown}; the roles are {sorted(ROLES)}")
        missing = [role for role in REQUIRED_ROLES if role not in roles]
        if missing:
            raise TaggingError(f"lesson {lesson}: present/cells.json lists no {' and no '.join(missing)}")
        ids = [entry["id"] for entry in entries]
        if len(set(ids)) != len(ids):
            raise TaggingError(f"lesson {lesson}: a cell id is listed twice")
    return tag, lessons


def find_notebook(notebooks: Path, lesson: str) -> Path:
    found = sorted(notebooks.glob(f"{lesson}_*.ipynb"))
    if len(found) != 1:
        raise TaggingError(f"lesson {lesson}: expected one notebooks/{lesson}_*.ipynb, found {len(found)}")
    return found[0]


def tagged(notebook: dict, tag: str, entries: list[dict], lesson: str) -> dict:
    """The notebook with exactly the listed cells tagged ``tag`` (a new dict; the input is untouched)."""
    notebook = json.loads(json.dumps(notebook))
    cells = {cell.get("id"): cell for cell in notebook["cells"]}
    wanted = set()
    for entry in entries:
        cell = cells.get(entry["id"])
        if cell is None:
            raise TaggingError(
                f"lesson {lesson}: no cell has id {entry['id']!r} (role {entry['role']!r}); "
                "update present/cells.json to the lesson's current cell ids"
            )
        check_role(lesson, cell, entry["role"])
        wanted.add(entry["id"])
    for cell in notebook["cells"]:
        metadata = cell.setdefault("metadata", {})
        tags = [t for t in metadata.get("tags", []) if t != tag]
        if cell.get("id") in wanted:
            tags.append(tag)
        if tags:
            metadata["tags"] = tags
        else:
            metadata.pop("tags", None)
    return notebook


def serialise(notebook: dict) -> str:
    """The notebook as nbformat writes it (indent 1, sorted keys, UTF-8, final newline)."""
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if not tagged as listed")
    parser.add_argument("--notebooks", type=Path, default=ROOT / "notebooks")
    parser.add_argument("--cells", type=Path, default=CELLS)
    options = parser.parse_args(argv)
    try:
        tag, lessons = load_selection(options.cells)
        stale = []
        for lesson, entries in lessons.items():
            path = find_notebook(options.notebooks, lesson)
            current = json.loads(path.read_text(encoding="utf-8"))
            new = tagged(current, tag, entries, lesson)
            if new == current:  # compared as data: a file nbformat formatted otherwise is left alone
                print(f"{path.name}: tagged as listed ({len(entries)} cells)")
                continue
            stale.append(path.name)
            if not options.check:
                path.write_text(serialise(new), encoding="utf-8")
                print(f"{path.name}: tagged {len(entries)} cells '{tag}'")
    except TaggingError as error:
        print(f"tag_presentation: {error}", file=sys.stderr)
        return 2
    if options.check and stale:
        print(f"not tagged as present/cells.json lists: {', '.join(stale)}; "
              "run python scripts/tag_presentation.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
