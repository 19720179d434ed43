"""The schema revisions this version of ShopDesk ships, read from the version files' names.

Here rather than in ``core.db`` so that checking a backup's revision (``core.integrity``)
does not need the module that opens databases. Alembic itself loads ``env.py`` and
``versions/*.py`` as files; importing this package imports neither Alembic nor SQLAlchemy.
"""
from __future__ import annotations

import re
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


def known_revisions() -> list[str]:
    """Revision ids shipped with this version, oldest first (files are named ``NNNN_*.py``)."""
    names = sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("*.py"))
    return [m.group(1) for n in names if (m := _REVISION_FILE.match(n))]


def head_revision() -> str:
    return known_revisions()[-1]
