"""The student edition works: the package imports, every dataset loads, every exercise opens."""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_dataset_loads():
    from cqlab import data

    names = data.names()
    assert names
    for name in names:
        assert len(data.load(name)) > 0, name


def test_every_exercise_notebook_opens_with_its_checks():
    notebooks = sorted(ROOT.glob("exercises/*/*.ipynb"))
    assert notebooks
    for path in notebooks:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        assert notebook["cells"], path
        assert sorted((path.parent / "tests").glob("q*.py")), f"{path} has no checks beside it"


def test_every_lesson_opens():
    lessons = sorted(ROOT.glob("notebooks/*.ipynb"))
    assert lessons
    for path in lessons:
        assert json.loads(path.read_text(encoding="utf-8"))["cells"], path
