"""Membership tiers (会员等级): the rule set, and which tier each customer belongs in.

One rule for all tiers (spec/kpi.md "Members"): cumulative spend (paid minus refunds, fen) or
paid orders within a rolling window of ``window_days`` up to today. ``plan_moves`` applies it:

- a customer whose measure reaches a higher tier's upgrade threshold moves up at once, and that
  tier's validity starts today;
- a lower measure changes nothing until the validity (``validity_days`` from ``tier_since``)
  has ended; then a member at or above the tier's retention threshold (保级) keeps it for a new
  validity period, one below it drops one tier (never below the tier the measure qualifies for);
- a customer with no tier gets the one the measure qualifies for.

Spend is in yuan: a channel in another currency counts each order at its payment month's rate and
leaves out orders of months without a rate (core.member_currency); the SQL sums below cover the
yuan channels only, those channels are added in Python.

Every move is logged in ``tier_changes`` (from, to, why, the measure and the line compared).
``RecomputeTiers`` (core.edits.members) writes moves as one undoable edit; the importer writes
them inside the import (``write_moves_for_import``) so that undoing the import takes them back.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Table, and_, func, or_, select

from core.models import Customer, Order, Tier, TierChange

if TYPE_CHECKING:
    from core.currency import Currencies
    from core.imports.write import UndoLog

CUSTOMERS: Table = Customer.__table__  # type: ignore[assignment]
ORDERS: Table = Order.__table__  # type: ignore[assignment]
TIERS: Table = Tier.__table__  # type: ignore[assignment]
CHANGES: Table = TierChange.__table__  # type: ignore[assignment]

# The defaults offered when a shop has no tiers yet: name, upgrade (fen), 保级 (fen), benefits.
DEFAULT_TIERS = (
    ("普通会员", 0, 0, ""),
    ("银卡会员", 50_000, 30_000, ""),
    ("金卡会员", 200_000, 120_000, ""),
    ("黑卡会员", 500_000, 300_000, ""),
)


@dataclass(frozen=True)
class TierRule:
    id: int
    name: str
    rank: int
    rule: str  # spend|orders
    threshold: int
    retention: int
    window_days: int
    validity_days: int
    benefits: str


@dataclass(frozen=True)
class Standing:
    """A customer as the rule sees them."""

    customer_id: int
    tier_id: int | None
    tier_since: dt.date | None
    measure: int


@dataclass(frozen=True)
class TierMove:
    customer_id: int
    from_id: int | None
    to_id: int | None
    from_name: str
    to_name: str
    reason: str  # assign|upgrade|downgrade|renew (renew: 保级 met, new validity; not a change of tier)
    rule: str
    measure: int
    threshold: int
    since: dt.date


def load_rules(conn: Connection) -> list[TierRule]:
    rows = conn.execute(select(TIERS).order_by(TIERS.c.rank, TIERS.c.id)).mappings().all()
    return [TierRule(r["id"], r["name"], r["rank"], r["rule"], r["threshold"], r["retention_threshold"],
                     r["window_days"], r["validity_days"], r["benefits"]) for r in rows]


def window_start(rules: list[TierRule], today: dt.date) -> dt.date:
    return today - dt.timedelta(days=max(rules[0].window_days, 1) - 1)


def measure_query(rules: list[TierRule], today: dt.date, *, platforms: list[str] | None = None,
                  keys: list[str] | None = None, exclude: list[str] | None = None):
    """The window's measure per (platform, buyer key), as a subquery (``platform, buyer_key, measure``);
    ``platforms`` and ``keys``: only buyers on those channels with those keys; ``exclude``: channels
    left out (those in another currency, measured by core.member_currency)."""
    amount = func.count() if rules[0].rule == "orders" else func.sum(ORDERS.c.paid_fen - ORDERS.c.refund_fen)
    where = [ORDERS.c.is_paid == True, ORDERS.c.buyer_key.is_not(None), ORDERS.c.buyer_key != "",  # noqa: E712
             ORDERS.c.pay_date >= window_start(rules, today), ORDERS.c.pay_date <= today]
    if platforms is not None:
        where.append(ORDERS.c.platform.in_(platforms))
    if keys is not None:
        where.append(ORDERS.c.buyer_key.in_(keys))
    if exclude:
        where.append(ORDERS.c.platform.not_in(exclude))
    return (
        select(ORDERS.c.platform, ORDERS.c.buyer_key, amount.label("measure"))
        .where(and_(*where))
        .group_by(ORDERS.c.platform, ORDERS.c.buyer_key)
        .subquery()
    )


def measures(conn: Connection, rules: list[TierRule], today: dt.date) -> dict[tuple[str, str], int]:
    """Per (platform, buyer key): spend or paid orders in the window ending ``today``."""
    if not rules:
        return {}
    from core.member_currency import tier_spend_channels, window_spend

    currencies, foreign = tier_spend_channels(conn, rules)
    got = measure_query(rules, today, exclude=foreign)
    out = {(p, k): int(v or 0) for p, k, v in conn.execute(select(got))}
    if foreign:
        out.update(window_spend(conn, currencies, foreign, window_start(rules, today), today))  # type: ignore[arg-type]
    return out


def standings(conn: Connection, rules: list[TierRule], today: dt.date) -> list[Standing]:
    got = measures(conn, rules, today)
    rows = conn.execute(select(CUSTOMERS.c.id, CUSTOMERS.c.platform, CUSTOMERS.c.buyer_key, CUSTOMERS.c.tier_id,
                               CUSTOMERS.c.tier_since).order_by(CUSTOMERS.c.id)).all()
    return [Standing(i, tier, since, got.get((p, k), 0)) for i, p, k, tier, since in rows]


def qualified(rules: list[TierRule], measure: int) -> TierRule:
    """The highest tier whose upgrade threshold ``measure`` reaches (the lowest tier otherwise)."""
    best = rules[0]
    for r in rules:
        if measure >= r.threshold:
            best = r
    return best


def validity_end(rule: TierRule, since: dt.date | None) -> dt.date | None:
    return None if since is None else since + dt.timedelta(days=rule.validity_days)


def plan_moves(rules: list[TierRule], people: list[Standing], today: dt.date) -> list[TierMove]:
    """The moves (and 保级 renewals) the rule makes today; see the module docstring."""
    if not rules:
        return []
    by_id = {r.id: r for r in rules}
    index = {r.id: i for i, r in enumerate(rules)}
    moves = []
    for p in people:
        best = qualified(rules, p.measure)
        cur = by_id.get(p.tier_id) if p.tier_id is not None else None

        def move(to: TierRule, reason: str, threshold: int, p=p, cur=cur) -> TierMove:
            return TierMove(p.customer_id, cur.id if cur else None, to.id, cur.name if cur else "", to.name, reason,
                            rules[0].rule, p.measure, threshold, today)

        if cur is None:
            moves.append(move(best, "assign", best.threshold))
        elif best.rank > cur.rank:
            moves.append(move(best, "upgrade", best.threshold))
        elif index[cur.id] > 0:
            end = validity_end(cur, p.tier_since)
            if end is not None and today < end:
                continue
            if p.measure >= cur.retention:
                moves.append(move(cur, "renew", cur.retention))
            else:
                lower = rules[index[cur.id] - 1]
                to = best if best.rank > lower.rank else lower
                moves.append(move(to, "downgrade", cur.retention))
    return moves


def candidate_condition(rules: list[TierRule], today: dt.date, measure):
    """The SQL condition true for a customer ``plan_moves`` can move or renew today (``measure``:
    their window figure): no tier (or one that no longer exists), a measure at or above the upgrade
    threshold of a tier above theirs, or a validity that has ended. Every other customer keeps
    their tier, so ``plan_moves`` over these gives the same moves as over everyone."""
    ids = [r.id for r in rules]
    above, ended = [], []
    for i, r in enumerate(rules):
        higher = [x.threshold for x in rules[i + 1:]]
        if higher:
            above.append(and_(CUSTOMERS.c.tier_id == r.id, measure >= min(higher)))
        if i > 0:  # the lowest tier never ends (plan_moves: nothing below it)
            last_start = today - dt.timedelta(days=r.validity_days)  # since + validity <= today
            ended.append(and_(CUSTOMERS.c.tier_id == r.id,
                              or_(CUSTOMERS.c.tier_since.is_(None), CUSTOMERS.c.tier_since <= last_start)))
    return or_(CUSTOMERS.c.tier_id.is_(None), CUSTOMERS.c.tier_id.not_in(ids), *above, *ended)


def candidates(conn: Connection, rules: list[TierRule], today: dt.date) -> list[Standing]:
    """The customers ``candidate_condition`` finds, by grouped SQL instead of every customer in Python
    (customers of a channel in another currency: all of them, measured in yuan by core.member_currency)."""
    from core.member_currency import tier_spend_channels

    currencies, foreign = tier_spend_channels(conn, rules)
    got = measure_query(rules, today, exclude=foreign)
    measure = func.coalesce(got.c.measure, 0)
    condition = candidate_condition(rules, today, measure)
    stmt = (select(CUSTOMERS.c.id, CUSTOMERS.c.tier_id, CUSTOMERS.c.tier_since, measure)
            .select_from(CUSTOMERS.outerjoin(got, and_(got.c.platform == CUSTOMERS.c.platform,
                                                       got.c.buyer_key == CUSTOMERS.c.buyer_key)))
            .where(and_(CUSTOMERS.c.platform.not_in(foreign), condition) if foreign else condition)
            .order_by(CUSTOMERS.c.id))
    found = [Standing(i, tier, since, int(m or 0)) for i, tier, since, m in conn.execute(stmt)]
    if foreign:
        found = sorted(found + foreign_standings(conn, rules, today, currencies, foreign),  # type: ignore[arg-type]
                       key=lambda s: s.customer_id)
    return found


def foreign_standings(conn: Connection, rules: list[TierRule], today: dt.date, currencies: Currencies,
                      platforms: list[str]) -> list[Standing]:
    """Every customer of the foreign ``platforms`` with their window spend in fen (core.tiers.Standing).
    All of them, not only the candidates: ``plan_moves`` leaves the others where they are."""
    from core.member_currency import window_spend

    got = window_spend(conn, currencies, platforms, window_start(rules, today), today)
    c = CUSTOMERS.c
    rows = conn.execute(select(c.id, c.platform, c.buyer_key, c.tier_id, c.tier_since)
                        .where(c.platform.in_(platforms)).order_by(c.id))
    return [Standing(i, tier, since, got.get((p, k), 0)) for i, p, k, tier, since in rows]


def plan_today(conn: Connection, today: dt.date) -> list[TierMove]:
    rules = load_rules(conn)
    return plan_moves(rules, candidates(conn, rules, today), today) if rules else []


def change_row(m: TierMove, *, by: str, batch_id: int | None = None) -> dict:
    return {"customer_id": m.customer_id, "at": dt.datetime.now().replace(microsecond=0), "day": m.since,
            "from_tier": m.from_name, "to_tier": m.to_name, "reason": m.reason, "rule": m.rule,
            "measure": m.measure, "threshold": m.threshold, "by": by, "batch_id": batch_id}


def write_moves_for_import(conn: Connection, batch_id: int, undo: UndoLog, today: dt.date) -> int:
    """Recompute inside an import: each moved customer's tier (and its validity start) is
    recorded for undo, each log row is one the batch added. Returns how many moved tier."""
    moves = plan_today(conn, today)
    if not moves:
        return 0
    from core.imports.write import bulk_update, max_id

    ids = [m.customer_id for m in moves]
    before: dict[int, tuple] = {}
    for i in range(0, len(ids), 500):
        for cid, tier, since in conn.execute(select(CUSTOMERS.c.id, CUSTOMERS.c.tier_id, CUSTOMERS.c.tier_since)
                                             .where(CUSTOMERS.c.id.in_(ids[i:i + 500]))):
            before[cid] = (tier, since)
    for m in moves:
        tier, since = before[m.customer_id]
        undo.change("customers", m.customer_id, {"id": m.customer_id, "tier_id": tier, "tier_since": since})
    bulk_update(conn, CUSTOMERS, "id", [{"tier_id": m.to_id, "tier_since": m.since, "_key": m.customer_id} for m in moves],
                ("tier_id", "tier_since"))
    logged = [change_row(m, by="import", batch_id=batch_id) for m in moves if m.reason != "renew"]
    if logged:
        first = max_id(conn, CHANGES)
        conn.execute(CHANGES.insert(), logged)
        for (cid,) in conn.execute(select(CHANGES.c.id).where(CHANGES.c.id > first)):
            undo.add("tier_changes", cid)
    return len(logged)
