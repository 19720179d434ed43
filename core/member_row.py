"""A member as the Members tab and its exports show one (``MemberRow``), the RFM segments' summary row,
and the recall lists' defaults: the records ``core.member_index`` builds and ``core.members`` returns
(here, below both, so that neither imports the other's records)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

SLEEPING_DAYS = 180  # the default "sleeping" list: no paid order for more than this many days
NEAR_TIER = 0.8  # "close to the next tier": at least this share of the next threshold reached
LISTS = ("sleeping", "at_risk", "near_tier")


@dataclass(frozen=True)
class MemberRow:
    id: int
    platform: str
    buyer_key: str
    name: str
    tier: str
    orders: int
    spend_fen: int
    refund_fen: int
    first_order: dt.datetime | None
    last_order: dt.datetime | None
    days_since_last: int | None
    points: int
    categories: str
    tags: str
    note: str
    r: int | None
    f: int | None
    m: int | None
    segment: str  # core.rfm segment id ("" when not scored)
    segment_label: str
    next_tier: str
    to_next_tier: int | None  # fen (spend rule) or orders still needed; None at the top or without tiers
    tier_rule: str  # spend|orders
    lists: frozenset[str]  # which recall lists (LISTS) the customer is on
    # The same as flags, for the tab's list filter (which matches one field's value).
    on_sleeping: bool = False
    on_at_risk: bool = False
    on_near_tier: bool = False
    phone: str = ""  # as the export gave it (masked stays masked): for the recall lists


@dataclass(frozen=True)
class SegmentSummary:
    segment: str
    label: str
    customers: int
    spend_fen: int
    average_recency_days: float | None
