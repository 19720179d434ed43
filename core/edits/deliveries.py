"""Edits of deliveries (core.deliveries): Mark as ordered, Received (all, or what arrived of one
delivery), closing one as short-delivered, its expected date. Each keeps the SKU's
``stock_levels.in_transit`` = the sum of its open deliveries and ``arrival_date`` = the earliest.

Before changing a SKU's deliveries, ``settle`` writes what ``core.deliveries.reconcile`` shows (stock
in transit typed or imported without a delivery becomes one; less in transit than the deliveries
hold is taken off the latest), inside the same edit: one Ctrl+Z undoes both.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy.orm import Session

from core.deliveries import CANCELLED, OPEN, RECEIVED, SHORT, OpenDelivery, reconcile, stored_open
from core.edits.base import FieldError, Recorder, read_row
from core.i18n import t
from core.models import Delivery, Sku, StockLevel
from core.typed_values import MAX_COUNT

FAR = dt.timedelta(days=3 * 366)  # an expected date further off than this is a typing mistake


def _sku(session: Session, code: str) -> dict[str, Any]:
    row = read_row(session, Sku.__table__, (code,))
    if row is None:
        raise FieldError(t("SKU {sku} no longer exists; it may have been deleted.", sku=code), field="code", row=code)
    return row


def _title(code: str) -> str:
    return t("Stock of {sku}", sku=code)


def _delivery_title(row: dict[str, Any]) -> str:
    return t("Delivery of {sku} ordered {date}", sku=row["sku_code"],
             date=row["ordered_on"].isoformat() if row.get("ordered_on") else "—")


def settle(session: Session, rec: Recorder, code: str, today: dt.date) -> dict[int | None, int]:
    """Write the SKU's deliveries as ``reconcile`` shows them; returns each shown delivery's id (None:
    the one not on an order, now stored) → its stored id."""
    sku = _sku(session, code)
    stock = read_row(session, StockLevel.__table__, (code,))
    stored = stored_open(session, [code]).get(code, [])
    shown = reconcile(stored, stock["in_transit"] if stock else 0, stock["arrival_date"] if stock else None,
                      code, sku["supplier"] or "")
    ids: dict[int | None, int] = {d.id: d.id for d in stored if d.id is not None}
    left = {d.id: d for d in shown}
    for d in stored:
        now = left.get(d.id)
        if now is None:  # nothing of it is in transit any more
            rec.update(Delivery, d.id, {"status": SHORT if d.received else CANCELLED, "closed_on": today},
                       title=_delivery_title({"sku_code": code, "ordered_on": d.ordered_on}))
        elif now.open_qty != d.open_qty:
            rec.update(Delivery, d.id, {"qty": d.received + now.open_qty},
                       title=_delivery_title({"sku_code": code, "ordered_on": d.ordered_on}))
    extra = left.get(None)
    if extra is not None:
        (new_id,) = rec.insert(Delivery, {"sku_code": code, "supplier": extra.supplier, "qty": extra.open_qty,
                                          "received": 0, "ordered_on": None, "expected_on": extra.expected_on,
                                          "status": OPEN}, title=t("Delivery of {sku} not on an order", sku=code))
        ids[None] = new_id
    return ids


def sync_stock(session: Session, rec: Recorder, code: str, *, on_hand: int | None = None) -> None:
    """The SKU's in transit and arrival date from its open deliveries (and ``on_hand`` when given)."""
    found = stored_open(session, [code]).get(code, [])
    in_transit = sum(d.open_qty for d in found)
    known = [d.expected_on for d in found if d.expected_on is not None]
    values: dict[str, Any] = {"in_transit": in_transit, "arrival_date": min(known) if known else None}
    if on_hand is not None:
        values["on_hand"] = on_hand
        values["as_of"] = dt.datetime.now().replace(microsecond=0)
    stock = read_row(session, StockLevel.__table__, (code,))
    if stock is None:
        values.setdefault("on_hand", 0)
    elif all(stock[k] == v for k, v in values.items() if k != "as_of"):
        return
    rec.upsert(StockLevel, code, values, title=_title(code))


def _whole(value: Any, field: str, row: Any, what: str) -> int:
    """A typed quantity as a whole number, or a message saying what to type."""
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "")
        try:
            value = int(text)
        except ValueError:
            raise FieldError(t("{what}: “{text}” is not a whole number; type the units, e.g. 120.", what=what,
                               text=value.strip()), field=field, row=row) from None
    if not isinstance(value, int) or isinstance(value, bool):
        raise FieldError(t("{what} must be a whole number.", what=what), field=field, row=row)
    return value


@dataclass(frozen=True)
class MarkOrdered:
    """Purchase list → Mark as ordered: each line becomes a delivery of its own, ordered ``today`` and
    expected on ``today`` + the SKU's lead time (editable later in Open deliveries); the SKU's in
    transit grows by it and its typed quantity is used up."""

    lines: tuple[tuple[str, int], ...]
    today: dt.date
    topics: ClassVar[frozenset[str]] = frozenset({"skus", "stock"})

    @property
    def label(self) -> str:
        if len(self.lines) == 1:
            return t("Mark {sku} as ordered", sku=self.lines[0][0])
        return t("Mark {n} SKU(s) as ordered", n=len(self.lines))

    def apply(self, session: Session, rec: Recorder) -> None:
        if not self.lines:
            raise FieldError(t("There is nothing to order: select lines with a quantity above 0."), field="qty")
        for code, qty in self.lines:
            sku = _sku(session, code)
            if not isinstance(qty, int) or isinstance(qty, bool) or qty <= 0 or qty >= MAX_COUNT:
                raise FieldError(t("The quantity to order of {sku} must be a whole number above 0; type it in the "
                                   "Quantity column or leave the line out.", sku=code), field="qty", row=code)
            stock = read_row(session, StockLevel.__table__, (code,))
            in_transit = (stock["in_transit"] if stock else 0) + qty
            if in_transit >= MAX_COUNT:
                raise FieldError(t("{sku} would have {n} unit(s) in transit, more than ShopDesk can keep.", sku=code,
                                   n=f"{in_transit:,}"), field="qty", row=code)
            settle(session, rec, code, self.today)
            expected = self.today + dt.timedelta(days=max(sku["lead_time_days"] or 0, 0))
            rec.insert(Delivery, {"sku_code": code, "supplier": sku["supplier"] or "", "qty": qty, "received": 0,
                                  "ordered_on": self.today, "expected_on": expected, "status": OPEN},
                       title=t("Delivery of {sku} ordered {date}", sku=code, date=self.today.isoformat()))
            sync_stock(session, rec, code)
            if sku["order_qty"] is not None:
                rec.update(Sku, code, {"order_qty": None}, title=t("SKU {sku}", sku=code))


def _stock_after(session: Session, code: str, more: int, field: str, row: Any) -> int:
    stock = read_row(session, StockLevel.__table__, (code,))
    on_hand = (stock["on_hand"] if stock else 0) + more
    if on_hand >= MAX_COUNT:
        raise FieldError(t("{sku} would have {n} unit(s) on hand, more than ShopDesk can keep.", sku=code,
                           n=f"{on_hand:,}"), field=field, row=row)
    return on_hand


@dataclass(frozen=True)
class ReceiveStock:
    """Received (the alert list, on the selected SKUs): every open delivery of these SKUs arrived in
    full; what was in transit moves to on hand."""

    codes: tuple[str, ...]
    today: dt.date | None = None
    topics: ClassVar[frozenset[str]] = frozenset({"stock"})

    @property
    def label(self) -> str:
        if len(self.codes) == 1:
            return t("Receive {sku}", sku=self.codes[0])
        return t("Receive {n} SKU(s)", n=len(self.codes))

    def apply(self, session: Session, rec: Recorder) -> None:
        if not self.codes:
            raise FieldError(t("Select the SKUs whose delivery arrived first."), field="in_transit")
        today = self.today or dt.date.today()
        for code in self.codes:
            _sku(session, code)
            stock = read_row(session, StockLevel.__table__, (code,))
            if stock is None or stock["in_transit"] <= 0:
                raise FieldError(t("{sku} has nothing in transit; type what arrived into On hand instead.", sku=code),
                                 field="in_transit", row=code)
            on_hand = _stock_after(session, code, stock["in_transit"], "in_transit", code)
            settle(session, rec, code, today)
            for d in stored_open(session, [code]).get(code, []):
                rec.update(Delivery, d.id, {"received": d.received + d.open_qty, "status": RECEIVED,
                                            "closed_on": today},
                           title=_delivery_title({"sku_code": code, "ordered_on": d.ordered_on}))
            sync_stock(session, rec, code, on_hand=on_hand)


def _open_delivery(session: Session, rec: Recorder, code: str, delivery_id: int | None, today: dt.date) -> OpenDelivery:
    """The delivery as it stands after ``settle`` (``delivery_id`` None: the one not on an order)."""
    _sku(session, code)
    ids = settle(session, rec, code, today)
    stored_id = ids.get(delivery_id)
    found = {d.id: d for d in stored_open(session, [code]).get(code, [])}
    if stored_id is None or stored_id not in found:
        raise FieldError(t("This delivery of {sku} is no longer open (received, closed or deleted); reload the list.",
                           sku=code), field="delivery", row=delivery_id)
    return found[stored_id]


@dataclass(frozen=True)
class ReceiveDelivery:
    """Received on one delivery: ``qty`` of it arrived (default all of it) and moves to on hand. Less
    than open is a partial receipt: the rest stays open, or with ``close_short`` the delivery is closed
    as short-delivered (the rest will not come)."""

    sku_code: str
    delivery_id: int | None
    qty: Any  # as typed: a whole number 1 … the open quantity
    today: dt.date
    close_short: bool = False
    topics: ClassVar[frozenset[str]] = frozenset({"stock"})

    @property
    def label(self) -> str:
        return t("Receive {qty} of {sku}", qty=self.qty, sku=self.sku_code)

    def apply(self, session: Session, rec: Recorder) -> None:
        d = _open_delivery(session, rec, self.sku_code, self.delivery_id, self.today)
        what = t("Quantity received")
        qty = _whole(self.qty, "received", self.delivery_id, what)
        if qty <= 0:
            raise FieldError(t("{what} must be at least 1; to close a delivery that will not come, use "
                               "“Close as short-delivered”.", what=what), field="received", row=self.delivery_id)
        if qty > d.open_qty:
            raise FieldError(t("{what} is {qty}, more than the {open} still open on this delivery; type at most "
                               "{open}, and put a surplus into On hand.", what=what, qty=f"{qty:,}",
                               open=f"{d.open_qty:,}"), field="received", row=self.delivery_id)
        on_hand = _stock_after(session, self.sku_code, qty, "received", self.delivery_id)
        values: dict[str, Any] = {"received": d.received + qty}
        if qty == d.open_qty:
            values.update(status=RECEIVED if d.received + qty >= d.qty else SHORT, closed_on=self.today)
        elif self.close_short:
            values.update(status=SHORT, closed_on=self.today)
        rec.update(Delivery, d.id, values, title=_delivery_title({"sku_code": self.sku_code, "ordered_on": d.ordered_on}))
        sync_stock(session, rec, self.sku_code, on_hand=on_hand)


@dataclass(frozen=True)
class CloseDelivery:
    """Close a delivery as short-delivered: what is still open of it will not come (nothing moves to on
    hand; in transit drops by it). Nothing received at all: cancelled."""

    sku_code: str
    delivery_id: int | None
    today: dt.date
    topics: ClassVar[frozenset[str]] = frozenset({"stock"})

    @property
    def label(self) -> str:
        return t("Close a delivery of {sku} as short-delivered", sku=self.sku_code)

    def apply(self, session: Session, rec: Recorder) -> None:
        d = _open_delivery(session, rec, self.sku_code, self.delivery_id, self.today)
        rec.update(Delivery, d.id, {"status": SHORT if d.received else CANCELLED, "closed_on": self.today},
                   title=_delivery_title({"sku_code": self.sku_code, "ordered_on": d.ordered_on}))
        sync_stock(session, rec, self.sku_code)


@dataclass(frozen=True)
class SetDeliveryDate:
    """The date a delivery is expected (the supplier's confirmation, a delay)."""

    sku_code: str
    delivery_id: int | None
    expected_on: dt.date | None
    today: dt.date
    topics: ClassVar[frozenset[str]] = frozenset({"stock"})

    @property
    def label(self) -> str:
        return t("Expected date of a delivery of {sku}", sku=self.sku_code)

    def apply(self, session: Session, rec: Recorder) -> None:
        if not isinstance(self.expected_on, dt.date):
            raise FieldError(t("Type the expected date as YYYY-MM-DD, e.g. {day}.", day=self.today.isoformat()),
                             field="expected_on", row=self.delivery_id)
        d = _open_delivery(session, rec, self.sku_code, self.delivery_id, self.today)
        earliest = d.ordered_on or self.today - FAR
        if self.expected_on < earliest or self.expected_on > self.today + FAR:
            raise FieldError(t("A delivery ordered on {ordered} cannot be expected on {day}; type a date from {ordered} "
                               "to {last}.", ordered=earliest.isoformat(), day=self.expected_on.isoformat(),
                               last=(self.today + FAR).isoformat()), field="expected_on", row=self.delivery_id)
        rec.update(Delivery, d.id, {"expected_on": self.expected_on},
                   title=_delivery_title({"sku_code": self.sku_code, "ordered_on": d.ordered_on}))
        sync_stock(session, rec, self.sku_code)

