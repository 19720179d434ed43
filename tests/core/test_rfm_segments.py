"""RFM quintiles with ties, the eight segments, and the export rows (core.rfm, core.members)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import insert

from core.members import segment_summary, member_rows
from core.views import ViewParams, view_rows
from core.models import Customer
from core.rfm import quintile_scores, segment_of


def test_quintiles_of_ten_distinct_values_give_two_customers_per_score():
    assert quintile_scores([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]) == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_ties_are_kept_together_at_the_lowest_score_they_reach():
    # 6 of 10 customers bought once: all six score 1 (none are better than another);
    # the two with 2 orders have 6 worse → 1 + 5·6/10 = 4; 3 orders → 1 + 5·8/10 = 5; 5 orders → 5.
    assert quintile_scores([1, 1, 1, 1, 1, 1, 2, 2, 3, 5]) == [1, 1, 1, 1, 1, 1, 4, 4, 5, 5]


def test_recency_scores_fewer_days_higher():
    # days 5, 5, 30, 200, 400: 5 days has 3 worse → 1 + 15//5 = 4; 30 → 1 + 10//5 = 3; 200 → 2; 400 → 1
    assert quintile_scores([5, 5, 30, 200, 400], lower_is_better=True) == [4, 4, 3, 2, 1]


def test_the_eight_segments_by_high_and_low_scores():
    assert (segment_of(5, 5, 5).zh, segment_of(5, 5, 5).en) == ("重要价值客户", "Champions")
    assert segment_of(1, 4, 4).zh == "重要保持客户"
    assert segment_of(4, 1, 5).zh == "重要发展客户"
    assert (segment_of(3, 3, 4).zh, segment_of(3, 3, 4).id) == ("重要挽留客户", "at_risk")
    assert segment_of(4, 4, 3).zh == "一般价值客户"
    assert segment_of(2, 5, 1).zh == "一般保持客户"
    assert segment_of(5, 1, 1).zh == "一般发展客户"
    assert segment_of(3, 3, 3).zh == "一般挽留客户"


def test_member_rows_score_fixture_customers_and_the_export_keys(db):
    today = dt.date(2026, 11, 20)
    people = [  # key, days since last order, orders, spend
        ("a", 1, 5, 90_000), ("b", 10, 3, 50_000), ("c", 10, 1, 8_000), ("d", 200, 4, 70_000), ("e", 400, 1, 3_000),
    ]
    with db.transaction() as s:
        for key, days, n, fen in people:
            s.execute(insert(Customer).values(platform="taobao", buyer_key=key, name=key.upper(), orders_count=n,
                                              spend_fen=fen, first_order_at=dt.datetime(2025, 1, 1),
                                              last_order_at=dt.datetime.combine(today - dt.timedelta(days=days), dt.time(9))))
        s.execute(insert(Customer).values(platform="youzan", buyer_key="export-only", orders_count=0, spend_fen=0))
    with db.session() as s:
        rows = {r.buyer_key: r for r in member_rows(s, today)}
    # R over days [1, 10, 10, 200, 400]: 1 → 5, 10 → 1 + 5·2//5 = 3, 200 → 2, 400 → 1
    # F over [5, 3, 1, 4, 1]: 5 → 5, 4 → 4, 3 → 1 + 5·2//5 = 3, 1 → 1
    # M over [90k, 50k, 8k, 70k, 3k]: 5, 3, 2, 4, 1
    assert {k: (r.r, r.f, r.m) for k, r in rows.items() if k != "export-only"} == {
        "a": (5, 5, 5), "b": (3, 3, 3), "c": (3, 1, 2), "d": (2, 4, 4), "e": (1, 1, 1)}
    assert rows["a"].segment == "champions" and rows["d"].segment == "cant_lose" and rows["e"].segment == "lost"
    assert rows["export-only"].r is None and rows["export-only"].segment == ""
    assert "sleeping" in rows["d"].lists and "sleeping" not in rows["b"].lists and "at_risk" in rows["d"].lists
    export = view_rows(db, "members", ViewParams(today))
    assert (export[0]["buyer_key"], export[0]["spend_fen"], export[0]["days_since_last"], export[0]["segment"],
            export[0]["lists"]) == ("a", 90_000, 1, "champions", [])
    assert [e["buyer_key"] for e in export] == ["a", "d", "b", "c", "e", "export-only"]  # highest spend first
    assert export[1]["lists"] == ["at_risk", "sleeping"]
    summary = {s.segment: s for s in segment_summary(list(rows.values()))}
    assert (summary["lost"].customers, summary["lost"].average_recency_days) == (3, 140.0)  # b, c, e: (10 + 10 + 400) / 3
