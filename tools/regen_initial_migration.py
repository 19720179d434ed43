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
target = versions / "0001_initial.py"
made.rename(target)

# Autogenerate knows no triggers: append the line-fact triggers, one implementation per engine
# (core.engines), created after every table and dropped before them.
source = target.read_text(encoding="utf-8")
marker = "    # ### end Alembic commands ###\n"
up_end = source.index(marker)
create = ("    from core.engines import for_dialect\n\n"
          "    for sql in for_dialect(op.get_bind().dialect.name).line_fact_triggers():\n        op.execute(sql)\n")
source = source[:up_end] + create + source[up_end:]
down_start = source.index("def downgrade() -> None:\n") + len("def downgrade() -> None:\n")
down_start = source.index("\n", source.index("# ### commands auto generated", down_start)) + 1
drop = ("    from core.engines import for_dialect\n\n"
        "    for sql in for_dialect(op.get_bind().dialect.name).drop_line_fact_triggers():\n        op.execute(sql)\n")
source = source[:down_start] + drop + source[down_start:]
target.write_text(source, encoding="utf-8")
print("wrote", target)
