"""Edits of a SKU's purchasing facts and its stock: what the Inventory table and its form change.

One edit type for any subset of the fields, so a typed cell, a pasted block and the SKU form
all validate the same way. Stock (on hand, in transit) lives in ``stock_levels``; the rest on
the SKU itself.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy.orm import Session

from core.edits.base import FieldError, Recorder, read_row
# Mark as ordered and Received write deliveries (core/edits/deliveries.py); imported here for older callers.
from core.edits.deliveries import MarkOrdered, ReceiveStock, settle, sync_stock  # noqa: F401
from core.i18n import t
from core.models import Sku, StockLevel
from core.typed_values import MAX_COUNT, MAX_FEN

STOCK_FIELDS = ("on_hand", "in_transit")
SKU_FIELDS = ("cost_fen", "supplier", "lead_time_days", "order_multiple", "min_order_qty", "safety_stock_override")
FIELDS = STOCK_FIELDS + SKU_FIELDS


def field_name(name: str) -> str:
    """The owner's word for a field, for labels and messages."""
    return {
        "on_hand": t("On hand"), "in_transit": t("In transit"), "cost_fen": t("Unit cost"),
        "supplier": t("Supplier"), "lead_time_days": t("Lead time (days)"),
        "order_multiple": t("Order multiple"), "min_order_qty": t("Minimum order"),
        "safety_stock_override": t("Safety stock"), "order_qty": t("Quantity to order"),
    }.get(name, name)


def _count(lo: int, hi: int, *, optional: bool = False) -> Callable[[str, Any], Any]:
    def check(name: str, value: Any) -> Any:
        if value is None and optional:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            raise FieldError(t("{field} must be a whole number.", field=field_name(name)), field=name)
        if value < lo or value > hi:
            raise FieldError(t("{field} must be between {lo} and {hi}; {value} was entered.",
                               field=field_name(name), lo=f"{lo:,}", hi=f"{hi:,}", value=f"{value:,}"), field=name)
        return value
    return check


def _money(name: str, value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise FieldError(t("{field} must be an amount in yuan.", field=field_name(name)), field=name)
    if value < 0 or value >= MAX_FEN:
        raise FieldError(t("{field} cannot be below ¥0; type 0 when it costs nothing.", field=field_name(name)), field=name)
    return value


def _supplier(name: str, value: Any) -> str:
    text = str(value or "").strip()
    if len(text) > 200:
        raise FieldError(t("The supplier's name is {n} characters long; at most 200 fit.", n=len(text)), field=name)
    return text


_CHECKS: dict[str, Callable[[str, Any], Any]] = {
    "on_hand": _count(0, MAX_COUNT - 1),
    "in_transit": _count(0, MAX_COUNT - 1),
    "cost_fen": _money,
    "supplier": _supplier,
    "lead_time_days": _count(0, 365),
    "order_multiple": _count(1, 100_000),
    "min_order_qty": _count(0, MAX_COUNT - 1),
    "safety_stock_override": _count(0, MAX_COUNT - 1, optional=True),
}


@dataclass(frozen=True)
class SetSkuFields:
    """Set some of a SKU's stock and purchasing fields."""

    code: str
    values: tuple[tuple[str, Any], ...]
    topics: ClassVar[frozenset[str]] = frozenset({"skus", "stock"})

    @classmethod
    def of(cls, code: str, **values: Any) -> SetSkuFields:
        return cls(code, tuple(values.items()))

    @property
    def label(self) -> str:
        names = [field_name(n) for n, _v in self.values]
        if len(names) == 1:
            return t("Edit {field} of {sku}", field=names[0], sku=self.code)
        return t("Edit {sku}", sku=self.code)

    def apply(self, session: Session, rec: Recorder) -> None:
        # Core reads, not session.get: a pasted block writes the same row several times in one
        # session, and the ORM's identity map would answer with the first read's values.
        if read_row(session, Sku.__table__, (self.code,)) is None:
            raise FieldError(t("SKU {sku} no longer exists; it may have been deleted.", sku=self.code),
                             field="code", row=self.code)
        checked: dict[str, Any] = {}
        for name, value in self.values:
            if name not in _CHECKS:
                raise ValueError(f"not an editable SKU field: {name}")  # a bug, not the owner's input
            try:
                checked[name] = _CHECKS[name](name, value)
            except FieldError as exc:
                exc.row = self.code
                raise
        stock = {k: v for k, v in checked.items() if k in STOCK_FIELDS}
        other = {k: v for k, v in checked.items() if k in SKU_FIELDS}
        title = t("SKU {sku}", sku=self.code)
        if other:
            rec.update(Sku, self.code, other, title=title)
        if stock:
            current = read_row(session, StockLevel.__table__, (self.code,))
            unchanged = current is not None and all(current[k] == v for k, v in stock.items())
            if not unchanged:  # a stock count's date moves only when the count does
                rec.upsert(StockLevel, self.code, {**stock, "as_of": dt.datetime.now().replace(microsecond=0)},
                           title=t("Stock of {sku}", sku=self.code))
                if "in_transit" in stock:  # the deliveries hold what was typed (core.deliveries.reconcile)
                    settle(session, rec, self.code, dt.date.today())
                    sync_stock(session, rec, self.code)


@dataclass(frozen=True)
class CountStock:
    """A stock count (盘点): the counted on hand of many SKUs, saved as one change."""

    counts: tuple[tuple[str, int], ...]
    topics: ClassVar[frozenset[str]] = frozenset({"stock"})

    @property
    def label(self) -> str:
        if len(self.counts) == 1:
            return t("Stock count of {sku}", sku=self.counts[0][0])
        return t("Stock count of {n} SKU(s)", n=len(self.counts))

    def apply(self, session: Session, rec: Recorder) -> None:
        if not self.counts:
            raise FieldError(t("Type or paste at least one counted quantity first."), field="counted")
        check = _CHECKS["on_hand"]
        now = dt.datetime.now().replace(microsecond=0)
        for code, counted in self.counts:
            if read_row(session, Sku.__table__, (code,)) is None:
                raise FieldError(t("SKU {sku} is not in the shop; it may have been deleted.", sku=code),
                                 field="code", row=code)
            try:
                check("on_hand", counted)
            except FieldError as exc:
                exc.row, exc.field = code, "counted"
                raise
            # Every counted SKU gets the count's time, also when the count confirms the stock.
            rec.upsert(StockLevel, code, {"on_hand": counted, "as_of": now}, title=t("Stock of {sku}", sku=code))


# ---------------------------------------------------------------- the purchase list
_ORDER_QTY = _count(0, MAX_COUNT - 1, optional=True)


def _sku_row(session: Session, code: str) -> dict[str, Any]:
    row = read_row(session, Sku.__table__, (code,))
    if row is None:
        raise FieldError(t("SKU {sku} no longer exists; it may have been deleted.", sku=code), field="code", row=code)
    return row


@dataclass(frozen=True)
class SetOrderQty:
    """The quantity to order of some SKUs, as typed in the purchase list (None: back to the suggested
    order; 0: not this time). "Add to purchase list" sets the suggested quantities."""

    quantities: tuple[tuple[str, int | None], ...]
    topics: ClassVar[frozenset[str]] = frozenset({"skus"})

    @property
    def label(self) -> str:
        if len(self.quantities) == 1:
            return t("Quantity to order of {sku}", sku=self.quantities[0][0])
        return t("Quantity to order of {n} SKU(s)", n=len(self.quantities))

    def apply(self, session: Session, rec: Recorder) -> None:
        if not self.quantities:
            raise FieldError(t("Select at least one SKU first."), field="order_qty")
        for code, qty in self.quantities:
            _sku_row(session, code)
            try:
                checked = _ORDER_QTY("order_qty", qty)
            except FieldError as exc:
                exc.row = code
                raise
            rec.update(Sku, code, {"order_qty": checked}, title=t("SKU {sku}", sku=code))
