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
    assert translations.QM.stat().st_mtime >= 0 and translations.QM.stat().st_size > 10_000
