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


def test_displayed_headers_follow_the_language_and_the_data_keep_their_keys():
    import cqlab

    frame = pd.DataFrame({"indicator": ["GDP"], "value": [1.0], "my_own_column": [2]})
    try:
        cqlab.set_language("zh")
        shown = tables.displayed(frame)
        assert list(shown.columns) == ["指标", "数值", "my_own_column"]
        assert list(frame.columns) == ["indicator", "value", "my_own_column"]  # the lesson's frame is untouched
        cqlab.set_language("en")
        assert tables.displayed(frame) is frame
    finally:
        cqlab.set_language("en")



def test_in_chinese_axis_names_and_shown_tables_get_chinese_headers_too():
    """An index named "year", a cross-table's axis names and a table shown with show()/to_html() all read in
    Chinese; labels given by the lesson win over the course's own; the frame keeps its English names."""
    import cqlab

    cross = pd.DataFrame([[1, 2]], index=pd.Index(["A"], name="by output per mu"),
                         columns=pd.Index(["A", "B"], name="by chosen score"))
    yearly = pd.DataFrame({"mean": [1.0], "flag": [True]}, index=pd.Index([2020], name="year"))
    try:
        cqlab.set_language("zh")
        shown = tables.displayed(cross)
        assert shown.index.name == "按亩均产出" and shown.columns.name == "按所选得分"
        html = tables.to_html(yearly, labels={"flag": ("flagged", "被标记")})
        assert "年份" in html and "均值" in html and "被标记" in html and "flag" not in html
        assert "年份" in tables.to_text(yearly)
        assert cross.index.name == "by output per mu" and yearly.index.name == "year"  # untouched
        cqlab.set_language("en")
        assert "year" in tables.to_html(yearly) and "年份" not in tables.to_html(yearly)
    finally:
        cqlab.set_language("en")

def test_a_notebook_shows_dataframes_with_displayed_headers():
    from IPython.core.interactiveshell import InteractiveShell

    import cqlab

    shell = InteractiveShell.instance()
    assert tables.install_display_headers()
    frame = pd.DataFrame({"value": [1.0]})
    try:
        cqlab.set_language("zh")
        data, _ = shell.display_formatter.format(frame)
        assert "数值" in data["text/html"] and "数值" in data["text/plain"]
        cqlab.set_language("en")
        data, _ = shell.display_formatter.format(pd.DataFrame({"value": [1.0, math.nan]}))
        assert "<th>value</th>" in data["text/html"] and "NaN" not in data["text/html"] + data["text/plain"]
        assert tables.GAP in data["text/plain"]
    finally:
        cqlab.set_language("en")
        InteractiveShell.clear_instance()


def test_in_chinese_categorical_values_are_shown_in_chinese_and_the_data_keep_them():
    import cqlab

    frame = pd.DataFrame({"confidence": ["verified", "partial"], "period_type": ["full-year", "target"],
                          "note": ["verified by hand", "partial"]})
    try:
        cqlab.set_language("zh")
        shown = tables.displayed(frame)
        assert list(shown["可信度"]) == ["已核实", "部分核实"] and list(shown["时期类型"]) == ["全年", "目标"]
        assert list(shown["备注"]) == ["verified by hand", "partial"]  # free text is not a category
        html = tables.to_html(frame)
        assert "已核实" in html and "全年" in html
        assert list(frame["confidence"]) == ["verified", "partial"]  # the lesson's frame is untouched
    finally:
        cqlab.set_language("en")
    assert "verified" in tables.to_text(frame) and "已核实" not in tables.to_text(frame)


def test_bad_options_get_cqlabs_message_naming_the_parameter():
    import numpy as np
    import pytest

    from cqlab.errors import CqlabInputError

    cases = [
        (dict(frame=None), "frame must be a table"),
        (dict(frame=frame(), caption=2023), "caption must be text"),
        (dict(frame=frame(), index=np.array([1, 2])), "index must be True or False"),
        (dict(frame=frame(), formats=3), "formats must be a format"),
        (dict(frame=frame(), formats={"shares": "{:.0%}"}), "Did you mean 'share'?"),
        (dict(frame=frame(), formats={"share": 2}), "formats['share'] must be a format"),
        (dict(frame=frame(), formats="{:.2q}"), "formats: the format '{:.2q}' for column 'entities'"),
        (dict(frame=frame(), labels="value"), "labels must map columns to headers"),
        (dict(frame=frame(), labels={"share": 1}), "labels['share'] must be a header"),
    ]
    for function in (tables.to_html, tables.to_text):
        for kwargs, expected in cases:
            with pytest.raises(CqlabInputError, match=expected.replace("[", r"\[").replace("(", r"\(").replace("{", r"\{")):
                function(**kwargs)


def test_one_format_for_all_columns_leaves_text_alone_and_a_series_is_a_table():
    mixed = pd.DataFrame({"name": ["a", "b"], "value": [1.234, 2.5]})
    text = tables.to_text(mixed, formats="{:.1f}")
    assert "1.2" in text and "a" in text
    with pytest_raises_cqlab("cannot write its value 'a'"):
        tables.to_text(mixed, formats={"name": "{:.1f}"})
    assert "1.234" in tables.to_text(mixed["value"])


def pytest_raises_cqlab(fragment):
    import pytest

    from cqlab.errors import CqlabInputError

    return pytest.raises(CqlabInputError, match=fragment)
