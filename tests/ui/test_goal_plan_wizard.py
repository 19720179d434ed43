"""“Plan a year…” on the demo shop: the months saved add up to the year, follow last year's shape,
replace the old plan after asking, and one Ctrl+Z takes the whole plan back."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard
from sqlalchemy import func, select

from core.models import Goal, Order


def open_goals(qtbot, window):
    page = window.page("goals")
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: not page.loading and not page._stale and page.loads > 0, timeout=30_000)
    return page


def wait_saved(qtbot, window):
    qtbot.waitUntil(lambda: window.ctx.edits.pending == 0, timeout=20_000)
    qtbot.waitUntil(lambda: not any(p.loading for p in window.pages), timeout=30_000)


def all_goals(db):
    with db.session() as s:
        return sorted((g.id, g.period_kind, g.period_start, g.platform, g.category, g.target_gmv_fen)
                      for g in s.scalars(select(Goal)))


def last_year_month(db, month):
    with db.session() as s:
        return s.scalar(select(func.sum(Order.paid_fen)).where(
            Order.is_paid.is_(True), Order.pay_date.between(dt.date(2026, month, 1), dt.date(2026, month, 28))))


def test_plan_2027_from_last_years_orders_replaces_the_old_plan_and_one_undo_restores_it(qtbot, window, demo_db, monkeypatch):
    goals = open_goals(qtbot, window)
    before = all_goals(demo_db)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    wizard = goals.plan_year()
    setup = wizard.setup
    assert setup.year.value() == 2027  # planned in November: next year
    qtbot.waitUntil(lambda: wizard.history is not None, timeout=20_000)
    setup.by_amount.setChecked(True)
    setup.amount.setText("500万")
    setup.categories.setCurrentIndex(setup.categories.findData("seasonal"))
    wizard.next()
    assert wizard.currentPage() is wizard.preview
    rows = wizard.preview.table.rowCount()
    assert rows == 12
    assert "Last year's 2026-12 is not over yet: it gets the average share of the 11 months" in wizard.preview.notes.text()  # DEMO_END is 20 November 2026
    assert "2026-11 has orders for 19 of its 30 days" in wizard.preview.notes.text()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wait_saved(qtbot, window)
    assert asked and "goals already" in asked[0]
    with demo_db.session() as s:
        year = s.scalars(select(Goal).where(Goal.period_kind == "year", Goal.period_start == dt.date(2027, 1, 1))).one()
        months = s.scalars(select(Goal).where(Goal.parent_id == year.id).order_by(Goal.period_start)).all()
        assert year.target_gmv_fen == 500_000_000
        assert len(months) == 12 and sum(m.target_gmv_fen for m in months) == 500_000_000
        assert {m.split_method for m in months} == {"seasonal"}
        targets = [m.target_gmv_fen for m in months]
        for m in months:  # every month is split by channel and by category to the fen
            kids = s.scalars(select(Goal).where(Goal.parent_id == m.id)).all()
            assert sum(k.target_gmv_fen for k in kids if k.platform) == m.target_gmv_fen
            assert sum(k.target_gmv_fen for k in kids if k.category) == m.target_gmv_fen
        old_months = s.scalar(select(func.count()).select_from(Goal).where(
            Goal.period_start >= dt.date(2027, 1, 1), Goal.period_kind == "month", Goal.parent_id.is_(None)))
        assert old_months == 0
    # The seasonal shape follows last year's orders: June (618) above February (春节), in proportion.
    june, feb = last_year_month(demo_db, 6), last_year_month(demo_db, 2)
    assert june > feb and targets[5] > targets[1]
    with demo_db.session() as s:
        ly = {m: s.scalar(select(func.sum(Order.paid_fen)).where(
            Order.is_paid.is_(True), Order.pay_date >= dt.date(2026, m, 1),
            Order.pay_date < dt.date(2026, m + 1, 1))) for m in range(1, 11)}
    assert abs(targets[5] / targets[1] - ly[6] / ly[2]) < 1e-6
    assert window.ctx.edits.undo_label() == "Plan 2027"
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert all_goals(demo_db) == before


def test_custom_month_shares_that_do_not_total_100_stay_on_the_first_page(qtbot, window, demo_db):
    goals = open_goals(qtbot, window)
    before = all_goals(demo_db)
    wizard = goals.plan_year()
    qtbot.waitUntil(lambda: wizard.history is not None, timeout=20_000)
    setup = wizard.setup
    setup.months.setCurrentIndex(setup.months.findData("custom"))
    setup.months_custom.setText(", ".join(["8.33"] * 12))
    wizard.next()
    assert wizard.currentPage() is setup
    assert "99.96 %" in setup.error.text() and setup.error.isVisibleTo(wizard)
    wizard.reject()
    assert all_goals(demo_db) == before


def test_the_table_tracks_each_goal_with_a_coloured_status_its_reason_and_breakdown_flags(qtbot, window, demo_db):
    from PySide6.QtCore import Qt

    from core.edits.goals import SetGoalFields

    goals = open_goals(qtbot, window)
    # The demo's channel and category goals split each month's exactly; typed higher (through the window's
    # editing path, which reloads the tab), they no longer add up.
    with demo_db.session() as s:
        nov = s.query(Goal).filter(Goal.period_start == dt.date(2026, 11, 1), Goal.period_kind == "month")
        channel = nov.filter(Goal.platform != "", Goal.category == "").order_by(Goal.id).first()
        category = nov.filter(Goal.platform == "", Goal.category != "").order_by(Goal.id).first()
    window.ctx.edits.run(SetGoalFields.of(channel.id, target_gmv_fen=channel.target_gmv_fen + 500_000), parent=goals)
    window.ctx.edits.run(SetGoalFields.of(category.id, target_gmv_fen=category.target_gmv_fen + 1_919_000),
                         parent=goals)
    wait_saved(qtbot, window)
    qtbot.waitUntil(lambda: not goals.loading and not goals._stale, timeout=30_000)
    table = goals.table
    nov = next(r for r in table.visible_rows() if r.period_kind == "month" and r.period_start == dt.date(2026, 11, 1)
               and not r.platform and not r.category)
    row = table.proxy.mapFromSource(table.model.index(table.model.row_of(nov.id), 0)).row()

    def cell(field_or_header):
        col = next(i for i, c in enumerate(table.model._columns) if c.field == field_or_header or c.header == field_or_header)
        return table.proxy.index(row, col)

    status = cell("status")
    assert status.data() in ("on track", "at risk", "behind")
    assert status.data(Qt.ItemDataRole.ToolTipRole).startswith("Forecast ¥")  # the one-line reason
    assert status.data(Qt.ItemDataRole.ForegroundRole) is not None  # coloured
    flag = cell("Breakdown check").data()
    assert flag.startswith("Channels total") and "Categories total" in flag
    assert "(+¥5,000)" in flag and "(+¥19,190)" in flag
    assert cell("needed_per_day_fen").data().startswith("¥")


def test_the_wizard_names_months_never_imported_and_a_channel_without_a_rate(qtbot, db):
    """2025 imported month by month except March and April, and a Shopify store in GBP without a May
    rate: the wizard says so in words, instead of planning those months and that store at ¥0."""
    from core.models import Channel
    from core.settings import Settings
    from tests.core.kpi_shop import add_order
    from ui.context import AppContext
    from ui.main_window import MainWindow

    with db.transaction() as s:
        for month in (1, 2, 5, 6, 7, 8, 9, 10, 11, 12):
            add_order(s, "taobao", f"T{month}", "b", "completed", dt.datetime(2025, month, 1, 9), 10_000)
            add_order(s, "taobao", f"U{month}", "b", "completed", dt.datetime(2025, month, 28, 9), 10_000)
        add_order(s, "shopify", "#1", "c", "completed", dt.datetime(2025, 5, 10, 9), 5_000)
        s.add(Channel(platform="shopify", currency="GBP"))
    window = MainWindow(AppContext(db, Settings(), today=dt.date(2025, 12, 31)))
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    wizard = open_goals(qtbot, window).plan_year()
    setup = wizard.setup
    assert setup.year.value() == 2026
    qtbot.waitUntil(lambda: wizard.history is not None, timeout=20_000)
    assert "Shopify's sales are in GBP, and there is no GBP rate for 2025-05" in setup.last_year.text()
    assert "Settings → Channels" in setup.last_year.text()
    setup.by_amount.setChecked(True)
    setup.amount.setText("12000")
    wizard.next()
    assert wizard.currentPage() is wizard.preview
    preview = wizard.preview
    notes = preview.notes.text()
    assert preview.notes.isVisible()
    assert "No orders were imported for last year's 2025-03 and 2025-04" in notes and "Check the preview" in notes
    assert "the split by channel gives it ¥0. Set the rates in Settings → Channels" in notes
    # March and April are planned at the average month, not ¥0: ¥12,000 over 12 equal months
    assert [preview.table.item(row, 1).data(Qt.ItemDataRole.UserRole) for row in (2, 3)] == [100_000, 100_000]
    assert preview.table.item(2, 2).text() == "average month"
    wizard.reject()
