"""Backup file names: what each one says (which database, when, why) and listing them.

Every backup is one self-contained SQLite file whose name says which database, when and why::

    shop-20261122-101500-import.db      <stem>-<YYYYmmdd-HHMMSS>-<reason>[-<n>].db

Reasons: ``daily`` (first start of the day), ``import`` (just before an import writes),
``pre-migration`` (before a new version changes the schema), ``pre-restore`` (the data a
restore replaced), ``manual`` (Backup now / ``backup``), ``damaged`` (a damaged database set
aside when a good backup was put back; never offered for restore, never deleted).

Only file names and folders here, no SQLite: ``core.db`` names its pre-migration and
pre-restore copies with it and ``core.integrity`` looks for the latest good backup with it,
below ``core.backups`` (which makes, rotates and restores backups, and opens databases).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from core.sqlite_files import PART_SUFFIX

REASONS = ("daily", "import", "pre-migration", "pre-restore", "manual", "damaged")
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z]+(?:-[a-z]+)*?)(?:-(?P<n>\d+))?\.db$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    time: dt.datetime
    size: int
    reason: str

    @property
    def stem(self) -> str:
        m = _NAME.match(self.path.name)
        return m.group("stem") if m else self.path.stem


def backup_path(folder: str | Path, db_stem: str, reason: str, when: dt.datetime | None = None) -> Path:
    """A new, unused file name in ``folder`` for a backup of ``db_stem`` made for ``reason``.

    ``folder`` is ShopDesk's backup folder, which it makes when missing; a file the owner names
    (``backup FILE``) must be in a folder that exists (``core.exports.check_output_path``)."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    stamp = (when or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{db_stem}-{stamp}-{reason}.db"
    n = 1
    # A copy still being written (…db.part) owns its name too.
    while path.exists() or path.with_name(path.name + PART_SUFFIX).exists():
        n += 1
        path = folder / f"{db_stem}-{stamp}-{reason}-{n}.db"
    return path


def parse_name(path: Path) -> tuple[str, dt.datetime, str] | None:
    """(database stem, time, reason) from a backup's file name, or None for other files."""
    m = _NAME.match(path.name)
    if not m or m.group("reason") not in REASONS:
        return None
    try:
        when = dt.datetime.strptime(m.group("stamp"), "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return m.group("stem"), when, m.group("reason")


def list_backups(folder: str | Path, db_stem: str | None = None, *, include_damaged: bool = False) -> list[BackupInfo]:
    """Backups in ``folder`` (of ``db_stem`` only, when given), newest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.db"):
        parsed = parse_name(path)
        if parsed is None:
            continue
        stem, when, reason = parsed
        if db_stem is not None and stem != db_stem:
            continue
        if reason == "damaged" and not include_damaged:
            continue
        try:
            size = path.stat().st_size
        except OSError:  # deleted meanwhile
            continue
        found.append(BackupInfo(path=path, time=when, size=size, reason=reason))
    found.sort(key=lambda b: (b.time, b.path.name), reverse=True)
    return found
