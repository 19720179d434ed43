"""Edit → Trash…: what was deleted, restored on the writer thread, refusals in the dialog."""
from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from core import trash
from core.models import Promotion, Staff
from core.settings import Settings
from ui.context import AppContext
from ui.dialogs.trash_dialog import TrashDialog
from ui.main_window import MainWindow


def make_and_delete(db) -> None:
    with db.transaction() as s:
        s.add_all([Staff(name="小李", role="运营"),
                   Promotion(name="双11", start=dt.date(2026, 11, 1), end=dt.date(2026, 11, 11))])
    with db.transaction() as s:
        trash.delete(s, s.scalars(select(Staff)).one(), "staff", "小李")
    with db.transaction() as s:
        trash.delete(s, s.scalars(select(Promotion)).one(), "promotion", "双11")


def names(db, model) -> list[str]:
    with db.session() as s:
        return [o.name for o in s.scalars(select(model))]


def shown(dialog) -> list[list[str]]:
    """The rows as the owner reads them, top to bottom."""
    proxy = dialog.table.proxy
    return [[proxy.index(r, c).data() for c in range(proxy.columnCount())] for r in range(proxy.rowCount())]


def select_title(dialog, title: str) -> None:
    row = next(r for r, cells in enumerate(shown(dialog)) if cells[2] == title)
    dialog.table.view.selectRow(row)


def test_trash_lists_deleted_items_and_restores_one(qtbot, db):
    make_and_delete(db)
    ctx = AppContext(db, Settings())
    changed = []
    ctx.sig_data_changed.connect(changed.append)
    dialog = TrashDialog(ctx)
    qtbot.addWidget(dialog)
    assert [dialog.table.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Deleted at", "What", "Name", "Kept until"]
    rows = shown(dialog)
    assert [(r[1], r[2]) for r in rows] == [("Promotion", "双11"), ("Team member", "小李")]
    today = dt.date.today()
    assert rows[0][0].startswith(today.isoformat()) and len(rows[0][0]) == len("2026-11-01 12:00")
    assert rows[0][3] == (today + dt.timedelta(days=trash.KEEP_DAYS)).isoformat()
    assert [e.title for e in dialog.table.visible_rows()] == ["双11", "小李"]
    assert not dialog.empty_label.isVisibleTo(dialog)
    assert dialog.findChild(type(dialog.button_restore), "trash.restore") is dialog.button_restore

    select_title(dialog, "小李")
    qtbot.mouseClick(dialog.button_restore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [r[2] for r in shown(dialog)] == ["双11"], timeout=20_000)
    assert names(db, Staff) == ["小李"] and names(db, Promotion) == []
    assert changed == [frozenset({"*"})]
    assert dialog.banner.isVisibleTo(dialog) and "小李" in dialog.banner.text()


def test_a_refused_restore_is_explained_in_the_dialog(qtbot, db, monkeypatch):
    make_and_delete(db)
    ctx = AppContext(db, Settings())
    changed = []
    ctx.sig_data_changed.connect(changed.append)
    dialog = TrashDialog(ctx)
    qtbot.addWidget(dialog)
    boxes = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: boxes.append(a))
    # Someone else restored (or the trash expired) it meanwhile: core refuses, nothing changes.
    victim = dialog.table.visible_rows()[0]
    trash.purge(db, victim.id)
    select_title(dialog, "双11")
    qtbot.mouseClick(dialog.button_restore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.banner.isVisibleTo(dialog), timeout=20_000)
    assert "no longer in the trash" in dialog.banner.text()
    assert boxes == [] and changed == []
    assert [r[2] for r in shown(dialog)] == ["小李"]  # the list shows what is really there
    assert names(db, Promotion) == [] and dialog.button_restore.isEnabled()


def test_delete_for_good_asks_first(qtbot, db, monkeypatch):
    make_and_delete(db)
    dialog = TrashDialog(AppContext(db, Settings()))
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    qtbot.mouseClick(dialog.button_forget, Qt.MouseButton.LeftButton)
    assert len(shown(dialog)) == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.button_forget, Qt.MouseButton.LeftButton)
    assert [r[2] for r in shown(dialog)] == ["小李"] and len(trash.list_trash(db)) == 1
    qtbot.mouseClick(dialog.button_forget, Qt.MouseButton.LeftButton)
    assert shown(dialog) == [] and trash.list_trash(db) == []
    assert dialog.empty_label.isVisibleTo(dialog) and not dialog.button_restore.isEnabled()


def test_edit_trash_restores_and_the_tabs_show_it(qtbot, db):
    make_and_delete(db)
    window = MainWindow(AppContext(db, Settings()))
    qtbot.addWidget(window)
    changed = []
    window.ctx.sig_data_changed.connect(changed.append)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:2] == ["&File", "&Edit"]
    assert "&Trash…" in [a.text() for a in window.edit_menu.actions()]
    promotions = next(p for p in window.pages if p.key == "promotions")
    window.show()
    window.tabs.setCurrentWidget(promotions)
    qtbot.waitUntil(lambda: promotions.loads >= 1 and not promotions.loading, timeout=20_000)
    assert "双11" not in [r[0] for r in promotions.table.visible_rows()]
    loads = promotions.loads

    seen = []

    def use_the_dialog() -> None:
        dialog = window.findChild(TrashDialog)
        try:
            seen.extend(r[2] for r in shown(dialog))
            select_title(dialog, "双11")
            qtbot.mouseClick(dialog.button_restore, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: not dialog.restoring, timeout=20_000)
        finally:
            dialog.accept()

    QTimer.singleShot(0, use_the_dialog)
    window.action_trash.trigger()  # returns when the dialog is closed
    assert seen == ["双11", "小李"]
    assert names(db, Promotion) == ["双11"] and names(db, Staff) == []
    assert changed == [frozenset({"*"})]
    qtbot.waitUntil(lambda: promotions.loads > loads and not promotions.loading, timeout=20_000)
    assert "双11" in [r.name for r in promotions.table.visible_rows()]


def _delete_one_of_each(demo_db) -> dict[str, str]:
    """Delete a goal, a promotion, a task and an SOP template of the demo shop as the tabs do;
    returns each kind's name as the owner typed or reads it."""
    from core.edits import apply_edit
    from core.edits.goals import DeleteGoals, goal_title
    from core.edits.promotions import DeletePromotions
    from core.edits.sop import DeleteSopTemplate
    from core.edits.team import DeleteTasks
    from core.models import Goal, Task, TaskTemplate

    with demo_db.session() as s:
        goal = s.scalars(select(Goal).where(Goal.parent_id.is_(None)).order_by(Goal.id)).first()
        promotion = s.scalars(select(Promotion).order_by(Promotion.id)).first()
        task = s.scalars(select(Task).order_by(Task.id)).first()
        template = s.scalars(select(TaskTemplate).order_by(TaskTemplate.id)).first()
        names = {"goal": goal_title(goal.period_kind, goal.period_start, goal.period_end, goal.platform, goal.category),
                 "promotion": promotion.name, "task": task.title, "task_template": template.name}
        edits = [DeleteGoals((goal.id,)), DeletePromotions((promotion.id,)), DeleteTasks((task.id,)),
                 DeleteSopTemplate(template.id)]
    for edit in edits:
        apply_edit(demo_db, edit)
    return names


@pytest.mark.parametrize("language", ["english", "chinese"])
def test_the_trash_names_each_kind_of_thing_as_the_owner_reads_it(qtbot, demo_db, request, language):
    request.getfixturevalue(language)
    names = _delete_one_of_each(demo_db)
    dialog = TrashDialog(AppContext(demo_db, Settings()))
    qtbot.addWidget(dialog)
    rows = shown(dialog)
    # Newest first: the SOP template, the task, the promotion, the goal — each by its plain name,
    # never in quotes ('“选品与定价”' was how a task used to be listed).
    assert [r[2] for r in rows] == [names["task_template"], names["task"], names["promotion"], names["goal"]]
    assert not any(ch in r[2] for r in rows for ch in "“”\"'")
    kinds = {"english": ["SOP template", "Task", "Promotion", "Goal"],
             "chinese": ["SOP 模板", "任务", "促销活动", "目标"]}[language]
    assert [r[1] for r in rows] == kinds


def test_an_item_deleted_with_a_quoted_name_by_an_earlier_build_is_listed_without_the_quotes(qtbot, db):
    from core.models import TrashItem

    with db.transaction() as s:
        s.add(TrashItem(kind="task", title="“选品与定价”", payload={"format": 1, "mode": "insert", "rows": [], "links": []},
                        deleted_at=dt.datetime.now().replace(microsecond=0)))
    dialog = TrashDialog(AppContext(db, Settings()))
    qtbot.addWidget(dialog)
    assert [r[2] for r in shown(dialog)] == ["选品与定价"]
