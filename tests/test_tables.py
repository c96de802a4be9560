"""Tables show gaps as gaps and whole numbers as whole numbers, with nothing that changes between runs."""

import math

import pandas as pd

from cqlab import tables


def frame():
    return pd.DataFrame({"entities": [55000.0, math.nan], "share": [0.25, 0.5]}, index=["a", "b"])


def test_gaps_and_counts():
    text = tables.to_text(frame(), formats={"share": "{:.0%}"})
    assert "55,000" in text and "55,000.0" not in text and "NaN" not in text and tables.GAP in text
    assert "25%" in text


def test_html_has_the_caption_and_no_object_address():
    html = tables.to_html(frame(), caption="Firms (count)", labels={"entities": "市场主体"})
    assert "<caption>Firms (count)</caption>" in html and "市场主体" in html
    assert "0x" not in html and "NaN" not in html


def test_show_publishes_html_and_text(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, raw=False: shown.append((obj, raw)))
    tables.show(frame())
    (bundle, raw), = shown
    assert raw and set(bundle) == {"text/html", "text/plain"}
