"""A form closed (Esc, Cancel, the window's close) after something was typed in it asks first, so a
slip of the key loses nothing typed; an untouched form closes at once. The other UI tests answer the
question "discard" without showing it (tests/ui/conftest.py); these use the real one or count it."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from core.models import Sku
from tests.ui.helpers import open_tab
from ui.widgets import record_form

pytestmark = pytest.mark.real_discard_question


def _sku_form(qtbot, window):
    inv = open_tab(qtbot, window, "inventory")
    row = inv.table.raw_row(0)
    form = inv.edit_sku(row)
    qtbot.addWidget(form)
    qtbot.waitExposed(form)
    return form, row


def test_an_untouched_form_closes_on_esc_without_a_question(qtbot, window, monkeypatch):
    asked = []
    monkeypatch.setattr(record_form, "ask_discard", lambda parent: asked.append(parent) or True)
    form, _row = _sku_form(qtbot, window)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10_000)
    assert asked == []


def test_esc_after_typing_asks_and_keep_editing_keeps_what_was_typed(qtbot, window, demo_db, monkeypatch):
    answers, asked = [False, True], []
    monkeypatch.setattr(record_form, "ask_discard", lambda parent: asked.append(parent) or answers.pop(0))
    form, row = _sku_form(qtbot, window)
    typed = str(row.lead_time_days + 9)
    form.widgets["lead_time_days"].setText(typed)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert asked == [form]  # asked once; "Keep editing": the form and what was typed stay
    assert form.isVisible() and form.widgets["lead_time_days"].text() == typed
    form.buttons.button(form.buttons.StandardButton.Cancel).click()  # asked again; "Discard" closes it
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10_000)
    assert len(asked) == 2
    with demo_db.session() as s:  # discarded: nothing was saved
        assert s.get(Sku, row.sku_code).lead_time_days == row.lead_time_days


def test_the_question_keeps_the_form_unless_discard_is_chosen(qtbot, window, monkeypatch):
    form, row = _sku_form(qtbot, window)
    form.widgets["supplier"].setText("新供应商 New Supplier Co.")
    seen: list[tuple[str, str]] = []
    tries = {"left": 200}

    def answer() -> None:  # the real question, modal: read it and press Esc, which means "Keep editing"
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "form.discard":
            seen.append((box.defaultButton().text(), box.text()))
            box.reject()
        elif tries["left"] > 0:
            tries["left"] -= 1
            QTimer.singleShot(50, answer)

    QTimer.singleShot(50, answer)
    form.reject()
    assert seen == [("Keep editing", "You changed this form. Close it without saving?")]
    assert form.isVisible() and form.widgets["supplier"].text() == "新供应商 New Supplier Co."
    monkeypatch.setattr(record_form, "ask_discard", lambda parent: True)
    form.reject()  # "Discard": closed, before the window goes
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10_000)
