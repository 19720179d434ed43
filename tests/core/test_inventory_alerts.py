"""Per-SKU inventory numbers (issue #13) on fixture orders, against values worked out by hand.

Today is 2026-11-20, the window the default 28 days (2026-10-24 … 2026-11-20), z(95 %) = 1.6449.
"""
from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from sqlalchemy import insert

from core.edits import FieldError, apply_edit
from core.edits.stock import SetSkuFields
from core.views import ViewParams, view_rows
from core.inventory import (
    DEAD, LOW, OK, OUT, OVERSTOCK, REORDER, SLOW, InventoryParams, Uplift, inventory_params, inventory_rows,
    stockout_date,
)
from core.models import Order, OrderLine, Sku, StockLevel
from core.orders import derive_payment
from core.settings import Settings

TODAY = dt.date(2026, 11, 20)
_n = iter(range(1_000_000))


def sell(s, sku: str, day: dt.date, qty: int, paid: int) -> None:
    paid_at = dt.datetime.combine(day, dt.time(10))
    is_paid, pay_date = derive_payment("completed", paid_at, paid_at)
    oid = s.execute(insert(Order).values(platform="taobao", order_no=str(next(_n)), status="completed", paid_at=paid_at,
                                         created_at=paid_at, paid_fen=paid, is_paid=is_paid, pay_date=pay_date)).inserted_primary_key[0]
    s.execute(insert(OrderLine).values(order_id=oid, sku_code=sku, qty=qty, paid_fen=paid))


def sku(s, code: str, on_hand: int, in_transit: int = 0, **facts) -> None:
    s.execute(insert(Sku).values(code=code, title=code, **facts))
    s.execute(insert(StockLevel).values(sku_code=code, on_hand=on_hand, in_transit=in_transit))


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


@pytest.fixture
def shop(db):
    with db.transaction() as s:
        sku(s, "NOSALE", 40, cost_fen=300)  # never sold
        sku(s, "OUT", 0, lead_time_days=5, supplier="甲厂")  # 1 a day, nothing left
        sku(s, "MIN", 10, lead_time_days=7, order_multiple=12, min_order_qty=50, supplier="乙厂", cost_fen=800)  # 2 a day, minimum 50 in 12s
        sku(s, "OUT2", 0, lead_time_days=3, supplier="乙厂", cost_fen=500)  # 2 a day (given away), nothing left
        sku(s, "OVER", 1200, lead_time_days=10, cost_fen=500)  # 10 a day: 120 days of cover
        sku(s, "VAR", 30, lead_time_days=4)  # 28 today, nothing before
        sku(s, "ALT", 100, lead_time_days=7)  # weeks of 8, 4, 4 and 0
        sku(s, "SAFE", 40, lead_time_days=5, safety_stock_override=30)  # needs 2 more, but not before late December
        sku(s, "SLOW", 20)  # last sold 45 days ago
        sku(s, "DEADOLD", 5)  # last sold 100 days ago
        for i in range(28):
            sell(s, "OUT", days_ago(i), 1, 1000)
            sell(s, "MIN", days_ago(i), 2, 2000)
            sell(s, "OUT2", days_ago(i), 2, 0)
            sell(s, "SAFE", days_ago(i), 1, 0)
            sell(s, "OVER", days_ago(i), 10, 10000)
        sell(s, "VAR", TODAY, 28, 28000)
        for n, qty in ((0, 8), (7, 4), (14, 4)):
            sell(s, "ALT", days_ago(n), qty, qty * 1000)
        sell(s, "SLOW", days_ago(45), 1, 1000)
        sell(s, "DEADOLD", days_ago(100), 1, 1000)
    return db


def by_code(db, params=InventoryParams(), uplifts=None):
    with db.session() as s:
        return {r.sku_code: r for r in inventory_rows(s, TODAY, params, uplifts)}


def test_a_sku_that_never_sold_is_dead_stock_with_no_forecast(shop):
    r = by_code(shop)["NOSALE"]
    assert (r.avg_daily_sales, r.days_of_cover, r.stockout_date, r.order_by, r.suggested_qty) == (0, None, None, None, 0)
    assert (r.abc, r.xyz, r.status, r.flags) == ("C", "Z", DEAD, (DEAD,))
    assert (r.stock_value_fen, r.cogs_fen, r.turnover, r.days_of_inventory) == (12000, 0, 0, None)


def test_a_sku_without_sales_has_infinite_cover_in_the_tab_and_the_files_alike(shop, tmp_path):
    import csv
    import json

    from openpyxl import load_workbook

    from core.views import export_view

    params = ViewParams(TODAY)
    export_view(shop, "inventory-alerts", tmp_path / "a.csv", params)
    export_view(shop, "inventory-alerts", tmp_path / "a.json", params)
    export_view(shop, "inventory-alerts", tmp_path / "a.xlsx", params)
    with open(tmp_path / "a.csv", encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    header = next(i for i, row in enumerate(table) if "Days of cover" in row)
    col, code = table[header].index("Days of cover"), table[header].index("SKU code")
    cover = {row[code]: row[col] for row in table[header + 1:] if len(row) > col}
    # "∞" as the tab shows it (ui/tabs/inventory_tab.py), a number otherwise; JSON keeps null.
    assert (cover["NOSALE"], cover["OVER"]) == ("∞", "120.0")
    records = {r["sku"]: r for r in json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))}
    assert (records["NOSALE"]["days_of_cover"], records["OVER"]["days_of_cover"]) == (None, 120.0)
    sheet = load_workbook(tmp_path / "a.xlsx").active
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    top = next(i for i, row in enumerate(cells) if "Days of cover" in row)
    col, code = cells[top].index("Days of cover"), cells[top].index("SKU code")
    assert {row[code]: row[col] for row in cells[top + 1:]}["NOSALE"] == "∞"


def test_out_of_stock_runs_out_today_and_had_to_be_ordered_five_days_ago(shop):
    r = by_code(shop)["OUT"]
    assert r.status == OUT and REORDER in r.flags
    assert r.stockout_date == TODAY and r.order_by == dt.date(2026, 11, 15)
    # σ = 0 → safety 0; reorder point 1 × 5 = 5; 5 + 1 × 7 review days − 0 = 12
    assert (r.safety_stock, r.reorder_point, r.suggested_qty) == (0, 5, 12)
    assert r.turnover is None  # no cost, no stock: unknown, not 0


def test_minimum_order_then_multiple(shop):
    r = by_code(shop)["MIN"]
    # need = 14 + 2 × 7 − 10 = 18 → the minimum 50 → packs of 12: 60
    assert (r.reorder_point, r.suggested_qty, r.min_order_qty) == (14, 60, 50)
    # 10 units at 2 a day: days 1-5 covered, the 6th falls short
    assert r.days_of_cover == 5 and r.stockout_date == dt.date(2026, 11, 26)
    assert r.order_by == dt.date(2026, 11, 19)  # − 7 days lead time: yesterday
    assert r.flags == (REORDER, LOW) and r.xyz == "X"


def test_an_a_class_sku_selling_every_day_with_120_days_of_cover_is_overstock_not_slow(shop):
    r = by_code(shop)["OVER"]
    assert (r.abc, r.days_of_cover, r.status, r.flags) == ("A", 120, OVERSTOCK, (OVERSTOCK,))
    assert SLOW not in r.flags and DEAD not in r.flags
    assert r.stockout_date == TODAY + dt.timedelta(days=121) and r.order_by == TODAY + dt.timedelta(days=111)
    # COGS 280 × ¥5 = ¥1,400 over 28 days ÷ stock ¥6,000 = 0.2333; 28 ÷ 0.2333 = 120 days
    assert (r.cogs_fen, r.stock_value_fen) == (140000, 600000)
    assert r.turnover == pytest.approx(7 / 30) and r.days_of_inventory == pytest.approx(120)


def test_variable_demand_gets_safety_stock_and_its_xyz_letter(shop):
    rows = by_code(shop)
    var = rows["VAR"]
    # 28 on one day of 28: mean 1, daily σ = √(28²/28 − 1) = √27; safety ⌈1.6449 × √27 × √4⌉ = ⌈17.09⌉ = 18
    assert var.sigma == pytest.approx(27 ** 0.5) and var.safety_stock == 18 and var.reorder_point == 22
    # weeks: VAR 0, 0, 0, 28 → CV √147 / 7 = 1.73 (Z); ALT 0, 4, 4, 8 → CV √8 / 4 = 0.71 (Y); MIN 14 a week (X)
    assert (var.xyz, rows["ALT"].xyz, rows["MIN"].xyz) == ("Z", "Y", "X")
    assert var.suggested_qty == 0 and var.status == OK  # 30 ≥ 22; 22 + 7 − 30 < 0
    assert var.stockout_date == dt.date(2026, 12, 21) and var.order_by == dt.date(2026, 12, 17)
    # sales value: OVER 2,800, MIN 560, OUT 280, VAR 280, ALT 160 (yuan); shares before each decide
    assert [rows[c].abc for c in ("OVER", "MIN", "OUT", "VAR", "ALT")] == ["A", "A", "B", "B", "C"]


def test_slow_and_dead_are_kept_apart(shop):
    rows = by_code(shop)
    assert rows["SLOW"].flags == (SLOW,) and rows["DEADOLD"].flags == (DEAD,)
    longer = by_code(shop, InventoryParams(slow_no_sale_days=60))
    assert longer["SLOW"].status == OK


def test_the_window_and_service_level_come_from_settings(shop):
    params = inventory_params(Settings(inventory_window_days=14, inventory_service_level=0.99))
    assert (params.window_days, params.service_level) == (14, 0.99)
    rows = by_code(shop, params)
    assert rows["VAR"].avg_daily_sales == 2  # 28 in 14 days
    assert rows["VAR"].xyz == "Y"  # two weeks: 0 and 28, CV exactly 1.0
    assert rows["OVER"].safety_stock == 0 and rows["VAR"].safety_stock > 18


def test_stockout_date_with_an_uplift_window():
    # 10 at 1 a day; a ×3 promotion from day 3 to day 4 eats 6 of them: 2 + 6 = 8, then 2 more days
    up = [Uplift(TODAY + dt.timedelta(days=3), TODAY + dt.timedelta(days=4), 3.0)]
    assert stockout_date(10, Fraction(1), TODAY, 365) == TODAY + dt.timedelta(days=11)
    assert stockout_date(10, Fraction(1), TODAY, 365, up) == TODAY + dt.timedelta(days=7)
    assert stockout_date(10, Fraction(1, 100), TODAY, 365) is None  # beyond a year


def test_min_order_qty_is_edited_and_checked_like_the_other_fields(shop):
    apply_edit(shop, SetSkuFields.of("VAR", min_order_qty=100))
    assert by_code(shop)["VAR"].min_order_qty == 100
    with pytest.raises(FieldError) as err:
        apply_edit(shop, SetSkuFields.of("VAR", min_order_qty=-1))
    assert err.value.field == "min_order_qty" and "Minimum order" in err.value.message


def test_the_purchase_list_holds_what_must_be_ordered_by_today_grouped_by_supplier(shop):
    safe = by_code(shop)["SAFE"]
    assert safe.suggested_qty == 2 and safe.order_by == dt.date(2026, 12, 26)  # wanted, but not yet due
    lines = view_rows(shop, "purchase-list", ViewParams(TODAY))  # Settings' defaults: 28 days, 95 %
    assert [(p["supplier"], p["sku_code"], p["order_by"], p["qty"], p["cost_fen"]) for p in lines] == [
        ("乙厂", "OUT2", dt.date(2026, 11, 17), 20, 10000),  # reorder point 6 + 2 × 7 − 0
        ("乙厂", "MIN", dt.date(2026, 11, 19), 60, 48000),
        ("甲厂", "OUT", dt.date(2026, 11, 15), 12, 0),  # no cost known: ¥0, still listed
    ]


def test_export_rows_are_the_tab_rows_most_urgent_first(shop):
    rows = view_rows(shop, "inventory-alerts", ViewParams(TODAY))
    assert [r["sku_code"] for r in rows][:3] == ["OUT", "OUT2", "MIN"]
    over = next(r for r in rows if r["sku_code"] == "OVER")
    assert (over["status"], over["flags"], over["abc"], over["xyz"], over["order_by"]) == (
        "overstock", ("overstock",), "A", "X", dt.date(2027, 3, 11))
    assert set(rows[0]) >= {"sku_code", "title", "category", "supplier", "on_hand", "in_transit", "avg_daily_sales",
                            "sigma", "days_of_cover", "safety_stock", "reorder_point", "suggested_qty",
                            "stockout_date", "order_by", "abc", "xyz", "status", "uplift_source"}


def test_every_threshold_comes_from_settings_and_a_hand_edited_file_cannot_break_them(shop, tmp_path):
    import json

    from core import settings as settings_mod

    params = inventory_params(Settings(inventory_review_days=14, inventory_slow_days=60, inventory_dead_days=120,
                                       inventory_overstock_days=150, inventory_abc_a=0.5, inventory_abc_b=0.9,
                                       inventory_xyz_x=0.8, inventory_xyz_y=2.0))
    assert (params.review_days, params.slow_no_sale_days, params.dead_no_sale_days, params.overstock_cover_days,
            params.abc_a, params.abc_b, params.xyz_x, params.xyz_y) == (14, 60, 120, 150.0, 0.5, 0.9, 0.8, 2.0)
    rows = by_code(shop, params)
    assert rows["SLOW"].status == OK and rows["DEADOLD"].status == SLOW  # 100 days: slow, not yet dead
    assert OVERSTOCK not in rows["OVER"].flags  # 120 days of cover ≤ 150
    assert rows["ALT"].xyz == "X"  # CV 0.71 ≤ 0.8
    # ABC at 50 %: OVER alone (2,800 of 4,080 yuan) is A; MIN starts at 69 % → B
    assert (rows["OVER"].abc, rows["MIN"].abc) == ("A", "B")
    # MIN: 14 review days: need 14 + 2 × 14 − 10 = 32 → minimum 50 → 60; order-by within 14 days: low
    assert rows["MIN"].suggested_qty == 60 and LOW in rows["MIN"].flags

    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"inventory_abc_a": 0.97, "inventory_abc_b": 0.9, "inventory_slow_days": 3,
                                "inventory_xyz_y": "high"}), encoding="utf-8")
    loaded = settings_mod.load(path)
    # 0.97 is above A's range (default 0.8, below B's 0.9: kept); 3 days and "high" fall back too
    assert (loaded.inventory_abc_a, loaded.inventory_abc_b, loaded.inventory_slow_days, loaded.inventory_xyz_y) == (
        0.8, 0.9, 30, 1.0)
    path.write_text(json.dumps({"inventory_abc_a": 0.9, "inventory_abc_b": 0.85}), encoding="utf-8")
    loaded = settings_mod.load(path)  # a pair the wrong way round: both back to the defaults
    assert (loaded.inventory_abc_a, loaded.inventory_abc_b) == (0.8, 0.95)


def test_the_stretch_walk_matches_a_day_by_day_walk_on_random_promotions():
    import random

    rnd = random.Random(7)
    for _ in range(300):
        rate = Fraction(rnd.randint(1, 60), rnd.choice([7, 14, 28, 30]))
        stock = rnd.randint(0, 400)
        ups = []
        for _k in range(rnd.randint(0, 4)):
            start = TODAY + dt.timedelta(days=rnd.randint(-5, 120))
            ups.append(Uplift(start, start + dt.timedelta(days=rnd.randint(0, 20)), rnd.choice([1.2, 1.5, 2.0, 3.1, 0.8])))

        def factor(day):  # overlapping promotions: the larger factor
            return max([Fraction(str(u.factor)) for u in ups if u.start <= day <= u.end], default=Fraction(1))

        left, day, want = Fraction(stock), TODAY, None if stock > 0 else TODAY
        while want is None and day < TODAY + dt.timedelta(days=365):
            day += dt.timedelta(days=1)
            left -= rate * factor(day)
            if left < 0:
                want = day
        assert stockout_date(stock, rate, TODAY, 365, ups) == want, (stock, rate, ups)
