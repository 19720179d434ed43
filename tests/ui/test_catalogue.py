"""Every string a person sees has Chinese, and the shipped catalogue is the current one."""
from __future__ import annotations

import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import translations  # noqa: E402  (tools/translations.py)


def _messages(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")}


def test_every_ui_and_core_string_has_chinese():
    ui_missing, core_missing = translations.missing_translations()
    assert ui_missing == [], "run tools/translations.py and add Chinese to resources/translations/zh_CN/*.json"
    assert core_missing == []


def test_the_shipped_catalogue_holds_every_current_string():
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        translations.run_lupdate(fresh)
        current = _messages(fresh)
    shipped = _messages(translations.TS)
    assert current - shipped == set(), "run tools/translations.py to rebuild the .ts/.qm"
    root = ET.parse(translations.TS).getroot()
    assert not [m for m in root.iter("translation") if m.get("type") == "unfinished"]


def test_the_shipped_qm_translates_what_the_ts_says(qapp):
    """The .qm the app loads was built from the current .ts: every Chinese text in the .ts is
    what Qt hands out, so a .ts edited without rebuilding (tools/translations.py) fails here."""
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(translations.QM))
    expected, loaded = {}, {}
    for context in ET.parse(translations.TS).getroot().iter("context"):
        name = context.findtext("name")
        for m in context.iter("message"):
            numerus = m.get("numerus") == "yes"
            text = m.find("translation").findtext("numerusform") if numerus else m.findtext("translation")
            key = (name, m.findtext("source"))
            expected[key] = text
            loaded[key] = translator.translate(name, key[1], m.findtext("comment"), 1 if numerus else -1)
    assert loaded == expected
    assert translator.translate("GoalsTab", "All periods") == "全部周期"
