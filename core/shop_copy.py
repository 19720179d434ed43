"""Copying a whole shop from one database to another (``team move-to``, backups of a server shop).

Every table of the schema is copied parents first, in one transaction on the destination, from
one consistent snapshot of the source (one read transaction: REPEATABLE READ on PostgreSQL, a
read transaction on SQLite's WAL). Before the destination commits, its row counts and the KPI
numbers of the shop's whole history are compared with the source's: any difference rolls the
copy back, so the destination ends up with the whole shop or with nothing.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.errors import DatabaseError
from core.engines import snapshot_connection
from core.i18n import t

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from core.db import Database

CHUNK = 2000  # rows per INSERT batch


@dataclass(frozen=True)
class CopyReport:
    rows: dict[str, int]  # table -> rows copied (every table of the schema)
    kpis: dict[str, Any]  # the KPI numbers of the whole history, the same on both sides
    first_day: dt.date | None
    last_day: dt.date | None

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def _tables() -> list:
    from core.models import Base

    return list(Base.metadata.sorted_tables)


def row_counts(conn: Connection) -> dict[str, int]:
    from sqlalchemy import func, select

    return {table.name: int(conn.execute(select(func.count()).select_from(table)).scalar_one()) for table in _tables()}


# Bookkeeping a freshly migrated database already holds (core.data_revisions), not shop data: the
# copy brings the source's, so the copied orders keep the revision that stands for them.
BOOKKEEPING = ("data_revisions",)


def has_rows(conn: Connection) -> list[str]:
    """The tables of the schema that hold any shop row."""
    from sqlalchemy import select

    return [table.name for table in _tables()
            if table.name not in BOOKKEEPING and conn.execute(select(1).select_from(table).limit(1)).first()]


def _history(conn: Connection) -> tuple[dt.date | None, dt.date | None]:
    from sqlalchemy import func, select

    from core.models import Order

    first, last = conn.execute(select(func.min(Order.pay_date), func.max(Order.pay_date))).one()
    return first, last


def kpi_numbers(conn: Connection, first: dt.date | None, last: dt.date | None) -> dict[str, Any]:
    """The KPIs of every paid day, overall and per channel, as the ``kpi --json`` document."""
    if first is None or last is None:
        return {}
    from core.kpi import compute_kpis, kpi_json

    return json.loads(json.dumps(kpi_json(compute_kpis(conn, first, last, None)), default=str))


def copy_shop(source: Database, dest: Database, *, replace: bool = False) -> CopyReport:
    """Copy every row of ``source`` into ``dest`` (migrated, holding no shop rows); all or nothing.

    ``replace``: empty ``dest`` first, in the same transaction (restoring a backup onto a server)."""
    from sqlalchemy import select

    if source.location == dest.location:
        raise DatabaseError(t("The shop cannot be copied onto itself; choose another destination."))
    if source.current_revision() != dest.current_revision():
        raise DatabaseError(t("{a} and {b} have different schema versions ({ra} and {rb}); open both with this "
                              "version of ShopDesk first. Nothing was copied.", a=source.display_name,
                              b=dest.display_name, ra=source.current_revision(), rb=dest.current_revision()))
    src = snapshot_connection(source.engine)
    try:
        counts = row_counts(src)
        first, last = _history(src)
        kpis = kpi_numbers(src, first, last)
        with dest.engine.begin() as out:
            if replace:
                for table in reversed(_tables()):
                    out.execute(table.delete())
            busy = has_rows(out)
            if busy:
                raise DatabaseError(t("{name} already holds shop data (in {tables}); choose an empty database. "
                                      "Nothing was copied.", name=dest.display_name, tables=", ".join(busy[:5])))
            for table in _tables():
                if table.name in BOOKKEEPING:
                    out.execute(table.delete())
                pk = list(table.primary_key.columns)
                result = src.execute(select(table).order_by(*pk)).mappings()
                while batch := result.fetchmany(CHUNK):
                    out.execute(table.insert(), [dict(r) for r in batch])
            copied = row_counts(out)
            if copied != counts:
                wrong = [f"{n}: {counts[n]} → {copied[n]}" for n in counts if copied[n] != counts[n]]
                raise DatabaseError(t("The copy did not match the shop ({tables}); nothing was copied.",
                                      tables="; ".join(wrong)))
            after = kpi_numbers(out, first, last)
            if after != kpis:
                raise DatabaseError(t("The KPI numbers of the copy differ from the shop's; nothing was copied."))
    finally:
        src.close()
    dest.refresh_statistics()
    return CopyReport(counts, kpis, first, last)
