"""The course language, chosen once for every lesson: ``python -m cqlab language zh``.

Where the language comes from, first match wins:

1. ``CQLAB_LANGUAGE`` in the environment (``make lab LANGUAGE=zh`` sets it; a hub can set it per user) —
   not ``LANG``, which comes from the machine's locale and says nothing about the reader;
2. the user setting that ``python -m cqlab language zh`` writes (a small JSON file in the user's config
   folder, so it holds for every lesson and every later session);
3. English.

Inside a lesson ``cqlab.set_language("zh")`` changes it for that kernel only.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ENVIRONMENT_VARIABLE = "CQLAB_LANGUAGE"
LANGUAGES = {"en": "English", "zh": "中文 (Chinese)"}
ALIASES = {"english": "en", "chinese": "zh", "中文": "zh", "cn": "zh", "zh-cn": "zh", "zh_cn": "zh", "en-us": "en"}


def settings_file() -> Path:
    """The user's settings file (``CQLAB_SETTINGS`` overrides it, e.g. in tests)."""
    if os.environ.get("CQLAB_SETTINGS"):
        return Path(os.environ["CQLAB_SETTINGS"])
    from platformdirs import user_config_dir

    return Path(user_config_dir("cqlab", appauthor=False)) / "settings.json"


def normalise(language: object) -> str | None:
    """'en' or 'zh' for a language a student may write ('Chinese', '中文', 'ZH'), else None."""
    if not isinstance(language, str):
        return None
    key = language.strip().lower()
    key = ALIASES.get(key, key)
    return key if key in LANGUAGES else None


def saved_language() -> str | None:
    try:
        return normalise(json.loads(settings_file().read_text(encoding="utf-8")).get("language"))
    except (OSError, ValueError, AttributeError):
        return None


def configured_language() -> tuple[str, str]:
    """(language, where it came from) by the order above; an unknown value is skipped, and said so."""
    value = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if value:
        language = normalise(value)
        if language:
            return language, f"the {ENVIRONMENT_VARIABLE} environment variable"
        print(f"cqlab: {ENVIRONMENT_VARIABLE}={value!r} is not a course language (en or zh); using the next "
              "setting", file=sys.stderr)
    saved = saved_language()
    if saved:
        return saved, f"your setting in {settings_file()}"
    return "en", "the default"


def save_language(language: str) -> Path:
    """Save ``language`` ('en', 'zh' or a name such as 'Chinese') as the course language for every lesson."""
    from cqlab.errors import CqlabInputError, _say, describe

    code = normalise(language)
    if code is None:  # CqlabInputError is a ValueError, so callers that catch ValueError still do
        raise CqlabInputError(_say(f"{language!r} is not a course language; choose en (English) or zh (中文).",
                                   f"{describe(language)} 不是课程语言;请选择 en(英文)或 zh(中文)。"))
    path = settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    data["language"] = code
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cqlab language",
                                     description="Show or set the course language for every lesson.")
    parser.add_argument("language", nargs="?", help="en (English) or zh (中文); leave out to show the current one")
    if argv is not None and (isinstance(argv, (str, bytes)) or not isinstance(argv, (list, tuple))
                             or not all(isinstance(a, str) for a in argv)):
        from cqlab.errors import CqlabInputError, _say, describe

        raise CqlabInputError(_say(f"argv must be a list of text arguments, e.g. ['zh']; got {describe(argv)}.",
                                   f"argv 必须是文本参数的列表,例如 ['zh'];收到的是 {describe(argv)}。"))
    args = parser.parse_args(argv)
    if args.language is None:
        language, source = configured_language()
        print(f"The course language is {language} ({LANGUAGES[language]}), from {source}.")
        return 0
    try:
        path = save_language(args.language)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    code = normalise(args.language)
    print(f"The course language is now {code} ({LANGUAGES[code]}) for every lesson (saved in {path}). "
          "Restart a running lesson's kernel to use it there.")
    if os.environ.get(ENVIRONMENT_VARIABLE) and normalise(os.environ[ENVIRONMENT_VARIABLE]) != code:
        print(f"Note: {ENVIRONMENT_VARIABLE}={os.environ[ENVIRONMENT_VARIABLE]} is set in this environment and "
              "takes precedence while it is set.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
