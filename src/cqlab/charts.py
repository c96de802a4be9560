"""The house style for every chart: one palette, one CJK-capable font, labels in English or Chinese.

The Noto Sans CJK font ships with the ``noto-cjk-sans-otc`` package; it is registered once,
from its file (matplotlib's font cache is not relied upon), and placed after DejaVu Sans so
that Latin text keeps matplotlib's usual look and Chinese glyphs fall back to Noto.
"""

from __future__ import annotations

import io

import matplotlib

from cqlab.i18n import get_language, label

#: Okabe & Ito (2008) colour-blind-safe palette, in the order charts use it.
PALETTE = [
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
]
CJK_FAMILY = "Noto Sans CJK SC"
_registered = {"font": None}


def register_cjk_font() -> str:
    """Register the bundled Noto Sans CJK SC face with matplotlib (once); return the font file's path.

    The file is a collection of ten faces (JP, KR, SC, TC, HK, mono ...). ``addfont`` would parse
    all ten (about 7 MiB and 30 ms in every kernel); only the Simplified Chinese face is needed.
    """
    if _registered["font"] is None:
        import noto_cjk
        from matplotlib import font_manager, ft2font

        path = str(noto_cjk.otc_path("sans"))
        face = ft2font.FT2Font(path, face_index=2)  # the SC face in Noto's published order
        if face.family_name != CJK_FAMILY:  # another packaging: look for it
            count = ft2font.FT2Font(path).num_faces
            face = next(f for f in (ft2font.FT2Font(path, face_index=i) for i in range(count))
                        if f.family_name == CJK_FAMILY)
        font_manager.fontManager.ttflist.append(font_manager.ttfFontProperty(face))
        font_manager.fontManager._findfont_cached.cache_clear()
        _registered["font"] = path
    return _registered["font"]


def use_house_style() -> None:
    """Apply the course's chart style to matplotlib: palette, font, sizes, light grid."""
    register_cjk_font()
    matplotlib.rcParams.update(
        {
            # Two families: matplotlib falls back glyph by glyph along font.family (not along
            # font.sans-serif), so Chinese characters missing from DejaVu come from Noto.
            "font.family": ["DejaVu Sans", CJK_FAMILY],
            "axes.unicode_minus": False,  # the ASCII hyphen exists in every font
            "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "axes.titlesize": 12,
            "axes.titleweight": "normal",  # the bundled CJK font has one weight
            "axes.labelsize": 10,
            "legend.frameon": False,
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "figure.figsize": (7.5, 4.2),
        }
    )
    from cqlab.style import chart_settings  # the display style (CQLAB_STYLE) on top, e.g. present

    matplotlib.rcParams.update(chart_settings())


use_house_style()


def _expect_figure(figure, name: str = "figure"):
    """Check that ``figure`` is a matplotlib Figure (e.g. from new_figure()); return it."""
    from matplotlib.figure import Figure

    if not isinstance(figure, Figure):
        from cqlab.errors import CqlabInputError, _say, describe

        raise CqlabInputError(_say(
            f"{name} must be a matplotlib figure, e.g. the first of figure, axes = new_figure(); got {describe(figure)}.",
            f"{name} 必须是 matplotlib 图形,例如 figure, axes = new_figure() 中的 figure;收到的是 {describe(figure)}。"))
    return figure


def _expect_axes(axes, name: str = "axes", count: int = 1):
    """Check that ``axes`` is one matplotlib Axes (``count`` 1) or a sequence of ``count`` of them; return it."""
    from matplotlib.axes import Axes

    ok = isinstance(axes, Axes) if count == 1 else (
        hasattr(axes, "__len__") and not isinstance(axes, (str, bytes, dict)) and len(axes) == count
        and all(isinstance(a, Axes) for a in axes))
    if not ok:
        from cqlab.errors import CqlabInputError, _say, describe

        what = "one matplotlib axes" if count == 1 else f"{count} matplotlib axes side by side"
        what_zh = "一个 matplotlib 坐标轴" if count == 1 else f"{count} 个并排的 matplotlib 坐标轴"
        example = "new_figure()" if count == 1 else f"new_figure(1, {count})"
        raise CqlabInputError(_say(f"{name} must be {what}, e.g. from figure, axes = {example}; got {describe(axes)}.",
                                   f"{name} 必须是{what_zh},例如 figure, axes = {example};收到的是 {describe(axes)}。"))
    return axes


#: The largest grid of panels and the largest figure (inches) a chart may ask for.
MAX_PANELS, MAX_INCHES = 6, 40.0


def new_figure(nrows: int = 1, ncols: int = 1, figsize=(7.5, 4.2)):
    """Return (figure, axes) without touching pyplot's global state (no figure piles up).

    ``nrows`` and ``ncols``: whole numbers 1-6; ``figsize``: (width, height) in inches, each above 0 and
    at most 40.
    """
    from matplotlib.figure import Figure

    from cqlab.errors import CqlabInputError, _say, describe, expect_count, expect_number

    nrows = expect_count(nrows, "nrows", minimum=1, maximum=MAX_PANELS)
    ncols = expect_count(ncols, "ncols", minimum=1, maximum=MAX_PANELS)
    if isinstance(figsize, (str, bytes, dict)) or not hasattr(figsize, "__len__") or len(figsize) != 2:
        raise CqlabInputError(_say(f"figsize must be (width, height) in inches, e.g. (7.5, 4.2); got {describe(figsize)}.",
                                   f"figsize 必须是(宽, 高),单位英寸,例如 (7.5, 4.2);收到的是 {describe(figsize)}。"))
    figsize = tuple(expect_number(v, f"figsize {part}", minimum=0, allow_min=False, maximum=MAX_INCHES)
                    for v, part in zip(figsize, ("width", "height")))

    figure = Figure(figsize=figsize, layout="constrained")
    axes = figure.subplots(nrows, ncols, squeeze=True)
    return figure, axes


def source_note(figure, text: str) -> None:
    """Write a source line (text) under a chart (a matplotlib figure), e.g. the dataset citation or 'simulated data'."""
    from cqlab.errors import expect_text

    _expect_figure(figure)
    text = expect_text(text, "text (the source note)", "datasets/macro.csv")
    prefix = label("Source: ", "来源:")
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    engine = figure.get_layout_engine()
    if isinstance(engine, ConstrainedLayoutEngine):
        # keep a strip free for the note: one line per ~figure width of text (a CJK glyph is about twice
        # as wide as a Latin one), each line 1.5 x the font size high
        width_px, height_px = figure.get_size_inches() * figure.dpi
        char_px = MIN_TEXT_PT * figure.dpi / 72 * 0.6
        wide = sum(2 if ord(ch) > 0x2E80 else 1 for ch in prefix + text)
        lines = max(1, int(wide * char_px // (width_px * 0.98)) + 1)
        strip = (lines * 1.5 * MIN_TEXT_PT * figure.dpi / 72 + 4) / height_px
        engine.set(rect=(0, strip, 1, 1 - strip))
    figure.text(0.005, 0.002, prefix + text, fontsize=MIN_TEXT_PT, color="#555555", ha="left", va="bottom",
                wrap=True)


#: The smallest text a course chart draws: 10 pt at the course's 100 dpi is a 14 px font (capitals about
#: 10 px tall), readable at 100 % zoom; legends, bar labels and source notes included.
MIN_TEXT_PT = 10.0


def enforce_min_text_size(figure, minimum: float = MIN_TEXT_PT) -> None:
    """Raise every text of ``figure`` smaller than ``minimum`` points (1-72) to it (one rule, not per chart)."""
    from matplotlib.text import Text

    from cqlab.errors import expect_number

    _expect_figure(figure)
    minimum = expect_number(minimum, "minimum (points)", minimum=1, maximum=72)

    for text in figure.findobj(Text):
        if text.get_text() and text.get_fontsize() < minimum:
            text.set_fontsize(minimum)


def figure_png(figure) -> bytes:
    """Render a figure to PNG bytes (what widgets show and tests compare), in one drawing pass.

    ``savefig`` draws a constrained-layout figure twice (once to lay it out, once to paint);
    drawing the Agg canvas once and encoding its buffer gives the same pixels in about half the
    time, which is most of a widget's redraw. Fast zlib level: the PNG is ~4% larger.
    """
    from matplotlib import image
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    _expect_figure(figure)
    enforce_min_text_size(figure)
    canvas = figure.canvas if isinstance(figure.canvas, FigureCanvasAgg) else FigureCanvasAgg(figure)
    canvas.draw()  # runs the layout engine and paints
    buffer = io.BytesIO()
    image.imsave(buffer, canvas.buffer_rgba(), format="png", origin="upper", dpi=figure.dpi,
                 pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def show(figure, alt: str) -> None:
    """Display a figure as a static PNG with alt text, so it reads without a running kernel."""
    from cqlab.errors import expect_text

    _expect_figure(figure)
    expect_text(alt, "alt (the chart's description)", "GDP by year")
    show_png(figure_png(figure), alt)


def show_png(png: bytes, alt: str) -> None:
    """Display PNG bytes (e.g. a widget's current image) with a text description.

    The description goes into the output's text/plain part (what text exports, screen-reader
    friendly front ends and nbval's comparison see) and into the image metadata as ``alt``.
    """
    import base64

    from IPython.display import display

    from cqlab.errors import CqlabInputError, _say, describe, expect_text

    if not isinstance(png, (bytes, bytearray, memoryview)) or not bytes(png[:8]) == b"\x89PNG\r\n\x1a\n":
        raise CqlabInputError(_say(f"png must be the bytes of a PNG image, e.g. figure_png(figure); got {describe(png)}.",
                                   f"png 必须是 PNG 图像的字节,例如 figure_png(figure);收到的是 {describe(png)}。"))
    expect_text(alt, "alt (the chart's description)", "GDP by year")

    bundle = {"image/png": base64.b64encode(png).decode("ascii"), "text/plain": f"[chart] {alt}"}
    display(bundle, raw=True, metadata={"image/png": {"alt": alt}})


def axis_unit(source_unit: str, language: str | None = None) -> tuple[float, str]:
    """Return (multiplier, axis label) to show values given in ``source_unit``.

    Chinese labels keep the Chinese unit; English labels convert 亿元 to billion yuan and
    万亿元 to trillion yuan, so both readers see a unit they count in.
    """
    from cqlab.errors import expect_choice, expect_text

    expect_text(source_unit, "source_unit", "亿元")
    language = get_language() if language is None else expect_choice(language, "language", ("en", "zh"))
    table = {
        "亿元": (0.1, "billion yuan"),
        "万亿元": (1.0, "trillion yuan"),
        "万元": (10.0, "thousand yuan"),
        "元": (1.0, "yuan"),
        "万标箱": (10.0, "thousand TEU"),
        "万户": (10.0, "thousand entities"),
        "万人": (10.0, "thousand people"),
        "万辆": (10.0, "thousand vehicles"),
        "万km": (10.0, "thousand km"),
        "万公里": (10.0, "thousand km"),
        "%": (1.0, "%"),
    }
    if language == "zh":
        return 1.0, source_unit
    return table.get(source_unit, (1.0, source_unit))
