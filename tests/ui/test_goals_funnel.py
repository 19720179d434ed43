"""The funnel in the Goals tab: visitors each month needs on the demo shop (which has traffic and
ad spend), the what-if lowering them, and "unknown" with a hint on a shop without traffic."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from core.goal_funnel import funnel, load_funnel_basis
from core.models import Goal
from tests.ui.helpers import open_tab, window_on


def make_window(qtbot, database):
    page = open_tab(qtbot, window_on(qtbot, database), "goals")
    page.views.setCurrentWidget(page.funnel)
    return page


def test_the_demo_shops_funnel_and_the_what_if(qtbot, demo_db):
    page = make_window(qtbot, demo_db)
    table = page.funnel.table
    rows = table.visible_rows()
    # the demo's traffic starts in October 2025: earlier months use all the imported traffic
    assert [r.basis for r in rows] == ["traffic"] * 9 + ["last_year"] * 3
    assert table.model.index(0, 2).data() == "all imported traffic"
    with demo_db.session() as s:
        expected = funnel(load_funnel_basis(s, 2026))
        nov = s.scalar(select(Goal.target_gmv_fen).where(Goal.period_kind == "month", Goal.platform == "",
                                                         Goal.category == "", Goal.period_start == dt.date(2026, 11, 1)))
    assert rows[10].target == nov and rows[10].visitors == expected[10].visitors > 0
    assert table.model.index(10, 6).data().startswith("¥")  # ad spend: the demo's traffic carries it
    assert "visitors in all" in page.funnel.hint.text() and "of ads" in page.funnel.hint.text()
    before = rows[10].visitors
    page.funnel.conversion.setValue(25)
    after = table.visible_rows()[10].visitors
    assert after < before and abs(after - before / 1.25) <= 1
    page.funnel.aov.setValue(-20)
    assert abs(table.visible_rows()[10].visitors - before) <= 1  # 1.25 × 0.8 = 1


def test_without_traffic_the_funnel_is_unknown_and_says_what_to_import(qtbot, db):
    with db.transaction() as s:
        s.add(Goal(period_kind="month", period_start=dt.date(2026, 11, 1), period_end=dt.date(2026, 11, 30),
                   target_gmv_fen=100_000))
    page = make_window(qtbot, db)
    rows = page.funnel.table.visible_rows()
    assert rows[10].target == 100_000 and rows[10].visitors is None
    assert page.funnel.table.model.index(10, 2).data() == "unknown"
    assert "Import 生意参谋 traffic" in page.funnel.hint.text()
