"""Charts: Chinese text renders with the bundled font, and the language switch changes labels."""

import warnings

import pytest

import cqlab
from cqlab import charts


@pytest.fixture(autouse=True)
def english_after():
    yield
    cqlab.set_language("en")


def _draw_chinese_chart():
    figure, axes = charts.new_figure()
    axes.bar(["智能网联新能源汽车", "新一代电子信息制造业", "先进材料"], [4993.7, 5885.5, 5320.9])
    axes.set_title("“33618”现代制造业集群:三大万亿级主导产业集群(2023年1-10月)")
    axes.set_ylabel("亿元")
    axes.set_xlabel("集群")
    charts.source_note(figure, "重庆日报;市经济信息委")
    return charts.figure_png(figure)


def test_chinese_title_labels_and_ticks_render_without_missing_glyphs():
    cqlab.set_language("zh")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph is a UserWarning: make it fail the test
        png = _draw_chinese_chart()
    assert png.startswith(b"\x89PNG")


def test_the_cjk_font_file_is_registered_from_the_package():
    from matplotlib import font_manager

    path = charts.register_cjk_font()
    assert path.endswith((".ttc", ".otc", ".otf"))
    assert any(entry.fname == path for entry in font_manager.fontManager.ttflist)


def test_without_the_cjk_font_the_same_chart_would_warn():
    """Guards the test above: it can fail. DejaVu alone lacks CJK glyphs."""
    import matplotlib

    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        with pytest.warns(UserWarning, match="missing from font"):
            _draw_chinese_chart()


def test_language_switch_changes_labels():
    assert cqlab.label("Year", "年份") == "Year"
    cqlab.set_language("zh")
    assert cqlab.label("Year", "年份") == "年份"
    assert charts.axis_unit("亿元") == (1.0, "亿元")
    cqlab.set_language("en")
    assert charts.axis_unit("亿元") == (0.1, "billion yuan")


def test_unknown_language_is_explained():
    with pytest.raises(cqlab.CqlabInputError, match="language must be one of 'en', 'zh'; got 'fr'"):
        cqlab.set_language("fr")


# --- readable at 100 % zoom: no text under 10 pt (14 px at the course's 100 dpi) --------------------------

def _lesson_widget_classes():
    import importlib
    import inspect

    from cqlab.widgets.base import ChartWidget

    found = []
    for name in ("accounting", "bargaining", "competition", "growth", "innovation", "public_goods", "routes",
                 "start", "toolkit"):
        module = importlib.import_module(f"cqlab.widgets.{name}")
        found += [cls for _, cls in inspect.getmembers(module, inspect.isclass)
                  if issubclass(cls, ChartWidget) and cls is not ChartWidget and cls.__module__ == module.__name__]
    return found


@pytest.mark.parametrize("widget_class", _lesson_widget_classes(), ids=lambda c: c.__name__)
def test_every_chart_text_is_at_least_the_minimum_size(widget_class):
    from matplotlib.text import Text

    from cqlab.charts import MIN_TEXT_PT

    widget = widget_class()
    small = [(t.get_text()[:40], t.get_fontsize()) for t in widget.figure.findobj(Text)
             if t.get_text() and t.get_visible() and t.get_fontsize() < MIN_TEXT_PT]
    assert not small, f"text under {MIN_TEXT_PT} pt in {widget_class.__name__}: {small[:5]}"
    assert widget.figure.dpi * MIN_TEXT_PT / 72 >= 13.5  # a 14 px font: capitals about 10 px tall


def test_show_png_takes_a_widgets_image_value_and_refuses_text():
    """A widget's Image holds its PNG as a memoryview (show_static passes it on); text is refused."""
    import pytest

    from cqlab import charts
    from cqlab.errors import CqlabInputError

    png = charts.figure_png(charts.new_figure()[0])
    charts.show_png(memoryview(png), "alt")
    with pytest.raises(CqlabInputError, match="png must be the bytes of a PNG image"):
        charts.show_png("abc", "alt")
