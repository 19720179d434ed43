"""Edits of membership: the tier rules, a recompute of every customer's tier, a rebuild of the
customers from the orders, and the tags and notes the owner keeps per customer."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.edits.base import FieldError, Recorder, read_row
from core.i18n import t
from core.models import Customer, PointsEntry, Tier, TierChange
from core.tiers import DEFAULT_TIERS
from core.typed_values import MAX_FEN

RULES = ("spend", "orders")
TIER_COUNT = 4  # 普通 / 银卡 / 金卡 / 黑卡


@dataclass(frozen=True)
class TierSpec:
    name: str
    threshold: int  # fen (spend) or orders; the lowest tier's is 0
    retention: int  # 保级: at or above it at the validity's end keeps the tier
    benefits: str = ""
    multiplier: int = 100  # points multiplier in percent (150 = ×1.5)


def _whole(name: str, label: str, value: Any, lo: int, hi: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
        raise FieldError(t("{field} must be a whole number between {lo} and {hi}.", field=label, lo=f"{lo:,}",
                           hi=f"{hi:,}"), field=name)
    return value


@dataclass(frozen=True)
class SetTierRules:
    """The whole tier rule set at once: one change, one Ctrl+Z. With ``today`` (the window's form)
    the members get their tiers and points by the new rules in the same change, as Recompute gives
    them: the table shows them at once, and one Ctrl+Z takes back the rules and the moves together."""

    rule: str
    window_days: int
    validity_days: int
    tiers: tuple[TierSpec, ...]
    points_per_yuan: int = 1
    points_expiry_months: int = 12
    today: dt.date | None = None
    topics: ClassVar[frozenset[str]] = frozenset({"tiers", "customers", "points"})

    @property
    def label(self) -> str:
        return t("Edit tier rules")

    def _validate(self) -> None:
        if self.rule not in RULES:
            raise FieldError(t("Choose whether tiers follow spend or orders."), field="rule")
        _whole("window_days", t("Window (days)"), self.window_days, 1, 3650)
        _whole("validity_days", t("Validity (days)"), self.validity_days, 1, 3650)
        _whole("points_per_yuan", t("Points per yuan"), self.points_per_yuan, 0, 100)
        _whole("points_expiry_months", t("Points valid (months)"), self.points_expiry_months, 1, 120)
        if len(self.tiers) != TIER_COUNT:
            raise ValueError("four tiers expected")  # a bug, not the owner's input
        names = set()
        top = MAX_FEN if self.rule == "spend" else 1_000_000
        for i, tier in enumerate(self.tiers):
            name = tier.name.strip()
            if not name:
                raise FieldError(t("Tier {n} has no name: type one, e.g. {example}.", n=i + 1, example=DEFAULT_TIERS[i][0]),
                                 field=f"name_{i}")
            if len(name) > 40:
                raise FieldError(t("Each tier needs a name of at most 40 characters."), field=f"name_{i}")
            if name in names:
                raise FieldError(t("Two tiers are called {name}; give each its own name.", name=name), field=f"name_{i}")
            names.add(name)
            if len(tier.benefits) > 2000:
                raise FieldError(t("The benefits text is {n} characters long; at most 2,000 fit.", n=len(tier.benefits)),
                                 field=f"benefits_{i}")
            _whole(f"multiplier_{i}", t("Points multiplier (%) of {tier}", tier=name), tier.multiplier, 0, 1000)
            if i == 0:
                continue
            _whole(f"threshold_{i}", t("Upgrade threshold of {tier}", tier=name), tier.threshold, 1, top)
            _whole(f"retention_{i}", t("Retention (保级) of {tier}", tier=name), tier.retention, 0, top)
            prev = self.tiers[i - 1]
            if tier.threshold <= prev.threshold:
                raise FieldError(t("{tier}'s upgrade threshold must be above {lower}'s: thresholds increase tier by tier.",
                                   tier=name, lower=prev.name.strip()), field=f"threshold_{i}")
            if tier.retention > tier.threshold:
                raise FieldError(t("{tier}'s retention (保级) threshold cannot be above its upgrade threshold.",
                                   tier=name), field=f"retention_{i}")

    def apply(self, session: Session, rec: Recorder) -> str | None:
        self._validate()
        by_rank = {r.rank: r.id for r in session.execute(select(Tier.id, Tier.rank).order_by(Tier.rank, Tier.id))}
        taken = dict(session.execute(select(Tier.name, Tier.id)).all())
        for i, spec in enumerate(self.tiers):
            values = {"name": spec.name.strip(), "rank": i, "rule": self.rule,
                      "threshold": 0 if i == 0 else spec.threshold, "retention_threshold": 0 if i == 0 else spec.retention,
                      "window_days": self.window_days, "validity_days": self.validity_days, "benefits": spec.benefits,
                      "points_per_yuan": self.points_per_yuan, "points_multiplier": spec.multiplier,
                      "points_expiry_months": self.points_expiry_months}
            other = taken.get(values["name"])
            if other is not None and other != by_rank.get(i):
                raise FieldError(t("A tier called {name} exists already.", name=values["name"]), field=f"name_{i}")
            if i in by_rank:
                rec.update(Tier, by_rank[i], values, title=t("Tier {name}", name=values["name"]))
            else:
                rec.insert(Tier, values, title=t("Tier {name}", name=values["name"]))
        if self.today is None:
            return None
        n, plan = recompute(session, rec, self.today, by="rules")
        return t("Edit tier rules ({n} members moved, {earned} points earned, {expired} expired)", n=f"{n:,}",
                 earned=f"{plan.earned:,}", expired=f"{plan.expired:,}")


@dataclass(frozen=True)
class RecomputeTiers:
    """Apply the tier rule to every customer today (core.tiers), then earn and expire points
    (core.points): one change, every tier move logged."""

    today: dt.date
    topics: ClassVar[frozenset[str]] = frozenset({"customers", "points"})

    @property
    def label(self) -> str:
        return t("Recompute tiers and points")

    def apply(self, session: Session, rec: Recorder) -> str:
        n, plan = recompute(session, rec, self.today)
        return t("Recompute tiers and points ({n} moved, {earned} points earned, {expired} expired)", n=n,
                 earned=f"{plan.earned:,}", expired=f"{plan.expired:,}")


def recompute(session: Session, rec: Recorder, today: dt.date, *, by: str = "recompute"):
    """Every customer's tier by the rules now stored, then points: ``(members moved, points plan)``.
    ``by`` is what the tier log names as the cause (``recompute``, or ``rules`` for a rule change)."""
    from core.member_scan import scan
    from core.tiers import change_row, plan_moves

    _rebuild_foreign_customers(session, rec)
    # One grouped pass finds whom the tier rule may move and who has orders still to earn on.
    found = scan(session.connection(), today)
    moves = plan_moves(found.rules, found.standings, today) if found.rules else []
    rec.prefetch(Customer, [m.customer_id for m in moves],
                 titles={m.customer_id: t("Customer #{id}", id=m.customer_id) for m in moves})
    for m in moves:
        rec.update(Customer, m.customer_id, {"tier_id": m.to_id, "tier_since": m.since},
                   title=t("Customer #{id}", id=m.customer_id))
        if m.reason != "renew":
            rec.insert(TierChange, change_row(m, by=by))
    n = sum(1 for m in moves if m.reason != "renew")
    return n, write_points(session, rec, today, found.short)


def _rebuild_foreign_customers(session: Session, rec: Recorder) -> None:
    """Customers of a channel in another currency first follow the rates as they are now (a rate
    typed since their spend was computed counts its orders): core.member_currency. Nothing to do
    in a yuan-only shop."""
    from core.member_currency import spend_channels

    _currencies, foreign = spend_channels(session.connection())
    follow_rates(session, rec, foreign)


def follow_rates(session: Session, rec: Recorder, platforms: list[str]) -> None:
    """The stored spend of ``platforms``' customers recomputed at the rates and currencies now set,
    in the caller's change (a rate or a channel's currency typed in Settings → Channels: one Ctrl+Z
    takes both back). Tiers and points move on Recompute, as after an import."""
    from core.customers import plan_rebuild

    for platform in platforms:
        _record_rebuild(rec, plan_rebuild(session.connection(), platform))


def _record_rebuild(rec: Recorder, plan) -> None:
    for row in plan.inserts:
        rec.insert(Customer, row, title=row["buyer_key"])
    rec.prefetch(Customer, [u["_key"] for u in plan.updates],  # one read, not one a customer
                 titles={u["_key"]: t("Customer #{id}", id=u["_key"]) for u in plan.updates})
    for u in plan.updates:
        values = {k: v for k, v in u.items() if k != "_key"}
        rec.update(Customer, u["_key"], values, title=t("Customer #{id}", id=u["_key"]))
    if plan.removes:
        rec.delete(Customer, plan.removes, kind="customer", title=t("Customers without orders"))


def write_points(session: Session, rec: Recorder, today: dt.date, short: list[int] | None = None):
    """Earn and expire points (core.points.plan_points) through the recorder."""
    from core.points import plan_points

    plan = plan_points(session.connection(), today, short)
    for line in plan.lines:
        rec.insert(PointsEntry, line, title=t("Points of customer #{id}", id=line["customer_id"]))
    for cid, points in plan.balances.items():
        rec.update(Customer, cid, {"points": points}, title=t("Customer #{id}", id=cid))
    return plan


@dataclass(frozen=True)
class AdjustPoints:
    """The owner adds or takes points with a reason: one ledger line, the balance follows.
    A deduction takes the oldest points first and cannot exceed what is left."""

    customer_id: int
    delta: int
    reason: str
    today: dt.date
    topics: ClassVar[frozenset[str]] = frozenset({"customers", "points"})

    @property
    def label(self) -> str:
        return t("Adjust points")

    def apply(self, session: Session, rec: Recorder) -> str:
        from core.points import expire_line, expiry_of, fifo, load_rule, read_lines

        row = read_row(session, Customer.__table__, (self.customer_id,))
        if row is None:
            raise FieldError(t("This customer no longer exists; it may have been removed."), field="customer")
        _whole("delta", t("Points to add or take"), self.delta, -10_000_000, 10_000_000)
        if self.delta == 0:
            raise FieldError(t("Enter the points to add (e.g. 200) or to take (e.g. -200); 0 changes nothing."),
                             field="delta")
        reason = (self.reason or "").strip()
        if not reason:
            raise FieldError(t("Say why (e.g. 积分兑换：10元券, 客服补偿): the ledger keeps the reason."), field="reason")
        if len(reason) > 200:
            raise FieldError(t("The reason is {n} characters long; at most 200 fit.", n=len(reason)), field="reason")
        conn = session.connection()
        replay = fifo(read_lines(conn, [self.customer_id]).get(self.customer_id, []), self.today)
        if self.delta < 0 and -self.delta > replay.available:
            raise FieldError(t("{name} has {n} points left; at most {n} can be taken.",
                               name=row["name"] or row["buyer_key"], n=f"{replay.available:,}"), field="delta")
        who = row["name"] or row["buyer_key"]
        lapsed = 0
        for when, amount in replay.due.items():  # points that lapsed meanwhile get their line first
            rec.insert(PointsEntry, expire_line(self.customer_id, when, amount), title=t("Points of {name}", name=who))
            lapsed += amount
        rule = load_rule(conn)
        now = dt.datetime.now().replace(microsecond=0)
        expires = expiry_of(self.today, rule.expiry_months if rule else 12) if self.delta > 0 else None
        rec.insert(PointsEntry, {"customer_id": self.customer_id, "at": now, "delta": self.delta, "kind": "adjust",
                                 "reason": reason, "order_no": "", "expires_at": expires},
                   title=t("Points of {name}", name=who))
        rec.update(Customer, self.customer_id, {"points": replay.balance - lapsed + self.delta}, title=who)
        return t("Adjust points of {name} ({delta})", name=who, delta=f"{self.delta:+,}")


@dataclass(frozen=True)
class RebuildCustomers:
    """Rebuild every customer's figures from the orders (core.customers), as an import does."""

    topics: ClassVar[frozenset[str]] = frozenset({"customers"})

    @property
    def label(self) -> str:
        return t("Rebuild customers from orders")

    def apply(self, session: Session, rec: Recorder) -> None:
        from core.customers import plan_rebuild, platforms_of

        for platform in platforms_of(session.connection()):
            _record_rebuild(rec, plan_rebuild(session.connection(), platform))


CUSTOMER_FIELDS = {"tags": 300, "note": 2000}


@dataclass(frozen=True)
class SetCustomerFields:
    """The owner's tags and note for one customer (typed in the Members table)."""

    customer_id: int
    values: tuple[tuple[str, Any], ...]
    topics: ClassVar[frozenset[str]] = frozenset({"customers"})

    @classmethod
    def of(cls, customer_id: int, **values: Any) -> SetCustomerFields:
        return cls(customer_id, tuple(values.items()))

    @property
    def label(self) -> str:
        return t("Edit customer")

    def apply(self, session: Session, rec: Recorder) -> str:
        row = read_row(session, Customer.__table__, (self.customer_id,))
        if row is None:
            raise FieldError(t("This customer no longer exists; it may have been removed."), field="id",
                             row=self.customer_id)
        checked = {}
        for name, value in self.values:
            if name not in CUSTOMER_FIELDS:
                raise ValueError(f"not an editable customer field: {name}")
            text = str(value or "").strip()
            if name == "tags":  # "老客，企业采购 / VIP" → "老客, 企业采购, VIP"
                parts = [p.strip() for p in text.replace("，", ",").replace("、", ",").replace("/", ",").split(",")]
                text = ", ".join(dict.fromkeys(p for p in parts if p))
            if len(text) > CUSTOMER_FIELDS[name]:
                raise FieldError(t("{field} is {n} characters long; at most {max} fit.",
                                   field=t("Tags") if name == "tags" else t("Note"), n=len(text),
                                   max=f"{CUSTOMER_FIELDS[name]:,}"), field=name, row=self.customer_id)
            checked[name] = text
        who = row["name"] or row["buyer_key"]
        rec.update(Customer, self.customer_id, checked, title=who)
        return t("Edit {customer}", customer=who)
