"""Is this database file sound? Checked every time one is opened, before anything writes to it.

A damaged file must never be "repaired" by creating an empty database in its place: the
owner's years of orders may still be in it, or in a backup. So the check only reads, and the
error it raises carries what the window needs to offer the latest good backup.
"""
from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path

from core.errors import DamagedDatabaseError, DatabaseLockedError
from core.i18n import t

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
# Long enough for another ShopDesk's commit to finish, short enough that a database held by
# another program gets a message instead of what looks like a hang.
CHECK_TIMEOUT_S = 2.0


def quick_check(path: Path, timeout: float = CHECK_TIMEOUT_S) -> list[str]:
    """SQLite's quick_check of ``path``: [] when sound, else the problems found.

    Raises ``DatabaseLockedError`` when another program holds the file locked, and
    ``sqlite3.DatabaseError`` when SQLite cannot read it at all.
    """
    started = time.perf_counter()
    # Read-write so that a journal left by a crash is rolled back, which is SQLite's normal
    # recovery; quick_check itself never writes.
    conn = sqlite3.connect(path, timeout=timeout)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseLockedError(
                t(
                    "{path} is locked by another program. Close the program that has it open "
                    "(another ShopDesk, a sync tool or a database viewer) and try again.",
                    path=path,
                )
            ) from exc
        raise
    finally:
        conn.close()
    log.info("quick_check of %s took %.0f ms", path, (time.perf_counter() - started) * 1000)
    return [] if rows == ["ok"] else rows


def damaged_error(path: Path, problem: str, backup_dir: Path | None) -> DamagedDatabaseError:
    """The error for a damaged file, naming the latest good backup when there is one.

    The error carries ``path``, ``backup_dir`` and ``backup`` (a ``BackupInfo`` or None) so
    the window can offer ``core.backups.restore_latest_good(path, backup_dir)``.
    """
    from core.backups import latest_good_backup

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
            "(File → Restore…), or open another database.",
            path=path,
            problem=problem,
            folder=folder,
        )
    err = DamagedDatabaseError(message, detail=problem)
    err.path = path  # type: ignore[attr-defined]
    err.backup_dir = folder  # type: ignore[attr-defined]
    err.backup = backup  # type: ignore[attr-defined]
    return err


def check_on_open(path: Path, backup_dir: Path | None = None) -> None:
    """Raise unless the existing file at ``path`` is a readable, sound SQLite database."""
    with open(path, "rb") as fh:
        header = fh.read(16)
    if header != SQLITE_HEADER:
        raise damaged_error(path, t("not a database file"), backup_dir)
    try:
        problems = quick_check(path)
    except sqlite3.DatabaseError as exc:
        raise damaged_error(path, str(exc), backup_dir) from exc
    if problems:
        log.error("%s failed quick_check: %s", path, problems[:20])
        raise damaged_error(path, problems[0], backup_dir)
