"""Build the Chinese UI catalogue: lupdate → fill from the glossaries → lrelease.

    python tools/translations.py           # update resources/translations/shopdesk_zh_CN.ts and .qm
    python tools/translations.py --check   # exit 1 listing UI or core strings without Chinese

The English source strings live in the code (``self.tr()`` in ui/, ``t()`` in core/). Their
Chinese lives in ``resources/translations/zh_CN/*.json`` ({"English": "中文"}), one file per
area so that parallel work never edits the same file. This script writes those into the
``.ts`` that Qt Linguist also opens, then compiles the ``.qm`` the app loads.
"""
from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "shopdesk_zh_CN.ts"
QM = TS.with_suffix(".qm")
GLOSSARY_DIR = ROOT / "resources" / "translations" / "zh_CN"
# English needs a catalogue too, for plurals only: "%n row(s)" → "1 row" / "2 rows".
EN_TS = ROOT / "resources" / "translations" / "shopdesk_en.ts"
EN_PLURALS = ROOT / "resources" / "translations" / "en_plurals.json"


def glossary() -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted(GLOSSARY_DIR.glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(f"pyside6-{name}")
    return str(exe) if exe.exists() else (shutil.which(f"pyside6-{name}") or f"pyside6-{name}")


def ui_sources() -> list[str]:
    files = [ROOT / "main.py", *sorted((ROOT / "ui").rglob("*.py"))]
    return [str(p.relative_to(ROOT)) for p in files]


def run_lupdate(ts_path: Path, *extra: str) -> None:
    subprocess.run(
        [_tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete", *extra, *ui_sources(), "-ts", str(ts_path)],
        cwd=ROOT, check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def english_plural_forms(source: str, overrides: dict[str, list[str]]) -> list[str]:
    """Singular and plural of a ``%n`` source: "(s)" dropped or kept as "s", "(one|other)" picked
    (the same marks as core's ``t()``, core.i18n), unless listed."""
    if source in overrides:
        return overrides[source]
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # run as a script from tools/
    from core.i18n import english_forms

    return list(english_forms(source))


def build_english() -> None:
    overrides = json.loads(EN_PLURALS.read_text(encoding="utf-8")) if EN_PLURALS.exists() else {}
    run_lupdate(EN_TS, "-pluralonly", "-target-language", "en")
    tree = ET.parse(EN_TS)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        translation.attrib.pop("type", None)
        for form in english_plural_forms(message.findtext("source", ""), overrides):
            ET.SubElement(translation, "numerusform").text = form
    tree.write(EN_TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([_tool("lrelease"), "-silent", str(EN_TS), "-qm", str(EN_TS.with_suffix(".qm"))], check=True)


def fill(ts_path: Path, words: dict[str, str]) -> list[tuple[str, str]]:
    """Write translations into the .ts; returns (context, source) pairs still untranslated."""
    tree = ET.parse(ts_path)
    missing = []
    for context in tree.getroot().iter("context"):
        ctx_name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            chinese = words.get(source)
            if chinese is None:
                missing.append((ctx_name, source))
                translation.set("type", "unfinished")
                continue
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                for child in list(translation):
                    translation.remove(child)
                translation.text = None
                form = ET.SubElement(translation, "numerusform")  # Chinese has one plural form
                form.text = chinese
            else:
                translation.text = chinese
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return missing


# Helpers in core that translate their argument at run time, and which argument is the text:
# the view columns' headers (core/views/catalogue.py ``_c(key, header, …)``).
_TRANSLATED_ARGS = {"t": 0, "_c": 1}


def core_strings() -> set[str]:
    """Every literal passed to core's ``t()`` (and to the helpers that call it for their text)."""
    found: set[str] = set()
    for path in (ROOT / "core").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _TRANSLATED_ARGS:
                position = _TRANSLATED_ARGS[node.func.id]
                if len(node.args) > position and isinstance(node.args[position], ast.Constant) \
                        and isinstance(node.args[position].value, str):
                    found.add(node.args[position].value)
    return found


def missing_translations() -> tuple[list[tuple[str, str]], list[str]]:
    words = glossary()
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "check.ts"
        run_lupdate(ts)
        ui_missing = fill(ts, words)
    core_missing = sorted(s for s in core_strings() if s not in words)
    return ui_missing, core_missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report strings without Chinese")
    args = parser.parse_args()
    if args.check:
        ui_missing, core_missing = missing_translations()
        for ctx, src in ui_missing:
            print(f"ui   [{ctx}] {src!r}")
        for src in core_missing:
            print(f"core {src!r}")
        print(f"{len(ui_missing)} UI and {len(core_missing)} core strings without Chinese")
        return 1 if ui_missing or core_missing else 0
    TS.parent.mkdir(parents=True, exist_ok=True)
    run_lupdate(TS)
    missing = fill(TS, glossary())
    subprocess.run([_tool("lrelease"), "-silent", str(TS), "-qm", str(QM)], check=True)
    build_english()
    print(f"wrote {TS.name}, {QM.name} and {EN_TS.stem}.ts/.qm; {len(missing)} UI strings without Chinese")
    for ctx, src in missing:
        print(f"  [{ctx}] {src!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
