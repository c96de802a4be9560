"""Display styles: ``default`` for a screen at arm's length, ``present`` for a projector in a room.

The style is chosen once per kernel by the environment variable ``CQLAB_STYLE`` (``python -m cqlab
present`` sets it for the lesson it shows). Charts (:mod:`cqlab.charts`) take their extra matplotlib
settings from :func:`chart_settings`; widgets (:mod:`cqlab.widgets.base`) pass themselves to
:func:`adapt_widget`. With the default style both do nothing, so a lesson looks as it always did.
"""

from __future__ import annotations

import os
import re

from cqlab.errors import expect_choice

STYLE_VARIABLE = "CQLAB_STYLE"
STYLES = ("default", "present")

#: How much wider the present style makes the widgets' labels and fixed-width controls: its control
#: text is 24 px (see present/voila/templates/cqlab-present/static/present.css) against 13 px.
PRESENT_WIDGET_SCALE = 1.8

#: matplotlib settings of the present style, on top of the house style. Type grows by about a fifth
#: (more would push the lessons' longer titles past a 7.5-inch chart) and the chart is rendered at
#: 192 dpi, twice the house style's: shown at a projector page's width (~1440 px) every text keeps
#: its share of the chart, so a 12 pt tick label is ~30 px high on the screen, as on a slide.
PRESENT_CHART_SETTINGS = {
    "font.size": 12,
    "axes.titlesize": 14,
    "axes.labelsize": 13,
    "xtick.labelsize": 12,
    "ytick.labelsize": 12,
    "legend.fontsize": 12,
    "figure.titlesize": 15,
    "lines.linewidth": 2.4,
    "lines.markersize": 7,
    "figure.dpi": 192,
    "savefig.dpi": 192,
}


def current_style() -> str:
    """The display style this kernel uses: ``CQLAB_STYLE``, or "default" when it is unset."""
    value = os.environ.get(STYLE_VARIABLE, "").strip().lower() or "default"
    return expect_choice(value, f"the {STYLE_VARIABLE} environment variable", STYLES)


def chart_settings(style: str | None = None) -> dict:
    """The matplotlib settings that ``style`` adds to the house style (none for "default")."""
    style = current_style() if style is None else expect_choice(style, "style", STYLES)
    return dict(PRESENT_CHART_SETTINGS) if style == "present" else {}


_PIXELS = re.compile(r"^\s*(\d+(?:\.\d+)?)px\s*$")


def _scaled(value, factor: float):
    """``"110px"`` times ``factor`` (as whole pixels); any other value unchanged."""
    match = _PIXELS.match(value) if isinstance(value, str) else None
    return f"{round(float(match.group(1)) * factor)}px" if match else value


def adapt_widget(widget, style: str | None = None) -> None:
    """Fit a lesson widget (a ``ChartWidget``) to ``style``: in "present", wider labels and controls
    for the larger type, and a chart as wide as the page. Each layout or style object is scaled
    once, even when several controls share it."""
    style = current_style() if style is None else expect_choice(style, "style", STYLES)
    if style != "present":
        return
    widget.image.layout.max_width = "100%"
    widget.image.layout.width = "100%"
    seen: set[int] = set()
    for control in widget.controls.values():
        for part, names in ((getattr(control, "style", None), ("description_width",)),
                            (getattr(control, "layout", None), ("width", "min_width", "max_width"))):
            if part is None or id(part) in seen or getattr(part, "_cqlab_presented", False):
                continue
            seen.add(id(part))
            for name in names:
                if part.has_trait(name):
                    setattr(part, name, _scaled(getattr(part, name), PRESENT_WIDGET_SCALE))
            part._cqlab_presented = True
