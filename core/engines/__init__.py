"""What differs between the two database engines ShopDesk runs on, each in its own module.

``core.engines.sqlite`` (the default: one file on the owner's computer) and
``core.engines.postgresql`` (team mode: a shared server) offer the same names:

* ``line_fact_triggers()`` / ``drop_line_fact_triggers()``: the DDL that keeps the order lines'
  copies of their order's facts right (core.orders), for the 0001 migration;
* ``task_creator_triggers()`` / ``drop_task_creator_triggers()``: who added a task, filled in by
  the server (team mode's row-level security), for the 0011 migration;
* ``connect_setup(dbapi_conn, record)``: per-connection settings (SQLite's pragmas) or None;
* ``refresh_statistics(conn)``: tell the planner the tables' new shape after bulk writes;
* ``RAW_BULK``: whether bulk reads and writes may go to the driver raw, in the stored form of each
  value (``raw_bulk(conn)``: the import's and the customers' bulk paths, core.imports.write);
* ``SNAPSHOT_ISOLATION``: the isolation level a long read needs to see one consistent state (None:
  any read transaction does), used by ``snapshot_connection`` (``core.shop_copy``, the import's
  read-ahead of stored orders).

Services never ask which engine they run on; they write portable SQLAlchemy. Anything that
has to differ goes here, chosen once by the dialect's name. Importing this package imports no
database driver.
"""
from __future__ import annotations

from types import ModuleType
from typing import Any

from core.errors import DatabaseError
from core.i18n import t

SUPPORTED = ("sqlite", "postgresql")


def for_dialect(name: str) -> ModuleType:
    """The engine module for a SQLAlchemy dialect name (``engine.dialect.name``)."""
    if name == "sqlite":
        from core.engines import sqlite as module
    elif name == "postgresql":
        from core.engines import postgresql as module
    else:
        raise DatabaseError(t("ShopDesk works with SQLite files and PostgreSQL servers, not with {engine}.",
                              engine=name))
    return module


def raw_bulk(conn: Any) -> bool:
    """Whether ``conn``'s (or an engine's) bulk reads and writes may skip SQLAlchemy's per-value
    processing (``RAW_BULK`` of its engine module)."""
    return bool(for_dialect(conn.dialect.name).RAW_BULK)


def snapshot_connection(engine: Any) -> Any:
    """A connection with its transaction begun, whose reads all see one state of the database."""
    conn = engine.connect()
    isolation = for_dialect(conn.dialect.name).SNAPSHOT_ISOLATION
    if isolation is not None:
        conn = conn.execution_options(isolation_level=isolation)
    conn.begin()
    return conn


def is_server_url(target: str) -> bool:
    """True for a ``postgresql…://`` URL (team mode)."""
    return str(target).split("://", 1)[0].split("+", 1)[0] in ("postgresql", "postgres")
