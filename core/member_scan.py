"""One pass over the orders for a recompute with nothing (or little) to do.

A recompute needs, per customer, the tier window's measure (core.tiers) and whether a paid order
of the points' earning window still has no earn line (core.points). Both come from the same
orders grouped by buyer, so ``scan`` reads them in one grouped query, joined to the customers and
to the earn lines counted per customer, and returns only the customers concerned: those
``core.tiers.candidate_condition`` says may move, and those with more earnable orders than earn
lines. ``plan_moves`` and ``plan_points`` then work on these alone; the result is the same as
their separate queries give (a test compares them on random shops). Customers of a channel in
another currency are measured apart, in yuan (core.member_currency), and all of them are handed on.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from sqlalchemy import Connection, and_, case, func, literal, or_, select

from core.points import LEDGER, load_rule
from core.tiers import CUSTOMERS, ORDERS, Standing, TierRule, candidate_condition, load_rules, window_start


@dataclass(frozen=True)
class Scan:
    rules: list[TierRule]
    standings: list[Standing]  # the customers the tier rule may move (core.tiers.candidates)
    short: list[int] | None  # customers with an order still to earn on (None: no points rule)


def scan(conn: Connection, today: dt.date) -> Scan:
    rules = load_rules(conn)
    rule = load_rule(conn)
    if not rules and rule is None:
        return Scan(rules, [], None)
    from core.member_currency import tier_spend_channels
    from core.tiers import foreign_standings

    currencies, foreign = tier_spend_channels(conn, rules)
    o = ORDERS.c
    kept = o.paid_fen - o.refund_fen
    starts = []
    figures = []
    if rules:
        ws = window_start(rules, today)
        starts.append(ws)
        amount = literal(1) if rules[0].rule == "orders" else kept
        figures.append(func.sum(case((and_(o.pay_date >= ws, o.buyer_key != ""), amount), else_=0)).label("measure"))
    if rule is not None:
        since = (dt.datetime.combine(today, dt.time()) - relativedelta(months=rule.expiry_months)).date()
        starts.append(since + dt.timedelta(days=1))
        figures.append(func.sum(case((and_(o.pay_date > since, kept > 0), 1), else_=0)).label("earnable"))
    buyers = (select(o.platform, o.buyer_key, *figures)
              .where(and_(o.is_paid == True, o.buyer_key.is_not(None), o.pay_date >= min(starts),  # noqa: E712
                          o.pay_date <= today))
              .group_by(o.platform, o.buyer_key).subquery())
    joined = CUSTOMERS.outerjoin(buyers, and_(buyers.c.platform == CUSTOMERS.c.platform,
                                              buyers.c.buyer_key == CUSTOMERS.c.buyer_key))
    measure = func.coalesce(buyers.c.measure, 0) if rules else literal(0)
    tier_flag = candidate_condition(rules, today, measure) if rules else literal(False)
    if foreign:  # their spend is in another currency: measured apart, in yuan (core.member_currency)
        tier_flag = and_(CUSTOMERS.c.platform.not_in(foreign), tier_flag)
    if rule is not None:
        lines = (select(LEDGER.c.customer_id, func.count().label("n"))
                 .where(and_(LEDGER.c.kind == "earn", LEDGER.c.at > dt.datetime.combine(since, dt.time())))
                 .group_by(LEDGER.c.customer_id).subquery())
        joined = joined.outerjoin(lines, lines.c.customer_id == CUSTOMERS.c.id)
        short_flag = func.coalesce(buyers.c.earnable, 0) > func.coalesce(lines.c.n, 0)
    else:
        short_flag = literal(False)
    stmt = (select(CUSTOMERS.c.id, CUSTOMERS.c.tier_id, CUSTOMERS.c.tier_since, measure,
                   case((tier_flag, 1), else_=0), case((short_flag, 1), else_=0))
            .select_from(joined).where(or_(tier_flag, short_flag)).order_by(CUSTOMERS.c.id))
    standings, short = [], []
    for cid, tier, tier_since, m, moves, earns in conn.execute(stmt):
        if moves:
            standings.append(Standing(cid, tier, tier_since, int(m or 0)))
        if earns:
            short.append(cid)
    if foreign:
        standings = sorted(standings + foreign_standings(conn, rules, today, currencies, foreign),  # type: ignore[arg-type]
                           key=lambda s: s.customer_id)
    return Scan(rules, standings, short if rule is not None else None)
