"""One switch for the language of chart labels and widget text: English or Chinese."""

from __future__ import annotations

from cqlab.errors import expect_choice

LANGUAGES = ("en", "zh")
_state = {"language": "en"}


def set_language(language: str) -> None:
    """Set the language of chart labels: "en" (English) or "zh" (Chinese)."""
    if isinstance(language, str):
        language = language.strip().lower()
        language = {"english": "en", "chinese": "zh", "中文": "zh", "cn": "zh"}.get(language, language)
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
    """Return the English or the Chinese text of a label, by the current language."""
    language = language or _state["language"]
    return zh if language == "zh" else en
