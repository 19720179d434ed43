"""What the standalone bundle leaves out, the app never imports.

build.spec excludes pandas (benchmarks only; KPIs aggregate in SQL), test packages, unused Qt
modules and more. A ShopDesk module importing one of them works from source and fails only in
the frozen program, on the owner's computer, perhaps in a path the frozen smoke test does
not visit. These checks read build.spec's own list, so a new exclude is guarded too.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _spec_list(name: str) -> list[str]:
    tree = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return [ast.literal_eval(elt) for elt in node.value.elts]
    raise AssertionError(f"build.spec has no `{name} = [...]` list")


def _spec_excludes() -> list[str]:
    """Everything the bundle leaves out."""
    return _spec_list("excludes") + _spec_list("optional_stdlib")


def _app_sources() -> list[Path]:
    return [ROOT / "main.py", *sorted((ROOT / "core").rglob("*.py")), *sorted((ROOT / "ui").rglob("*.py"))]


def _imported_names(source: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)  # `from PySide6 import QtNetwork`
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) == "import_module"
              and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            names.add(node.args[0].value)
    return names


def _is_excluded(name: str, excludes: list[str]) -> bool:
    return any(name == ex or name.startswith(ex + ".") for ex in excludes)


def test_the_scan_sees_the_bundles_excludes_and_the_apps_imports():
    excludes = _spec_excludes()
    assert "pandas" in excludes and "PySide6.QtNetwork" in excludes and "_hashlib" in excludes
    assert "sqlalchemy" in _imported_names(ROOT / "core" / "db.py")


# Modules an app module may import although the bundle excludes them: only inside
# ``except ImportError`` with a working fallback. None today.
OPTIONAL: dict[str, set[str]] = {}


def test_no_app_module_imports_what_the_bundle_excludes():
    excludes = _spec_excludes()
    offenders = sorted(
        f"{path.relative_to(ROOT)}: {name}"
        for path in _app_sources()
        for name in _imported_names(path)
        if _is_excluded(name, excludes) and name not in OPTIONAL.get(str(path.relative_to(ROOT)), set())
    )
    assert offenders == []


def test_importing_every_core_module_loads_no_excluded_package():
    # Catches a library that core uses pulling in pandas (or another exclude) behind the scenes.
    # Not the optional standard-library modules: hashlib and asyncio load them when present.
    modules = [".".join(p.relative_to(ROOT).with_suffix("").parts) for p in (ROOT / "core").rglob("*.py")
               if "migrations" not in p.parts]
    top_level = sorted({ex for ex in _spec_list("excludes") if "." not in ex})
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        f"print(sorted(k for k in {top_level!r} if k in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
