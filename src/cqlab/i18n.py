"""One switch for the language of chart labels, widget text, result lines and displayed table headers.

A kernel starts in the course language (:mod:`cqlab.settings`: ``CQLAB_LANGUAGE``, then the user's
``python -m cqlab language`` setting, then English); ``set_language`` changes it for this kernel.
Data column keys stay English in every language: only what is displayed is translated.
"""

from __future__ import annotations

from cqlab.errors import expect_choice

LANGUAGES = ("en", "zh")
def _initial_language() -> str:
    from cqlab.settings import configured_language

    return configured_language()[0]


_state = {"language": _initial_language()}


def set_language(language: str) -> None:
    """Set the language of chart labels: "en" (English) or "zh" (Chinese)."""
    from cqlab.settings import normalise

    language = normalise(language) or language
    expect_choice(language, "language", LANGUAGES)
    _state["language"] = language


def get_language() -> str:
    """Return the current label language, "en" or "zh"."""
    return _state["language"]


class language_context:
    """Use a language for a block of code and restore the previous one: ``with language_context("zh"):``."""

    def __init__(self, language: str):
        self.language = language

    def __enter__(self):
        self.previous = get_language()
        set_language(self.language)
        return self

    def __exit__(self, *exc):
        set_language(self.previous)
        return False


def label(en: str, zh: str, language: str | None = None) -> str:
    """Return the English or the Chinese text of a label, by the current language (or ``language``,
    'en' or 'zh', if given). Both texts must be text (str)."""
    if not isinstance(en, str) or not isinstance(zh, str):
        from cqlab.errors import expect_text

        expect_text(en, "en (the English text)", "capital")
        expect_text(zh, "zh (the Chinese text)", "资本")
    if language is None:
        language = _state["language"]
    elif not (isinstance(language, str) and language in LANGUAGES):
        expect_choice(language, "language", LANGUAGES)
    return zh if language == "zh" else en
