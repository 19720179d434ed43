"""The monthly plan's content (core.report), without Qt: what each section holds for the demo month."""
from __future__ import annotations

import datetime as dt

import pytest

from core.errors import BadInputError
from core.goals import goal_rows
from core.report import Month, build_plan
from tests.conftest import DEMO_END


def test_demo_month_sections_hold_the_months_rows(demo_db):
    plan = build_plan(demo_db, Month(2026, 11), DEMO_END)
    with demo_db.session() as s:
        month_goals = [g for g in goal_rows(s, DEMO_END) if g.period_kind == "month" and g.period_start == dt.date(2026, 11, 1)]
    assert sorted(g.target_fen for g in plan.goals) == sorted(g.target_gmv_fen for g in month_goals)
    assert plan.goals[0].channel == "" and plan.goals[0].category == ""  # the whole shop first
    assert plan.last_month_goals and all(g.actual_fen is not None for g in plan.last_month_goals)
    # Promotions and tasks that touch November, none outside it.
    assert plan.promotions and all(p.start <= dt.date(2026, 11, 30) and p.end >= dt.date(2026, 11, 1)
                                   for p in plan.promotions)
    assert plan.tasks and all((x.start or x.due) <= dt.date(2026, 11, 30) and (x.due or x.start) >= dt.date(2026, 11, 1)
                              for x in plan.tasks)
    assert {k.key for k in plan.kpis} >= {"gmv", "orders"}
    assert plan.kpi_period == (dt.date(2026, 11, 1), dt.date(2026, 11, 19))  # the finished days
    assert all(dt.date(2026, 11, 27) < o.order_by <= dt.date(2026, 11, 30) and o.qty > 0 for o in plan.orders_later)
    # Members: counts only, no names in the plan.
    assert [k for k, _ in plan.recall_counts] == ["sleeping", "at_risk", "near_tier"]
    assert all(isinstance(n, int) for _, n in plan.recall_counts)
    # The repurchase trend: the six months up to November, as the Members tab computes them.
    from core.cohorts import activity, repurchase_by_month

    with demo_db.engine.connect() as conn:
        expected = repurchase_by_month(activity(conn, DEMO_END), DEMO_END, months=6)
    assert [m for m, _, _ in plan.repurchase] == [dt.date(2026, mth, 1) for mth in range(6, 12)]
    assert plan.repurchase == tuple((m.month, m.repeat_buyers, m.known_buyers) for m in expected)
    assert all(0 < repeat < known for _, repeat, known in plan.repurchase)


def test_a_future_month_on_an_empty_shop_is_empty_not_an_error(db):
    plan = build_plan(db, Month(2027, 1), dt.date(2026, 12, 3))
    assert (plan.goals, plan.promotions, plan.tasks, plan.kpis, plan.orders) == ((), (), (), (), ())
    assert plan.shop_name == "ShopDesk"
    assert plan.repurchase == ()  # no buyer accounts: the page says so instead of a table of zeros


@pytest.mark.parametrize("text", ["2026-13", "11/2026", "", "2026"])
def test_a_month_that_is_not_yyyy_mm_is_refused(text):
    with pytest.raises(BadInputError, match="YYYY-MM"):
        Month.parse(text)


def test_january_follows_december():
    assert Month(2027, 1).previous() == Month(2026, 12)
    assert Month(2024, 2).end == dt.date(2024, 2, 29)


def test_the_plans_order_now_is_the_inventory_tabs_count_on_a_demo_shop_of_today(tmp_path):
    """The plan's "Order now" names exactly the SKUs the Inventory tab counts on its title ("库存预警 (12)"),
    also those at their reorder point whose order-by date is next month; the rest of the month's
    order-by dates are listed apart. Before, the plan took "order-by date in the month" from rows
    without the promotions' uplift: 10 SKUs against the tab's 12 on this shop."""
    from core.db import open_database
    from core.demo import fill_demo
    from core.inventory import NEEDS_BUYING, inventory_params
    from core.inventory_lists import alert_rows
    from ui.tabs.inventory_badge import URGENT, urgent_count

    today = dt.date(2026, 12, 6)
    db = open_database(tmp_path / "shop.db")
    try:
        fill_demo(db, end=today)
        with db.session() as s:
            rows = alert_rows(s, today, inventory_params())
        plan = build_plan(db, Month(2026, 12), today)
    finally:
        db.close()
    assert URGENT == NEEDS_BUYING
    flagged = {r.sku_code for r in rows if r.status in URGENT}
    assert len(plan.orders) == urgent_count(rows) == len(flagged) > 0
    assert {o.sku_code for o in plan.orders} == flagged
    # A SKU at its reorder point with an order-by date next month is to be ordered now all the same.
    assert any(o.order_by > Month(2026, 12).end for o in plan.orders)
    later = {o.sku_code for o in plan.orders_later}
    assert not later & flagged
    assert all(today < o.order_by <= Month(2026, 12).end for o in plan.orders_later)
