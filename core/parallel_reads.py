"""Reads that do not depend on each other, run on a second connection while the caller works on.

A computation that needs several independent reads of the database (the inventory alerts: last
year's festival windows, the channels' units, the last sales) can hand some of them to
``ParallelReads``: a worker thread runs them, in turn, on its own connection from the same engine
(its pool), while the caller runs its own queries and Python. The database drivers let go of
Python's lock while the database works (sqlite3 while a statement steps, psycopg while the server
answers), so on a computer with two cores both go on at once.

Each read sees committed data, on the worker's connection, not the caller's transaction. That is
enough when a revision stands for the data read: the worker reads it (``guard``) before and after
each read, and hands a result over only when it is the caller's ``expected`` value both times —
the same data as the caller sees (``core.data_revisions``: the orders' revision moves, in the same
transaction, with every write to the orders). Otherwise ``result`` runs the read on the caller's
own connection instead, as it would have without the worker. Without a revision, on a database
a second connection would not see (SQLite in memory), or when no second connection opens (a
server's limit on connections), every read runs on the caller's connection.

An exception in a read is raised in the caller (by ``result``, or on leaving the ``with`` block),
and the worker thread never outlives the ``with`` block.

``rows_at_once``: sqlite3 lets go of Python's lock for each row it steps to and must take it back
after, which waits for the caller's thread while that runs Python (4× slower for 5,000 rows,
measured); a worker's read should fetch its rows as one value.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

log = logging.getLogger(__name__)

Read = Callable[[Any], Any]  # takes a SQLAlchemy Connection, returns what it read


class ParallelReads:
    """``with ParallelReads(conn, reads, guard, expected) as r: … r.result(key) …``

    The worker reads in the order of ``reads``; ``result`` waits for that read only, so the caller
    can use the first results while the worker reads the next."""

    def __init__(self, conn: Any, reads: Mapping[Hashable, Read], guard: Callable[[Any], object],
                 expected: object) -> None:
        self._conn = conn
        self._reads = dict(reads)
        self._results: dict[Hashable, Any] = {}
        self._error: BaseException | None = None
        self._done = False  # the worker has ended (or never started)
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None
        if self._reads and expected is not None and second_connection_sees_it(conn):
            self._thread = threading.Thread(target=self._run, args=(conn.engine, guard, expected),
                                            name="shopdesk-parallel-reads", daemon=True)
            self._thread.start()
        else:
            self._done = True

    def _run(self, engine: Any, guard: Callable[[Any], object], expected: object) -> None:
        _beside.active = True  # rows_at_once: this thread's reads run beside the caller's Python
        try:
            try:
                other_connection = engine.connect()
            except Exception:  # noqa: BLE001 - no second connection (a server's limit): the caller reads itself
                log.warning("no second connection for reading in parallel", exc_info=True)
                return
            with other_connection as other:
                if guard(other) != expected:
                    return  # other data than the caller's: the caller reads for itself
                for key, read in self._reads.items():
                    value = read(other)
                    # The same revision before and after the read: it read the caller's data.
                    if guard(other) != expected:
                        return
                    with self._changed:
                        self._results[key] = value
                        self._changed.notify_all()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller, which raises it
            self._error = exc
        finally:
            with self._changed:
                self._done = True
                self._changed.notify_all()

    def result(self, key: Hashable) -> Any:
        """What ``reads[key]`` read: the worker's (waiting for it), else read now on the caller's connection."""
        with self._changed:
            while key not in self._results and not self._done:
                self._changed.wait()
            if key in self._results:
                return self._results[key]
        self._raise()
        return self._reads[key](self._conn)

    def done(self) -> dict[Hashable, Any]:
        """Wait for the worker; what it read (the rest is read by ``result`` on the caller's connection)."""
        self.join()
        self._raise()
        return dict(self._results)

    def _raise(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def join(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def __enter__(self) -> ParallelReads:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.join()
        if exc_type is None:
            self._raise()


def second_connection_sees_it(conn: Any) -> bool:
    """Whether another connection from ``conn``'s engine opens the same database (not SQLite in memory)."""
    url = conn.engine.url
    if url.get_backend_name() != "sqlite":
        return True
    database = url.database or ""
    return bool(database) and database != ":memory:" and "mode=memory" not in database


_FIELD, _ROW = "\x1f", "\x1e"  # the ASCII unit and record separators


_beside = threading.local()  # .active: this thread reads beside a busy one (ParallelReads' worker)


def rows_at_once(conn: Any, query: Any, kinds: Sequence[Callable[[str], Any]], packed: bool | None = None
                 ) -> list[tuple]:
    """``query``'s rows, each value made by its ``kinds`` from its text (None for NULL). On
    ``ParallelReads``' worker (or ``packed``) fetched as one text (group_concat, string_agg): one
    step of the database, not one per row. A row whose text holds a separator (an odd SKU code)
    makes it read the rows one by one instead. Elsewhere the rows as the driver gives them (the
    packing costs the database more than fetching the rows where no other thread waits: 31 against
    37 ms for 5,000 rows, measured)."""
    from sqlalchemy import String, cast, func, literal, select

    if not (getattr(_beside, "active", False) if packed is None else packed):
        result = conn.execute(query)
        try:
            rows = result.cursor.fetchall()  # as the driver gives them (SQLAlchemy's processing: not needed here)
        finally:
            result.close()
        if not rows:
            return []
        columns = [[None if v is None else v if type(v) is kind else  # noqa: E721 - exact types only
                    kind(v) if kind is int or kind is str else kind(str(v)) for v in column]
                   for kind, column in zip(kinds, zip(*rows))]
        return list(zip(*columns))

    sub = query.subquery()
    item = None
    for i, column in enumerate(sub.c):  # a non-NULL value as "v<text>", NULL as ""
        field = func.coalesce(literal("v", String) + cast(column, String), literal("", String))
        item = field if i == 0 else item + literal(_FIELD, String) + field
    count, packed = conn.execute(select(func.count(), func.aggregate_strings(item, _ROW)).select_from(sub)).one()
    n = len(kinds)
    if not count:
        return []
    rows = [row.split(_FIELD) for row in packed.split(_ROW)] if packed is not None else []
    if len(rows) == count and all(len(values) == n for values in rows):
        # Column by column: a text stays the text after its "v".
        columns = [[v[1:] if v else None for v in column] if kind is str else
                   [kind(v[1:]) if v else None for v in column] for kind, column in zip(kinds, zip(*rows))]
        return list(zip(*columns))
    return [tuple(None if v is None else kind(str(v)) for kind, v in zip(kinds, row)) for row in conn.execute(query)]
