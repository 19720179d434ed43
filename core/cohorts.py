"""Repurchase by month and cohorts (spec/kpi.md "Members"): from the paid orders with a buyer key.

- **Repurchase rate** of a month: buyers (with a known key) with two or more paid orders in that
  month ÷ buyers with one or more (the KPI ``repurchase_rate`` over one month).
- **Cohorts**: buyers grouped by the month of their first paid order (ever); for each later
  month (+1, +2 …) the share of the cohort with at least one paid order in that month. A month
  not yet reached is None (not 0).

Dates are the orders' pay dates; months are computed in Python (no SQL date functions).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, Table, and_, select

from core.kpi.series import MonthRate
from core.models import Order

ORDERS: Table = Order.__table__  # type: ignore[assignment]
COHORT_MONTHS = 12  # cohorts shown, and later months per cohort


def month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def month_of(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


def activity(conn: Connection, today: dt.date) -> dict[tuple[str, str], Counter]:
    """Per (platform, buyer key): paid orders per month index, up to ``today``."""
    out: dict[tuple[str, str], Counter] = defaultdict(Counter)
    stmt = (select(ORDERS.c.platform, ORDERS.c.buyer_key, ORDERS.c.pay_date)
            .where(and_(ORDERS.c.is_paid == True, ORDERS.c.buyer_key.is_not(None), ORDERS.c.buyer_key != "",  # noqa: E712
                        ORDERS.c.pay_date.is_not(None), ORDERS.c.pay_date <= today)))
    for platform, buyer, day in conn.execute(stmt):
        out[platform, buyer][day.year * 12 + day.month - 1] += 1
    return out


def repurchase_by_month(buyers: dict[tuple[str, str], Counter], today: dt.date,
                        months: int = COHORT_MONTHS) -> list[MonthRate]:
    """The last ``months`` months up to ``today``'s (the current month so far)."""
    last = month_index(today)
    known: Counter = Counter()
    repeat: Counter = Counter()
    for counts in buyers.values():
        for m, n in counts.items():
            if last - months < m <= last:
                known[m] += 1
                repeat[m] += n >= 2
    out = []
    for m in range(last - months + 1, last + 1):
        start = month_of(m)
        end = min(month_of(m + 1) - dt.timedelta(days=1), today)
        out.append(MonthRate(start, start, end, repeat[m] / known[m] if known[m] else None, known[m], repeat[m]))
    return out


@dataclass(frozen=True)
class Cohort:
    month: dt.date  # first day of the first-order month
    size: int
    returned: tuple[int, ...]  # buyers with a paid order in month +1, +2 … (only months reached)

    def share(self, k: int) -> float | None:
        """Share of the cohort buying in month +k (k ≥ 1); None when that month is not reached yet."""
        return self.returned[k - 1] / self.size if 0 < k <= len(self.returned) and self.size else None


def cohorts(buyers: dict[tuple[str, str], Counter], today: dt.date, count: int = COHORT_MONTHS,
            later: int = COHORT_MONTHS) -> list[Cohort]:
    """The last ``count`` first-order months up to ``today``'s, oldest first, each with up to ``later``
    later months."""
    last = month_index(today)
    first_month = last - count + 1
    size: Counter = Counter()
    back: dict[int, Counter] = defaultdict(Counter)
    for counts in buyers.values():
        first = min(counts)
        if first < first_month:
            continue
        size[first] += 1
        for m in counts:
            if 0 < m - first <= later:
                back[first][m - first] += 1
    out = []
    for m in range(first_month, last + 1):
        reached = min(last - m, later)
        out.append(Cohort(month_of(m), size[m], tuple(back[m][k] for k in range(1, reached + 1))))
    return out


@dataclass(frozen=True)
class CohortRow:
    """One cohort as the export and the tab's table show it: shares as fractions (None: not reached)."""

    cohort: str  # YYYY-MM
    customers: int
    shares: tuple[float | None, ...]


def cohort_rows(found: list[Cohort], later: int = COHORT_MONTHS) -> list[CohortRow]:
    return [CohortRow(c.month.strftime("%Y-%m"), c.size, tuple(c.share(k) for k in range(1, later + 1))) for c in found]
