"""Translation of the messages core produces (errors, CLI output), without Qt.

The UI translates its own strings with Qt's ``tr()`` and the ``.qm`` catalogue; core's
messages reach the owner through the CLI and through error banners, so they are translated
here from the same Chinese glossary files (``resources/translations/zh_CN/*.json``,
``{"English source": "中文"}``), which ``tools/translations.py`` also feeds into the ``.ts``.
"""
from __future__ import annotations

import json
import locale
import os
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


@lru_cache(maxsize=4)
def catalog(code: str) -> dict[str, str]:
    folder = resource("translations", code)
    merged: dict[str, str] = {}
    if folder.is_dir():
        for path in sorted(folder.glob("*.json")):
            merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def t(text: str, /, **kwargs: object) -> str:
    """Translate ``text`` to the current language and fill ``{placeholders}``."""
    if _language != "en":
        text = catalog(_language).get(text, text)
    return text.format(**kwargs) if kwargs else text
