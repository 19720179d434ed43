"""The Inventory tab's badge, "Inventory (12)": the SKUs that need buying.

Counted here, without Qt widgets, so that the tab bar shows it from the start, before the
Inventory page is built (ui/lazy_tabs.py); the page shows the same count once it has loaded
(``urgent_count`` in ``InventoryTab.show_data``).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # core.inventory loads SQLAlchemy: only in load(), off the GUI thread
    from sqlalchemy.orm import Session

# core.inventory's status codes that mean "buy": out, below safety, at the reorder point, or due
# within the review period (not overstock / slow / dead). Spelled out like the tab's STATUS_ORDER;
# equal to core.inventory.NEEDS_BUYING, which the monthly plan's "Order now" lists (a test checks).
URGENT = ("out", "below_safety", "reorder", "low")
TOPICS = frozenset({"skus", "stock", "orders", "promotions", "imports", "settings"})  # InventoryTab.topics

Params = tuple[dt.date, tuple[tuple[str, object], ...]]


def view_params(ctx: Any) -> Params:
    """Plain values: today and every inventory choice in Settings (InventoryTab.view_params)."""
    return ctx.today(), tuple((k, v) for k, v in vars(ctx.settings).items() if k.startswith("inventory_"))


def urgent_count(rows: Iterable[Any]) -> int:
    return sum(1 for r in rows if r.status in URGENT)


def load(session: Session, params: Params) -> int:
    from core.inventory import inventory_params, inventory_rows
    from core.inventory_uplift import promotion_uplifts
    from core.settings import Settings

    today, choices = params
    inv = inventory_params(Settings(**dict(choices)))
    return urgent_count(inventory_rows(session, today, inv, promotion_uplifts(session, today, inv)))
