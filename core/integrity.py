"""Is this database file sound? Checked every time one is opened, before anything writes to it.

A damaged file must never be "repaired" by creating an empty database in its place: the
owner's years of orders may still be in it, or in a backup. So the check only reads, and the
error it raises carries what the window needs to offer the latest good backup. The same
question asked of a backup (``check_backup_file``) also wants a schema this version knows.
"""
from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from core import sqlite_files
from core.backup_names import BackupInfo, list_backups
from core.errors import DamagedDatabaseError, DatabaseError, DatabaseLockedError, NewerDatabaseError
from core.i18n import t
from core.migrations import known_revisions

log = logging.getLogger(__name__)

# Long enough for another ShopDesk's commit to finish, short enough that a database held by
# another program gets a message instead of what looks like a hang.
CHECK_TIMEOUT_S = 2.0


def quick_check(path: Path, timeout: float = CHECK_TIMEOUT_S) -> list[str]:
    """SQLite's quick_check of ``path``: [] when sound, else the problems found.

    Raises ``DatabaseLockedError`` when another program holds the file locked, and
    ``sqlite3.DatabaseError`` when SQLite cannot read it at all.
    """
    try:
        return sqlite_files.quick_check(path, timeout=timeout)
    except sqlite3.OperationalError as exc:
        if sqlite_files.is_locked(exc):
            raise DatabaseLockedError(
                t(
                    "{path} is locked by another program. Close the program that has it open "
                    "(another ShopDesk, a sync tool or a database viewer) and try again.",
                    path=path,
                )
            ) from exc
        raise


def damaged_error(path: Path, problem: str, backup_dir: Path | None) -> DamagedDatabaseError:
    """The error for a damaged file, naming the latest good backup when there is one.

    The error carries ``path``, ``backup_dir`` and ``backup`` (a ``BackupInfo`` or None) so
    the window can offer ``core.backups.restore_latest_good(path, backup_dir)``.
    """
    folder = backup_dir or path.parent
    backup = latest_good_backup(folder, path.stem)
    if backup is not None:
        message = t(
            "{path} is damaged ({problem}). ShopDesk can restore the latest good backup, made "
            "{time}; the damaged file is kept beside the backups. Nothing has been changed yet.",
            path=path,
            problem=problem,
            time=backup.time.strftime("%Y-%m-%d %H:%M"),
        )
    else:
        message = t(
            "{path} is damaged ({problem}) and no good backup of it was found in {folder}. "
            "Nothing has been changed. Keep the file and restore a backup from elsewhere "
            "(in the window: File → Restore…; on the command line: restore FILE), or open another database.",
            path=path,
            problem=problem,
            folder=folder,
        )
    err = DamagedDatabaseError(message, detail=problem)
    err.path = path  # type: ignore[attr-defined]
    err.backup_dir = folder  # type: ignore[attr-defined]
    err.backup = backup  # type: ignore[attr-defined]
    return err


def damage_summary(problems: list[str]) -> str:
    """SQLite's quick_check lines (page numbers, b-tree codes, possibly a hundred of them) are for
    the log; the owner reads how much is damaged."""
    count = sum(max(1, len([ln for ln in p.splitlines() if ln.strip() and not ln.startswith("***")])) for p in problems)
    return t("the database's own check found {count} damaged place(s)", count=count)


def check_on_open(path: Path, backup_dir: Path | None = None) -> None:
    """Raise unless the existing file at ``path`` is a readable, sound SQLite database."""
    if not sqlite_files.has_sqlite_header(path):
        raise damaged_error(path, t("not a database file"), backup_dir)
    try:
        problems = quick_check(path)
    except sqlite3.DatabaseError as exc:
        log.error("%s cannot be checked: %s", path, exc)
        raise damaged_error(path, t("SQLite cannot read it"), backup_dir) from exc
    if problems:
        log.error("%s failed quick_check: %s", path, problems[:20])
        raise damaged_error(path, damage_summary(problems), backup_dir)


def check_empty_file(path: Path, backup_dir: Path | None = None) -> None:
    """Refuse a 0-byte file where a shop with backups was.

    SQLite opens a 0-byte file as a new, empty database, so a shop truncated by a full disk or a
    sync tool would open silently empty, and the daily backups of that empty shop would in time
    rotate out the good ones. A 0-byte file with no backup beside it is only a first start that
    was stopped before anything was written (SQLite creates the file first): that one opens as new.
    """
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return  # the pages are in the write-ahead log; SQLite reads them from there
    folder = backup_dir or path.parent
    if latest_good_backup(folder, path.stem) is not None:
        raise damaged_error(path, t("the file is empty: 0 bytes"), backup_dir)


# ---------------------------------------------------------------- backups


def check_backup_file(path: Path) -> None:
    """Raise a clear error unless ``path`` is a sound ShopDesk database this version can open."""
    if not path.is_file():
        raise DatabaseError(t("{path} does not exist. Choose a backup file.", path=path))
    if not sqlite_files.has_sqlite_header(path):
        raise DamagedDatabaseError(t("{path} is not a ShopDesk backup (not a database file).", path=path))
    try:
        # Read-only: looking at a backup must never change it.
        problems = sqlite_files.quick_check(path, read_only=True)
        if problems:
            raise DamagedDatabaseError(
                t("{path} is damaged ({problem}). Choose another backup.", path=path, problem=damage_summary(problems))
            )
        rev = sqlite_files.schema_revision(path, read_only=True)
    except sqlite3.DatabaseError as exc:
        log.error("backup %s cannot be read: %s", path, exc)
        raise DamagedDatabaseError(t("{path} cannot be read (SQLite cannot read it). Choose another backup.", path=path)) from exc
    if not rev:
        raise DatabaseError(t("{path} is not a ShopDesk backup.", path=path))
    if rev not in known_revisions():
        raise NewerDatabaseError(
            t("{path} comes from a newer version of ShopDesk. Install the latest ShopDesk to restore it.", path=path)
        )


def is_good(path: Path) -> bool:
    """True when ``path`` is a sound ShopDesk database this version can open (quick_check)."""
    try:
        check_backup_file(path)
    except DatabaseError as exc:
        log.info("backup %s is not usable: %s", path, exc.message)
        return False
    return True


def latest_good_backup(folder: str | Path, db_stem: str) -> BackupInfo | None:
    """The newest backup of ``db_stem`` that passes SQLite's quick_check and has a known schema."""
    for info in list_backups(folder, db_stem):
        if is_good(info.path):
            return info
    return None
