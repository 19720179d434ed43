"""A big workbook's re-import: the stored orders it compares with, read while the workbook is parsed.

The workbook reader's worker process parses a sheet for seconds (core.imports.workbook_worker),
and the app only waits meanwhile. A re-import of 100,000 orders then has to read the platform's
stored orders and lines (~0.75 s) before it can compare a single one. ``StoredPrefetch`` reads
them during the parse, on a thread, for the platform the file most likely holds: that of the last
import of a file named the same but for its digits (platforms put the export's date and time in the
name), else the shop's only platform. It also computes the file's hash (the import batch's) then.

What was read is used only when it is exactly what the import would read itself: the file turned
out to be of that platform, and the orders' data revision (core.data_revisions: it moves with
every write to orders, lines and refunds, in the writing transaction) read with the rows, in one
snapshot, is still the revision inside the import's write transaction. Otherwise the import reads
them as before. A wrong guess costs only time the app spent waiting anyway.
"""
from __future__ import annotations

import hashlib
import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, select

log = logging.getLogger(__name__)

# Only files big enough for the writer to read the platform's stored orders in one scan
# (core.imports.order_writer.MANY orders: ~0.3 MB of .xlsx) and for the parse to be long.
MIN_FILE_BYTES = 1024 * 1024
RECENT_BATCHES = 50  # the import history looked through for a file named the same


@dataclass
class Stored:
    """What a file's orders are compared with (core.imports.order_writer ``OrderWriter.start``): the
    platform's stored orders and lines as row tuples, the functions making one a dict, and the
    successful refunds imported before."""

    orders: dict[str, tuple]
    order_dict: Callable
    lines: dict[int, list[tuple]]
    line_dict: Callable
    refunds: dict[str, int]


def read_stored(conn: Connection, platform: str) -> Stored:
    """Every stored order and line of ``platform``, and its refunds (one scan each)."""
    from core.imports.write import _raw_lines, _raw_orders, refund_totals

    orders, order_dict = _raw_orders(conn, platform, None)
    lines, line_dict = _raw_lines(conn, platform, [], many=True)
    return Stored(orders, order_dict, lines, line_dict, refund_totals(conn, platform))


class StoredPrefetch:
    """See the module docstring. ``take`` (by the writer, inside its write transaction) hands over
    what was read when it is valid; ``done`` (always, at the end of the import) lets it go."""

    def __init__(self, db, path: Path) -> None:
        self.platform: str | None = None  # the guess, once made
        self.file_hash: str | None = None  # the file's SHA-256, once computed (the batch record's)
        self._stored: Stored | None = None
        self._revision: int | None = None
        self._dropped = False
        self._lock = threading.Lock()
        try:
            big = Path(path).stat().st_size >= MIN_FILE_BYTES
        except OSError:  # the reader says what is wrong with the file
            big = False
        self._thread: threading.Thread | None = None
        if big:  # a small file: no thread at all
            self._thread = threading.Thread(target=self._read, args=(db, Path(path)), name="import-stored-read",
                                            daemon=True)
            self._thread.start()

    def _read(self, db, path: Path) -> None:
        try:
            from core.engines import snapshot_connection
            from core.imports.sniff import sniff_type

            conn = snapshot_connection(db.engine)
            try:
                platform = likely_platform(conn, path)
                self.platform = platform
                # A first import (nothing to guess from) does nothing more here: its worker is starting
                # on the other core, and its hash is computed while the worker normalises. A text file
                # is parsed in the app itself: a thread would only compete with it.
                if platform is None or self._dropped or sniff_type(path) not in ("xlsx", "xls"):
                    return
                from core import data_revisions

                revision = data_revisions.current(conn)
                stored = read_stored(conn, platform)
            finally:
                conn.close()
            with self._lock:
                if not self._dropped:
                    self._stored, self._revision = stored, revision
            self.file_hash = file_sha256(path)
        except Exception:  # noqa: BLE001 - only a head start: the import reads the rows itself
            log.debug("stored orders not read ahead", exc_info=True)

    def take(self, conn: Connection, platform: str) -> Stored | None:
        """The stored orders of ``platform`` when they were read ahead and nothing was written to
        orders, lines or refunds since (the revision ``conn``'s transaction sees is the same)."""
        if self._thread is None or self._dropped or (self.platform is not None and self.platform != platform):
            self.done()
            return None
        self._thread.join()
        with self._lock:
            stored, revision, self._stored = self._stored, self._revision, None
            self._dropped = True
        if stored is None or self.platform != platform:
            return None
        from core import data_revisions

        if revision is None or data_revisions.current(conn) != revision:
            return None
        return stored

    def done(self) -> None:
        """Let what was read go (the thread, still reading, drops it when it ends)."""
        with self._lock:
            self._dropped = True
            self._stored = None


def likely_platform(conn: Connection, path: Path) -> str | None:
    """The platform this file's orders are most likely of, from what the shop imported before."""
    from core.models import ImportBatch, Order

    batches = ImportBatch.__table__
    kinds = batches.c.kind.in_(("orders", "lines"))
    stem = name_stem(path.name)
    recent = conn.execute(select(batches.c.file_name, batches.c.platform).where(kinds)
                          .order_by(batches.c.id.desc()).limit(RECENT_BATCHES)).all()
    for name, platform in recent:
        if platform and name_stem(name) == stem:
            return platform
    platforms = conn.execute(select(Order.platform).distinct().limit(2)).scalars().all()
    return platforms[0] if len(platforms) == 1 else None


def name_stem(name: str) -> str:
    """A file name without its digits and separators: ``ExportOrderList202612061234.xlsx`` and
    ``ExportOrderList (2).xlsx`` are both ``exportorderlist.xlsx``."""
    p = Path(name)
    return re.sub(r"[\d\s_\-()（）.]+", "", p.stem).lower() + p.suffix.lower()


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1024 * 1024), b""):
            h.update(block)
    return h.hexdigest()
