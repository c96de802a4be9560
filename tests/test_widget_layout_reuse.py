"""Redraws skip the layout pass only when the margins cannot have changed: axes must sit within 2 px of a
full layout and no text may be clipped, for every lesson widget, across moves of its main control and a
language switch."""

import importlib
import inspect
import pkgutil

import numpy as np
import pytest

import cqlab
import cqlab.widgets as package
from cqlab.widgets.base import ChartWidget


def _widget_classes():
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"cqlab.widgets.{info.name}")
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, ChartWidget) and cls is not ChartWidget and cls.__module__ == module.__name__:
                yield pytest.param(cls, id=f"{info.name}.{name}")


def _axes_boxes_px(widget) -> np.ndarray:
    width, height = widget.figure.get_size_inches() * widget.figure.dpi
    return np.array([np.array(ax.get_position().bounds) * [width, height, width, height]
                     for ax in widget.figure.axes])


def _clipped_texts(widget) -> list[str]:
    """Texts of the last render that stick out of the canvas (what a stale layout could cause)."""
    renderer = widget.figure.canvas.get_renderer()
    canvas = widget.figure.bbox
    clipped = []
    for text in widget.figure.findobj(lambda a: hasattr(a, "get_text") and hasattr(a, "get_window_extent")):
        if not text.get_visible() or not text.get_text().strip() or not text.get_in_layout():
            continue
        box = text.get_window_extent(renderer)
        if box.x0 < canvas.x0 - 1 or box.x1 > canvas.x1 + 1 or box.y0 < canvas.y0 - 1 or box.y1 > canvas.y1 + 1:
            clipped.append(text.get_text())
    return clipped


def _moves(control):
    options = getattr(control, "options", None)
    if options:
        values = [o[1] if isinstance(o, tuple) else o for o in options]
        return values[1:4] + values[:1]
    low, high = control.min, control.max
    moves = [low + (high - low) * f for f in (0.1, 0.35, 0.6, 0.9)]
    # an integer slider refuses 2025.1 (cqlab's message) rather than cutting it to 2025 without a word
    return [round(v) for v in moves] if isinstance(control.value, int) else moves


@pytest.mark.parametrize("cls", list(_widget_classes()))
def test_skipping_the_layout_pass_changes_no_pixel_that_matters(cls):
    widget = cls()
    try:
        for language in ("en", "zh"):
            cqlab.set_language(language)
            widget.refresh()
            for value in _moves(widget.main_control):
                widget.main_control.value = value
                if widget.error:
                    continue
                reused_boxes, reused_clipped = _axes_boxes_px(widget), _clipped_texts(widget)
                widget._last_layout_signature = None  # force full layouts (two, to let them settle)
                widget.refresh()
                widget.refresh()
                fresh_boxes, fresh_clipped = _axes_boxes_px(widget), _clipped_texts(widget)
                assert set(reused_clipped) <= set(fresh_clipped), f"clipped only without the layout pass: {reused_clipped}"
                shift = np.abs(reused_boxes - fresh_boxes).max()
                assert shift <= 2.0, f"axes placed {shift:.1f} px away from a full layout at {value!r} ({language})"
    finally:
        cqlab.set_language("en")


def test_slider_moves_that_keep_the_margins_reuse_the_layout():
    """Guards the test above: it checks something only if redraws really skip the layout pass."""
    from matplotlib.layout_engine import ConstrainedLayoutEngine, PlaceHolderLayoutEngine

    from cqlab.widgets.growth import TargetPathWidget

    widget = TargetPathWidget()
    year = widget.controls["target_year"]
    engines = []
    for step in range(4):
        year.value = year.min + 3 + step % 2
        engines.append(type(widget.figure.get_layout_engine()))
    assert PlaceHolderLayoutEngine in engines
    cqlab.set_language("zh")
    try:
        widget.refresh()  # a language switch changes the margins: full layout again
        assert isinstance(widget.figure.get_layout_engine(), ConstrainedLayoutEngine)
    finally:
        cqlab.set_language("en")
