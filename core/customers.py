"""Customers built from orders: one row per buyer key and platform (spec/kpi.md "Buyer key").

``rebuild_customers(conn, platform)`` recomputes, from the platform's paid orders with a buyer
key, each customer's first and last order, paid orders, spend (paid minus successful refunds),
refunds and favourite categories (the three most bought, by units, from the SKUs' categories).
The importer calls it inside each orders/lines/refunds/members import's transaction, undoing an
import calls it again after the orders are put back, and the Members tab on demand.

Keys come from the importer (``core.imports.normalize.buyer_key``): a masked value is a key
only together with another clear field, so an order without one has no customer.

What the owner has (tags, notes, tier, points) is never touched. Customers from a member export
(Youzan 客户; ``batch_id`` set) are merged: their name, phone, tags and points stay, and their
order figures are the export's until the shop's own orders for that buyer are imported; the
importer keeps their previous row for undo. A customer known only from orders whose orders are
all gone (an undone import) is removed, unless the owner gave them tags, a note or points.

Spend and refunds are in yuan: a channel in another currency counts each order at its payment
month's rate, and orders of a month without a rate are left out of them (core.member_currency).

Portable SQL (SQLite and PostgreSQL): plain aggregates, dates compared in Python.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Table, and_, func, select

from core.currency import Currencies
from core.engines import raw_bulk
from core.models import Customer, Order, OrderLine, Sku

if TYPE_CHECKING:
    from core.imports.write import UndoLog

CUSTOMERS: Table = Customer.__table__  # type: ignore[assignment]
ORDERS: Table = Order.__table__  # type: ignore[assignment]
LINES: Table = OrderLine.__table__  # type: ignore[assignment]
SKUS: Table = Sku.__table__  # type: ignore[assignment]

DERIVED = ("orders_count", "spend_fen", "refund_fen", "first_order_at", "last_order_at", "categories")
FAVOURITES = 3  # categories kept per customer
KEY_CHUNK = 500  # buyer keys per IN (...) list
# Above this many buyer keys a rebuild reads the whole platform: one scan beats many lookups.
ALL_KEYS_ABOVE = 5000


def _keyed_paid(platform: str):
    return and_(ORDERS.c.platform == platform, ORDERS.c.is_paid == True,  # noqa: E712 - SQL, portable
                ORDERS.c.buyer_key.is_not(None), ORDERS.c.buyer_key != "")


def order_figures(conn: Connection, platform: str, keys: list[str] | None = None, *,
                  known_only: bool = False) -> dict[str, dict]:
    """Per buyer key of ``platform`` (of ``keys`` only, when given; of those with a customer row,
    ``known_only``): the customer's figures from their paid orders."""
    from core.member_currency import spend_channels

    currencies, foreign = spend_channels(conn)
    rates = currencies if platform in foreign else None
    if keys is not None:
        out: dict[str, dict] = {}
        for i in range(0, len(keys), KEY_CHUNK):
            out.update(_figures(conn, platform, keys[i:i + KEY_CHUNK], rates))
        return out
    return _figures(conn, platform, None, rates, known_only=known_only)


def _figures(conn: Connection, platform: str, keys: list[str] | None, currencies: Currencies | None, *,
             known_only: bool = False) -> dict[str, dict]:
    """``currencies``: the rates, when ``platform`` is in another currency than yuan."""
    where = _keyed_paid(platform) if keys is None else and_(_keyed_paid(platform), ORDERS.c.buyer_key.in_(keys))
    if known_only:
        where = and_(where, ORDERS.c.buyer_key.in_(
            select(CUSTOMERS.c.buyer_key).where(CUSTOMERS.c.platform == platform)))
    stmt = (
        select(ORDERS.c.buyer_key, func.count(), func.sum(ORDERS.c.paid_fen), func.sum(ORDERS.c.refund_fen),
               func.min(ORDERS.c.created_at), func.max(ORDERS.c.created_at), func.max(ORDERS.c.buyer_name))
        .where(where).group_by(ORDERS.c.buyer_key)
    )
    out: dict[str, dict] = {}
    money = None
    if currencies is not None:  # each order at its month's rate; months without one are not counted
        from core.member_currency import buyer_money

        money = buyer_money(conn, currencies, platform, keys=keys)
    for key, n, paid, refund, first, last, name in conn.execute(stmt):
        paid, refund = (int(paid or 0), int(refund or 0)) if money is None else money.get(key, (0, 0))
        out[key] = {"orders_count": int(n), "spend_fen": paid - refund, "refund_fen": refund,
                    "first_order_at": first, "last_order_at": last, "categories": "", "_name": name or ""}
    for key, categories in _categories(conn, platform, keys, where).items():
        if key in out:
            out[key]["categories"] = categories
    return out


def _categories(conn: Connection, platform: str, keys: list[str] | None, where=None) -> dict[str, str]:
    """Per buyer key (of ``keys`` when given): the most bought categories of their paid orders."""
    if where is None:
        where = _keyed_paid(platform) if keys is None else and_(_keyed_paid(platform), ORDERS.c.buyer_key.in_(keys))
    units: dict[str, list[tuple[int, str]]] = defaultdict(list)
    cats = (
        select(ORDERS.c.buyer_key, SKUS.c.category, func.sum(LINES.c.qty))
        .select_from(LINES.join(ORDERS, ORDERS.c.id == LINES.c.order_id).join(SKUS, SKUS.c.code == LINES.c.sku_code))
        .where(where, SKUS.c.category != "")
        .group_by(ORDERS.c.buyer_key, SKUS.c.category)
    )
    for key, category, qty in conn.execute(cats):
        units[key].append((int(qty or 0), category))
    out = {}
    for key, found in units.items():
        found.sort(key=lambda x: (-x[0], x[1]))
        out[key] = ", ".join(c for _q, c in found[:FAVOURITES])[:200]
    return out


def _as_datetime(value: object) -> object:
    # SQLite hands MIN/MAX of a DateTime back as text; PostgreSQL as datetimes.
    if isinstance(value, str):
        return dt.datetime.fromisoformat(value)
    return value


@dataclass
class RebuildPlan:
    """What a rebuild writes: new customers, changed figures (by id), customers to remove."""

    inserts: list[dict] = field(default_factory=list)
    updates: list[dict] = field(default_factory=list)  # DERIVED (and maybe name) + "_key": id
    removes: list[int] = field(default_factory=list)
    snapshots: list[dict] = field(default_factory=list)  # member-export rows before they change

    @property
    def empty(self) -> bool:
        return not (self.inserts or self.updates or self.removes)


def plan_rebuild(conn: Connection, platform: str, *, skip_snapshot: frozenset[str] = frozenset(),
                 keys: list[str] | None = None, known_only: bool = False) -> RebuildPlan:
    """What ``platform``'s customers (those with ``keys`` only, when given) need to match its orders (nothing written).
    ``known_only``: only the buyers that have a customer row already (the others were just added)."""
    figures = order_figures(conn, platform, keys, known_only=known_only)
    stmt = select(CUSTOMERS).where(CUSTOMERS.c.platform == platform)
    if keys is None:
        existing = {r["buyer_key"]: dict(r) for r in conn.execute(stmt).mappings()}
    else:
        existing = {}
        for i in range(0, len(keys), KEY_CHUNK):
            existing.update((r["buyer_key"], dict(r)) for r in conn.execute(
                stmt.where(CUSTOMERS.c.buyer_key.in_(keys[i:i + KEY_CHUNK]))).mappings())
    plan = RebuildPlan()
    for key, f in figures.items():
        f["first_order_at"] = _as_datetime(f["first_order_at"])
        f["last_order_at"] = _as_datetime(f["last_order_at"])
        name = f.pop("_name")
        old = existing.pop(key, None)
        if old is None:
            plan.inserts.append({"platform": platform, "buyer_key": key, "name": name[:200], "phone": "", "points": 0,
                                 "tags": "", "source": "", "note": "", **f})
            continue
        new = {k: f[k] for k in DERIVED}
        if not old["name"] and name:
            new["name"] = name[:200]
        if any(old[k] != v for k, v in new.items()):
            if old["batch_id"] is not None and str(old["id"]) not in skip_snapshot:
                plan.snapshots.append(old)
            plan.updates.append({**new, "_key": old["id"]})
    for old in existing.values():  # no paid order with this key (any more)
        if old["batch_id"] is not None:
            continue  # from a member export: its own figures stand
        if not (old["tags"] or old["note"] or old["points"]):
            plan.removes.append(old["id"])
            continue
        new = {"orders_count": 0, "spend_fen": 0, "refund_fen": 0, "first_order_at": None, "last_order_at": None,
               "categories": ""}
        if any(old[k] != v for k, v in new.items()):
            plan.updates.append({**new, "_key": old["id"]})
    return plan


def rebuild_customers(conn: Connection, platform: str, *, undo: UndoLog | None = None,
                      keys: set[str] | None = None, figures: NewFigures | None = None) -> dict[str, int]:
    """Make ``platform``'s customers match its orders; returns counts added/updated/removed.

    ``undo``: the running import's log; rows from a member export get their previous state
    recorded (rows built from orders need none: undoing the import rebuilds them).
    ``keys``: the buyer keys whose orders changed (an import's); only their customers can
    change, so only they are rebuilt (all of the platform's when None or many).
    ``figures``: the figures of the buyers of the platform's paid orders, gathered by a first import
    of the platform as it wrote them (core.imports.streamed), used instead of reading them back."""
    logged = frozenset(e["row_key"] for e in (undo.added + undo.changed) if e["table_name"] == "customers") if undo else frozenset()
    wanted = sorted(k for k in keys if k) if keys is not None and len(keys) <= ALL_KEYS_ABOVE else None
    if wanted is not None and not wanted:
        return {"added": 0, "updated": 0, "removed": 0}
    if wanted is None and keys is not None:
        # Many buyers (a big import): those without a customer row yet are added by one INSERT …
        # SELECT, the rest planned as below (a first import of 100,000 orders: 28,000 customers
        # without a dict each). The figures are the same aggregates either way.
        from core.member_currency import spend_channels

        if platform not in spend_channels(conn)[1]:  # not for a channel in another currency: see order_figures
            plan = plan_rebuild(conn, platform, skip_snapshot=logged, keys=None, known_only=True)
            _write_plan(conn, plan, undo)
            added = _insert_new_customers(conn, platform, figures)
            return {"added": added, "updated": len(plan.updates), "removed": len(plan.removes)}
    plan = plan_rebuild(conn, platform, skip_snapshot=logged, keys=wanted)
    _write_plan(conn, plan, undo)
    return {"added": len(plan.inserts), "updated": len(plan.updates), "removed": len(plan.removes)}


def _write_plan(conn: Connection, plan: RebuildPlan, undo: UndoLog | None) -> None:
    if undo is not None:
        for old in plan.snapshots:
            undo.change("customers", old["id"], old)
    from core.imports.write import bulk_update, insert_rows

    if plan.inserts:
        insert_rows(conn, CUSTOMERS, plan.inserts)  # bulk (30,000 new customers in one import)
    by_cols: dict[tuple, list[dict]] = defaultdict(list)
    for u in plan.updates:
        by_cols[tuple(sorted(k for k in u if k != "_key"))].append(u)
    for cols, group in by_cols.items():
        bulk_update(conn, CUSTOMERS, "id", group, cols)
    for i in range(0, len(plan.removes), 500):
        conn.execute(CUSTOMERS.delete().where(CUSTOMERS.c.id.in_(plan.removes[i:i + 500])))


class NewFigures(dict):
    """Buyer key → [name, paid orders, paid, refunds, first and last order time] of one platform's
    paid orders with a key, gathered while its first import writes them (on SQLite, the values as
    stored: text compares as SQLite compares it): the aggregates ``_insert_new_customers`` would
    read back with GROUP BY, without reading 100,000 orders again at the end of the import."""

    def add(self, key: str | None, name: str, paid: int, refund: int, created) -> None:
        if not key:
            return
        f = self.get(key)
        if f is None:
            self[key] = [name, 1, paid, refund, created, created]
            return
        if name > f[0]:
            f[0] = name
        f[1] += 1
        f[2] += paid
        f[3] += refund
        if created is not None:
            if f[4] is None or created < f[4]:
                f[4] = created
            if f[5] is None or created > f[5]:
                f[5] = created


_NEW_COLUMNS = ["platform", "buyer_key", "name", "orders_count", "spend_fen", "refund_fen", "first_order_at", "last_order_at"]


def _insert_new_customers(conn: Connection, platform: str, gathered: NewFigures | None = None) -> int:
    """Customers for the buyer keys of ``platform``'s paid orders that have none yet, in one
    INSERT … SELECT (portable SQL), with the figures ``order_figures`` gives, or (SQLite, a first
    import's ``gathered`` figures) one bulk insert of the same rows in the same order; their favourite
    categories follow. Not for a channel in another currency (its spend needs each month's rate)."""
    o = ORDERS.c
    known = select(CUSTOMERS.c.buyer_key).where(CUSTOMERS.c.platform == platform)
    before = conn.execute(select(func.coalesce(func.max(CUSTOMERS.c.id), 0))).scalar_one()
    columns = _NEW_COLUMNS
    if gathered is not None and raw_bulk(conn):
        have = {k for (k,) in conn.execute(known)}
        # The columns' own defaults, as INSERT … FROM SELECT renders them.
        defaults = [(c.name, c.default.arg) for c in CUSTOMERS.c  # type: ignore[union-attr]
                    if c.name not in columns and c.name != "id" and c.default is not None and c.default.is_scalar]
        fixed = tuple(v for _, v in defaults)
        rows = [(platform, k, f[0], f[1], f[2] - f[3], f[3], f[4], f[5], *fixed)
                for k, f in sorted(gathered.items()) if k not in have]  # ORDER BY buyer_key: SQLite's binary order
        names = columns + [n for n, _ in defaults]
        if rows:
            conn.exec_driver_sql(f"INSERT INTO customers ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                                 rows)
        added = len(rows)
    else:
        paid, refund = func.coalesce(func.sum(o.paid_fen), 0), func.coalesce(func.sum(o.refund_fen), 0)
        figures = (
            select(o.platform, o.buyer_key, func.coalesce(func.max(o.buyer_name), ""), func.count(), paid - refund,
                   refund, func.min(o.created_at), func.max(o.created_at))
            .where(_keyed_paid(platform), o.buyer_key.not_in(known))
            .group_by(o.platform, o.buyer_key).order_by(o.buyer_key)
        )
        added = conn.execute(CUSTOMERS.insert().from_select(columns, figures)).rowcount
    if added and conn.execute(select(SKUS.c.code).where(SKUS.c.category != "").limit(1)).first() is not None:
        ids = dict(conn.execute(select(CUSTOMERS.c.buyer_key, CUSTOMERS.c.id).where(
            CUSTOMERS.c.platform == platform, CUSTOMERS.c.id > before)).all())
        new_keys = sorted(ids)
        updates = []
        for i in range(0, len(new_keys), KEY_CHUNK):
            for key, cats in _categories(conn, platform, new_keys[i:i + KEY_CHUNK]).items():
                updates.append({"categories": cats, "_key": ids[key]})
        from core.imports.write import bulk_update

        bulk_update(conn, CUSTOMERS, "id", updates, ["categories"])
    return max(added, 0)


def platforms_of(conn: Connection) -> list[str]:
    """Every platform that has orders or customers."""
    platforms = {p for (p,) in conn.execute(select(ORDERS.c.platform).distinct())}
    platforms |= {p for (p,) in conn.execute(select(CUSTOMERS.c.platform).distinct())}
    return sorted(platforms)


def rebuild_all(conn: Connection) -> dict[str, int]:
    """Every platform at once (tests and tools; the tab rebuilds through ``RebuildCustomers``)."""
    total = {"added": 0, "updated": 0, "removed": 0}
    for p in platforms_of(conn):
        for k, v in rebuild_customers(conn, p).items():
            total[k] += v
    return total
