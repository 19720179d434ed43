"""Edit → Undo delete and Edit → Trash…."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
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


def test_trash_lists_deleted_items_and_restores_one(qtbot, db):
    make_and_delete(db)
    ctx = AppContext(db, Settings())
    changed = []
    ctx.sig_data_changed.connect(changed.append)
    dialog = TrashDialog(ctx)
    qtbot.addWidget(dialog)
    t = dialog.table
    rows = [[t.item(r, c).text() for c in range(4)] for r in range(t.rowCount())]
    assert [(r[1], r[2]) for r in rows] == [("Promotion", "双11"), ("Team member", "小李")]
    assert not dialog.empty_label.isVisibleTo(dialog)
    t.selectRow(1)
    qtbot.mouseClick(dialog.button_restore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=20_000)
    assert names(db, Staff) == ["小李"] and changed == ["*"]


def test_delete_for_good_asks_first(qtbot, db, monkeypatch):
    make_and_delete(db)
    dialog = TrashDialog(AppContext(db, Settings()))
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    qtbot.mouseClick(dialog.button_forget, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.button_forget, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1 and len(trash.list_trash(db)) == 1
    assert dialog.table.item(0, 2).text() == "小李"


def test_edit_menu_undo_restores_the_last_delete(qtbot, db):
    make_and_delete(db)
    window = MainWindow(AppContext(db, Settings()))
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:2] == ["&File", "&Edit"]
    assert [a.text() for a in window.edit_menu.actions()] == ["&Undo delete", "&Trash…"]
    window.action_undo.trigger()
    qtbot.waitUntil(lambda: names(db, Promotion) == ["双11"], timeout=20_000)
    qtbot.waitUntil(lambda: "Restored: 双11" in window.statusBar().currentMessage(), timeout=20_000)
    assert names(db, Staff) == []
