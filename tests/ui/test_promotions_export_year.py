"""The promotions tab's calendar export (.ics over the month or year on screen) and its year timeline."""
from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from tests.ui.helpers import open_tab, wait_saved
from tests.ui.test_promotions_calendar import dates

D = dt.date


def uids(path):
    return {str(e["UID"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}


def test_ics_button_writes_the_promotions_of_the_month_on_screen(qtbot, window, demo_db, tmp_path):  # noqa: F811
    page = open_tab(qtbot, window, "promotions")
    button = window.findChild(type(page.export_ics_button), "promotions.export_ics")
    assert button is page.export_ics_button and button.text() == "Calendar (.ics)…"
    assert page.ics_range() == (D(2026, 11, 1), D(2026, 11, 30))  # the month, not the grid's 26 Oct – 6 Dec
    assert page._ics_name() == "promotions-2026-11.ics"
    d11, _s, _e = dates(demo_db, "2026 双11全球狂欢节")
    d12, _s, _e = dates(demo_db, "2026 双12年终盛典")
    out = tmp_path / "nov.ics"
    button.export(str(out))
    qtbot.waitUntil(lambda: button.last_written is not None, timeout=20_000)
    got = uids(out)
    assert f"promotion-{d11}@shopdesk" in got and f"promotion-{d11}-phase-2@shopdesk" in got
    assert f"promotion-{d12}@shopdesk" not in got  # starts 1 December
    assert "exported to" in page.banner.text()


def test_year_view_shows_every_promotion_of_the_year_and_a_click_on_a_bar_opens_the_editor(
        qtbot, window, demo_db, tmp_path):  # noqa: F811
    from PySide6.QtCore import QPoint, Qt

    from ui.tabs.promotions_tab import YEAR

    page = open_tab(qtbot, window, "promotions")
    page.show_view(YEAR)
    timeline = window.findChild(type(page.timeline), "promotions.year")
    assert timeline is page.timeline and timeline.isVisible() and not page.calendar.isVisible()
    assert timeline.year == 2026 and page.month_label.text() == "2026"
    d11, _s, _e = dates(demo_db, "2026 双11全球狂欢节")
    nianhuo, _s, _e = dates(demo_db, "2026年货节")
    nianhuo27, _s, _e = dates(demo_db, "2027年货节")
    by_key = {}
    for s in timeline.segments():
        by_key.setdefault(s.key, []).append((s.week + 1, s.first, s.last))
    # 双11 from 20 October: cut at the end of October, on in November; 年货节 over two months
    assert by_key[d11] == [(10, D(2026, 10, 20), D(2026, 10, 31)), (11, D(2026, 11, 1), D(2026, 11, 11))]
    assert by_key[nianhuo] == [(1, D(2026, 1, 18), D(2026, 1, 31)), (2, D(2026, 2, 1), D(2026, 2, 10))]
    assert nianhuo27 not in by_key  # next year's
    assert len(by_key) == 17  # every promotion that touches 2026 on the demo shop (年货节 to 会员日 12月)
    assert not any(timeline.hidden(m) for m in range(1, 13))
    # festivals named on their days: 双11 and 618 (the shop sells on Taobao), not Black Friday
    names = {m.name for m in timeline._marks}
    assert {"Singles' Day (11.11)", "618 Mid-Year Sale"} <= names and "Black Friday / Cyber Monday" not in names
    # the bar is where its days are, and a click on it opens the editor on that promotion
    rect = timeline.bar_rect(d11, 11)
    assert timeline.day_at(rect.topLeft() + QPoint(4, 2).toPointF()) == D(2026, 11, 1)
    assert timeline.day_at(rect.topRight() + QPoint(-4, 2).toPointF()) == D(2026, 11, 11)
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    form = page.findChild(object, "promotions.form")
    assert form is not None and form.isVisible()
    qtbot.addWidget(form)
    assert form.windowTitle() == "Edit promotion" and form.widgets["name"].text() == "2026 双11全球狂欢节"
    form.reject()
    # ‹ › change the year; the .ics then covers the year on screen
    page.next_button.click()
    assert timeline.year == 2027 and page.month_label.text() == "2027"
    assert page.ics_range() == (D(2027, 1, 1), D(2027, 12, 31)) and page._ics_name() == "promotions-2027.ics"
    assert {s.key for s in timeline.segments()} >= {nianhuo27}
    page.today_button.click()
    assert timeline.year == 2026


def test_the_list_says_a_running_promotions_cost_is_its_budget_prorated_to_the_days_run(qtbot, demo_db):
    from PySide6.QtCore import Qt

    from core.settings import Settings
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.tabs.promotions_tab import LIST

    win = MainWindow(AppContext(demo_db, Settings(), today=D(2026, 12, 2)))  # day 2 of the demo's 双12
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    page = open_tab(qtbot, win, "promotions")
    page.show_view(LIST)
    table = page.table
    d12, _s, _e = dates(demo_db, "2026 双12年终盛典")

    def cell(key, header):
        col = next(i for i, c in enumerate(table.model._columns) if c.header == header)
        return table.model.index(table.model.row_of(key), col)

    assert cell(d12, "Cost basis").data() == "Budget × 2/12 days"
    assert cell(d12, "Cost").data() == "¥4,500.00"  # ¥27,000.00 × 2 / 12
    assert cell(d12, "Cost").data(Qt.ItemDataRole.ToolTipRole) == \
        "Budget ¥27,000.00 prorated to the 2 of 12 days run so far"
    d11, _s, _e = dates(demo_db, "2026 双11全球狂欢节")
    assert cell(d11, "Cost basis").data() == "Measured"


def test_tiers_in_the_form_refuse_a_tier_that_gives_less_and_save_good_ones_undoably(qtbot, window, demo_db):  # noqa: F811
    from sqlalchemy import select

    from core.models import Promotion

    def rules(name):
        with demo_db.session() as s:
            return s.scalars(select(Promotion.rules).where(Promotion.name == name)).one()

    page = open_tab(qtbot, window, "promotions")
    d11, _s, _e = dates(demo_db, "2026 双11全球狂欢节")
    before = rules("2026 双11全球狂欢节")
    form = page.edit_promotion(d11)
    qtbot.addWidget(form)
    assert form.widgets["rules"].text() == "满200减30; 满300减50; 满399送汝窑主人杯 天青"
    form.widgets["rules"].setText("满200减30; 满400减20")
    form.submit()
    qtbot.waitUntil(lambda: form.errors["rules"].isVisibleTo(form), timeout=10_000)
    assert form.errors["rules"].text().startswith("满400减20 asks for more than 满200减30 but gives no more off")
    assert form.isVisible() and rules("2026 双11全球狂欢节") == before  # nothing written
    form.widgets["rules"].setText("满200减30; 满400减70; 满599送汝窑主人杯")
    form.submit()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10_000)
    wait_saved(qtbot, window)
    assert rules("2026 双11全球狂欢节") == [
        {"type": "满减", "threshold_fen": 20000, "off_fen": 3000}, {"type": "满减", "threshold_fen": 40000, "off_fen": 7000},
        {"type": "赠品", "threshold_fen": 59900, "gift": "汝窑主人杯"}]
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert rules("2026 双11全球狂欢节") == before
