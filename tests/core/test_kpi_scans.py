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
    monkeypatch.setattr(series, "SKU_SCAN_SHARE", 0.0)
    ordered_by_buyer_and_sku = everything()
    monkeypatch.setattr(numbers, "BUYER_SCAN_SHARE", 2.0)
    monkeypatch.setattr(series, "SKU_SCAN_SHARE", 2.0)
    assert everything() == ordered_by_buyer_and_sku
    assert ordered_by_buyer_and_sku[0][0].value  # the demo shop sold in every range


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
