"""SQLite (one file on the owner's computer): triggers, per-connection pragmas, planner statistics, raw bulk paths."""
from __future__ import annotations

import logging
from typing import Any

from core.orders import SHARE_SQL

log = logging.getLogger(__name__)

# Bulk paths hand the driver SQLite's stored form of each value (text for dates and times, 0/1 for
# booleans: core.imports.sqlite_text) and read rows back raw: for 100,000 orders SQLAlchemy's
# per-value processing costs more than the inserts themselves.
RAW_BULK = True
SNAPSHOT_ISOLATION = None  # a read transaction on a WAL file sees one state until it ends

_LINE_FROM_ORDER = (
    "UPDATE order_lines SET (pay_date, platform, sales_fen) = (SELECT CASE WHEN o.is_paid THEN o.pay_date END, "
    "o.platform, " + SHARE_SQL.format(l="NEW", o="o") + " FROM orders AS o WHERE o.id = NEW.order_id) WHERE id = NEW.id;"
)
LINE_FACT_TRIGGERS: dict[str, str] = {
    "tr_order_lines_facts_insert": (
        "CREATE TRIGGER tr_order_lines_facts_insert AFTER INSERT ON order_lines WHEN NEW.sales_fen IS NULL\n"
        "BEGIN " + _LINE_FROM_ORDER + " END"
    ),
    "tr_order_lines_facts_update": (
        "CREATE TRIGGER tr_order_lines_facts_update AFTER UPDATE OF order_id, qty, unit_price_fen, paid_fen "
        "ON order_lines\nBEGIN " + _LINE_FROM_ORDER + " END"
    ),
    "tr_orders_line_facts": (
        "CREATE TRIGGER tr_orders_line_facts AFTER UPDATE OF is_paid, pay_date, platform, paid_fen, line_paid_fen, "
        "open_weight_fen, open_qty ON orders\n"
        "WHEN NEW.is_paid IS NOT OLD.is_paid OR NEW.pay_date IS NOT OLD.pay_date OR NEW.platform IS NOT OLD.platform "
        "OR NEW.paid_fen IS NOT OLD.paid_fen OR NEW.line_paid_fen IS NOT OLD.line_paid_fen "
        "OR NEW.open_weight_fen IS NOT OLD.open_weight_fen OR NEW.open_qty IS NOT OLD.open_qty\n"
        "BEGIN UPDATE order_lines SET pay_date = CASE WHEN NEW.is_paid THEN NEW.pay_date END, platform = NEW.platform, "
        "sales_fen = " + SHARE_SQL.format(l="order_lines", o="NEW") + " WHERE order_id = NEW.id; END"
    ),
}


def line_fact_triggers() -> list[str]:
    return list(LINE_FACT_TRIGGERS.values())


def drop_line_fact_triggers() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {name}" for name in LINE_FACT_TRIGGERS]


def task_creator_triggers() -> list[str]:
    """A file has no accounts: ``tasks.created_by`` stays empty (team mode fills it on a server)."""
    return []


def drop_task_creator_triggers() -> list[str]:
    return []


def connect_setup(dbapi_conn: Any, _record: object) -> None:
    cur = dbapi_conn.cursor()
    # WAL lets the window read while an import or the CLI writes; foreign keys keep
    # lines attached to orders; busy_timeout turns "database is locked" into a short wait.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA synchronous=NORMAL")
    # Read speed for the dashboard's scans of a year of orders: memory-mapped pages (shared by
    # every connection through the OS cache, no copy per read), a larger page cache per
    # connection, and sorts and temporary indexes in memory rather than in temp files.
    cur.execute("PRAGMA mmap_size=268435456")
    cur.execute("PRAGMA cache_size=-16384")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()


def refresh_statistics(conn: Any) -> None:
    """Without statistics SQLite scans all of ix_order_lines_sales for any range's SKU sales;
    with them it skip-scans it per SKU (a year of 1,000,000 lines: ~90 ms instead of ~200;
    a week: ~10 ms instead of ~130). ``analysis_limit`` samples each index, so this takes
    ~15 ms whatever the size."""
    conn.exec_driver_sql("PRAGMA analysis_limit=1000")
    conn.exec_driver_sql("ANALYZE")


def index_hint(index: str) -> str:
    """SQLite's planner picks a date-ordered scan without it (core.kpi.numbers.buyer_counts)."""
    return f"INDEXED BY {index}"


def engine_setup(engine: Any) -> None:
    """Nothing beyond the per-connection pragmas (core.db adds those and the storage errors)."""


# ---------------------------------------------------------------- working together
# A file has one writer at a time and no other computers to tell: these do nothing.


def serialise_changes(_session: Any) -> None:
    """SQLite lets one transaction write at a time: versions are in commit order already."""


def announce(_conn: Any, _payload: str) -> None:
    """Windows on a file are not told of each other's changes (they see them on their next load)."""
