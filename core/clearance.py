"""Slow movers → a 清仓 (clearance) promotion, pre-filled for the confirm dialog.

An own promotion named "清仓 · <start date>", on the chosen SKUs only (``Promotion.scope``
``{"skus": [...]}``, core.promotion_scope), from tomorrow for ``DAYS`` days, saved through ``AddPromotion`` so it
shows in the promotions calendar and one Ctrl+Z removes it.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from core.edits.promotions import AddPromotion
from core.i18n import t
from core.inventory import InventoryRow

DAYS = 14


def clearance_name(start: dt.date) -> str:
    return t("Clearance · {date}", date=start.isoformat())


def clearance_promotion(rows: Sequence[InventoryRow], today: dt.date, *, name: str | None = None,
                        start: dt.date | None = None, days: int = DAYS) -> AddPromotion:
    start = start or today + dt.timedelta(days=1)
    value = sum(r.stock_value_fen for r in rows)
    units = sum(r.on_hand for r in rows)
    note = t("Clearing {n} SKU(s): {units} unit(s) on hand, {value} at cost ({codes}).", n=len(rows), units=f"{units:,}",
             value=_yuan(value), codes=", ".join(r.sku_code for r in rows))
    return AddPromotion(name=clearance_name(start) if name is None else name, start=start,
                        end=start + dt.timedelta(days=max(days, 1) - 1), kind="own", note=note,
                        scope={"skus": [r.sku_code for r in rows]})


def _yuan(fen: int) -> str:
    from core.money import format_fen

    return format_fen(fen)
