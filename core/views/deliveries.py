"""The Inventory tab's Open deliveries as a view: ``export deliveries FILE`` (core.deliveries).

One row per open delivery, late ones first (the latest first), then by expected date: the same rows
the tab's list shows with no supplier chosen. ``cost`` is the open quantity at the SKU's unit cost.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.i18n import t
from core.views.base import View, ViewParams
from core.views.columns import column as _c

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _status(code: str) -> str:
    from core.deliveries import status_label

    return status_label(code)


def _rows(session: Session, params: ViewParams) -> list[dict[str, Any]]:
    from sqlalchemy import select

    from core.deliveries import delivery_rows
    from core.models import Sku

    rows = delivery_rows(session, params.today)
    costs = dict(session.execute(select(Sku.code, Sku.cost_fen).where(Sku.code.in_({r.sku_code for r in rows}))).all()) \
        if rows else {}
    return [{"status": r.status, "days_late": r.days_late, "sku": r.sku_code, "title": r.title, "spec": r.spec,
             "supplier": r.supplier, "ordered": r.qty, "received": r.received, "open": r.open_qty,
             "ordered_on": r.ordered_on, "expected_on": r.expected_on,
             "cost_fen": r.open_qty * (costs.get(r.sku_code) or 0)} for r in rows]


DELIVERIES = View(
    "deliveries", lambda: t("Open deliveries"),
    (_c("status", "Status", label=_status), _c("days_late", "Days late", "int"), _c("sku", "SKU code"),
     _c("title", "Product"), _c("spec", "Spec"), _c("supplier", "Supplier"), _c("ordered", "Ordered", "int"),
     _c("received", "Received", "int"), _c("open", "Still to come", "int"), _c("ordered_on", "Ordered on", "date"),
     _c("expected_on", "Expected on", "date"), _c("cost_fen", "Cost", "money")),
    _rows,
)
