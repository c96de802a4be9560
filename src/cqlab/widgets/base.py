"""The base of every lesson widget: controls -> model -> one persistent figure -> PNG image.

Why not ``ipywidgets.interact`` with ``plt.show()``? That recreates a figure and a pyplot
state on every move of a slider. Here the figure is made once and redrawn in place, the
PNG goes into an ``ipywidgets.Image`` (so the browser receives one image per change and
nothing flickers), and a wrong input shows a plain message instead of a traceback.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import traitlets

from cqlab.charts import enforce_min_text_size, figure_png, new_figure, show_png
from cqlab.errors import CqlabInputError, _say, describe, expect_choice, expect_number, expect_text
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

    A slider would clamp an out-of-range value without a word (beta=2 would become 1), and an integer
    slider would cut 2.5 to 2; the widget rejects both instead, with the same message a model function gives.
    """
    return expect_number(value, name, minimum=minimum, maximum=maximum, integer=integer)


def arg_choice(value, name: str, options):
    """Check a constructor argument against a choice control's options (values, not labels)."""
    values = [o[1] if isinstance(o, tuple) else o for o in options]
    return _choice(value, name, values)


def _choice(value, name: str, values):
    """expect_choice, except that True/False never pass for 1/0 (True == 1 in Python)."""
    values = list(values)
    if isinstance(value, bool) and not any(isinstance(v, bool) for v in values):
        shown = ", ".join(repr(v) for v in values)
        raise CqlabInputError(_say(f"{name} must be one of {shown}; got {describe(value)}.",
                                   f"{name} 必须是以下之一:{shown};收到的是 {describe(value)}。"))
    return expect_choice(value, name, values)


def expect_result(result, name: str, kind=None, keys=(), example: str = ""):
    """Check what a drawing helper is given to draw: an instance of ``kind`` (a model's result class) or a
    dict with ``keys`` (a widget's ``result``); return it. Anything else gets cqlab's message, not an
    AttributeError from deep inside matplotlib."""
    ok = isinstance(result, kind) if kind is not None else (
        isinstance(result, dict) and all(k in result for k in keys))
    if not ok:
        what = kind.__name__ if kind is not None else "a dict with " + ", ".join(map(repr, keys))
        hint = f", e.g. {example}" if example else ""
        hint_zh = f"(例如 {example})" if example else ""
        raise CqlabInputError(_say(f"{name} must be {what}{hint}; got {describe(result)}.",
                                   f"{name} 必须是 {what}{hint_zh};收到的是 {describe(result)}。"))
    return result


def control_name(key: str, control) -> str:
    """How a message names a control: its key in ``widget.controls`` and, if it has one, its description."""
    description = str(getattr(control, "description", "") or "").strip()
    return f"{key} ({description})" if description and description != key else key


class _StudentNumber:
    """Mixin for a number trait: the value a student sets is checked by cqlab's validator first.

    traitlets would cast "2023" to 2023.0 and True to 1.0, refuse "abc" with its own TraitError, and a
    slider would clamp 5 to its maximum and an integer slider cut 2.5 to 2, all without cqlab's words.
    """

    integer = False

    def validate(self, obj, value):
        expect_number(value, getattr(obj, "_cqlab_name", "value"), minimum=getattr(obj, "min", None),
                      maximum=getattr(obj, "max", None), integer=self.integer)
        return super().validate(obj, value)


class _StudentFloat(_StudentNumber, traitlets.CFloat):
    pass


class _StudentInt(_StudentNumber, traitlets.CInt):
    integer = True


class _StudentText(traitlets.Unicode):
    """A text trait whose wrong value (a number, None, a list) gets cqlab's message, not a TraitError."""

    def validate(self, obj, value):
        expect_text(value, getattr(obj, "_cqlab_name", "value"))
        return super().validate(obj, value)


class _NotNone:
    """Mixin for a selection's value, index or label trait: None (no selection) is refused in cqlab's words.

    traitlets lets None through a trait that allows it without any validator, so a choice set to None
    would reach the chart unchecked; these traits allow no None and say so.
    """

    allow_none = False  # a class attribute: traitlets' allow_none=False argument does not override Any's True

    def validate(self, obj, value):
        if value is None:
            name = getattr(obj, "_cqlab_name", "value")
            if self.name == "options":
                raise _fixed_options(name, obj._options_values, value)
            part = "" if self.name == "value" else f".{self.name}"
            choices = obj._options_values if self.name == "value" else (
                obj._options_labels if self.name == "label" else range(len(obj._options_values)))
            expect_choice(None, f"{name}{part}", choices)  # raises, naming the choices
        validate = getattr(super(), "validate", None)  # traitlets.Any has no validate of its own
        return validate(obj, value) if validate is not None else value


class _ChoiceValue(_NotNone, traitlets.Any):
    pass


class _ChoiceIndex(_NotNone, traitlets.Int):
    pass


class _ChoiceLabel(_NotNone, traitlets.Unicode):
    pass


class _ChoiceOptions(_NotNone, traitlets.Any):
    pass


def _fixed_options(name: str, fixed, value) -> CqlabInputError:
    shown = ", ".join(repr(v) for v in fixed)
    return CqlabInputError(_say(
        f"The options of {name} are fixed ({shown}): only their labels may change; got {describe(value)}.",
        f"{name} 的选项是固定的({shown}):只能更改其标签;收到的是 {describe(value)}。"))


_CHECKED_CLASSES: dict = {}


def _checked_class(cls):
    """A subclass of a control's class whose student-settable traits are checked in cqlab's words (made once)."""
    if cls not in _CHECKED_CLASSES:
        traits = cls.class_traits()
        if issubclass(cls, widgets.widget_selection._Selection):
            replace = {"value": _ChoiceValue, "index": _ChoiceIndex, "label": _ChoiceLabel,
                       "options": _ChoiceOptions}
        else:
            trait = traits["value"]
            kind = (_StudentInt if isinstance(trait, traitlets.CInt) else
                    _StudentFloat if isinstance(trait, traitlets.CFloat) else _StudentText)
            replace = {"value": kind}
        attrs = {"__module__": cls.__module__, "__qualname__": cls.__qualname__, "__doc__": cls.__doc__}
        for key, kind in replace.items():
            trait = traits[key]
            metadata = {k: v for k, v in trait.metadata.items() if k != "help"}
            attrs[key] = kind(trait.default_value, help=trait.help, allow_none=False).tag(**metadata)
        _CHECKED_CLASSES[cls] = type(cls.__name__, (cls,), attrs)
    return _CHECKED_CLASSES[cls]


def _check_instance(control, name: str) -> None:
    """Name the control for messages and give it the checked traits (the traits' own way to change one
    instance's traits, as HasTraits.add_traits does, with the class made once per control class)."""
    control._cqlab_name = name
    checked = _checked_class(type(control)) if type(control) not in _CHECKED_CLASSES.values() else type(control)
    control.__class__ = checked


def guard_value(control, name: str) -> None:
    """Make a number or text control refuse a wrong value in cqlab's words, before traitlets sees it.

    ``slider.value = 5`` on a slider that ends at 2 raises CqlabInputError ("... must be at most 2; got 5")
    instead of becoming 2; ``slider.value = "abc"`` or ``True`` is refused with the same message as a
    model function gives. (Logarithmic sliders, whose min and max are exponents, are left as they are.)
    """
    if isinstance(control, widgets.FloatLogSlider) or "value" not in control.class_traits():
        return
    trait = control.class_traits()["value"]
    if not isinstance(trait, (traitlets.CInt, traitlets.CFloat, traitlets.Unicode)):
        return
    _check_instance(control, name)


def guard_choices(control, name: str) -> None:
    """Make a choice control (Dropdown, ToggleButtons ...) reject an unknown value in cqlab's words.

    Setting ``control.value = 'fr'`` then raises CqlabInputError naming the value and the choices,
    instead of traitlets' "Invalid selection: value not found"; so do an index out of range, an unknown
    label, and new options (the widget's choices are fixed: only their labels may change).
    """
    _check_instance(control, name)
    validators = control._trait_validators
    original = {key: validators.get(key) for key in ("value", "index", "label", "options")}

    def then(key, obj, proposal):
        return original[key](obj, proposal) if original[key] is not None else proposal.value

    def check_value(obj, proposal):
        _choice(proposal.value, name, obj._options_values)
        return then("value", obj, proposal)

    def check_index(obj, proposal):
        expect_number(proposal.value, f"{name}.index", minimum=0, maximum=len(obj._options_values) - 1,
                      integer=True)
        return then("index", obj, proposal)

    def check_label(obj, proposal):
        expect_choice(proposal.value, f"{name}.label", obj._options_labels)
        return then("label", obj, proposal)

    fixed = tuple(control._options_values)

    def check_options(obj, proposal):
        try:
            new = tuple(v for _, v in widgets.widget_selection._make_options(proposal.value))
            same = len(new) == len(fixed) and all(
                type(a) is type(b) and bool(a == b) for a, b in zip(new, fixed))
        except (TypeError, ValueError):
            same = False
        if not same:
            raise _fixed_options(name, fixed, proposal.value)
        return then("options", obj, proposal)

    for key, check in (("value", check_value), ("index", check_index), ("label", check_label),
                       ("options", check_options)):
        control._register_validator(check, (key,))


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
                guard_choices(control, control_name(key, control))
            else:
                guard_value(control, control_name(key, control))
            control.observe(self._on_change, names="value")
        adapt_widget(self)  # the display style (CQLAB_STYLE): present widens labels and the chart
        self.refresh()
        if self.error is not None:
            # arguments that pass each control's check but not the model together (e.g. a probability too
            # small to compute with) are refused at construction: there is no last valid chart to keep
            raise CqlabInputError(self.error)

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
