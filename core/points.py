"""Member points (积分): earned on paid orders, valid for a number of months, spent oldest first.

The rule lives on the tiers (core.models.Tier, edited in the tier rules form): points per yuan
paid (the same for every tier) times the customer's tier multiplier (percent: 150 = ×1.5), each
lot valid ``points_expiry_months`` after the day it was earned. Every change of points is a line
in the ledger (``points_ledger``) and ``customers.points`` is always the sum of a customer's
lines; ``ledger_mismatches`` says whether that holds.

- **earn**: one line per paid order (its order number is the key, so re-importing or
  recomputing never earns twice), ⌊(paid − refunds) ÷ 100 × per yuan × multiplier ÷ 100⌋ points
  (in yuan: an order of a channel in another currency at its payment month's rate, none until that
  month has a rate; core.member_currency),
  dated the day it was paid, expiring at the start of the same day ``months`` later. Orders whose
  points would already have lapsed earn nothing. The multiplier is the customer's tier when the
  points are earned (at a recompute or an import).
- **adjust**: the owner's change with a reason (core.edits.members.AdjustPoints); a deduction
  takes the oldest points first and cannot exceed what is left; an addition expires like earned
  points.
- **expire**: a lot still unspent at the start of its expiry day lapses; one line per expiry day.
- **opening**: a balance a member export (Youzan 客户积分) brought in, kept as it was (no expiry).

``fifo`` replays one customer's lines in time order and is the single definition of what is
left, what lapsed and what is due to lapse. ``plan_points`` is what a recompute or an import writes.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from sqlalchemy import Connection, Table, and_, func, select

from core.i18n import t
from core.models import Customer, Order, PointsEntry, Tier

CUSTOMERS: Table = Customer.__table__  # type: ignore[assignment]
ORDERS: Table = Order.__table__  # type: ignore[assignment]
LEDGER: Table = PointsEntry.__table__  # type: ignore[assignment]
TIERS: Table = Tier.__table__  # type: ignore[assignment]
KINDS = ("earn", "adjust", "expire", "opening")
MAX_MULTIPLIER = 1000  # percent (×10)


@dataclass(frozen=True)
class PointsRule:
    per_yuan: int
    expiry_months: int
    multipliers: dict[int, int]  # tier id → percent
    base_multiplier: int  # the lowest tier's (for a customer without a tier)

    def multiplier(self, tier_id: int | None) -> int:
        return self.multipliers.get(tier_id, self.base_multiplier) if tier_id is not None else self.base_multiplier


def load_rule(conn: Connection) -> PointsRule | None:
    """The points rule, or None while the shop has no tiers (nothing is earned then)."""
    rows = conn.execute(select(TIERS.c.id, TIERS.c.points_per_yuan, TIERS.c.points_multiplier,
                               TIERS.c.points_expiry_months).order_by(TIERS.c.rank, TIERS.c.id)).all()
    if not rows:
        return None
    return PointsRule(rows[0][1], rows[0][3], {r[0]: r[2] for r in rows}, rows[0][2])


def earned_points(kept_fen: int, per_yuan: int, multiplier: int) -> int:
    """⌊kept yuan × per yuan × multiplier%⌋, in integers (fen × points × percent ÷ 10,000)."""
    return max(kept_fen, 0) * per_yuan * multiplier // 10_000


def expiry_of(day: dt.date, months: int) -> dt.datetime:
    """Points earned on ``day`` lapse at the start of the same day ``months`` later (the 31st → month end)."""
    return dt.datetime.combine(day + relativedelta(months=months), dt.time())


@dataclass(frozen=True)
class Line:
    at: dt.datetime
    delta: int
    kind: str
    expires_at: dt.datetime | None = None
    id: int = 0


@dataclass
class Replay:
    """One customer's ledger replayed: what is left (by lot) and what lapsed without a line yet."""

    balance: int = 0  # the sum of the lines
    lots: list[list] = field(default_factory=list)  # [expires_at | None, remaining], oldest first
    due: dict[dt.datetime, int] = field(default_factory=dict)  # expiry moment → points lapsed, no line yet

    @property
    def available(self) -> int:
        return sum(r for _, r in self.lots)


def fifo(lines: Iterable[Line], today: dt.date) -> Replay:
    """Replay ``lines`` in time order up to the start of ``today`` (see the module docstring)."""
    out = Replay()
    pending: dict[dt.datetime, int] = defaultdict(int)  # lapsed, not yet written as an expire line

    def lapse(until: dt.datetime) -> None:
        keep = []
        for lot in out.lots:
            if lot[0] is not None and lot[0] <= until:
                if lot[1]:
                    pending[lot[0]] += lot[1]
            else:
                keep.append(lot)
        out.lots = keep

    def take(amount: int) -> int:
        for lot in out.lots:
            used = min(lot[1], amount)
            lot[1] -= used
            amount -= used
            if not amount:
                break
        out.lots = [lot for lot in out.lots if lot[1]]
        return amount

    for line in sorted(lines, key=lambda x: (x.at, x.id)):
        lapse(line.at)
        out.balance += line.delta
        if line.delta > 0:
            out.lots.append([line.expires_at, line.delta])
        elif line.delta < 0:
            amount = -line.delta
            if line.kind == "expire":  # written for points that lapsed: settle those first
                for when in sorted(pending):
                    used = min(pending[when], amount)
                    pending[when] -= used
                    amount -= used
                    if not pending[when]:
                        del pending[when]
            take(amount)
    lapse(dt.datetime.combine(today, dt.time()))
    out.due = {k: v for k, v in sorted(pending.items()) if v}
    return out


def read_lines(conn: Connection, customer_ids: Sequence[int] | None = None) -> dict[int, list[Line]]:
    stmt = select(LEDGER.c.customer_id, LEDGER.c.at, LEDGER.c.delta, LEDGER.c.kind, LEDGER.c.expires_at, LEDGER.c.id)
    out: dict[int, list[Line]] = defaultdict(list)
    if customer_ids is None or len(customer_ids) > 20_000:  # most of the ledger: one scan beats many lookups
        wanted = None if customer_ids is None else set(customer_ids)
        for cid, at, delta, kind, exp, i in conn.execute(stmt).all():
            if wanted is None or cid in wanted:
                out[cid].append(Line(at, delta, kind, exp, i))
        return out
    ids = list(customer_ids)
    for k in range(0, len(ids), 5000):
        for cid, at, delta, kind, exp, i in conn.execute(stmt.where(LEDGER.c.customer_id.in_(ids[k:k + 5000]))).all():
            out[cid].append(Line(at, delta, kind, exp, i))
    return out


def earn_line(customer_id: int, order_no: str, paid_day: dt.date, points: int, months: int) -> dict:
    return {"customer_id": customer_id, "at": dt.datetime.combine(paid_day, dt.time(12)), "delta": points,
            "kind": "earn", "reason": "", "order_no": order_no, "expires_at": expiry_of(paid_day, months)}


def expire_line(customer_id: int, when: dt.datetime, points: int) -> dict:
    return {"customer_id": customer_id, "at": when, "delta": -points, "kind": "expire", "reason": "", "order_no": "",
            "expires_at": None}


@dataclass(frozen=True)
class PointsPlan:
    """What a recompute writes: new ledger lines and the balances they lead to (only changed ones)."""

    lines: list[dict]
    balances: dict[int, int]  # customer id → new ``customers.points``
    before: dict[int, int]  # customer id → ``customers.points`` now (for undo)

    @property
    def earned(self) -> int:
        return sum(x["delta"] for x in self.lines if x["kind"] == "earn")

    @property
    def expired(self) -> int:
        return -sum(x["delta"] for x in self.lines if x["kind"] == "expire")


def _short_of_lines(conn: Connection, since: dt.date, today: dt.date) -> list[int]:
    """Customers with more paid orders (kept > 0) in the earning window than earn lines in it: the
    only ones an order can still earn for. Two grouped counts over covering indexes, instead of
    looking every order up in the ledger."""
    orders = (select(ORDERS.c.platform, ORDERS.c.buyer_key, func.count().label("n"))
              .where(and_(ORDERS.c.is_paid == True, ORDERS.c.pay_date > since, ORDERS.c.pay_date <= today,  # noqa: E712
                          ORDERS.c.buyer_key.is_not(None), ORDERS.c.paid_fen - ORDERS.c.refund_fen > 0))
              .group_by(ORDERS.c.platform, ORDERS.c.buyer_key).subquery())
    lines = (select(LEDGER.c.customer_id, func.count().label("n"))
             .where(and_(LEDGER.c.kind == "earn", LEDGER.c.at > dt.datetime.combine(since, dt.time())))
             .group_by(LEDGER.c.customer_id).subquery())
    stmt = (select(CUSTOMERS.c.id)
            .select_from(orders.join(CUSTOMERS, and_(CUSTOMERS.c.platform == orders.c.platform,
                                                     CUSTOMERS.c.buyer_key == orders.c.buyer_key))
                         .outerjoin(lines, lines.c.customer_id == CUSTOMERS.c.id))
            .where(orders.c.n > func.coalesce(lines.c.n, 0)))
    return [cid for (cid,) in conn.execute(stmt).all()]


def _new_earnings(conn: Connection, rule: PointsRule, today: dt.date, short: list[int] | None = None) -> list[dict]:
    """Earn lines for paid orders of the last ``expiry_months`` that have none yet (only the
    customers ``_short_of_lines`` finds are looked up order by order)."""
    since = (dt.datetime.combine(today, dt.time()) - relativedelta(months=rule.expiry_months)).date()
    earned = select(LEDGER.c.id).where(and_(LEDGER.c.customer_id == CUSTOMERS.c.id,
                                            LEDGER.c.order_no == ORDERS.c.order_no)).exists()
    from core.member_currency import order_kept, spend_channels

    currencies, foreign = spend_channels(conn)
    stmt = (select(CUSTOMERS.c.id, CUSTOMERS.c.tier_id, ORDERS.c.order_no, ORDERS.c.pay_date,
                   ORDERS.c.paid_fen - ORDERS.c.refund_fen, ORDERS.c.platform, ORDERS.c.paid_fen, ORDERS.c.refund_fen)
            .select_from(ORDERS.join(CUSTOMERS, and_(CUSTOMERS.c.platform == ORDERS.c.platform,
                                                     CUSTOMERS.c.buyer_key == ORDERS.c.buyer_key)))
            .where(and_(ORDERS.c.is_paid == True, ORDERS.c.pay_date > since, ORDERS.c.pay_date <= today,  # noqa: E712
                        ORDERS.c.order_no != "", ~earned)))
    out, seen = [], set()
    ids = sorted(_short_of_lines(conn, since, today) if short is None else short)
    for i in range(0, len(ids), 5000):
        for cid, tier, no, day, kept, platform, paid, refund in conn.execute(
                stmt.where(CUSTOMERS.c.id.in_(ids[i:i + 5000]))).all():
            if foreign and platform in foreign:  # in yuan at its month's rate; no rate yet: earns later
                money = order_kept(currencies, platform, day, paid, refund)
                if money is None:
                    continue
                kept = money[0] - money[1]
            pts = earned_points(int(kept or 0), rule.per_yuan, rule.multiplier(tier))
            if pts > 0 and (cid, no) not in seen:
                seen.add((cid, no))
                out.append(earn_line(cid, no, day, pts, rule.expiry_months))
    return out


def _lapsing(conn: Connection, today: dt.date) -> set[int]:
    """Customers who may have points to expire: a lot lapsed by ``today`` later than their last
    expire line (a lot that was spent in full keeps its customer here; the replay finds nothing)."""
    last_expiry = (select(func.max(LEDGER.c.at)).where(and_(LEDGER.c.customer_id == CUSTOMERS.c.id,
                                                            LEDGER.c.kind == "expire"))
                   .scalar_subquery())
    lots = (select(LEDGER.c.customer_id.label("cid"), func.max(LEDGER.c.expires_at).label("lapsed"))
            .where(and_(LEDGER.c.delta > 0, LEDGER.c.expires_at.is_not(None),
                        LEDGER.c.expires_at <= dt.datetime.combine(today, dt.time())))
            .group_by(LEDGER.c.customer_id).subquery())
    stmt = (select(lots.c.cid).select_from(lots.join(CUSTOMERS, CUSTOMERS.c.id == lots.c.cid))
            .where(lots.c.lapsed > func.coalesce(last_expiry, dt.datetime(1900, 1, 1))))
    return {cid for (cid,) in conn.execute(stmt).all()}


def plan_points(conn: Connection, today: dt.date, short: list[int] | None = None) -> PointsPlan:
    """Earn on paid orders not yet in the ledger, write lapsed lots, reconcile member-export
    balances (as an opening line) and bring every balance to its ledger sum. Only the customers
    concerned are read and replayed: new earnings, lots lapsed since the last expiry line, and
    balances that differ from their ledger. ``short``: the customers ``_short_of_lines`` would
    find, when a scan found them already (core.member_scan)."""
    rule = load_rule(conn)
    new = _new_earnings(conn, rule, today, short) if rule is not None else []
    earned: dict[int, int] = defaultdict(int)
    for row in new:
        earned[row["customer_id"]] += row["delta"]
    _count, off = ledger_mismatches(conn, limit=None)
    sums = {m.customer_id: m.ledger for m in off}
    lapsing = _lapsing(conn, today)
    concerned = set(earned) | set(sums) | lapsing
    points: dict[int, int] = {}
    ids = sorted(concerned)
    for i in range(0, len(ids), 5000):
        chunk = ids[i:i + 5000]
        points.update(conn.execute(select(CUSTOMERS.c.id, CUSTOMERS.c.points).where(CUSTOMERS.c.id.in_(chunk))).all())
    lines = read_lines(conn, sorted(lapsing)) if lapsing else {}
    for row in new:
        if row["customer_id"] in lapsing:
            lines[row["customer_id"]].append(Line(row["at"], row["delta"], "earn", row["expires_at"]))
    opening = {m.customer_id for m in off if m.lines == 0 and m.points}
    balances: dict[int, int] = {}
    for cid in ids:
        if cid in opening:  # a member export's balance, no ledger yet: its opening line
            new.append({"customer_id": cid, "at": dt.datetime.combine(today, dt.time()), "delta": points[cid],
                        "kind": "opening", "reason": "", "order_no": "", "expires_at": None})
            if earned.get(cid):  # earned in the same recompute: the balance is opening + earned
                balances[cid] = points[cid] + earned[cid]
            continue
        total = sums.get(cid, points[cid]) + earned.get(cid, 0)
        if cid in lapsing:
            for when, amount in fifo(lines.get(cid, []), today).due.items():
                new.append(expire_line(cid, when, amount))
                total -= amount
        if total != points[cid]:
            balances[cid] = total
    return PointsPlan(new, balances, {cid: points[cid] for cid in balances})


def write_points_for_import(conn: Connection, undo, today: dt.date) -> int:
    """Earn and expire inside an import (its undo log takes them back). Returns the lines written."""
    from core.imports.write import bulk_update, max_id

    plan = plan_points(conn, today)
    for cid, before in plan.before.items():
        undo.change("customers", cid, {"id": cid, "points": before})
    if plan.balances:
        bulk_update(conn, CUSTOMERS, "id", [{"points": v, "_key": k} for k, v in plan.balances.items()], ("points",))
    if plan.lines:
        first = max_id(conn, LEDGER)
        conn.execute(LEDGER.insert(), plan.lines)
        for (lid,) in conn.execute(select(LEDGER.c.id).where(LEDGER.c.id > first)):
            undo.add("points_ledger", lid)
    return len(plan.lines)


@dataclass(frozen=True)
class Mismatch:
    customer_id: int
    name: str
    points: int
    ledger: int
    lines: int = 0


def ledger_mismatches(conn: Connection, limit: int | None = 100) -> tuple[int, list[Mismatch]]:
    """Customers whose ``points`` differ from the sum of their ledger: (how many, the first ``limit``;
    None: all)."""
    sums = (select(LEDGER.c.customer_id, func.sum(LEDGER.c.delta).label("total"), func.count().label("lines"))
            .group_by(LEDGER.c.customer_id).subquery())
    total = func.coalesce(sums.c.total, 0)
    stmt = (select(CUSTOMERS.c.id, CUSTOMERS.c.name, CUSTOMERS.c.buyer_key, CUSTOMERS.c.points, total,
                   func.coalesce(sums.c.lines, 0))
            .select_from(CUSTOMERS.outerjoin(sums, sums.c.customer_id == CUSTOMERS.c.id))
            .where(CUSTOMERS.c.points != total).order_by(CUSTOMERS.c.id))
    rows = conn.execute(stmt).all()
    return len(rows), [Mismatch(i, n or k, p, int(s), int(c)) for i, n, k, p, s, c in rows[:limit]]


@dataclass(frozen=True)
class LedgerRow:
    id: int
    at: dt.datetime
    delta: int
    kind: str
    kind_label: str
    reason: str
    order_no: str
    expires_at: dt.datetime | None
    balance: int  # after this line


def kind_label(kind: str) -> str:
    return {"earn": t("Earned"), "adjust": t("Adjusted"), "expire": t("Expired"),
            "opening": t("Opening balance (member export)")}.get(kind, kind or t("Earlier entry"))


def ledger_rows(conn: Connection, customer_id: int) -> list[LedgerRow]:
    """One customer's ledger, oldest first, with the running balance."""
    rows = conn.execute(select(LEDGER).where(LEDGER.c.customer_id == customer_id)
                        .order_by(LEDGER.c.at, LEDGER.c.id)).mappings().all()
    out, balance = [], 0
    for r in rows:
        balance += r["delta"]
        out.append(LedgerRow(r["id"], r["at"], r["delta"], r["kind"], kind_label(r["kind"]), r["reason"],
                             r["order_no"], r["expires_at"], balance))
    return out
