"""Regenerate ``core/migrations/versions/0001_initial.py`` from ``core/models.py``.

Only while schema 0001 is unreleased (the first version). Once a version has shipped, add a
new revision with ``alembic revision --autogenerate`` instead and never edit old ones.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from alembic import command  # noqa: E402
from alembic.config import Config  # noqa: E402

versions = ROOT / "core" / "migrations" / "versions"
for old in versions.glob("0001_*.py"):
    old.unlink()
with tempfile.TemporaryDirectory() as tmp:
    cfg = Config()
    cfg.set_main_option("script_location", str(ROOT / "core" / "migrations"))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{tmp}/empty.db")
    command.revision(cfg, message="initial schema", autogenerate=True, rev_id="0001")
made = next(versions.glob("0001_*.py"))
made.rename(versions / "0001_initial.py")
print("wrote", versions / "0001_initial.py")
