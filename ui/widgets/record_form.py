"""One small base for new/edit dialogs: records that do not fit a row (a SKU's purchasing facts,
a new goal, later a promotion or a task).

A form lists ``FormField``s, each with the same ``CellEditor`` a table cell uses, so it accepts
and refuses exactly what the table does. OK (or Enter) reads every field; what cannot be read is
said under its field and the dialog stays open. What can is turned into a core edit by
``make_edit(values)`` (None: nothing to save yet, the form stays open) and run on the one editing path; a ``FieldError`` from core lands under
the field it names (anything else in the form's banner), and the form closes only once the
change is saved. Esc (or Cancel, or the window's close) cancels; when a field was changed since
the form was shown, the owner is asked first (``ask_discard``), so a slip of the key loses nothing
typed. The dialog's size is remembered per form.

The fields sit in a scroll area no taller than the screen: a message under a field (or any text
shown later through ``fit_to_messages``) makes the dialog grow to show it whole, up to the
screen's height (e.g. a 1024 × 640 laptop), and is scrolled into view beyond that.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt, QTimer
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFrame, QGridLayout, QLabel, QMessageBox, QScrollArea,
                               QVBoxLayout, QWidget)

from core.errors import UserFacingError
from ui.widgets.banner import Banner
from ui.widgets.editors import CellEditor

ERROR_STYLE = "color:#8a1c12;"


def ask_discard(parent: QWidget) -> bool:
    """Whether the owner throws away what they changed in a form (Esc, Cancel, the window's close);
    "Keep editing" is the default, so a second Esc or Enter keeps the form open."""
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("RecordForm", "Discard your changes?"),
                      QCoreApplication.translate("RecordForm", "You changed this form. Close it without saving?"),
                      QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("form.discard")
    box.button(QMessageBox.StandardButton.Discard).setText(QCoreApplication.translate("RecordForm", "Discard"))
    box.button(QMessageBox.StandardButton.Cancel).setText(QCoreApplication.translate("RecordForm", "Keep editing"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Discard


@dataclass(frozen=True)
class FormField:
    name: str
    label: str
    editor: CellEditor
    value: Any = None
    hint: str = ""


class _FieldsArea(QScrollArea):
    """The fields, scrolling only when the screen is too short for them: it asks for the height its
    content needs at its width (QScrollArea's own size hint stops at about 24 lines)."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        body = self.widget()
        frame = 2 * self.frameWidth()
        hint = body.sizeHint()
        width = max(self.viewport().width(), body.minimumSizeHint().width())
        height = body.heightForWidth(width) if body.hasHeightForWidth() else -1
        return QSize(hint.width() + frame + self.verticalScrollBar().sizeHint().width(),
                     max(height, hint.height()) + frame)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        body = self.widget()
        return QSize(body.minimumSizeHint().width() + 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width(),
                     min(body.minimumSizeHint().height(), 120))


class RecordForm(QDialog):
    def __init__(self, ctx, name: str, title: str, fields: Sequence[FormField],
                 make_edit: Callable[[dict[str, Any]], Any], parent: QWidget | None = None, *,
                 intro: str = "") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.ctx = ctx
        self._make_edit = make_edit
        self.fields = list(fields)
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.saved = None  # the core.edits.Change once saved
        self._shown_texts: dict[str, str] | None = None  # the fields as first shown (see reject)
        from ui.edits import seen_near

        # The values shown are those of the tab's last load: a save is checked against it, so
        # a change someone else made meanwhile is not overwritten (core.row_versions).
        self.seen_version = seen_near(parent)
        self.banner = Banner(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        if intro:
            text = QLabel(intro, self)
            text.setWordWrap(True)
            layout.addWidget(text)
        body = QWidget(self)
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        # A grid, not a QFormLayout: the grid gives a wrapped message the height it needs at its width.
        form = QGridLayout()
        form.setColumnStretch(1, 1)
        for row, f in enumerate(self.fields):
            widget = f.editor.create_widget(self)
            widget.setObjectName(f"{name}.{f.name}")
            f.editor.set_widget_value(widget, f.value)
            error = QLabel(self)
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(widget)
            if f.hint:
                hint = QLabel(f.hint, self)
                hint.setStyleSheet("color:#666;")
                hint.setWordWrap(True)
                box.addWidget(hint)
            box.addWidget(error)
            caption = QLabel(f.label, self)
            caption.setBuddy(widget)
            caption.setMinimumHeight(min(widget.sizeHint().height(), 2 * caption.sizeHint().height()))  # level with a line
            form.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            form.addLayout(box, row, 1)
            self.widgets[f.name], self.errors[f.name] = widget, error
        self.body_layout.addLayout(form)
        # Room the fields do not need (the dialog sized for a long message, or by the owner) goes
        # below them: a field's hint and message stay right under it, never spread apart.
        self.body_layout.addStretch(1)
        self.scroll = _FieldsArea(self)
        self.scroll.setObjectName(f"{name}.fields")
        self.scroll.setWidget(body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.scroll, 1)
        self.setMinimumWidth(480)  # a message wraps over a few lines, not a dozen
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        size = QSettings().value(f"forms/{name}/size")
        if size is not None:
            self.resize(size)

    def fit_to_messages(self, shown: QWidget | None = None) -> None:
        """Grow the dialog (up to the screen's height) so that every message shown fits, then
        scroll ``shown`` into view: a wrapped message is never cut off."""
        self.body_layout.activate()
        layout = self.layout()
        layout.activate()
        screen = self.screen().availableGeometry()
        frame = max(self.frameGeometry().height() - self.height(), 0) if self.isVisible() else 40
        need = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        need = min(max(need, layout.totalSizeHint().height()), screen.height() - frame)
        if need > self.height():
            self.resize(self.width(), need)
            if self.isVisible() and self.frameGeometry().bottom() > screen.bottom():
                self.move(self.x(), max(screen.top(), screen.bottom() - self.frameGeometry().height()))
        if shown is not None:
            QTimer.singleShot(0, self, lambda: self.scroll.ensureWidgetVisible(shown, 0, 8))

    def values(self) -> dict[str, Any] | None:
        """Every field's value, or None after marking the fields that cannot be read."""
        values, ok = {}, True
        for f in self.fields:
            self.errors[f.name].hide()
            text = f.editor.widget_text(self.widgets[f.name])
            try:
                values[f.name] = f.editor.parse(text)
            except ValueError as exc:
                message = str(exc)
                if not f.editor.optional and not str(text or "").strip():  # not the table's "cell … Esc" words
                    message = self.tr("%1 cannot be left empty: type a value.").replace("%1", f.label)
                self.show_field_error(f.name, message)
                ok = False
        return values if ok else None

    def show_field_error(self, name: str, message: str) -> None:
        label = self.errors.get(name)
        if label is None:
            self.banner.show_message(message, "error")
            return
        label.setText(message)
        label.show()
        self.widgets[name].setFocus()
        self.fit_to_messages(label)

    def submit(self) -> None:
        values = self.values()
        if values is None:
            return
        self.banner.clear_message()
        try:
            edit = self._make_edit(values)
        except UserFacingError as exc:
            self._refused(exc)
            return
        if edit is None:  # make_edit asked the owner something and they chose to go back
            return
        self.buttons.setEnabled(False)  # one save at a time

        def done(change) -> None:
            self.saved = change
            self.accept()

        self.ctx.edits.run(edit, parent=self, on_done=done, on_error=self._refused)

    def _refused(self, exc: UserFacingError) -> None:
        self.buttons.setEnabled(True)
        self.show_field_error(getattr(exc, "field", ""), exc.message)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._shown_texts is None:  # as shown: values a tab sets after building the form count as given
            self._shown_texts = self._texts()

    def _texts(self) -> dict[str, str]:
        return {f.name: f.editor.widget_text(self.widgets[f.name]) for f in self.fields}

    def reject(self) -> None:
        """Esc, Cancel or the window's close: what the owner typed is not thrown away without asking."""
        if self.saved is None and self._shown_texts is not None and self._texts() != self._shown_texts \
                and not ask_discard(self):
            return
        super().reject()

    def done(self, result: int) -> None:  # noqa: A003 - QDialog's own name
        QSettings().setValue(f"forms/{self.objectName()}/size", self.size())
        super().done(result)
