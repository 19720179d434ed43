"""Every message the importer shows has its Chinese in resources/translations/zh_CN/ (imports.json,
or the area file of the change that added it), placeholders kept."""
from __future__ import annotations

import ast
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_every_import_message_is_translated():
    catalog: dict[str, str] = {}
    for glossary in sorted((ROOT / "resources/translations/zh_CN").glob("*.json")):
        catalog.update(json.loads(glossary.read_text(encoding="utf-8")))
    files = list((ROOT / "core/imports").rglob("*.py")) + [ROOT / "core/cli/import_cmd.py"]
    missing = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t" and node.args \
                    and isinstance(node.args[0], ast.Constant) and node.args[0].value not in catalog:
                missing.append(f"{path.name}: {node.args[0].value}")
    assert missing == []
    import string

    def names(text: str) -> list[str]:
        return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f)

    for key, value in catalog.items():  # placeholders survive translation
        assert names(key) == names(value), key


def test_chinese_messages(db, tmp_path):
    from core import i18n
    from core.errors import BadInputError
    from core.imports import import_file

    i18n.set_language("zh_CN")
    empty = tmp_path / "空.csv"
    empty.write_bytes(b"")
    try:
        import_file(db, empty)
    except BadInputError as exc:
        assert exc.message == "空.csv：文件是空的。请从平台重新导出。未导入任何数据。"
    finally:
        i18n.set_language("en")
