"""Presentation mode without a browser: the cell tags, the present style, the command's checks."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from cqlab import present, style
from cqlab.errors import CqlabInputError

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "tag_presentation.py"
LESSONS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def load_script():
    spec = importlib.util.spec_from_file_location("tag_presentation", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tagger = load_script()


def tags_of(path: Path) -> dict[str, list[str]]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return {c["id"]: c["metadata"].get("tags", []) for c in cells}


def without_tags(notebook: dict) -> dict:
    notebook = json.loads(json.dumps(notebook))
    for cell in notebook["cells"]:
        cell["metadata"].pop("tags", None)
    return notebook


# --- the tags ---------------------------------------------------------------------------

def test_every_lesson_from_01_has_a_presentation():
    _, lessons = tagger.load_selection()
    numbers = sorted(p.name[:2] for p in LESSONS if p.name[:2] != "00")
    assert sorted(lessons) == numbers


def test_committed_lessons_are_tagged_as_listed(capsys):
    assert tagger.main(["--check"]) == 0, capsys.readouterr().err


@pytest.fixture
def copy(tmp_path):
    """notebooks/ copied, with every tag but 'present' kept and 'present' removed."""
    for path in LESSONS:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for cell in notebook["cells"]:
            tags = [t for t in cell["metadata"].get("tags", []) if t != "present"]
            cell["metadata"]["tags"] = tags
            if not tags:
                del cell["metadata"]["tags"]
        (tmp_path / path.name).write_text(tagger.serialise(notebook), encoding="utf-8")
    return tmp_path


def test_tagging_adds_exactly_the_listed_cells_and_changes_nothing_else(copy):
    untagged = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in copy.glob("*.ipynb")}
    assert tagger.main(["--check", "--notebooks", str(copy)]) == 1  # not tagged yet
    assert tagger.main(["--notebooks", str(copy)]) == 0
    _, lessons = tagger.load_selection()
    for lesson, entries in lessons.items():
        path = next(copy.glob(f"{lesson}_*.ipynb"))
        tagged_ids = {i for i, tags in tags_of(path).items() if "present" in tags}
        assert tagged_ids == {e["id"] for e in entries}, lesson
        after = json.loads(path.read_text(encoding="utf-8"))
        # sources, outputs, other tags (nbval-ignore-output ...) all as they were
        assert without_tags(after) == without_tags(untagged[path.name])
        other = {i: [t for t in tags if t != "present"] for i, tags in tags_of(path).items()}
        before = {c["id"]: c["metadata"].get("tags", []) for c in untagged[path.name]["cells"]}
        assert other == before
    # and the result is what is committed: same bytes as the repository's lessons
    for path in LESSONS[1:]:
        assert (copy / path.name).read_bytes() == path.read_bytes(), path.name


def test_tagging_twice_changes_nothing(copy):
    tagger.main(["--notebooks", str(copy)])
    first = {p.name: p.read_bytes() for p in copy.glob("*.ipynb")}
    assert tagger.main(["--notebooks", str(copy)]) == 0
    assert {p.name: p.read_bytes() for p in copy.glob("*.ipynb")} == first


def test_a_stray_present_tag_is_removed(copy):
    path = next(copy.glob("01_*.ipynb"))
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook["cells"][1]["metadata"]["tags"] = ["present"]  # the Prerequisites table
    path.write_text(tagger.serialise(notebook), encoding="utf-8")
    tagger.main(["--notebooks", str(copy)])
    assert "present" not in tags_of(path)[notebook["cells"][1]["id"]]


def write_cells(tmp_path, lessons) -> Path:
    path = tmp_path / "cells.json"
    path.write_text(json.dumps({"tag": "present", "lessons": lessons}), encoding="utf-8")
    return path


def test_an_unknown_cell_id_is_a_clear_error(copy, tmp_path, capsys):
    cells = write_cells(tmp_path, {"01": [{"id": "nosuchid", "role": "title"},
                                          {"id": "43aade47", "role": "chart"},
                                          {"id": "d35a03ca", "role": "widget"}]})
    assert tagger.main(["--notebooks", str(copy), "--cells", str(cells)]) == 2
    assert "lesson 01: no cell has id 'nosuchid'" in capsys.readouterr().err


def test_a_cell_that_is_not_its_role_is_a_clear_error(copy, tmp_path, capsys):
    cells = write_cells(tmp_path, {"01": [{"id": "c8983d34", "role": "title"},
                                          {"id": "af8d6427", "role": "chart"},  # a markdown cell
                                          {"id": "d35a03ca", "role": "widget"}]})
    assert tagger.main(["--notebooks", str(copy), "--cells", str(cells)]) == 2
    assert "a chart must be a code cell with a PNG output" in capsys.readouterr().err


def test_a_lesson_without_a_widget_is_refused(copy, tmp_path, capsys):
    cells = write_cells(tmp_path, {"01": [{"id": "c8983d34", "role": "title"},
                                          {"id": "43aade47", "role": "chart"}]})
    assert tagger.main(["--notebooks", str(copy), "--cells", str(cells)]) == 2
    assert "lists no widget" in capsys.readouterr().err


# --- the present style ------------------------------------------------------------------

def test_present_chart_settings_enlarge_type_and_resolution(monkeypatch):
    import matplotlib

    monkeypatch.delenv("CQLAB_STYLE", raising=False)
    from cqlab import charts

    assert style.chart_settings("default") == {}
    settings = style.chart_settings("present")
    with matplotlib.rc_context():
        charts.use_house_style()  # the house style alone
        house = dict(matplotlib.rcParams)
    for key in ("axes.titlesize", "axes.labelsize", "figure.dpi"):
        assert settings[key] > house[key], key
    assert settings["xtick.labelsize"] > matplotlib.rcParamsDefault["font.size"]


def test_the_style_variable_reaches_the_chart_style(monkeypatch):
    import matplotlib

    from cqlab import charts

    monkeypatch.setenv("CQLAB_STYLE", "present")
    with matplotlib.rc_context():
        charts.use_house_style()
        figure, _ = charts.new_figure()
        assert figure.dpi == style.PRESENT_CHART_SETTINGS["figure.dpi"]
        assert matplotlib.rcParams["axes.titlesize"] == style.PRESENT_CHART_SETTINGS["axes.titlesize"]


def test_a_wrong_style_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("CQLAB_STYLE", "projector")
    with pytest.raises(CqlabInputError, match="CQLAB_STYLE.*'default', 'present'.*'projector'"):
        style.current_style()


def make_widget():
    import ipywidgets as widgets

    from cqlab.widgets.base import ChartWidget

    shared = widgets.Layout(width="400px")

    class Demo(ChartWidget):
        def __init__(self):
            controls = {
                "a": widgets.IntSlider(value=1, min=0, max=3, description="a", layout=shared,
                                       style={"description_width": "100px"}),
                "b": widgets.IntSlider(value=1, min=0, max=3, description="b", layout=shared),
            }
            super().__init__(controls, main="a")

        def compute(self, a, b):
            return a + b

        def draw(self, figure, axes, result):
            axes.bar([0], [result])

        def describe(self, result):
            return str(result)

    return Demo()


def test_widgets_are_unchanged_in_the_default_style(monkeypatch):
    monkeypatch.delenv("CQLAB_STYLE", raising=False)
    widget = make_widget()
    assert widget.controls["a"].style.description_width == "100px"
    assert widget.controls["a"].layout.width == "400px"
    assert widget.image.layout.max_width == "min(760px, 100%)"  # base.py: shrinks with a narrow pane


def test_present_style_widens_labels_controls_and_chart_once(monkeypatch):
    monkeypatch.setenv("CQLAB_STYLE", "present")
    widget = make_widget()
    scale = style.PRESENT_WIDGET_SCALE
    assert widget.controls["a"].style.description_width == f"{round(100 * scale)}px"
    # the two sliders share one Layout: it is widened once, not twice
    assert widget.controls["b"].layout.width == f"{round(400 * scale)}px"
    assert widget.image.layout.max_width == "100%"
    style.adapt_widget(widget)  # again: nothing grows further
    assert widget.controls["a"].layout.width == f"{round(400 * scale)}px"


# --- the command ------------------------------------------------------------------------

def test_find_lesson_accepts_numbers_and_names():
    lesson = present.find_lesson("1")
    assert lesson.name.startswith("01_")
    assert present.find_lesson("01") == lesson == present.find_lesson(lesson.stem)


def test_an_unknown_lesson_is_a_clear_error():
    with pytest.raises(CqlabInputError, match="no single lesson matches '42'.*01"):
        present.find_lesson("42")


def test_the_command_starts_voila_with_the_course_template_and_style():
    notebook = present.find_lesson("01")
    argv, env = present.voila_command(notebook, 9999, open_browser=False)
    assert argv[1:3] == ["-m", "voila"] and str(notebook) in argv
    assert "--template=cqlab-present" in argv and "--port=9999" in argv and "--no-browser" in argv
    assert "--Voila.ip=127.0.0.1" in argv
    assert env["CQLAB_STYLE"] == "present"
    template = Path(env["JUPYTER_PATH"].split(":")[0]) / "voila" / "templates" / "cqlab-present"
    assert (template / "index.html.j2").is_file()


def test_a_lesson_without_tags_is_refused_with_the_fix(tmp_path):
    source = present.find_lesson("01")
    copy = tmp_path / source.name
    notebook = without_tags(json.loads(source.read_text(encoding="utf-8")))
    copy.write_text(json.dumps(notebook), encoding="utf-8")
    with pytest.raises(CqlabInputError, match="no cell tagged 'present'.*tag_presentation.py"):
        present.check_ready(copy)


def test_missing_npm_assets_are_refused_with_the_fix(tmp_path):
    (tmp_path / "notebooks").mkdir()
    lesson = present.find_lesson("01")
    shutil.copy(lesson, tmp_path / "notebooks" / lesson.name)
    with pytest.raises(CqlabInputError, match="npm install"):
        present.check_ready(tmp_path / "notebooks" / lesson.name, root=tmp_path)


def test_python_m_cqlab_lists_and_dispatches_present(capsys):
    from cqlab.__main__ import main

    assert main(["--help"]) == 0
    assert "present" in capsys.readouterr().out
    assert main(["present", "42", "--no-browser"]) == 2
    assert "no single lesson matches '42'" in capsys.readouterr().err
