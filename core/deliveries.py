"""Deliveries: what is on its way, one row per "Mark as ordered", each with its own expected date.

A SKU's stock in transit (``stock_levels.in_transit``, what the alerts count) is the sum of its
open deliveries' open quantities (ordered − received so far), its ``arrival_date`` the earliest
expected date among them: every delivery edit (core/edits/deliveries.py) keeps both so, and the
alert computation (core/inventory.py) reads them as before.

In transit can also be typed into the table or come from an import; ``reconcile`` then says what
the deliveries are: more in transit than the deliveries hold shows as one more delivery "not on an
order" (expected on the stored arrival date, or unknown), less takes the difference off the latest
deliveries. The Open deliveries view shows exactly that, and the next delivery edit of the SKU
writes it so (``core.edits.deliveries.settle``).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.i18n import t
from core.models import Delivery, Sku, StockLevel

OPEN, RECEIVED, SHORT, CANCELLED = "open", "received", "short", "cancelled"
LATE = "late"  # an open delivery whose expected date has passed (shown, not stored)


@dataclass(frozen=True)
class OpenDelivery:
    id: int | None  # None: in transit on the SKU but on no delivery (typed or imported)
    sku_code: str
    supplier: str
    qty: int  # ordered
    received: int
    open_qty: int  # still to come (ordered − received, less when in transit was lowered by hand)
    ordered_on: dt.date | None
    expected_on: dt.date | None  # None: unknown

    def late(self, today: dt.date) -> bool:
        return self.expected_on is not None and self.expected_on < today

    def arrives(self, today: dt.date, lead_time_days: int) -> dt.date:
        """When the projection expects it: its date (today at the earliest: a late one can come any
        day), or after the lead time when unknown."""
        return max(self.expected_on or today + dt.timedelta(days=max(lead_time_days, 0)), today)


@dataclass(frozen=True)
class DeliveryRow:
    """One line of the Open deliveries view: a delivery with its SKU's words and whether it is late."""

    id: int | None
    sku_code: str
    title: str
    spec: str
    supplier: str
    qty: int
    received: int
    open_qty: int
    ordered_on: dt.date | None
    expected_on: dt.date | None
    status: str  # open | late
    days_late: int


def _order(d: OpenDelivery) -> tuple:
    return (d.expected_on or dt.date.max, d.id if d.id is not None else 1 << 62)


def reconcile(deliveries: Sequence[OpenDelivery], in_transit: int, arrival_date: dt.date | None,
              code: str = "", supplier: str = "") -> list[OpenDelivery]:
    """The SKU's open deliveries holding exactly ``in_transit``, soonest first (see the module)."""
    kept = sorted((d for d in deliveries if d.open_qty > 0), key=_order)
    total = sum(d.open_qty for d in kept)
    if in_transit > total:
        extra = OpenDelivery(None, code, supplier, in_transit - total, 0, in_transit - total, None,
                             arrival_date if not kept else None)
        return sorted([*kept, extra], key=_order)
    cut = total - in_transit
    out: list[OpenDelivery] = []
    for d in reversed(kept):  # the latest give way first
        take = min(cut, d.open_qty)
        cut -= take
        if d.open_qty - take > 0:
            out.append(replace(d, open_qty=d.open_qty - take))
    return out[::-1]


def stored_open(session: Session, codes: Iterable[str] | None = None) -> dict[str, list[OpenDelivery]]:
    """The open deliveries as stored, by SKU."""
    q = (select(Delivery.id, Delivery.sku_code, Delivery.supplier, Delivery.qty, Delivery.received,
                Delivery.ordered_on, Delivery.expected_on).where(Delivery.status == OPEN).order_by(Delivery.id))
    if codes is not None:
        q = q.where(Delivery.sku_code.in_(list(codes)))
    out: dict[str, list[OpenDelivery]] = {}
    for i, code, supplier, qty, received, ordered, expected in session.execute(q):
        out.setdefault(code, []).append(OpenDelivery(i, code, supplier, qty, received, max(qty - received, 0),
                                                     ordered, expected))
    return out


def open_deliveries(session: Session, codes: Iterable[str] | None = None) -> dict[str, list[OpenDelivery]]:
    """Every SKU's open deliveries holding its stock in transit (``reconcile``), soonest first."""
    codes = list(codes) if codes is not None else None
    stored = stored_open(session, codes)
    q = (select(Sku.code, Sku.supplier, StockLevel.in_transit, StockLevel.arrival_date)
         .join(StockLevel, StockLevel.sku_code == Sku.code))
    q = q.where(Sku.code.in_(codes)) if codes is not None else q.where(StockLevel.in_transit > 0)
    out: dict[str, list[OpenDelivery]] = {}
    for code, supplier, in_transit, arrival in session.execute(q):
        found = reconcile(stored.get(code, []), in_transit or 0, arrival, code, supplier or "")
        if found:
            out[code] = found
    return out  # a SKU with deliveries but nothing in transit any more has none open


def delivery_rows(session: Session, today: dt.date, supplier: str | None = None) -> list[DeliveryRow]:
    """The Open deliveries view: late ones first (the latest first), then by expected date; ``supplier``
    keeps one supplier's (the SKU's supplier for stock not on an order)."""
    by_sku = open_deliveries(session)
    names = {code: (title or "", spec or "") for code, title, spec in session.execute(
        select(Sku.code, Sku.title, Sku.spec).where(Sku.code.in_(list(by_sku))))} if by_sku else {}
    rows = []
    for code, found in by_sku.items():
        title, spec = names.get(code, ("", ""))
        for d in found:
            if supplier is not None and d.supplier != supplier:
                continue
            late = d.late(today)
            rows.append(DeliveryRow(d.id, code, title, spec, d.supplier, d.qty, d.received, d.open_qty, d.ordered_on,
                                    d.expected_on, LATE if late else OPEN,
                                    (today - d.expected_on).days if late and d.expected_on else 0))
    return sorted(rows, key=lambda r: (r.status != LATE, -r.days_late, r.expected_on or dt.date.max, r.sku_code,
                                       r.id if r.id is not None else 1 << 62))


def late_sentence(deliveries: Sequence[OpenDelivery], today: dt.date) -> str:
    """"Delivery of 200 due 2026-12-01 is late (3 day(s))." for each late delivery, else ""."""
    return " ".join(t("Delivery of {qty} due {date} is late ({days} day(s)).", qty=f"{d.open_qty:,}",
                      date=d.expected_on.isoformat(), days=(today - d.expected_on).days)
                    for d in deliveries if d.late(today) and d.expected_on is not None)


def status_label(status: str) -> str:
    return {OPEN: t("Open"), LATE: t("Late"), RECEIVED: t("Received"), SHORT: t("Short-delivered"),
            CANCELLED: t("Cancelled")}.get(status, status)
