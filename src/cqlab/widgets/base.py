"""The base of every lesson widget: controls -> model -> one persistent figure -> PNG image.

Why not ``ipywidgets.interact`` with ``plt.show()``? That recreates a figure and a pyplot
state on every move of a slider. Here the figure is made once and redrawn in place, the
PNG goes into an ``ipywidgets.Image`` (so the browser receives one image per change and
nothing flickers), and a wrong input shows a plain message instead of a traceback.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from cqlab.charts import enforce_min_text_size, figure_png, new_figure, show_png
from cqlab.errors import CqlabInputError, describe, expect_choice, expect_number
from cqlab.i18n import label
from cqlab.style import adapt_widget

MAIN_CONTROL_CLASS = "cqlab-main-control"
CHART_CLASS = "cqlab-chart"
RESULT_CLASS = "cqlab-result"
MESSAGE_CLASS = "cqlab-message"

#: What a reader sees in a widget's place before the lesson runs (the saved notebook keeps no widget state,
#: so a viewer without a kernel shows this text instead of the widget tree's repr).
PLACEHOLDER = "▶ Interactive widget: run this cell (or Run All) to use it. 运行此单元格即可使用交互控件。"


def _fit_narrow_panes(control) -> None:
    """Let a control shrink with its pane (two lessons side by side, ~420 px) without cutting its text:
    option buttons as wide as their labels, wrapping onto a second line when the pane is narrow."""
    if control.layout.max_width is None:
        # the pane's width less the control's own margins (2 px a side in ipywidgets' CSS): at 100 % a
        # slider's readout ended 2-4 px past the output's right edge in a 440 px pane
        control.layout.max_width = "calc(100% - 6px)"
    if isinstance(control, widgets.ToggleButtons):
        if not getattr(control.style, "button_width", ""):
            control.style.button_width = "auto"
        control.layout.flex_flow = "row wrap"
        control.layout.height = "auto"
    elif isinstance(control, (widgets.IntSlider, widgets.FloatSlider)) and not control.layout.flex_flow:
        # a long description leaves the track its minimum width; rather than push the readout out of the
        # pane, let the row wrap (the readout goes under the track when there is no room beside it)
        control.layout.flex_flow = "row wrap"


class Panel(widgets.VBox):
    """A VBox whose text fallback is the run-this-cell line, not its children's repr."""

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        if isinstance(bundle, dict):
            bundle["text/plain"] = PLACEHOLDER
        return bundle


def arg_in_range(value, name: str, minimum: float, maximum: float, *, integer: bool = False) -> float:
    """Check a constructor argument against its control's range with the models' own validator.

    A slider would clamp an out-of-range value without a word (beta=2 would become 1); the widget
    rejects it instead, with the same message a model function gives.
    """
    return expect_number(value, name, minimum=minimum, maximum=maximum, integer=integer)


def arg_choice(value, name: str, options):
    """Check a constructor argument against a choice control's options (values, not labels)."""
    values = [o[1] if isinstance(o, tuple) else o for o in options]
    return expect_choice(value, name, values)


def guard_choices(control, name: str) -> None:
    """Make a choice control (Dropdown, ToggleButtons ...) reject an unknown value in cqlab's words.

    Setting ``control.value = 'fr'`` then raises CqlabInputError naming the value and the choices,
    instead of traitlets' "Invalid selection: value not found".
    """
    original = control._trait_validators.get("value")

    def check(obj, proposal):
        if proposal.value is not None and proposal.value not in list(obj._options_values):
            shown = ", ".join(repr(v) for v in obj._options_values)
            raise CqlabInputError(f"{name} must be one of {shown}; got {describe(proposal.value)}.")
        return original(obj, proposal) if original is not None else proposal.value

    control._register_validator(check, ("value",))


class ChartWidget:
    """Controls that drive one chart and one line of result text.

    Subclasses set ``self.controls`` (name -> widget) before calling ``super().__init__``,
    name the main control, and implement ``compute(**values)`` (call a model function,
    return its result) and ``draw(figure, axes, result)`` and ``describe(result)``.
    ``refresh()`` runs on every change; tests call it by setting a control's ``.value``.
    """

    figsize = (7.5, 4.2)
    nrows, ncols = 1, 1  # panels of the figure; draw() receives an array of axes when there are several

    def __init__(self, controls: dict, main: str):
        self.controls = controls
        self.figure, self.axes = new_figure(self.nrows, self.ncols, figsize=self.figsize)
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="min(760px, 100%)"))
        self.image.add_class(CHART_CLASS)
        self.result_box = widgets.HTML()
        self.result_box.add_class(RESULT_CLASS)
        self.message_box = widgets.HTML()
        self.message_box.add_class(MESSAGE_CLASS)
        self.result = None
        self.error: str | None = None
        for control in controls.values():
            _fit_narrow_panes(control)
        controls[main].add_class(MAIN_CONTROL_CLASS)
        self.main_control = controls[main]
        for key, control in controls.items():
            if isinstance(control, widgets.widget_selection._Selection):
                guard_choices(control, getattr(control, "description", "") or key)
            control.observe(self._on_change, names="value")
        adapt_widget(self)  # the display style (CQLAB_STYLE): present widens labels and the chart
        self.refresh()

    # --- to implement in a lesson widget -------------------------------------------------
    def compute(self, **values):  # pragma: no cover - abstract
        raise NotImplementedError

    def draw(self, figure, axes, result) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def describe(self, result) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    # --- shared machinery ----------------------------------------------------------------
    @property
    def values(self) -> dict:
        """The current value of every control, by name."""
        return {name: control.value for name, control in self.controls.items()}

    def _on_change(self, _change=None) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Recompute and redraw; on a student's wrong input, keep the last chart and explain."""
        try:
            result = self.compute(**self.values)
        except CqlabInputError as error:
            self.error = str(error)
            shown = label("The chart still shows the last valid setting.", "图表仍显示上一次有效的设置。")
            self.message_box.value = (
                f'<div style="color:#b00020">{label("Check the input:", "请检查输入:")} '
                f"{html.escape(str(error))} <i>{shown}</i></div>"
            )
            return
        self.error = None
        self.message_box.value = ""
        self.result = result
        self.result_box.value = self.describe(result)
        axes = self.axes
        for ax in getattr(axes, "flat", [axes]):
            ax.clear()
        for text in list(self.figure.texts):  # source notes are redrawn by draw()
            text.remove()
        for legend in list(self.figure.legends):  # so are figure legends
            legend.remove()
        self.figure.set_layout_engine("constrained")
        self.draw(self.figure, axes, result)
        enforce_min_text_size(self.figure)  # before the layout signature: sizes decide the margins
        self._reuse_layout_if_unchanged()
        self.image.value = figure_png(self.figure)

    def _layout_signature(self) -> tuple:
        """What decides the margins: language, labels, tick-label sizes, titles' line counts, legends.

        When a move of a control leaves all of these as they were, the constrained layout would
        place the axes exactly where it did last time, so the redraw may skip it.
        """
        from cqlab.i18n import get_language

        parts: list = [get_language(), tuple(t.get_text() for t in self.figure.texts), len(self.figure.legends)]
        for ax in self.figure.axes:
            ticks = []
            for axis in (ax.xaxis, ax.yaxis):
                labels = axis.major.formatter.format_ticks(axis.get_majorticklocs()) if ax.axison else []
                ticks.append((max((len(t) for t in labels), default=0),
                              max((t.count("\n") for t in labels), default=0)))
            parts.append((
                ax.get_visible(), ax.axison, ax.get_xlabel(), ax.get_ylabel(), tuple(ticks),
                ax.get_xscale(), ax.get_yscale(), ax.title.get_text().count("\n"), bool(ax.title.get_text()),
                ax.get_legend() is not None,
            ))
        return tuple(parts)

    def _reuse_layout_if_unchanged(self) -> None:
        """Skip the constrained-layout pass (a third of a redraw) when the margins cannot have changed."""
        signature = self._layout_signature()
        if signature == getattr(self, "_last_layout_signature", None):
            self._layouts_with_signature += 1
        else:
            self._layouts_with_signature = 0
        # Constrained layout can need a second pass after a big change (e.g. a language switch) to settle;
        # freeze only once two full layouts with this signature have run.
        if self._layouts_with_signature >= 2:
            self.figure.set_layout_engine("none")  # the axes keep the positions of the last layout
        self._last_layout_signature = signature

    def show_static(self, alt: str) -> None:
        """Display the current chart as a static PNG (reusing the rendered image), for readers without a kernel."""
        show_png(self.image.value, alt=alt)

    def layout(self):
        """The widget tree: controls on top, then messages, the chart and the result."""
        return Panel(  # its text fallback is the run-this-cell line
            [widgets.VBox(list(self.controls.values())), self.message_box, self.image, self.result_box]
        )

    def _ipython_display_(self):
        from IPython.display import display

        display(self.layout())
