"""PostgreSQL (team mode: a shared server): the line-fact triggers in PL/pgSQL, planner statistics.

The driver (psycopg 3) is imported by SQLAlchemy only when an engine for a server URL is
created; nothing here imports it.
"""
from __future__ import annotations

from typing import Any

from core.orders import SHARE_SQL

# psycopg takes and gives Python values: bulk paths go through SQLAlchemy's executemany.
RAW_BULK = False
# READ COMMITTED (the default) would let a long read see other computers' commits half-way.
SNAPSHOT_ISOLATION = "REPEATABLE READ"

_FACT_COLUMNS = ("is_paid", "pay_date", "platform", "paid_fen", "line_paid_fen", "open_weight_fen", "open_qty")

# The same statements as core.engines.sqlite's triggers, as trigger functions: PostgreSQL runs
# a function per changed row where SQLite has the statement inline.
_FUNCTIONS = {
    "fn_order_lines_facts": (
        "UPDATE order_lines SET (pay_date, platform, sales_fen) = (SELECT CASE WHEN o.is_paid THEN o.pay_date END, "
        "o.platform, " + SHARE_SQL.format(l="NEW", o="o") + " FROM orders AS o WHERE o.id = NEW.order_id) "
        "WHERE id = NEW.id;"
    ),
    "fn_orders_line_facts": (
        "UPDATE order_lines SET pay_date = CASE WHEN NEW.is_paid THEN NEW.pay_date END, platform = NEW.platform, "
        "sales_fen = " + SHARE_SQL.format(l="order_lines", o="NEW") + " WHERE order_id = NEW.id;"
    ),
}
_TRIGGERS = {
    "tr_order_lines_facts_insert": (
        "AFTER INSERT ON order_lines FOR EACH ROW WHEN (NEW.sales_fen IS NULL)", "fn_order_lines_facts"),
    "tr_order_lines_facts_update": (
        "AFTER UPDATE OF order_id, qty, unit_price_fen, paid_fen ON order_lines FOR EACH ROW", "fn_order_lines_facts"),
    "tr_orders_line_facts": (
        f"AFTER UPDATE OF {', '.join(_FACT_COLUMNS)} ON orders FOR EACH ROW WHEN ("
        + " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in _FACT_COLUMNS) + ")", "fn_orders_line_facts"),
}


def line_fact_triggers() -> list[str]:
    functions = [
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN {body} RETURN NULL; END\n$$"
        for name, body in _FUNCTIONS.items()
    ]
    triggers = [f"CREATE TRIGGER {name} {when} EXECUTE FUNCTION {fn}()" for name, (when, fn) in _TRIGGERS.items()]
    return functions + triggers


def drop_line_fact_triggers() -> list[str]:
    on = {"tr_order_lines_facts_insert": "order_lines", "tr_order_lines_facts_update": "order_lines",
          "tr_orders_line_facts": "orders"}
    return ([f"DROP TRIGGER IF EXISTS {name} ON {table}" for name, table in on.items()]
            + [f"DROP FUNCTION IF EXISTS {name}()" for name in _FUNCTIONS])


# Who added a task (``tasks.created_by``), for row-level security: staff may delete only the
# tasks they added (undoing their own "add task"). The server fills it in from the signed-in
# account when a task is added without one, and no UPDATE can change it afterwards.
_CREATOR_FUNCTION = (
    "CREATE OR REPLACE FUNCTION fn_tasks_created_by() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    "BEGIN IF TG_OP = 'INSERT' THEN IF coalesce(NEW.created_by, '') = '' THEN NEW.created_by := current_user; "
    "END IF; ELSE NEW.created_by := OLD.created_by; END IF; RETURN NEW; END\n$$"
)


def task_creator_triggers() -> list[str]:
    return [_CREATOR_FUNCTION, "CREATE TRIGGER tr_tasks_created_by BEFORE INSERT OR UPDATE ON tasks "
                               "FOR EACH ROW EXECUTE FUNCTION fn_tasks_created_by()"]


def drop_task_creator_triggers() -> list[str]:
    return ["DROP TRIGGER IF EXISTS tr_tasks_created_by ON tasks", "DROP FUNCTION IF EXISTS fn_tasks_created_by()"]


connect_setup = None  # the server keeps its own settings; nothing to set per connection


def refresh_statistics(conn: Any) -> None:
    """ANALYZE the tables bulk writes change (autovacuum would, later)."""
    conn.exec_driver_sql("ANALYZE orders, order_lines, refunds")


def index_hint(_index: str) -> str:
    """PostgreSQL has no index hints; its planner chooses from the statistics."""
    return ""


def engine_setup(engine: Any) -> None:
    """Keep id sequences ahead of ids written explicitly.

    SQLite gives a new row max(id) + 1, so a row put back with its old id (undo, the trash, a
    shop moved from its file) never blocks the next new row. A PostgreSQL sequence does not
    look at the table: after such an insert the sequence is moved past the table's largest id,
    in the same transaction, so the next new row gets a free id. Never moved backwards (other
    people's sessions may hold ids above the table's maximum).
    """
    from sqlalchemy import event
    from sqlalchemy.sql.dml import Insert

    @event.listens_for(engine, "after_execute")
    def _sync_sequence(conn, clause, multiparams, params, _options, _result) -> None:
        if not isinstance(clause, Insert):
            return
        table = clause.table
        col = getattr(table, "autoincrement_column", None)
        if col is None or not _gives(clause, col.key, multiparams, params):
            return
        conn.exec_driver_sql(
            f"SELECT setval(s, GREATEST(m, coalesce(pg_sequence_last_value(s), 0))) FROM "
            f"(SELECT pg_get_serial_sequence('{table.name}', '{col.name}')::regclass AS s, "
            f"(SELECT max({col.name}) FROM {table.name}) AS m) AS ids WHERE m IS NOT NULL AND s IS NOT NULL"
        )


def _gives(clause: Any, key: str, multiparams: Any, params: Any) -> bool:
    """Whether an INSERT sets the id column itself (in its VALUES or in its parameters)."""
    values = getattr(clause, "_values", None) or {}
    if any(getattr(k, "key", k) == key for k in values):
        return True
    for rows in getattr(clause, "_multi_values", ()) or ():
        for row in rows:
            if isinstance(row, dict) and any(getattr(k, "key", k) == key for k in row):
                return True
    if isinstance(params, dict) and key in params:
        return True
    return any(isinstance(p, dict) and key in p for p in multiparams or ())


# ---------------------------------------------------------------- working together (team mode)
#
# Advisory lock keys: any two numbers of ShopDesk's own; they only need to differ from each other.
CHANGES_LOCK = 0x5D0C_0001  # held by a change while it takes its version number (core.row_versions)
IMPORT_LOCK = 0x5D0C_0002  # held by an import (or undoing one) from start to end (core.write_lock)
CHANNEL = "shopdesk_changes"  # LISTEN/NOTIFY channel: other windows reload what a change names


def serialise_changes(session: Any) -> None:
    """Wait for other changes' commits, so versions are numbered in commit order. Released at commit."""
    from sqlalchemy import text

    session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": CHANGES_LOCK})


def announce(conn: Any, payload: str) -> None:
    """Tell every listening window about a change; PostgreSQL delivers it at commit (never on rollback)."""
    from sqlalchemy import text

    conn.execute(text("SELECT pg_notify(:c, :p)"), {"c": CHANNEL, "p": payload[:7000]})


def try_import_lock(conn: Any) -> bool:
    """Take the shop's import lock on ``conn`` (an AUTOCOMMIT connection kept for the import);
    False when another computer's import holds it. The server frees it if that computer dies."""
    from sqlalchemy import text

    return bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": IMPORT_LOCK}).scalar())


def release_import_lock(conn: Any) -> None:
    from sqlalchemy import text

    conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": IMPORT_LOCK})


def listen(engine: Any) -> Any:
    """A connection of its own (taken out of ``engine``'s pool, so the driver is the one the app
    already uses), LISTENing on the changes channel; returns the driver's connection."""
    raw = engine.raw_connection()
    conn = raw.driver_connection
    raw.detach()  # never handed back to the pool: it only listens, until closed
    conn.rollback()  # out of any transaction a ping left open, so that it can be autocommit
    conn.autocommit = True
    conn.execute("SET application_name = 'shopdesk-listen'")
    conn.execute(f"LISTEN {CHANNEL}")
    return conn


def notifications(conn: Any, timeout: float) -> list[str]:
    """The payloads that arrived within ``timeout`` seconds (empty: none). Raises the driver's
    ``OperationalError`` when the connection is gone; a ``SELECT 1`` notices a silent loss."""
    payloads = [n.payload for n in conn.notifies(timeout=timeout)]
    conn.execute("SELECT 1")
    return payloads
