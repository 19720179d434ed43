"""The dashboard's scans give the same numbers whichever index order they take, and the
order columns they rely on (``core.orders.line_totals``) stay equal to the lines through
imports, re-imports and undo."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from core.imports import import_file, undo_batch
from core.kpi import DateRange, compute_charts, compute_dashboard, compute_kpis
from core.kpi import numbers, series
from tests.conftest import DEMO_END
from tests.helpers import exports as X

RANGES = [
    DateRange(DEMO_END - dt.timedelta(days=364), DEMO_END),  # long: buyer- and SKU-ordered scans
    DateRange(DEMO_END - dt.timedelta(days=29), DEMO_END),
    DateRange(dt.date(2026, 2, 28), dt.date(2026, 3, 1)),
]


@pytest.mark.parametrize("rng", RANGES, ids=["year", "30 days", "leap edge"])
@pytest.mark.parametrize("channel", [None, "taobao", "douyin"])
def test_buyer_and_date_ordered_scans_agree(demo_db, monkeypatch, rng, channel):
    def everything():
        dash = compute_dashboard(demo_db, rng, channel)
        charts = compute_charts(demo_db, rng, "week", channel, kpis=dash.current)
        return dash.cards, dash.current.by_channel, charts.top_skus, charts.category_share, charts.turnover

    monkeypatch.setattr(numbers, "BUYER_SCAN_SHARE", 0.0)
    ordered_by_buyer = everything()
    monkeypatch.setattr(numbers, "BUYER_SCAN_SHARE", 2.0)
    assert everything() == ordered_by_buyer
    assert ordered_by_buyer[0][0].value  # the demo shop sold in every range


@pytest.mark.parametrize("rng", RANGES, ids=["year", "30 days", "leap edge"])
@pytest.mark.parametrize("channel", [None, "douyin"])
def test_sku_sales_from_line_copies_equal_the_join_over_orders(demo_db, rng, channel):
    """SKU sales read the lines' copies of their order's facts; a join to orders (the
    definition, in core.kpi.series' docstring) gives the same units and fen."""
    joined = text("""
        SELECT l.sku_code, sum(l.qty), sum(CASE
            WHEN l.paid_fen IS NOT NULL THEN l.paid_fen
            WHEN o.open_weight_fen > 0 THEN (CAST(o.paid_fen - o.line_paid_fen AS FLOAT) * l.unit_price_fen * l.qty) / o.open_weight_fen
            WHEN o.open_qty > 0 THEN (CAST(o.paid_fen - o.line_paid_fen AS FLOAT) * l.qty) / o.open_qty
            ELSE 0 END)
        FROM orders o JOIN order_lines l ON l.order_id = o.id
        WHERE o.is_paid = 1 AND o.pay_date BETWEEN :s AND :e AND (:p IS NULL OR o.platform = :p)
        GROUP BY l.sku_code""")
    with demo_db.engine.connect() as conn:
        want = {code: (units, round(sales)) for code, units, sales in conn.execute(
            joined, {"s": rng.start.isoformat(), "e": rng.end.isoformat(), "p": channel})}
    got = {s.sku_code: (s.units, s.sales) for s in series.sku_sales(demo_db, rng, channel)}
    assert got == want
    assert sum(units for units, _ in got.values()) > 0


def _totals_match_lines(db) -> None:
    with db.engine.connect() as conn:
        wrong = conn.execute(text(
            "SELECT o.order_no, o.units, o.open_weight_fen, o.open_qty, o.line_paid_fen, "
            "(SELECT sum(qty) FROM order_lines WHERE order_id = o.id), "
            "(SELECT coalesce(sum(unit_price_fen * qty), 0) FROM order_lines WHERE order_id = o.id AND paid_fen IS NULL) "
            "FROM orders o"
        )).all()
    for no, units, weight, qty, paid, want_units, want_weight in wrong:
        assert (units, weight) == (want_units, want_weight), no
    _line_facts_match_orders(db)


def _line_facts_match_orders(db) -> None:
    """Every line's copies of its order's facts equal ``line_facts`` of the stored rows, to the bit."""
    from core.models import Order, OrderLine
    from core.orders import line_facts

    with db.session() as s:
        lines = s.query(OrderLine).all()
        assert lines
        for ln in lines:
            o = ln.order
            want = line_facts(
                {c: getattr(o, c) for c in ("is_paid", "pay_date", "platform", "paid_fen", "line_paid_fen",
                                            "open_weight_fen", "open_qty")},
                {"qty": ln.qty, "unit_price_fen": ln.unit_price_fen, "paid_fen": ln.paid_fen},
            )
            assert (ln.pay_date, ln.platform, ln.sales_fen) == (want["pay_date"], want["platform"], want["sales_fen"]), (
                o.order_no, ln.line_no)
        assert s.query(Order).count()


def test_line_totals_follow_reimports_and_undo(db, tmp_path):
    files = tmp_path
    orders = [X.taobao_order_row(str(n), buyer=f"b{n}", paid="100.00") for n in (1000, 1001)]
    import_file(db, X.taobao_orders_csv(files / "a.csv", orders))
    _totals_match_lines(db)
    detail = [
        {"订单编号": "1001", "标题": "A", "价格": "30", "购买数量": "2", "商家编码": "A"},
        {"订单编号": "1001", "标题": "B", "价格": "40", "购买数量": "1", "商家编码": "B"},
    ]
    first = import_file(db, X.taobao_lines_csv(files / "d.csv", detail)).batch_id
    _totals_match_lines(db)
    day = dt.date(2026, 5, 23)
    assert compute_kpis(db, day, day).units == 1 + 3
    detail[0]["购买数量"] = "5"
    second = import_file(db, X.taobao_lines_csv(files / "e.csv", detail)).batch_id
    _totals_match_lines(db)
    assert compute_kpis(db, day, day).units == 1 + 6
    undo_batch(db, second)
    _totals_match_lines(db)
    assert compute_kpis(db, day, day).units == 1 + 3
    undo_batch(db, first)
    _totals_match_lines(db)


def test_line_copies_follow_payment_amount_changes_and_undo(db, tmp_path):
    """An order paid on re-import, then with a new amount: its lines' payment date and share
    follow (order triggers), and undo puts both back."""
    detail = [
        {"订单编号": "2001", "标题": "A", "价格": "30", "购买数量": "2", "商家编码": "A"},
        {"订单编号": "2001", "标题": "B", "价格": "40", "购买数量": "1", "商家编码": "B"},
    ]
    unpaid = X.taobao_order_row("2001", paid="100.00", status="等待买家付款", paid_at=None)
    first = import_file(db, X.taobao_orders_csv(tmp_path / "a.csv", [unpaid])).batch_id
    import_file(db, X.taobao_lines_csv(tmp_path / "d.csv", detail))
    _totals_match_lines(db)
    year = DateRange(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert series.sku_sales(db, year) == []  # nothing paid yet

    paid = X.taobao_order_row("2001", paid="100.00")
    second = import_file(db, X.taobao_orders_csv(tmp_path / "b.csv", [paid])).batch_id
    _totals_match_lines(db)
    # 100.00 shared 60:40 by price × qty.
    assert [(s.sku_code, s.units, s.sales) for s in series.sku_sales(db, year)] == [("A", 2, 6000), ("B", 1, 4000)]

    third = import_file(db, X.taobao_orders_csv(tmp_path / "c.csv", [X.taobao_order_row("2001", paid="50.00")])).batch_id
    _totals_match_lines(db)
    assert [(s.sku_code, s.sales) for s in series.sku_sales(db, year)] == [("A", 3000), ("B", 2000)]

    undo_batch(db, third)
    undo_batch(db, second)
    _totals_match_lines(db)
    assert series.sku_sales(db, year) == []
    assert first
