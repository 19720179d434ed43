"""RFM (spec/kpi.md "Members"): recency, frequency and money scored 1–5 by quintiles.

R = days since the last paid order (fewer is better), F = paid orders, M = spend. A customer's
score is 1 + ⌊5 × (customers strictly worse) ÷ (customers scored)⌋, so equal values always get
the same score (ties kept together) and the best fifth scores 5. A score of 4 or 5 is "high".
The eight classic segments follow from high/low R, F and M (重要价值客户 … 一般挽留客户).
Customers with no paid order (known only from a member export without figures) get no score.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from core.i18n import t

HIGH = 4  # scores at or above count as high


@dataclass(frozen=True)
class Segment:
    id: str
    zh: str
    en: str

    @property
    def label(self) -> str:
        return t(self.en)


# (R high, F high, M high) → segment, in the order the owner reads them (most valuable first).
SEGMENTS: dict[tuple[bool, bool, bool], Segment] = {
    (True, True, True): Segment("champions", "重要价值客户", "Champions"),
    (False, True, True): Segment("cant_lose", "重要保持客户", "Loyal, slipping away"),
    (True, False, True): Segment("big_spenders", "重要发展客户", "Big spenders to develop"),
    (False, False, True): Segment("at_risk", "重要挽留客户", "At risk"),
    (True, True, False): Segment("loyal_small", "一般价值客户", "Loyal, small baskets"),
    (False, True, False): Segment("needs_attention", "一般保持客户", "Need attention"),
    (True, False, False): Segment("new", "一般发展客户", "New or occasional"),
    (False, False, False): Segment("lost", "一般挽留客户", "Lost"),
}
BY_ID = {s.id: s for s in SEGMENTS.values()}
HIGH_VALUE_SLIPPING = ("cant_lose", "at_risk")  # the "at-risk high-value" recall list


def quintile_scores(values: Sequence[int], *, lower_is_better: bool = False) -> list[int]:
    """Each value's 1–5 score among ``values`` (see the module docstring)."""
    n = len(values)
    if not n:
        return []
    ordered = sorted(values)
    out = []
    for v in values:
        worse = n - bisect_right(ordered, v) if lower_is_better else bisect_left(ordered, v)
        out.append(1 + (5 * worse) // n)
    return out


def segment_of(r: int, f: int, m: int) -> Segment:
    return SEGMENTS[(r >= HIGH, f >= HIGH, m >= HIGH)]


@dataclass(frozen=True)
class Scored:
    r: int
    f: int
    m: int
    segment: Segment


def score(recency: Sequence[int], orders: Sequence[int], spend: Sequence[int]) -> list[Scored]:
    """Scores and segments for customers given as parallel lists (one entry per customer)."""
    rs = quintile_scores(recency, lower_is_better=True)
    fs = quintile_scores(orders)
    ms = quintile_scores(spend)
    return [Scored(r, f, m, segment_of(r, f, m)) for r, f, m in zip(rs, fs, ms, strict=True)]
