"""SQLite files on disk: copying one with SQLite's online backup API, checking it, reading its revision.

The one place that opens database files with plain ``sqlite3`` for these jobs, so that
``core.db`` (backup, restore), ``core.backups`` (putting a backup back) and ``core.integrity``
(the check on open) copy and check files the same way. Knows nothing of ShopDesk's schema,
backup names or messages: it raises ``sqlite3`` errors and its callers say what they mean.
"""
from __future__ import annotations

import errno
import logging
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
PART_SUFFIX = ".part"

Progress = Callable[[int, int], None]


def has_sqlite_header(path: Path) -> bool:
    """True when the file starts the way every SQLite database does (read without SQLite,
    which would otherwise create or lock the file)."""
    with open(path, "rb") as fh:
        return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def is_locked(exc: BaseException) -> bool:
    """True when a ``sqlite3`` error means another connection holds the file (worth a retry)."""
    return "locked" in str(exc) or "busy" in str(exc)


def is_disk_full(exc: BaseException) -> bool:
    """True when an error means the disk (or the file system's quota) has no room left."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return "disk is full" in str(exc) or "SQLITE_FULL" in str(exc)


def _connect(path: Path, *, read_only: bool, timeout: float) -> sqlite3.Connection:
    if read_only:
        # The URI form refuses to create a missing file and never writes to the source.
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=timeout)
    return sqlite3.connect(path, timeout=timeout)


def _step_progress(progress: Progress | None) -> Callable[[int, int, int], None] | None:
    if progress is None:
        return None

    def report(_status: int, remaining: int, total: int) -> None:
        progress(total - remaining, total)

    return report


def copy_to_new_file(
    source: Path,
    dest: Path,
    *,
    read_only_source: bool = False,
    timeout: float = 5.0,
    pages: int = -1,
    progress: Progress | None = None,
) -> Path:
    """Copy the database ``source`` to the file ``dest`` with the online backup API; ``dest``.

    Safe while other connections use ``source``: a step that finds it changed by another
    connection starts the copy again, so the copy is one consistent state. It is written as
    ``dest`` + ``.part`` and renamed when complete, so a copy cut short (an error, a full disk,
    the process killed) never carries the real name; after an error the ``.part`` is removed.
    The copy is one self-contained file (journal_mode=DELETE: no -wal beside it). ``pages``
    per step (-1: all in one step); ``progress(done, total)`` is called after each step.
    """
    tmp = dest.with_name(dest.name + PART_SUFFIX)
    tmp.unlink(missing_ok=True)
    try:
        src = _connect(source, read_only=read_only_source, timeout=timeout)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst, pages=pages, progress=_step_progress(progress))
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(dest)  # appears complete or not at all
    return dest


def copy_into(source: Path, dest: Path, *, timeout: float = 5.0) -> None:
    """Replace the content of the database ``dest`` with that of ``source``, in place.

    For a database that stays open elsewhere: its file is not swapped, its pages are
    rewritten through the backup API, and other connections see the new content on their
    next read. ``dest`` keeps its own journal mode.
    """
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(dest, timeout=timeout)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def quick_check(path: Path, *, timeout: float = 5.0, read_only: bool = False) -> list[str]:
    """SQLite's quick_check of ``path``: [] when sound, else the problems it found.

    Raises ``sqlite3.DatabaseError`` when SQLite cannot read the file at all, and
    ``sqlite3.OperationalError`` (see ``is_locked``) when another program holds it locked.
    Read-write by default so that a journal left by a crash is rolled back first, which is
    SQLite's normal recovery (quick_check itself never writes); ``read_only`` for files that
    must not change at all, such as a backup being looked at.
    """
    started = time.perf_counter()
    conn = _connect(path, read_only=read_only, timeout=timeout)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
    finally:
        conn.close()
    log.info("quick_check of %s took %.0f ms", path, (time.perf_counter() - started) * 1000)
    return [] if rows == ["ok"] else rows


def schema_revision(path: Path, *, timeout: float = 5.0, read_only: bool = False) -> str | None:
    """The Alembic revision recorded in the file, or None when it records none (an empty or
    foreign database, or one SQLite cannot read)."""
    conn = _connect(path, read_only=read_only, timeout=timeout)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return row[0] if row else None
