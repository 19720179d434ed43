"""Members (会员): customers with their tier, RFM segment, the lists the owner acts on, the tier log.

``member_rows`` is what the Members tab shows (and the ``members`` export view, core/views);
``tier_log_rows`` the tier
changes, newest first. Customers come from the orders (core.customers), tiers from the rule
(core.tiers), scores from core.rfm.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from core.i18n import t
from core.member_row import LISTS, NEAR_TIER, SLEEPING_DAYS, MemberRow, SegmentSummary
from core.models import Customer, Tier, TierChange

__all__ = ["LISTS", "NEAR_TIER", "SLEEPING_DAYS", "MemberRow", "SegmentSummary", "TierBar", "TierLogRow", "member_rows",
           "reason_text", "segment_summary", "tier_distribution", "tier_log_rows", "tier_names"]

def member_rows(session: Session, today: dt.date, *, sleeping_days: int = SLEEPING_DAYS) -> list[MemberRow]:
    """Every customer with tier, RFM, next tier and lists (the exports; the tab reads a page at a
    time through core.member_index, which this uses)."""
    from core.member_index import build_index

    conn = session.connection()
    return build_index(conn, today, sleeping_days=sleeping_days).all_rows(conn)


def tier_names(session: Session) -> list[str]:
    return list(session.scalars(select(Tier.name).order_by(Tier.rank)))


def segment_summary(rows: list[MemberRow]) -> list[SegmentSummary]:
    """Size, spend and average recency per RFM segment, in the segments' order (empty ones left out)."""
    from core.rfm import SEGMENTS

    groups: dict[str, list[MemberRow]] = defaultdict(list)
    for r in rows:
        if r.segment:
            groups[r.segment].append(r)
    out = []
    for seg in SEGMENTS.values():
        members = groups.get(seg.id)
        if not members:
            continue
        days = [m.days_since_last for m in members if m.days_since_last is not None]
        out.append(SegmentSummary(seg.id, seg.label, len(members), sum(m.spend_fen for m in members),
                                  sum(days) / len(days) if days else None))
    return out


@dataclass(frozen=True)
class TierLogRow:
    id: int
    at: dt.datetime
    customer: str
    platform: str
    from_tier: str
    to_tier: str
    why: str
    by: str


def reason_text(reason: str, rule: str, measure: int, threshold: int) -> str:
    from core.money import format_fen

    def amount(v: int) -> str:
        return format_fen(v) if rule == "spend" else t("{n} orders", n=f"{v:,}")

    if reason == "upgrade":
        return t("{measure} in the window reached the upgrade threshold {line}", measure=amount(measure), line=amount(threshold))
    if reason == "downgrade":
        return t("Validity ended with {measure}, below the retention (保级) threshold {line}",
                 measure=amount(measure), line=amount(threshold))
    return t("First tier: {measure} in the window", measure=amount(measure))


def tier_log_rows(session: Session, limit: int = 2000) -> list[TierLogRow]:
    c, ch = Customer.__table__, TierChange.__table__
    stmt = (select(ch, c.c.name, c.c.buyer_key, c.c.platform).join(c, c.c.id == ch.c.customer_id)
            .order_by(ch.c.at.desc(), ch.c.id.desc()).limit(limit))
    out = []
    for r in session.execute(stmt).mappings():
        by = {"import": t("Import"), "rules": t("Tier rules")}.get(r["by"], t("Recompute"))
        out.append(TierLogRow(r["id"], r["at"], r["name"] or r["buyer_key"], r["platform"], r["from_tier"],
                              r["to_tier"], reason_text(r["reason"], r["rule"], r["measure"], r["threshold"]), by))
    return out


@dataclass(frozen=True)
class TierBar:
    """A tier's members now and this month's moves into it (from below: up; from above: down)."""

    tier: str
    customers: int
    up: int
    down: int


def tier_distribution(session: Session, today: dt.date, rows: list[MemberRow] | dict[str, int]) -> list[TierBar]:
    """Members per tier (lowest first) and the upgrades/downgrades into each since the 1st of ``today``'s month.
    ``rows``: the members, or already their count per tier name (core.member_index)."""
    count: dict[str, int] = defaultdict(int)
    if isinstance(rows, dict):
        count.update(rows)
    else:
        for r in rows:
            if r.tier:
                count[r.tier] += 1
    ch = TierChange.__table__
    up: dict[str, int] = defaultdict(int)
    down: dict[str, int] = defaultdict(int)
    stmt = (select(ch.c.to_tier, ch.c.reason).where(ch.c.day >= today.replace(day=1), ch.c.day <= today,
                                                   ch.c.reason.in_(("upgrade", "downgrade"))))
    for to, reason in session.execute(stmt):
        (up if reason == "upgrade" else down)[to] += 1
    return [TierBar(name, count[name], up[name], down[name]) for name in tier_names(session)]


def currency_note(conn: Connection) -> tuple[str, str] | None:
    """What the Members tab says about other currencies: (level, text), or None for a yuan-only shop.

    ``warning`` when orders of a month without a rate are left out (or customers' spend was
    computed before the latest rates), else ``info`` naming the converted channels."""
    from core.member_currency import spend_channels

    currencies, foreign = spend_channels(conn)
    if not foreign:
        return None
    from core.customers import plan_rebuild
    from core.kpi.output import channel_label
    from core.currency import missing_rate_message
    from core.member_currency import missing_rates

    missing = missing_rates(conn, currencies, foreign)
    parts = [t("{orders} orders of {channel} ({why}) do not count toward spend, tiers or points.",
               orders=f"{m.orders:,}", channel=channel_label(m.platform), why=missing_rate_message(m.currency, m.months))
             for m in missing]
    stale = [p for p in foreign if not plan_rebuild(conn, p).empty]
    if stale:
        parts.append(t("Customers' spend on {channels} was computed at other rates than those now set: press Recompute "
                       "tiers and points.", channels=", ".join(channel_label(p) for p in stale)))
    elif missing:
        parts.append(t("Once the rate is set, press Recompute tiers and points to count them."))
    converted = t("Spend is in yuan: {channels} orders count at their payment month's rate.",
                  channels=", ".join(f"{channel_label(p)} ({currencies.currency_of(p)})" for p in foreign))
    if parts:
        return "warning", " ".join([*parts, converted])
    return "info", converted
