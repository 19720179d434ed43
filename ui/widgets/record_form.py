"""One small base for new/edit dialogs: records that do not fit a row (a SKU's purchasing facts,
a new goal, later a promotion or a task).

A form lists ``FormField``s, each with the same ``CellEditor`` a table cell uses, so it accepts
and refuses exactly what the table does. OK (or Enter) reads every field; what cannot be read is
said under its field and the dialog stays open. What can is turned into a core edit by
``make_edit(values)`` (None: nothing to save yet, the form stays open) and run on the one editing path; a ``FieldError`` from core lands under
the field it names (anything else in the form's banner), and the form closes only once the
change is saved. Esc cancels. The dialog's size is remembered per form.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from core.errors import UserFacingError
from ui.widgets.banner import Banner
from ui.widgets.editors import CellEditor

ERROR_STYLE = "color:#8a1c12;"


@dataclass(frozen=True)
class FormField:
    name: str
    label: str
    editor: CellEditor
    value: Any = None
    hint: str = ""


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
        form = QFormLayout()
        for f in self.fields:
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
            form.addRow(f.label, box)
            self.widgets[f.name], self.errors[f.name] = widget, error
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        size = QSettings().value(f"forms/{name}/size")
        if size is not None:
            self.resize(size)

    def values(self) -> dict[str, Any] | None:
        """Every field's value, or None after marking the fields that cannot be read."""
        values, ok = {}, True
        for f in self.fields:
            self.errors[f.name].hide()
            try:
                values[f.name] = f.editor.parse(f.editor.widget_text(self.widgets[f.name]))
            except ValueError as exc:
                self.show_field_error(f.name, str(exc))
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

    def done(self, result: int) -> None:  # noqa: A003 - QDialog's own name
        QSettings().setValue(f"forms/{self.objectName()}/size", self.size())
        super().done(result)
