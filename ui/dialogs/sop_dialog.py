"""SOP templates (objectName ``team.sop``): the built-in 大促 / 上新 / 月度复盘 and the owner's own,
edited step by step (title, day relative to the event T, days, role, the steps it waits for),
and applied to a promotion: its tasks dated from the promotion's start, owners by role, the
dependencies kept — one undoable edit (core.edits.sop). Opened from the Team tab and from the
promotion calendar's right-click menu (“Create tasks from SOP…”)."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.tasks import run_task
from ui.widgets.banner import Banner
from ui.widgets.screen_fit import resize_within_screen

TITLE, DAY, DAYS, ROLE, AFTER, OWNER = range(6)
_DAY = re.compile(r"^\s*[tT]?\s*([+-−]?)\s*(\d*)\s*$")


def day_text(offset: int) -> str:
    return "T" if offset == 0 else f"T{offset:+d}"


def parse_day(text: str) -> int:
    m = _DAY.match(text or "")
    if m is None or (not m.group(2) and m.group(1)):
        raise ValueError(text)
    n = int(m.group(2) or 0)
    return -n if m.group(1) in ("-", "−") else n


def _matches(template, wanted: str | None) -> bool:
    """``wanted`` is a Template.key, ``builtin:KEY`` (stored or not) or ``name:NAME`` (just saved)."""
    if not wanted:
        return False
    if wanted.startswith("name:"):
        return template.name == wanted[5:]
    if wanted.startswith("builtin:"):
        return template.builtin == wanted[8:]
    return template.key == wanted


class SopDialog(QDialog):
    sig_loaded = Signal()

    def __init__(self, ctx, parent: QWidget | None = None, *, promotion_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("team.sop")
        self.setWindowTitle(self.tr("SOP templates"))
        self.ctx = ctx
        self._wanted_promotion = promotion_id
        self._wanted_template: str | None = None
        self.templates: list[Any] = []  # core.sop.Template
        self.promotions: list[tuple[int, str, dt.date]] = []
        self.staff: list[tuple[int, str, str]] = []
        self.current: Any = None  # the Template shown; None for a new one
        self.dirty = False
        self._filling = False
        self.loads = 0

        self.banner = Banner(self)
        self.list = QListWidget(self)
        self.list.setObjectName("team.sop.list")
        self.list.currentRowChanged.connect(self._show_template)
        self.new_button = QPushButton(self.tr("New template"), self)
        self.new_button.setObjectName("team.sop.new")
        self.new_button.clicked.connect(self.new_template)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setObjectName("team.sop.delete")
        self.delete_button.clicked.connect(self.delete_template)

        self.name = QLineEdit(self)
        self.name.setObjectName("team.sop.name")
        self.description = QLineEdit(self)
        self.description.setObjectName("team.sop.description")
        for w in (self.name, self.description):
            w.textEdited.connect(self._changed)
        self.steps = QTableWidget(0, 6, self)
        self.steps.setObjectName("team.sop.steps")
        self.steps.setHorizontalHeaderLabels([self.tr("Step"), self.tr("Day"), self.tr("Days"), self.tr("Role"),
                                              self.tr("After steps"), self.tr("Owner")])
        self.steps.horizontalHeaderItem(DAY).setToolTip(self.tr("Relative to the event day T: T-30 is 30 days before, "
                                                                "T+3 three days after"))
        self.steps.horizontalHeaderItem(AFTER).setToolTip(self.tr("The numbers of earlier steps this one waits for, "
                                                                  "e.g. 1, 2"))
        self.steps.horizontalHeaderItem(OWNER).setToolTip(self.tr("The first active team member with that role"))
        header = self.steps.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for col in (DAY, DAYS, ROLE, AFTER, OWNER):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.steps.itemChanged.connect(self._step_changed)
        self.add_step_button = QPushButton(self.tr("Add step"), self)
        self.add_step_button.setObjectName("team.sop.add_step")
        self.add_step_button.clicked.connect(self.add_step)
        self.remove_step_button = QPushButton(self.tr("Remove step"), self)
        self.remove_step_button.setObjectName("team.sop.remove_step")
        self.remove_step_button.clicked.connect(self.remove_step)
        self.save_button = QPushButton(self.tr("Save template"), self)
        self.save_button.setObjectName("team.sop.save")
        self.save_button.clicked.connect(self.save)

        self.promotion = QComboBox(self)
        self.promotion.setObjectName("team.sop.promotion")
        self.promotion.currentIndexChanged.connect(self._update_preview)
        self.preview = QLabel(self)
        self.preview.setObjectName("team.sop.preview")
        self.preview.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("Create tasks"), self)
        self.apply_button.setObjectName("team.sop.apply")
        self.apply_button.clicked.connect(self.apply)

        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.delete_button)
        left.addLayout(row)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Description"), self.description)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.steps, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_step_button)
        row.addWidget(self.remove_step_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        right.addLayout(row)
        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addLayout(right, 3)
        apply_row = QHBoxLayout()
        apply_row.addWidget(QLabel(self.tr("Apply to promotion:"), self))
        apply_row.addWidget(self.promotion, 1)
        apply_row.addWidget(self.apply_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(top, 1)
        layout.addLayout(apply_row)
        layout.addWidget(self.preview)
        layout.addWidget(close)
        resize_within_screen(self, 980, 560)
        self.load()

    # -- loading
    def load(self) -> None:
        db = self.ctx.db

        def work(_task) -> tuple:
            from sqlalchemy import select

            from core.models import Promotion, Staff
            from core.sop import templates

            with db.session() as s:
                promos = [(i, n, st) for i, n, st in s.execute(
                    select(Promotion.id, Promotion.name, Promotion.start).order_by(Promotion.start, Promotion.id))]
                staff = [(i, n, r) for i, n, r in s.execute(
                    select(Staff.id, Staff.name, Staff.role).where(Staff.active.is_(True)).order_by(Staff.id))]
                return templates(s), promos, staff

        run_task(self, work, on_done=self._loaded)

    def _loaded(self, data: tuple) -> None:
        self.templates, self.promotions, self.staff = data
        wanted = self._wanted_template or (self.current.key if self.current is not None else None)
        self._filling = True
        self.list.clear()
        for tpl in self.templates:
            item = QListWidgetItem(tpl.name if tpl.builtin == "" else f"★ {tpl.name}", self.list)
            item.setToolTip(tpl.description)
        previous = self.promotion.currentData()
        self.promotion.clear()
        today = self.ctx.today()
        for pid, name, start in self.promotions:
            self.promotion.addItem(f"{name} ({start.isoformat()})", pid)
        self._filling = False
        wanted_promo = self._wanted_promotion if self._wanted_promotion is not None else previous
        index = self.promotion.findData(wanted_promo) if wanted_promo is not None else -1
        if index < 0:  # the next promotion to come
            index = next((i for i, (_p, _n, st) in enumerate(self.promotions) if st >= today), 0 if self.promotions else -1)
        self.promotion.setCurrentIndex(index)
        self._wanted_promotion = None
        row = next((i for i, t in enumerate(self.templates) if _matches(t, wanted)), 0)
        self._wanted_template = None
        self.list.setCurrentRow(row)
        self._show_template(row)
        self.loads += 1
        self.sig_loaded.emit()

    # -- one template
    def _show_template(self, row: int) -> None:
        if self._filling or not 0 <= row < len(self.templates):
            return
        self.current = self.templates[row]
        self._fill(self.current.name, self.current.description, self.current.steps)
        builtin, stored = self.current.builtin, self.current.id is not None
        self.delete_button.setText(self.tr("Restore ShopDesk's version") if builtin else self.tr("Delete"))
        self.delete_button.setEnabled(stored)

    def _fill(self, name: str, description: str, steps) -> None:
        self._filling = True
        self.name.setText(name)
        self.description.setText(description)
        self.steps.setRowCount(0)
        for s in steps:
            self._append_step(s.title, day_text(s.offset_days), str(s.duration_days), s.role,
                              ", ".join(str(a + 1) for a in s.after))
        self._filling = False
        self.dirty = False
        self._update_owners()
        self._update_preview()

    def _append_step(self, *texts: str) -> None:
        r = self.steps.rowCount()
        self.steps.insertRow(r)
        for col, text in enumerate(texts):
            self.steps.setItem(r, col, QTableWidgetItem(text))
        owner = QTableWidgetItem("")
        owner.setFlags(owner.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.steps.setItem(r, OWNER, owner)

    def _changed(self, *_args) -> None:
        if not self._filling:
            self.dirty = True
            self._update_preview()

    def _step_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() == OWNER:
            return
        self.dirty = True
        if item.column() == ROLE:
            self._update_owners()
        self._update_preview()

    def _update_owners(self) -> None:
        from core.sop import owner_for

        names = {i: n for i, n, _r in self.staff}
        was, self._filling = self._filling, True
        for r in range(self.steps.rowCount()):
            role = self._text(r, ROLE)
            sid = owner_for(role, self.staff)
            item = self.steps.item(r, OWNER)
            item.setText(names[sid] if sid is not None else (self.tr("nobody is %1").replace("%1", role) if role else ""))
            item.setForeground(Qt.GlobalColor.darkRed if sid is None and role else Qt.GlobalColor.black)
        self._filling = was

    def _text(self, row: int, col: int) -> str:
        item = self.steps.item(row, col)
        return item.text().strip() if item is not None else ""

    def read_steps(self):
        """The steps as typed; ``ValueError`` with the message to show."""
        from core.sop import Step

        out = []
        for r in range(self.steps.rowCount()):
            n = r + 1
            try:
                day = parse_day(self._text(r, DAY))
            except ValueError:
                raise ValueError(self.tr("Step %1: “%2” is not a day. Write T-30, T, T+3 (or -30, 0, 3).")
                                 .replace("%1", str(n)).replace("%2", self._text(r, DAY))) from None
            days_text = self._text(r, DAYS) or "1"
            if not days_text.isdigit():
                raise ValueError(self.tr("Step %1: “%2” is not a number of days.").replace("%1", str(n))
                                 .replace("%2", days_text))
            after = []
            for part in re.split(r"[,，;；\s]+", self._text(r, AFTER)):
                if not part:
                    continue
                if not part.isdigit():
                    raise ValueError(self.tr("Step %1: “%2” is not a step number; write the numbers of earlier steps, "
                                             "e.g. 1, 2.").replace("%1", str(n)).replace("%2", part))
                after.append(int(part) - 1)
            out.append(Step(self._text(r, TITLE), day, int(days_text), self._text(r, ROLE), tuple(after)))
        return tuple(out)

    def add_step(self) -> None:
        try:  # the new step starts on the last one's day; a day typed wrong there is said on Save, not here
            last = parse_day(self._text(self.steps.rowCount() - 1, DAY)) if self.steps.rowCount() else 0
        except ValueError:
            last = 0
        self._filling = True
        self._append_step("", day_text(last), "1", "", str(self.steps.rowCount()) if self.steps.rowCount() else "")
        self._filling = False
        self.dirty = True
        self._update_owners()
        self.steps.setCurrentCell(self.steps.rowCount() - 1, TITLE)
        self.steps.editItem(self.steps.item(self.steps.rowCount() - 1, TITLE))

    def remove_step(self) -> None:
        row = self.steps.currentRow()
        if row < 0:
            self.banner.show_message(self.tr("Select the step to remove first."), "info")
            return
        self.steps.removeRow(row)
        self.dirty = True
        self._update_preview()

    def new_template(self) -> None:
        from core.sop import Step

        self.current = None
        self.list.clearSelection()
        self._fill(self.tr("New template"), "", (Step("", 0),))
        self.dirty = True
        self.delete_button.setEnabled(False)
        self.name.setFocus()
        self.name.selectAll()

    # -- saving and applying (core.edits.sop)
    def _refused(self, exc) -> None:
        self.banner.show_message(exc.message, "error")
        row = getattr(exc, "row", None)
        if getattr(exc, "field", "") == "steps" and isinstance(row, int) and 0 <= row < self.steps.rowCount():
            self.steps.selectRow(row)

    def save(self) -> None:
        from core.edits.sop import SaveSopTemplate

        try:
            steps = self.read_steps()
        except ValueError as exc:
            self.banner.show_message(str(exc), "error")
            return
        cur = self.current
        edit = SaveSopTemplate(cur.id if cur is not None else None, self.name.text(), self.description.text(), steps,
                               builtin=cur.builtin if cur is not None else "")
        name = self.name.text().strip()

        def done(_change) -> None:
            self.dirty = False
            self._wanted_template = cur.key if cur is not None and cur.builtin else None
            if cur is None or not cur.builtin:
                self._wanted_template = "name:" + name
            self.banner.show_message(self.tr("Saved %1.").replace("%1", name), "info")
            self.load()

        self.banner.clear_message()
        self.ctx.edits.run(edit, parent=self, on_done=done, on_error=self._refused)

    def delete_template(self) -> None:
        from core.edits.sop import DeleteSopTemplate

        cur = self.current
        if cur is None or cur.id is None:
            return
        self._wanted_template = f"builtin:{cur.builtin}" if cur.builtin else None
        self.banner.clear_message()
        self.ctx.edits.run(DeleteSopTemplate(cur.id), parent=self, on_done=lambda _c: self.load(),
                           on_error=self._refused)

    def _update_preview(self) -> None:
        from core.sop import StepError, Template, check_steps, plan

        pid = self.promotion.currentData()
        promo = next((p for p in self.promotions if p[0] == pid), None)
        if promo is None:
            self.preview.setText(self.tr("No promotion to apply it to yet: plan one in the Promotions tab."))
            self.apply_button.setEnabled(False)
            return
        self.apply_button.setEnabled(True)
        try:
            steps = self.read_steps()
        except ValueError as exc:
            self.preview.setText(str(exc))
            return
        if not steps:
            self.preview.setText("")
            return
        try:  # T+9999999 typed as a day made the dates overflow: the crash dialog while typing
            steps = check_steps(steps)
        except StepError as exc:
            self.preview.setText(exc.message)
            return
        tasks = plan(Template(None, "", "", "", steps), promo[2], self.staff)
        unowned = sum(1 for t in tasks if t.owner_id is None)
        text = self.tr("Creates %n task(s) for %1 (T = %2), from %3 to %4.", "", len(tasks)) \
            .replace("%1", promo[1]).replace("%2", promo[2].isoformat()) \
            .replace("%3", min(t.start for t in tasks).isoformat()).replace("%4", max(t.due for t in tasks).isoformat())
        if unowned:
            text += " " + self.tr("%1 without an owner: nobody active has that role.").replace("%1", str(unowned))
        if self.dirty:
            text += " " + self.tr("Save the template first to create tasks from these changes.")
        self.preview.setText(text)

    def apply(self) -> None:
        from core.edits.sop import ApplySop

        if self.dirty or self.current is None:
            self.banner.show_message(self.tr("Save the template first: tasks are created from the saved version."),
                                     "error")
            return
        pid = self.promotion.currentData()
        if pid is None:
            self.banner.show_message(self.tr("Choose the promotion to create the tasks for."), "error")
            return
        self.banner.clear_message()
        key = self.current.key

        def done(change) -> None:
            self.banner.show_message(change.label, "info")
            self._wanted_template = key
            self.load()

        self.ctx.edits.run(ApplySop(key, pid), parent=self, on_done=done, on_error=self._refused)


def open_sop_dialog(ctx, parent: QWidget | None, *, promotion_id: int | None = None) -> SopDialog:
    dialog = SopDialog(ctx, parent, promotion_id=promotion_id)
    dialog.open()
    return dialog
