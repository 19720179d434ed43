"""The promotion and task forms grow (or scroll) to show a refused field's whole message: at their
default size a wrapped message under a field was cut off (issue #14), also in a 1024 × 640 window."""
from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractScrollArea, QLabel

from tests.ui.helpers import open_tab


def shown_whole(form, label: QLabel) -> bool:
    """The label is shown at the height its wrapped text needs, inside the dialog and, in a
    scrolling form, inside the part that is scrolled into view."""
    if not (form.isVisible() and label.isVisible() and label.text()):
        return False
    if label.height() < label.heightForWidth(label.width()):
        return False
    rect = QRect(label.mapTo(form, label.rect().topLeft()), label.size())
    if not form.rect().contains(rect):
        return False
    parent = label.parentWidget()
    while parent is not None and parent is not form:
        if isinstance(parent, QAbstractScrollArea):
            view = parent.viewport()
            if not QRect(view.mapTo(form, view.rect().topLeft()), view.size()).contains(rect):
                return False
        parent = parent.parentWidget()
    screen = form.screen().availableGeometry()
    return form.frameGeometry().height() <= screen.height() or form.height() <= screen.height()


def test_promotion_form_shows_a_refused_tiers_whole_message(qtbot, window):
    window.resize(1024, 640)
    page = open_tab(qtbot, window, "promotions")
    form = page.new_promotion()
    qtbot.addWidget(form)
    qtbot.waitExposed(form)
    form.widgets["name"].setText("店庆")
    form.widgets["rules"].setText("满300减30 满500减6x")
    form.submit()
    label = form.errors["rules"]
    qtbot.waitUntil(lambda: label.isVisible(), timeout=10_000)
    assert "满500减6x" in label.text() and len(label.text()) > 150  # a message that wraps over several lines
    qtbot.waitUntil(lambda: shown_whole(form, label), timeout=10_000)
    form.reject()


def test_task_form_shows_a_refused_fields_whole_message(qtbot, window):
    window.resize(1024, 640)
    team = open_tab(qtbot, window, "team")
    form = team.new_task()
    qtbot.addWidget(form)
    qtbot.waitExposed(form)
    form.widgets["title"].setText("")  # a title is required
    form.submit()
    label = form.errors["title"]
    qtbot.waitUntil(lambda: label.isVisible(), timeout=10_000)
    form.show_field_error("title", label.text() + " " + "这是一条很长的说明，" * 12)  # as long as core's longest
    qtbot.waitUntil(lambda: shown_whole(form, label), timeout=10_000)
    form.reject()

