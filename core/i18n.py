"""Translation of the messages core produces (errors, CLI output), without Qt.

The UI translates its own strings with Qt's ``tr()`` and the ``.qm`` catalogue; core's
messages reach the owner through the CLI and through error banners, so they are translated
here from the same Chinese glossary files (``resources/translations/zh_CN/*.json``,
``{"English source": "中文"}``), which ``tools/translations.py`` also feeds into the ``.ts``.

Plurals: an English source marks a word that follows a count with ``(s)`` (or ``(es)``), or
names both forms as ``(singular|plural)`` (letters, spaces and apostrophes): ``t("{n} SKU(s) (has|have) no cost", n=1)`` →
"1 SKU has no cost". Each mark takes the number of the nearest ``{placeholder}`` before it
whose value is an integer (or a whole number already formatted: "1", "1,200"); 1 gives the
singular, any other number the plural. Chinese has one form, so its translation carries no marks.
"""
from __future__ import annotations

import json
import locale
import os
import re
from collections.abc import Iterable
from functools import lru_cache

from core.paths import resource

SUPPORTED = ("en", "zh_CN")
_language = "en"


def system_language() -> str:
    """``zh_CN`` on a Chinese system, else ``en``."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "zh_CN" if code.lower().startswith(("zh", "chinese")) else "en"


def set_language(code: str) -> None:
    global _language
    _language = code if code in SUPPORTED else "en"


def language() -> str:
    return _language


def list_text(items: Iterable[str]) -> str:
    """Names joined as the language lists them: ``淘宝/天猫、京东`` in Chinese, ``Taobao/Tmall, JD`` in
    English (the enumeration comma 、 reads as a stray mark in an English sentence)."""
    return ("、" if _language.startswith("zh") else ", ").join(items)


@lru_cache(maxsize=4)
def catalog(code: str) -> dict[str, str]:
    folder = resource("translations", code)
    merged: dict[str, str] = {}
    if folder.is_dir():
        for path in sorted(folder.glob("*.json")):
            merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


# A placeholder ("{n}", "{gmv:,.2f}"), or a plural mark: "(s)", "(es)", "(singular|plural)".
_MARKS = re.compile(r"\{(\w+)[^{}]*\}|\((s|es)\)|\(([A-Za-z' ]*)\|([A-Za-z' ]+)\)")
_WHOLE_NUMBER = re.compile(r"-?\d[\d,]*")  # a count passed already formatted: "1", "12,000"


def plural_marks(text: str, values: dict[str, object], force: bool = False) -> str:
    """``text`` with each plural mark replaced by the form the nearest integer before it asks for
    (``force``: every mark by the form ``values["n"]`` asks for)."""
    count: object = values["n"] if force else None
    out: list[str] = []
    end = 0
    for m in _MARKS.finditer(text):
        name, suffix, one, other = m.groups()
        if name is not None:
            if force:
                continue
            value = values.get(name)
            if isinstance(value, int) and not isinstance(value, bool):
                count = value
            elif isinstance(value, str) and _WHOLE_NUMBER.fullmatch(value):
                count = int(value.replace(",", ""))
            continue
        out.append(text[end:m.start()])
        singular = count in (1, -1)
        out.append(("" if singular else suffix) if suffix is not None else (one if singular else other))
        end = m.end()
    out.append(text[end:])
    return "".join(out)


def english_forms(text: str) -> tuple[str, str]:
    """The singular and the plural of a text with plural marks, whatever its placeholders: the
    UI's ``%n`` sources (``tools/translations.py`` writes them into the English catalogue)."""
    return plural_marks(text, {"n": 1}, force=True), plural_marks(text, {"n": 2}, force=True)


def t(text: str, /, **kwargs: object) -> str:
    """Translate ``text`` to the current language, pick its plural forms and fill ``{placeholders}``."""
    if _language != "en":
        text = catalog(_language).get(text, text)
    if "(" in text and "{" in text:
        text = plural_marks(text, kwargs)
    return text.format(**kwargs) if kwargs else text
