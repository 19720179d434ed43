"""What differs between the two database engines ShopDesk runs on, each in its own module.

``core.engines.sqlite`` (the default: one file on the owner's computer) and
``core.engines.postgresql`` (team mode: a shared server) offer the same names:

* ``line_fact_triggers()`` / ``drop_line_fact_triggers()``: the DDL that keeps the order lines'
  copies of their order's facts right (core.orders), for the 0001 migration;
* ``task_creator_triggers()`` / ``drop_task_creator_triggers()``: who added a task, filled in by
  the server (team mode's row-level security), for the 0011 migration;
* ``connect_setup(dbapi_conn, record)``: per-connection settings (SQLite's pragmas) or None;
* ``refresh_statistics(conn)``: tell the planner the tables' new shape after bulk writes.

Services never ask which engine they run on; they write portable SQLAlchemy. Anything that
has to differ goes here, chosen once by the dialect's name. Importing this package imports no
database driver.
"""
from __future__ import annotations

from types import ModuleType

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


def is_server_url(target: str) -> bool:
    """True for a ``postgresql…://`` URL (team mode)."""
    return str(target).split("://", 1)[0].split("+", 1)[0] in ("postgresql", "postgres")
