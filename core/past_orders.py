"""Results computed from past orders alone, kept between computations while the orders stay the same.

The inventory alerts read last year's festival windows, the sales window's daily units and value,
each SKU's last sale and its channels' shares: all of it depends only on the orders (and the dates
asked for), not on stock, SKUs' settings or promotions. ``PastOrders(conn)`` reads the orders'
revision once (``core.data_revisions``, one primary-key read); ``get(key, compute)`` returns what
was computed for ``key`` at that revision of that database, or computes and keeps it. Any write to
the orders moves the revision, so the next computation starts empty; a stock edit does not, so the
tab's reload after it finds everything here. Keys name everything a result depends on besides the
orders (its dates, the settings it uses). Values are shared: callers must not change them.

Kept per database (its address: the file, or the server and database), for the latest revision
seen only, and for a few databases at most. Thread-safe (the window computes on a worker thread).
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from core import data_revisions

T = TypeVar("T")
MAX_DATABASES = 4

_lock = threading.Lock()
_kept: OrderedDict[str, tuple[int, dict[Hashable, Any]]] = OrderedDict()


class PastOrders:
    """The kept results of one database at its orders' revision now."""

    def __init__(self, session_or_conn: Any) -> None:
        from sqlalchemy.orm import Session

        conn = session_or_conn.connection() if isinstance(session_or_conn, Session) else session_or_conn
        self.identity = conn.engine.url.render_as_string(hide_password=True)
        self.revision = data_revisions.current(conn)
        # Reads under way on another connection (core.inventory_sales.past_order_reads): by key,
        # what waits for that read's result; ``get`` takes it instead of computing.
        self.waiting: dict[Hashable, Callable[[], Any]] = {}

    def has(self, key: Hashable) -> bool:
        """Whether a result for ``key`` is kept at this revision (``get`` would not compute it)."""
        if self.revision is None:
            return False
        with _lock:
            found = _kept.get(self.identity)
            return found is not None and found[0] == self.revision and key in found[1]

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        if self.revision is None:
            return compute()
        with _lock:
            found = _kept.get(self.identity)
            if found is not None and found[0] == self.revision and key in found[1]:
                _kept.move_to_end(self.identity)
                return found[1][key]
        waiting = self.waiting.get(key)
        value = waiting() if waiting is not None else compute()  # outside the lock: a slow computation
        # does not hold up other databases
        self.put(key, value)
        return value

    def put(self, key: Hashable, value: Any) -> None:
        """Keep ``value`` for ``key`` at this revision (in place of what was kept for it)."""
        if self.revision is None:
            return
        with _lock:
            found = _kept.get(self.identity)
            if found is None or found[0] != self.revision:
                found = _kept[self.identity] = (self.revision, {})
            found[1][key] = value
            _kept.move_to_end(self.identity)
            while len(_kept) > MAX_DATABASES:
                _kept.popitem(last=False)


def forget() -> None:
    """Drop everything kept (the benchmark's cold runs; nothing else needs it)."""
    with _lock:
        _kept.clear()
