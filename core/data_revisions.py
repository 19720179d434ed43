"""Data revisions: a number that changes, in the same transaction, with every write to the orders.

``data_revisions`` holds one row per kind of data; the ``"orders"`` row moves whenever orders,
order lines or refunds are written, in the writing transaction (a rollback — a dry-run import —
takes the move back with it). No database trigger (a per-row trigger on SQLite would cost every
imported line); instead:

* the import pipeline and undoing an import write on a plain connection and call ``bump``
  themselves (``core.imports.pipeline.end_batch``, ``core.imports.undo.undo_batch``);
* everything written through a ``Session`` — edits and their undo/redo (``core.edits.base``), the
  trash (deleting, restoring, putting an undone import back), the demo shop — is seen by
  ``watch_sessions``: an INSERT/UPDATE/DELETE on those tables, or an ORM flush of such objects,
  bumps once per transaction.

``tests/core/test_data_revisions.py`` runs every such path and checks that the number moved (and
that a stock edit does not move it), and fails when a module starts writing those tables without
being listed there.

The number is random, not a counter: a shop put back from an older backup, or copied elsewhere,
never shows a number that stood for other orders. So "the same number" means "the same orders",
on a file and on a shared server alike (another computer's import moves the server's row), and a
result computed from past orders can be kept while it stays (``core.past_orders``).
"""
from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, event, insert, select, update
from sqlalchemy.orm import Session

from core.models import DataRevision, Order, OrderLine, Refund

ORDERS = "orders"
# The tables whose rows the "orders" revision stands for.
ORDER_TABLES = frozenset({"orders", "order_lines", "refunds"})

_TABLE: Table = DataRevision.__table__  # type: ignore[assignment]


def bump(session_or_conn: Any, name: str = ORDERS) -> None:
    """Give ``name`` a new revision, inside the caller's transaction (its rollback takes it back)."""
    value = secrets.randbits(62)
    moved = session_or_conn.execute(update(_TABLE).where(_TABLE.c.name == name).values(revision=value))
    if not moved.rowcount:  # the row went missing (a table emptied by hand): make it again
        session_or_conn.execute(insert(_TABLE).values(name=name, revision=value))


def bump_if_orders(session_or_conn: Any, tables: Iterable[str]) -> None:
    """``bump`` the orders' revision when any of ``tables`` holds orders (``ORDER_TABLES``)."""
    if not ORDER_TABLES.isdisjoint(tables):
        bump(session_or_conn, ORDERS)


def current(session_or_conn: Any, name: str = ORDERS) -> int | None:
    """The revision now (one primary-key read); None when the row is missing (nothing is kept then)."""
    return session_or_conn.execute(select(_TABLE.c.revision).where(_TABLE.c.name == name)).scalar()


_MARK = "orders_revision_bumped"  # Session.info: bumped in the transaction running now
_ORDER_CLASSES = (Order, OrderLine, Refund)


def _session_bump(session: Session) -> None:
    if not session.info.get(_MARK):
        session.info[_MARK] = True
        bump(session.connection(), ORDERS)


def _on_execute(state: Any) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if getattr(table, "name", None) in ORDER_TABLES:
        _session_bump(state.session)


def _on_flush(session: Session, _context: Any, _instances: Any) -> None:
    for objects in (session.new, session.dirty, session.deleted):
        if any(isinstance(o, _ORDER_CLASSES) for o in objects):
            _session_bump(session)
            return


def _on_transaction_end(session: Session, _transaction: Any) -> None:
    session.info.pop(_MARK, None)


def watch_sessions() -> None:
    """Bump the orders' revision in any session that writes orders, order lines or refunds
    (once per transaction). Installed once, by ``core.db``."""
    if not event.contains(Session, "do_orm_execute", _on_execute):
        event.listen(Session, "do_orm_execute", _on_execute)
        event.listen(Session, "before_flush", _on_flush)
        event.listen(Session, "after_transaction_end", _on_transaction_end)
