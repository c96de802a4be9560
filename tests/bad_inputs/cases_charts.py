"""Bad arguments to the chart helpers, the language switch, the glossary box and the drawing helpers."""

from cqlab import charts, glossary, i18n, settings
from cqlab.widgets.bargaining import draw_split
from cqlab.widgets.toolkit import cadence_name, ladder_names
from tests.bad_inputs import Case

CASES = [
    Case("label() asked for French", lambda: i18n.label("a", "甲", language="fr"), "one of 'en', 'zh'; got 'fr'"),
    Case("label() given a column for the language",
         lambda: i18n.label("a", "甲", language=__import__("numpy").array(["en", "zh"])), "must be one of 'en', 'zh'"),
    Case("label() given a number for the English text", lambda: i18n.label(float("nan"), "甲"), "must be text"),
    Case("a figure of 10**6 rows of panels", lambda: charts.new_figure(10**6), "nrows must be at most 6"),
    Case("a figure size given as text", lambda: charts.new_figure(1, 1, "abc"), "figsize must be (width, height)"),
    Case("a source note that is not text", lambda: charts.source_note(charts.new_figure()[0], None), "must be text"),
    Case("a drawing helper given None for the axes",
         lambda: draw_split(charts.new_figure()[0], None, None), "axes must be one matplotlib axes"),
    Case("show_png given text", lambda: charts.show_png("abc", "alt"), "png must be the bytes of a PNG image"),
    Case("an unknown cadence's name", lambda: cadence_name("Week"), "got 'Week'"),
    Case("an unknown ladder's names", lambda: ladder_names(None), "got None"),
    Case("the glossary box started with a number", lambda: glossary.search_widget(5), "must be text"),
    Case("saving French as the course language", lambda: settings.save_language("fr"), "is not a course language"),
]
