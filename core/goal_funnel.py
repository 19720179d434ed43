"""The funnel of a year's targets: GMV = visitors × conversion × AOV (spec/kpi.md).

For each month the visitors its target needs = target ÷ (conversion × AOV), with conversion
(paying buyers ÷ visitors) and AOV (GMV ÷ paying buyers) from the same month last year when
the imported 生意参谋 traffic covers it, else from all the imported traffic. What-if: +x %
conversion and +y % AOV lower the visitors needed; with ad spend in the traffic imports, the
ad spend those visitors cost at the basis's cost per visitor. Unknown without any traffic.

``load_funnel_basis`` reads (through core.kpi, SQL that also runs on PostgreSQL); ``funnel``
is pure, so the tab recomputes the what-if as the owner types.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from core.goal_split import last_year, month_range

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Rates:
    """What a period says: visitors, the paying buyers on the days with traffic (conversion), GMV
    and all its paying buyers (AOV), and ad spend (fen)."""

    visitors: int
    buyers: int
    gmv: int
    gmv_buyers: int
    ad_spend: int = 0

    @property
    def usable(self) -> bool:
        return self.visitors > 0 and self.buyers > 0 and self.gmv > 0 and self.gmv_buyers > 0

    @property
    def conversion(self) -> Fraction:
        return Fraction(self.buyers, self.visitors)

    @property
    def aov(self) -> Fraction:
        return Fraction(self.gmv, self.gmv_buyers)

    @property
    def cost_per_visitor(self) -> Fraction | None:
        return Fraction(self.ad_spend, self.visitors) if self.ad_spend and self.visitors else None


@dataclass(frozen=True)
class FunnelBasis:
    year: int
    targets: tuple[int | None, ...]  # the 12 month goals (all channels and categories), fen
    last_year: tuple[Rates | None, ...]  # the same months last year (None: no traffic that month)
    overall: Rates | None  # every imported traffic day (None: traffic never imported)


@dataclass(frozen=True)
class FunnelMonth:
    start: dt.date
    target: int | None
    basis: str | None  # "last_year" | "traffic" | None (unknown)
    conversion: Fraction | None  # after the what-if
    aov: int | None  # fen, after the what-if
    visitors: int | None  # needed, rounded up
    ad_spend: int | None  # fen, rounded up; None without ad spend in the traffic


def load_funnel_basis(session: Session, year: int) -> FunnelBasis:
    from sqlalchemy import func, select

    from core.goal_grid import load_grid
    from core.kpi.numbers import compute_kpis_many
    from core.models import TrafficDaily

    targets = tuple(load_grid(session, year, "total").column_values(0))
    ranges = [tuple(last_year(d) for d in month_range(year, m)) for m in range(1, 13)]
    ranges = [(a, dt.date(a.year, 3, 1) - dt.timedelta(days=1)) if a.month == 2 else (a, b) for a, b in ranges]
    first, last = session.execute(select(func.min(TrafficDaily.day), func.max(TrafficDaily.day))).one()
    if first is None:
        return FunnelBasis(year, targets, (None,) * 12, None)
    results = compute_kpis_many(session, [*ranges, (first, last)])

    def rates(k) -> Rates | None:
        if not k.visitors:
            return None
        return Rates(k.visitors, k.traffic_buyers or 0, k.gmv, k.paying_buyers, k.ad_spend or 0)

    return FunnelBasis(year, targets, tuple(rates(k) for k in results[:12]), rates(results[12]))


def funnel(basis: FunnelBasis, conversion_uplift: Decimal | float | int = 0,
           aov_uplift: Decimal | float | int = 0) -> list[FunnelMonth]:
    """The 12 months' visitors (and ad spend) needed, with conversion and AOV raised by the
    what-if percentages (negative lowers them)."""
    up_c = 1 + Fraction(str(conversion_uplift)) / 100
    up_a = 1 + Fraction(str(aov_uplift)) / 100
    out = []
    for m in range(12):
        start = month_range(basis.year, m + 1)[0]
        target = basis.targets[m]
        own = basis.last_year[m]
        source, name = (own, "last_year") if own is not None and own.usable else \
            (basis.overall, "traffic") if basis.overall is not None and basis.overall.usable else (None, None)
        if source is None or up_c <= 0 or up_a <= 0:
            out.append(FunnelMonth(start, target, None, None, None, None, None))
            continue
        conversion, aov = source.conversion * up_c, source.aov * up_a
        visitors = math.ceil(Fraction(target) / (conversion * aov)) if target is not None else None
        cpv = source.cost_per_visitor
        spend = math.ceil(visitors * cpv) if visitors is not None and cpv is not None else None
        out.append(FunnelMonth(start, target, name, conversion, round(aov), visitors, spend))
    return out
