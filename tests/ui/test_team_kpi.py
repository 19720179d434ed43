"""The Team tab's KPI and bonus table and the SOP dialog on the demo shop, through pytest-qt:
type a target (Ctrl+Z takes it back), bands refused and saved, an SOP applied to a promotion from
the Team tab and from the calendar's menu, and a promotion moved with its SOP tasks."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy import select

from core.models import Promotion, Staff, StaffTarget, Task
from tests.conftest import DEMO_END
from tests.ui.helpers import wait_saved

NOV = dt.date(2026, 11, 1)


def open_kpi(qtbot, window):
    page = window.page("team")
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: not page.loading and page.loads > 0, timeout=30_000)
    page.kpi_button.click()
    assert page.stack.currentWidget() is page.kpi
    assert window.findChild(QWidget, "team.kpi") is page.kpi.table
    qtbot.waitUntil(lambda: bool(page.kpi.rows), timeout=30_000)
    return page


def cell(table, key, field):
    row = table.model.row_of(key)
    return table.proxy.mapFromSource(table.model.index(row, table.model.column_of(field)))


def shown(table, key, header):
    col = next(c for c in range(table.proxy.columnCount()) if table.proxy.headerData(c, Qt.Orientation.Horizontal) == header)
    row = table.proxy.mapFromSource(table.model.index(table.model.row_of(key), 0)).row()
    return table.proxy.index(row, col).data()


def staff_id(db, name):
    with db.session() as s:
        return s.scalar(select(Staff.id).where(Staff.name == name))


def target(db, sid, month=NOV):
    with db.session() as s:
        row = s.get(StaffTarget, (sid, month))
        return None if row is None else (row.target_fen, row.base_fen, row.measures)


def test_kpi_table_shows_bands_and_bonus_and_a_typed_target_undoes(qtbot, window, demo_db):
    page = open_kpi(qtbot, window)
    table = page.kpi.table
    chen = staff_id(demo_db, "陈默")
    before = target(demo_db, chen)
    row = next(r for r in page.kpi.rows if r.staff_id == chen)
    assert shown(table, chen, "Band") == row.band_text and row.band_text
    assert shown(table, chen, "Bonus") == f"¥{row.bonus_fen / 100:,.2f}"
    assert "2026-11 goal" in page.kpi.summary.text()
    assert table.proxy.setData(cell(table, chen, "target_fen"), "10万")
    wait_saved(qtbot, window)
    qtbot.waitUntil(lambda: next(r for r in page.kpi.rows if r.staff_id == chen).target_fen == 10_000_000,
                    timeout=30_000)
    assert target(demo_db, chen)[0] == 10_000_000
    assert shown(table, chen, "GMV target") == "¥100,000.00"
    assert "not given to anyone" in page.kpi.summary.text() or "more than the goal" in page.kpi.summary.text()
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert target(demo_db, chen) == before
    qtbot.waitUntil(lambda: next(r for r in page.kpi.rows if r.staff_id == chen).target_fen == before[0],
                    timeout=30_000)


def test_a_measure_that_cannot_be_read_turns_red_and_writes_nothing(qtbot, window, demo_db):
    page = open_kpi(qtbot, window)
    table = page.kpi.table
    lin = staff_id(demo_db, "林晓")
    before = target(demo_db, lin)
    assert table.proxy.setData(cell(table, lin, "measures"), "好评率 98")
    wait_saved(qtbot, window)
    assert "not a measure" in page.banner.text()
    assert "not a measure" in (table.model.error_of(table.model.row_of(lin), table.model.column_of("measures")) or "")
    assert target(demo_db, lin) == before
    assert table.proxy.setData(cell(table, lin, "base_fen"), "3,500")
    wait_saved(qtbot, window)
    assert target(demo_db, lin)[1] == 350_000


def test_bonus_bands_form_refuses_falling_bands_then_saves(qtbot, window, demo_db):
    page = open_kpi(qtbot, window)
    wang = staff_id(demo_db, "王强")
    table = page.kpi.table
    table.view.setCurrentIndex(cell(table, wang, "name"))
    form = page.kpi.edit_bands()
    who = form.widgets["who"]
    assert who.itemText(0) == "Everyone"  # what "For" means when no one person is chosen
    assert who.currentText() == "王强" and "" not in [who.itemText(i) for i in range(who.count())]
    assert form.widgets["bonus_bands"].text() == "0: 0; 80: 5; 100: 8; 120: 12"
    form.widgets["bonus_bands"].setText("0: 0; 100: 8; 90: 5")
    form.submit()
    wait_saved(qtbot, window)
    assert form.isVisible() and "must rise" in form.errors["bonus_bands"].text()
    form.widgets["bonus_bands"].setText("0: 0; 90: 10")
    form.submit()
    wait_saved(qtbot, window)
    assert not form.isVisible()
    with demo_db.session() as s:
        assert s.get(Staff, wang).kpi["bonus_bands"][1] == {"from_bp": 9000, "bonus_bp": 1000}
    qtbot.waitUntil(lambda: "90" in next(r for r in page.kpi.rows if r.staff_id == wang).bands_text, timeout=30_000)


def open_sop(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.loads > 0, timeout=30_000)
    return dialog


def sop_tasks(db, pid):
    with db.session() as s:
        return {t.title: (t.start, t.due, t.owner_id) for t in s.scalars(
            select(Task).where(Task.promotion_id == pid, Task.template_id.is_not(None)))}


def test_sop_dialog_applies_a_template_to_a_promotion_and_undo_removes_the_tasks(qtbot, window, demo_db):
    team = window.page("team")
    window.tabs.setCurrentWidget(team)
    dialog = open_sop(qtbot, team.open_sops())
    assert window.findChild(QWidget, "team.sop") is dialog
    names = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert names[:3] == ["★ Big promotion (618 / 双11)", "★ New product launch (上新)", "★ Monthly review (月度复盘)"]
    assert "大促SOP" in names  # the demo's own
    dialog.list.setCurrentRow(1)
    assert dialog.steps.rowCount() == 6 and dialog.steps.item(0, 1).text() == "T-14"
    assert dialog.steps.item(0, 5).text() == "王强"  # 美工 → 仓管/美工
    with demo_db.session() as s:
        promo = s.scalar(select(Promotion).where(Promotion.name.like("%双12%")).order_by(Promotion.start))
        pid, start = promo.id, promo.start
    dialog.promotion.setCurrentIndex(dialog.promotion.findData(pid))
    assert "Creates 6 task(s)" in dialog.preview.text()
    before = sop_tasks(demo_db, pid)
    dialog.apply_button.click()
    wait_saved(qtbot, window)
    after = sop_tasks(demo_db, pid)
    added = {k: v for k, v in after.items() if k not in before}
    assert len(added) == 6
    first = next(v for k, v in added.items() if k.endswith("Confirm samples and shoot photos"))
    assert first[:2] == (start - dt.timedelta(days=14), start - dt.timedelta(days=11))
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert sop_tasks(demo_db, pid) == before


def test_editing_a_built_in_and_a_bad_step_is_explained(qtbot, window, demo_db):
    team = window.page("team")
    dialog = open_sop(qtbot, team.open_sops())
    dialog.list.setCurrentRow(2)  # 月度复盘
    dialog.steps.item(1, 1).setText("T-2x")
    dialog.save()
    assert "not a day" in dialog.banner.text()
    dialog.steps.item(1, 1).setText("T-3")
    dialog.steps.item(1, 4).setText("2")  # waits for itself
    dialog.save()
    wait_saved(qtbot, window)
    assert "steps above it" in dialog.banner.text()
    dialog.steps.item(1, 4).setText("1")
    dialog.save()
    wait_saved(qtbot, window)
    qtbot.waitUntil(lambda: dialog.loads > 1 and not dialog.dirty, timeout=30_000)
    with demo_db.session() as s:
        from core.models import TaskTemplate

        row = s.scalar(select(TaskTemplate).where(TaskTemplate.builtin == "review"))
        assert row.steps[1]["offset_days"] == -3 and row.steps[1]["after"] == [0]
    assert dialog.list.currentRow() == 2 and dialog.delete_button.text() == "Restore ShopDesk's version"


def test_calendar_menu_opens_the_sop_dialog_for_that_promotion(qtbot, window, demo_db):
    from PySide6.QtCore import QPoint

    page = window.page("promotions")
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: not page.loading and page.loads > 0, timeout=30_000)
    with demo_db.session() as s:
        pid = s.scalar(select(Promotion.id).where(Promotion.name.like("%双12%")))
    menu = page._calendar_menu(pid, dt.date(2026, 12, 5), page.calendar.mapToGlobal(QPoint(5, 5)))
    action = next(a for a in menu.actions() if a.text() == "Create tasks from SOP…")
    menu.close()
    action.trigger()
    dialog = window.findChild(QWidget, "team.sop")
    open_sop(qtbot, dialog)
    assert dialog.promotion.currentData() == pid


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
def test_moving_a_promotion_offers_to_move_its_sop_tasks(qtbot, window, demo_db, monkeypatch, answer):
    from core.sop import open_sop_tasks

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answer)
    page = window.page("promotions")
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: not page.loading and page.loads > 0, timeout=30_000)
    with demo_db.session() as s:
        pid = next(p for p in s.scalars(select(Promotion.id).order_by(Promotion.start)) if open_sop_tasks(s, p))
        n = len(open_sop_tasks(s, pid))
        start = s.get(Promotion, pid).start
    before = sop_tasks(demo_db, pid)
    page._run_move(pid, 3, "both")
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    wait_saved(qtbot, window)
    assert f"{n} open task(s)" in asked[0]
    with demo_db.session() as s:
        assert s.get(Promotion, pid).start == start + dt.timedelta(days=3)
        open_ids = set(open_sop_tasks(s, pid))
        open_titles = {t.title for t in s.scalars(select(Task).where(Task.id.in_(open_ids)))}
    after = sop_tasks(demo_db, pid)
    shift = dt.timedelta(days=3 if answer == QMessageBox.StandardButton.Yes else 0)
    for title, (s0, d0, _o) in before.items():
        moved = shift if title in open_titles else dt.timedelta()
        assert after[title][:2] == ((s0 + moved) if s0 else None, (d0 + moved) if d0 else None)
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert sop_tasks(demo_db, pid) == before
    with demo_db.session() as s:
        assert s.get(Promotion, pid).start == start


def test_monthly_plan_team_page_shows_each_persons_targets_and_bands(qapp, demo_db):
    from core.money import format_fen
    from core.report import Month, build_plan
    from ui.report.render import plan_html

    plan = build_plan(demo_db, Month(2026, 11), DEMO_END)
    by_name = {k.name: k for k in plan.staff_kpi}
    assert set(by_name) == {"林晓", "陈默", "周小雨", "王强"}
    html = plan_html(plan)
    team = html[html.index("KPI targets and bonus bands"):]
    assert "&lt; 80 % → 0 %, 80–100 % → 5 %, 100–120 % → 8 %, ≥ 120 % → 12 %" in team
    assert "&lt; 90 % → 0 %, 90–100 % → 6 %, ≥ 100 % → 10 %" in team  # 周小雨's own bands
    assert format_fen(by_name["林晓"].target_fen) in team and "好评率: 98.6 / 98" in team


def test_export_button_writes_the_months_rows(qtbot, window, demo_db, tmp_path):
    import json

    page = open_kpi(qtbot, window)
    page.kpi.set_month(dt.date(2026, 10, 1))
    qtbot.waitUntil(lambda: page.kpi.rows and page.kpi.rows[0].month == dt.date(2026, 10, 1), timeout=30_000)
    out = tmp_path / "kpi.json"
    page.kpi.export_button.export(str(out))
    qtbot.waitUntil(out.exists, timeout=20_000)
    records = json.loads(out.read_text(encoding="utf-8"))
    assert [(r["name"], r["month"], r["band"]) for r in records] == \
        [(r.name, "2026-10", r.band_text) for r in page.kpi.rows]
    assert [r["bonus"] for r in records] == [None if r.bonus_fen is None else r.bonus_fen / 100 for r in page.kpi.rows]
