"""The messages of the .ics export, prorated cost and tiers have their Chinese (promo-ics.json or
another glossary), with the same {placeholders}."""
from __future__ import annotations

import ast
import json
import string
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FILES = ["core/promotions_ics.py", "core/promotion_tiers.py", "core/views/__init__.py", "core/cli/export_cmd.py",
         "core/views/catalogue.py", "core/edits/promotions.py"]


def test_every_message_of_these_files_has_chinese_with_its_placeholders():
    catalog: dict[str, str] = {}
    for path in sorted((ROOT / "resources/translations/zh_CN").glob("*.json")):
        catalog.update(json.loads(path.read_text(encoding="utf-8")))
    missing = []
    for name in FILES:
        for node in ast.walk(ast.parse((ROOT / name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t" and node.args \
                    and isinstance(node.args[0], ast.Constant) and node.args[0].value not in catalog:
                missing.append(f"{name}: {node.args[0].value}")
    assert missing == []

    def names(text: str) -> list[str]:
        return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f)

    ours = json.loads((ROOT / "resources/translations/zh_CN/promo-ics.json").read_text(encoding="utf-8"))
    assert [k for k, v in ours.items() if names(k) != names(v)] == []
