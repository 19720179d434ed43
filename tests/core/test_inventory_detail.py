"""The SKU detail panel's numbers (issue #13): 90 days of sales, the forecast with and without a
promotion, the projected stock down to the stock-out and the delivery, why the alert fired; and
the clearance promotion for slow movers. Fixture shop of test_inventory_alerts, values by hand."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from core.clearance import clearance_promotion
from core.edits import FieldError, History, apply_edit
from core.edits.stock import MarkOrdered
from core.inventory import InventoryParams, Uplift, inventory_rows
from core.inventory_detail import sku_detail, why
from core.models import Promotion
from core.promotions import promotion_rows
from tests.core.test_inventory_alerts import TODAY, shop  # noqa: F401 - the fixture

D = dt.timedelta
SOURCE = "618: expected 3.1× normal sales (last year's 618)"
UP = {"MIN": [Uplift(TODAY + D(days=3), TODAY + D(days=4), 3.1, SOURCE)]}


def detail(db, code, uplifts=None):
    with db.session() as s:
        rows = {r.sku_code: r for r in inventory_rows(s, TODAY, InventoryParams(), uplifts)}
        return sku_detail(s, rows[code], TODAY, InventoryParams(), (uplifts or {}).get(code, ()))


def test_ninety_days_of_sales_and_the_forecast_with_and_without_the_promotion(shop):
    d = detail(shop, "MIN", UP)
    assert len(d.sales) == 90 and d.sales[0][0] == TODAY - D(days=89) and d.sales[-1] == (TODAY, 2)
    assert sum(q for _d, q in d.sales) == 56 and [q for _d, q in d.sales[:62]] == [0] * 62
    assert d.forecast_base[:5] == [(TODAY + D(days=i), 2.0) for i in range(1, 6)]
    assert [round(v, 2) for _d, v in d.forecast[:5]] == [2.0, 2.0, 6.2, 6.2, 2.0]
    # 10 on hand: 8, 6, then 6.2 wanted on day 3: the shelf is empty and nothing is coming
    assert d.stock == [(TODAY, 10.0), (TODAY + D(days=1), 8.0), (TODAY + D(days=2), 6.0), (TODAY + D(days=3), 0.0)]
    assert d.row.stockout_date == TODAY + D(days=3) and d.row.order_by == TODAY - D(days=4)
    # 2026-11-16 is before today: overdue, not a deadline still to meet
    assert d.reason == f"{SOURCE} — overdue since 2026-11-16: order today"
    assert d.forecast[-1][0] == TODAY + D(days=30)  # at least a month ahead


def test_the_projected_stock_takes_the_delivery_on_its_stored_arrival_date(shop):
    apply_edit(shop, MarkOrdered((("MIN", 60),), TODAY))
    d = detail(shop, "MIN")
    assert d.delivery == (TODAY + D(days=7), 60)
    levels = dict(d.stock)
    assert [levels[TODAY + D(days=i)] for i in range(0, 8)] == [10, 8, 6, 4, 2, 0, 0, 60]
    assert levels[TODAY + D(days=36)] == 2 and d.stock[-1] == (TODAY + D(days=37), 0)
    # the row counts in transit as stock: 70 at 2 a day run out on day 36; the chart runs a week past it
    assert d.row.stockout_date == TODAY + D(days=36) and d.forecast[-1][0] == TODAY + D(days=43)


def test_why_each_alert_fired_in_one_sentence(shop):
    with shop.session() as s:
        rows = {r.sku_code: r for r in inventory_rows(s, TODAY)}
    assert why(rows["OUT"], TODAY) == "Out of stock: nothing on hand while it sold 1.00 a day — order 12 today."
    assert why(rows["MIN"], TODAY) == ("On hand and in transit (10) are at or below the reorder point 14 — "
                                       "overdue since 2026-11-19: order 60 today.")
    assert why(rows["OVER"], TODAY) == "120 days of cover, more than the 90 days allowed: overstocked, nothing to order."
    assert why(rows["SLOW"], TODAY) == "No sale for 45 days, with 20 on hand: slow-moving."
    assert why(rows["NOSALE"], TODAY).startswith("Never sold, with 40 on hand: dead stock")
    assert why(rows["VAR"], TODAY) == "No alert: the stock lasts until 2026-12-21; order by 2026-12-17."


def test_a_past_order_by_date_says_overdue_in_english_and_chinese_and_today_is_still_a_deadline(shop):
    from dataclasses import replace

    from core import i18n

    with shop.session() as s:
        rows = {r.sku_code: r for r in inventory_rows(s, TODAY)}
    raised = replace(rows["MIN"], uplift_source="2026 双12年终盛典：预计为平日销量的 1.4 倍（促销日历）")
    due_today = replace(rows["MIN"], order_by=TODAY)
    i18n.set_language("zh_CN")
    try:
        assert why(raised, TODAY) == "2026 双12年终盛典：预计为平日销量的 1.4 倍（促销日历）——已逾期（应于 2026-11-19 前下单）：今天下单"
        assert why(rows["MIN"], TODAY) == "在库加在途（10）已到或低于补货点 14——已逾期（应于 2026-11-19 前下单）：今天下单 60 件。"
    finally:
        i18n.set_language("en")
    assert why(due_today, TODAY) == "On hand and in transit (10) are at or below the reorder point 14 — order 60 by 2026-11-20."
    assert "overdue" not in why(replace(raised, order_by=TODAY), TODAY)


def test_a_sku_that_never_sold_has_a_flat_zero_forecast_and_keeps_its_stock(shop):
    d = detail(shop, "NOSALE")
    assert all(q == 0 for _d, q in d.sales) and all(v == 0 for _d, v in d.forecast)
    assert d.stock[0] == (TODAY, 40.0) and d.stock[-1] == (TODAY + D(days=30), 40.0)


def test_a_clearance_promotion_for_slow_movers_lands_in_the_calendar_and_undo_removes_it(shop):
    with shop.session() as s:
        rows = {r.sku_code: r for r in inventory_rows(s, TODAY)}
    edit = clearance_promotion([rows["SLOW"], rows["DEADOLD"]], TODAY)
    assert (edit.name, edit.kind, edit.start, edit.end) == (
        "Clearance · 2026-11-21", "own", dt.date(2026, 11, 21), dt.date(2026, 12, 4))  # tomorrow, 14 days
    history = History()
    history.apply(shop, edit)
    with shop.session() as s:
        promo = s.scalars(select(Promotion)).one()
        assert (promo.name, promo.kind, promo.scope["skus"]) == ("Clearance · 2026-11-21", "own", ["DEADOLD", "SLOW"])
        assert not promo.scope.get("categories")
        assert "SLOW, DEADOLD" in promo.note
        assert [(p.name, p.start, p.end) for p in promotion_rows(s, TODAY)] == [(promo.name, promo.start, promo.end)]
    history.undo(shop)
    with shop.session() as s:
        assert s.scalars(select(Promotion)).all() == []


def test_a_clearance_for_a_sku_that_is_gone_is_refused(shop):
    with shop.session() as s:
        rows = {r.sku_code: r for r in inventory_rows(s, TODAY)}
    edit = clearance_promotion([rows["SLOW"]], TODAY)
    from dataclasses import replace

    with pytest.raises(FieldError) as err:
        apply_edit(shop, replace(edit, scope={"skus": ["SLOW", "GONE"]}))
    assert err.value.field == "scope" and "GONE" in err.value.message
