"""Automatic backups, their rotation, and putting a good one back.

Every backup is one self-contained SQLite file written with SQLite's online backup API
(``Database.backup``), so it is consistent even while the window or an import is using the
database. Its name says which database, when and why (``core.backup_names``, re-exported
here with the check of a backup from ``core.integrity``).

Rotation policy (``rotate``): only ``daily`` and ``import`` backups are ever deleted
automatically. Of those, ShopDesk keeps every backup of the latest day that has backups
(each is the state before one of that day's imports: an owner who finds a bad import at
night wants the morning's state, not just the last three), the oldest and the newest backup
of each of the last ``daily_keep`` days that have backups (the day's opening state and its
last), the newest of each of the last ``weekly_keep`` ISO weeks that have backups, and always
the three newest. Days are counted among days that have
backups, so a shop closed for a month does not come back to find its history rotated away.
Manual, pre-migration and pre-restore backups are kept until the owner deletes them: they
are rare and each one marks a moment the owner may want to return to.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from core import sqlite_files
from core.backup_names import REASONS, BackupInfo, backup_path, list_backups, parse_name
from core.db import Database, open_database
from core.errors import DatabaseError
from core.i18n import t
from core.integrity import check_backup_file, is_good, latest_good_backup
from core.settings import Settings, load

__all__ = [
    "ALWAYS_KEEP_NEWEST", "REASONS", "ROTATED_REASONS", "BackupInfo", "Restored", "auto_backup", "backup_path",
    "daily_backup_if_due", "delete_backup", "import_copy", "is_good", "latest_good_backup", "list_backups", "parse_name",
    "restore_file", "restore_latest_good", "rotate", "rotate_imports",
]

log = logging.getLogger(__name__)

ROTATED_REASONS = ("daily", "import")
ALWAYS_KEEP_NEWEST = 3


@dataclass(frozen=True)
class Restored:
    """What ``restore_latest_good`` did: the backup it put back and where the damaged file went."""

    backup: BackupInfo
    damaged_copy: Path | None


# ---------------------------------------------------------------- making backups


def _folder(settings: Settings | None, folder: str | Path | None) -> Path:
    if folder is not None:
        path = Path(folder)
        path.mkdir(parents=True, exist_ok=True)
        return path
    if settings is None:
        settings = load()
    return settings.backup_path()


def auto_backup(
    db: Database,
    reason: str,
    folder: str | Path | None = None,
    *,
    settings: Settings | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Path | None:
    """Back up ``db`` for ``reason`` into the backup folder and rotate; the new file's path.

    None when there is nothing worth keeping: the automatic backups of a server database (a
    whole-shop copy is made only when asked, ``backup``), or, for the automatic reasons, a
    database that holds no shop data yet.
    """
    if db.path is None and reason != "manual":
        return None
    if reason in ("daily", "import") and not _has_data(db):
        return None
    target = _folder(settings, folder)
    path = db.backup(backup_path(target, db.stem, reason), progress=progress)
    if reason in ROTATED_REASONS:
        keep = settings if settings is not None else load()
        rotate(target, keep.backups_daily_keep, keep.backups_weekly_keep, db_stem=db.stem)
    return path


def import_copy(db: Database) -> Path | None:
    """The copy ``auto_backup(db, "import")`` makes, without rotating: the import takes it while
    it reads the file and calls ``rotate_imports`` once it is going to write (core.imports.pipeline)."""
    if db.path is None or not _has_data(db):
        return None
    return db.backup(backup_path(_folder(None, None), db.stem, "import"))


def rotate_imports(db: Database) -> None:
    """The rotation ``auto_backup(db, "import")`` does after its copy."""
    keep = load()
    rotate(_folder(keep, None), keep.backups_daily_keep, keep.backups_weekly_keep, db_stem=db.stem)


def _has_data(db: Database) -> bool:
    try:
        return db.has_shop_data()
    except Exception:  # an old schema without one of the tables: keep a copy to be safe
        return True


def daily_backup_if_due(
    db: Database, settings: Settings | None = None, *, now: dt.datetime | None = None, folder: str | Path | None = None
) -> Path | None:
    """The first start of a day backs the database up; later starts that day do nothing."""
    if db.path is None:
        return None
    now = now or dt.datetime.now()
    target = _folder(settings, folder)
    if any(b.time.date() == now.date() for b in list_backups(target, db.path.stem)):
        return None
    return auto_backup(db, "daily", target, settings=settings)


# ---------------------------------------------------------------- rotation


def rotate(
    folder: str | Path,
    daily_keep: int = 7,
    weekly_keep: int = 4,
    *,
    db_stem: str | None = None,
) -> list[Path]:
    """Delete the automatic backups the policy (module doc) no longer keeps; the deleted paths."""
    backups = [b for b in list_backups(folder, db_stem) if b.reason in ROTATED_REASONS]
    removed: list[Path] = []
    for stem in sorted({b.stem for b in backups}):
        mine = [b for b in backups if b.stem == stem]  # newest first
        keep = {b.path for b in mine[:ALWAYS_KEEP_NEWEST]}
        by_day: dict[dt.date, list[BackupInfo]] = {}
        for b in mine:
            by_day.setdefault(b.time.date(), []).append(b)  # newest first within each day
        days = sorted(by_day, reverse=True)
        keep |= {b.path for b in by_day[days[0]]}
        for day in days[:daily_keep]:
            keep |= {by_day[day][0].path, by_day[day][-1].path}
        keep |= _newest_per(mine, lambda b: b.time.isocalendar()[:2], weekly_keep)
        for b in mine:
            if b.path not in keep:
                try:
                    b.path.unlink()
                    removed.append(b.path)
                except OSError as exc:  # open in another program: try again next time
                    log.warning("could not delete old backup %s: %s", b.path, exc)
    if removed:
        log.info("rotated away %d old backups in %s", len(removed), folder)
    return removed


def _newest_per(backups_newest_first: list[BackupInfo], period: Callable[[BackupInfo], object], count: int) -> set[Path]:
    kept: dict[object, Path] = {}
    for b in backups_newest_first:
        key = period(b)
        if key not in kept:
            if len(kept) >= count:
                break
            kept[key] = b.path
    return set(kept.values())


def delete_backup(info: BackupInfo) -> None:
    """Delete one backup the owner chose to remove."""
    info.path.unlink(missing_ok=True)


# ---------------------------------------------------------------- restoring


def restore_file(db_path: str | Path, source: str | Path, folder: str | Path) -> Path | None:
    """Put ``source`` in place of the (damaged or unopenable) database file at ``db_path``.

    The file it replaces is moved, with its -wal/-shm companions, into ``folder`` as a
    ``damaged`` backup (returned; None when there was no file). Use ``Database.restore`` for a
    database that opens normally. Nothing is changed when ``source`` is not a good backup.
    """
    db_path = Path(db_path).resolve()
    source = Path(source).resolve()
    check_backup_file(source)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    # Copied beside the damaged file before that is touched: a copy that fails leaves it as it was.
    tmp = sqlite_files.copy_to_new_file(source, db_path.with_name(db_path.name + ".restoring"), read_only_source=True)
    kept = None
    if db_path.exists():
        kept = backup_path(folder, db_path.stem, "damaged")
        _move(db_path, kept)
    # A stale WAL beside the restored file would be replayed into it: it belongs to the old file.
    for suffix in ("-wal", "-shm", "-journal"):
        companion = db_path.with_name(db_path.name + suffix)
        if companion.exists():
            if kept is not None:
                _move(companion, kept.with_name(kept.name + suffix))
            else:
                companion.unlink()
    os.replace(tmp, db_path)
    open_database(db_path, backup_dir=folder).close()  # migrates an older backup to this version
    log.info("restored %s from %s; the replaced file is kept at %s", db_path, source, kept)
    return kept


def _move(src: Path, dest: Path) -> None:
    try:
        os.replace(src, dest)
    except OSError:  # another disk
        shutil.copy2(src, dest)
        src.unlink()


def restore_latest_good(db_path: str | Path, folder: str | Path) -> Restored:
    """Put back the newest good backup of the database at ``db_path`` (after the owner agreed)."""
    db_path = Path(db_path)
    info = latest_good_backup(folder, db_path.stem)
    if info is None:
        raise DatabaseError(
            t(
                "No good backup of {name} was found in {folder}. Keep the damaged file and "
                "restore a backup from elsewhere (in the window: File → Restore…; on the command line: restore FILE).",
                name=db_path.name,
                folder=folder,
            )
        )
    kept = restore_file(db_path, info.path, folder)
    return Restored(backup=info, damaged_copy=kept)
