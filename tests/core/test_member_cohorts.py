"""Cohorts and repurchase by month (core.cohorts) on fixture orders, against hand-computed values,
and the Members charts drawn on a plain Figure."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import insert

from core.cohorts import activity, cohort_rows, cohorts, repurchase_by_month
from core.models import Order

TODAY = dt.date(2026, 4, 15)
# buyer → pay dates. Cohort 2026-01: A, B, C; cohort 2026-02: D, E; cohort 2026-03: F.
ORDERS = {
    "A": ["2026-01-05", "2026-02-10", "2026-04-01"],
    "B": ["2026-01-20", "2026-01-25", "2026-03-03"],
    "C": ["2026-01-31"],
    "D": ["2026-02-01", "2026-02-28", "2026-03-15", "2026-04-14"],
    "E": ["2026-02-14"],
    "F": ["2026-03-09", "2026-04-15", "2026-04-20"],  # the 04-20 order is after TODAY: not counted
    "G": ["2025-11-11", "2026-01-08"],  # first order before the cohorts shown
}


def _fill(db) -> None:
    with db.transaction() as s:
        n = 0
        for buyer, days in ORDERS.items():
            for d in days:
                n += 1
                day = dt.date.fromisoformat(d)
                s.execute(insert(Order).values(platform="taobao", order_no=str(n), buyer_key=buyer, status="completed",
                                               paid_fen=1000, is_paid=True, pay_date=day,
                                               created_at=dt.datetime.combine(day, dt.time(9))))
        # unpaid and keyless orders never count
        s.execute(insert(Order).values(platform="taobao", order_no="x1", buyer_key="C", status="closed", paid_fen=0,
                                       is_paid=False, pay_date=None))
        s.execute(insert(Order).values(platform="taobao", order_no="x2", buyer_key="", status="completed",
                                       paid_fen=500, is_paid=True, pay_date=dt.date(2026, 3, 1)))


def test_cohorts_match_the_hand_computed_shares(db):
    _fill(db)
    with db.engine.connect() as conn:
        found = cohorts(activity(conn, TODAY), TODAY, count=4, later=3)
    rows = {c.month.strftime("%Y-%m"): c for c in found}
    assert list(rows) == ["2026-01", "2026-02", "2026-03", "2026-04"]
    # 2026-01: A, B, C. +1 (Feb): A → 1/3; +2 (Mar): B → 1/3; +3 (Apr): A → 1/3.
    assert (rows["2026-01"].size, rows["2026-01"].returned) == (3, (1, 1, 1))
    # 2026-02: D, E. +1 (Mar): D → 1/2; +2 (Apr): D → 1/2; +3 not reached yet.
    assert (rows["2026-02"].size, rows["2026-02"].returned) == (2, (1, 1))
    assert rows["2026-02"].share(1) == 0.5 and rows["2026-02"].share(3) is None
    # 2026-03: F. +1 (Apr): F on 04-15 → 1/1.
    assert (rows["2026-03"].size, rows["2026-03"].returned) == (1, (1,))
    assert (rows["2026-04"].size, rows["2026-04"].returned) == (0, ())
    table = cohort_rows(found, later=3)
    assert table[0].shares == (1 / 3, 1 / 3, 1 / 3) and table[1].shares == (0.5, 0.5, None)


def test_repurchase_by_month_counts_buyers_with_two_orders_in_the_month(db):
    _fill(db)
    with db.engine.connect() as conn:
        months = {m.month.strftime("%Y-%m"): m for m in repurchase_by_month(activity(conn, TODAY), TODAY, months=4)}
    # Jan: A, B(2), C, G → 1 of 4. Feb: A, D(2), E → 1 of 3. Mar: B, D, F → 0 of 3. Apr: A, D, F → 0 of 3.
    assert [(k, m.repeat_buyers, m.known_buyers) for k, m in months.items()] == [
        ("2026-01", 1, 4), ("2026-02", 1, 3), ("2026-03", 0, 3), ("2026-04", 0, 3)]
    assert months["2026-01"].rate == 0.25 and months["2026-04"].end == TODAY


def test_the_member_charts_draw_on_a_plain_figure(db):
    from matplotlib.figure import Figure

    from core.charts.member_charts import draw_cohorts, draw_segments, draw_tier_distribution
    from core.members import SegmentSummary, TierBar

    _fill(db)
    with db.engine.connect() as conn:
        rows = cohort_rows(cohorts(activity(conn, TODAY), TODAY, count=4, later=3), later=3)
    fig = Figure()
    draw_cohorts(fig, rows)
    cells = [t.get_text() for t in fig.axes[0].texts]
    assert cells[:3] == ["33", "33", "33"] and "50" in cells  # percentages written in the cells
    fig = Figure()
    hover = draw_tier_distribution(fig, [TierBar("普通", 10, 0, 2), TierBar("银卡", 4, 3, 0)])
    assert "↑3" in " ".join(t.get_text() for t in fig.axes[0].texts) and len(hover) == 2
    fig = Figure()
    hover = draw_segments(fig, [SegmentSummary("champions", "Champions", 3, 90_000, 12.0),
                                SegmentSummary("lost", "Lost", 5, 1_000, None)])
    assert "Champions: 3 customers, ¥900.00" in hover[0][1][0]
