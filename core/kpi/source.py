"""Where the KPI queries run: a ``Database``, an ORM ``Session`` or a Core ``Connection``.

Callers in the UI hand over the database; tests and other services may already hold a
session. Every KPI query is a read, so nothing here commits.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, func, select
from sqlalchemy.orm import Session

from core.currency import as_date
from core.models import Order

ORDERS = Order.__table__


@contextmanager
def reading(source: Any) -> Iterator[Connection | Session]:
    """An object with ``execute()`` for ``source`` (Database, Session or Connection)."""
    if isinstance(source, (Session, Connection)):
        yield source
        return
    engine = getattr(source, "engine", None)
    if engine is None:
        raise TypeError(f"expected a Database, Session or Connection, got {type(source).__name__}")
    with engine.connect() as conn:
        yield conn


def paid_in_range(start: dt.date, end: dt.date, channel: str | None = None):
    """The WHERE clause of every KPI: paid orders whose payment date is in [start, end]."""
    cond = and_(ORDERS.c.is_paid == True, ORDERS.c.pay_date.between(start, end))  # noqa: E712
    if channel:
        cond = and_(cond, ORDERS.c.platform == channel)
    return cond


def run_all(source: Any, calls: list[Callable[[], Any]]) -> list[Any]:
    """Run independent read queries; in parallel when ``source`` is a Database.

    SQLite releases the GIL while it works, so on a multi-core PC the periods and charts of
    the dashboard are aggregated side by side, each on its own pooled connection. A caller's
    Session or Connection is one connection, so its queries run one after another."""
    if isinstance(source, (Session, Connection)) or len(calls) < 2:
        return [call() for call in calls]
    with ThreadPoolExecutor(max_workers=min(4, len(calls)), thread_name_prefix="kpi") as pool:
        futures = [pool.submit(call) for call in calls]
        return [f.result() for f in futures]


def paid_days(source: Any, channel: str | None = None) -> DateSpan | None:
    """The first and last payment day of the shop's paid orders (of ``channel``), None without any:
    the dashboard names them when a range holds no orders (a shop that imported last year's
    exports sees ¥0 for "the last 30 days" and would not know why)."""
    cond = ORDERS.c.is_paid == True  # noqa: E712
    if channel:
        cond = and_(cond, ORDERS.c.platform == channel)
    with reading(source) as conn:
        first, last = conn.execute(select(func.min(ORDERS.c.pay_date), func.max(ORDERS.c.pay_date)).where(cond)).one()
    return None if first is None else DateSpan(as_date(first), as_date(last))


@dataclass(frozen=True)
class DateSpan:
    first: dt.date
    last: dt.date

