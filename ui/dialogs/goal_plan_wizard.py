"""“Plan a year…”: a year's or half-year's target, split into months (and channels and categories),
previewed, then saved as one edit (core.edits.goals.PlanGoals) that one Ctrl+Z takes back.

Page 1 asks the period, the target (an amount, or growth over last year's actual) and how to
split it; page 2 previews every month with the notes about missing history. Last year's
figures load off the GUI thread whenever the period changes (core.goal_split.load_history).
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QRadioButton, QSpinBox, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget, QWizard, QWizardPage)

from core.errors import UserFacingError
from core.money import format_fen, format_fen_whole
from ui.labels import platform_name
from ui.tasks import run_task
from ui.widgets.editors import CellEditor
from ui.widgets.screen_fit import resize_within_screen

ERROR_STYLE = "color:#8a1c12;"


class PlanWizard(QWizard):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goals.plan_wizard")
        self.setWindowTitle(self.tr("Plan a year"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.ctx = ctx
        self.history: Any = None  # core.goal_split.History of the chosen period
        self.history_key: tuple | None = None
        self.existing = 0  # goals already set within the period
        self.plan: Any = None
        self.saved = None  # the core.edits.Change once saved
        self._saving = False
        self.setup = SetupPage(self)
        self.preview = PreviewPage(self)
        self.addPage(self.setup)
        self.addPage(self.preview)
        resize_within_screen(self, 860, 620)
        self.setup.period_changed()

    # -- last year's facts, off the GUI thread
    def period(self) -> tuple[str, dt.date]:
        kind = self.setup.kind.currentData()
        year = self.setup.year.value()
        month = 7 if kind == "half" and self.setup.half.currentIndex() == 1 else 1
        return kind, dt.date(year, month, 1)

    def load_history(self, then=None) -> None:
        key = self.period()
        db, today = self.ctx.db, self.ctx.today()

        def work(_task) -> tuple:
            from core.edits.goals import plan_period_goals, period_end
            from core.goal_split import load_history, plan_months

            with db.session() as s:
                return (load_history(s, plan_months(*key), today),
                        len(plan_period_goals(s, key[1], period_end(key[0], key[1]))))

        def done(result: tuple) -> None:
            if key != self.period():
                return  # the owner chose another period meanwhile; its load follows
            self.history, self.existing = result
            self.history_key = key
            self.setup.history_loaded()
            if then is not None:
                then()

        run_task(self, work, on_done=done)

    # -- saving
    def accept(self) -> None:  # Finish
        if self._saving or self.plan is None:
            return
        from core.edits.goals import PlanGoals

        replace = False
        if self.existing:
            answer = QMessageBox.question(
                self, self.tr("Replace the goals?"),
                self.tr("%1 has %n goal(s) already (the period, its months and their channel and category goals). "
                        "Replace (it|them) with this plan? (It goes|They go) to the trash; Ctrl+Z brings (it|them) back.",
                        "", self.existing).replace("%1", self.preview.period_text))
            if answer != QMessageBox.StandardButton.Yes:
                return
            replace = True
        self._saving = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)

        def done(change) -> None:
            self._saving = False
            self.saved = change
            super(PlanWizard, self).accept()

        def refused(exc: UserFacingError) -> None:
            self._saving = False
            self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
            self.preview.problem.setText(exc.message)
            self.preview.problem.show()

        self.ctx.edits.run(PlanGoals(self.plan, replace=replace), parent=self, on_done=done, on_error=refused)


class SetupPage(QWizardPage):
    def __init__(self, wizard: PlanWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("The period and its target"))
        self.setSubTitle(self.tr("Last year's orders of the same months give the split unless you choose otherwise."))
        today = wizard.ctx.today()
        self.kind = QComboBox(self)
        self.kind.setObjectName("goals.plan_wizard.kind")
        self.kind.addItem(self.tr("A year"), "year")
        self.kind.addItem(self.tr("A half-year"), "half")
        self.year = QSpinBox(self)
        self.year.setObjectName("goals.plan_wizard.year")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year + 1 if today.month >= 10 else today.year)
        self.half = QComboBox(self)
        self.half.setObjectName("goals.plan_wizard.half")
        self.half.addItems([self.tr("First half (Jan–Jun)"), self.tr("Second half (Jul–Dec)")])
        self.half.setEnabled(False)
        period = QHBoxLayout()
        for widget in (self.kind, self.year, self.half):
            period.addWidget(widget)
        period.addStretch(1)

        self.by_amount = QRadioButton(self.tr("Amount"), self)
        self.by_amount.setObjectName("goals.plan_wizard.by_amount")
        self.by_growth = QRadioButton(self.tr("Growth over last year"), self)
        self.by_growth.setObjectName("goals.plan_wizard.by_growth")
        self.by_growth.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_amount)
        group.addButton(self.by_growth)
        self.money = CellEditor("money", placeholder="500万")
        self.amount = self.money.create_widget(self)
        self.amount.setObjectName("goals.plan_wizard.amount")
        self.growth = QDoubleSpinBox(self)
        self.growth.setObjectName("goals.plan_wizard.growth")
        self.growth.setRange(-99.0, 1000.0)
        self.growth.setDecimals(1)
        self.growth.setSuffix(" %")
        self.growth.setValue(35.0)
        self.last_year = QLabel(self)
        self.last_year.setObjectName("goals.plan_wizard.last_year")
        self.last_year.setWordWrap(True)
        amount_row, growth_row = QHBoxLayout(), QHBoxLayout()
        amount_row.addWidget(self.by_amount)
        amount_row.addWidget(self.amount, 1)
        growth_row.addWidget(self.by_growth)
        growth_row.addWidget(self.growth)
        growth_row.addStretch(1)

        self.months = self._method_combo("months", with_none=False)
        self.months_custom = self._custom_edit("months", self.tr("12 percentages in month order, e.g. 6, 7, 8 …"))
        self.channels = self._method_combo("channels", with_none=True)
        self.channels_custom = self._custom_edit("channels", self.tr("e.g. taobao 60, pdd 25, douyin 15"))
        self.categories = self._method_combo("categories", with_none=True)
        self.categories.setCurrentIndex(self.categories.findData("seasonal"))
        self.categories_custom = self._custom_edit("categories", self.tr("e.g. 茶叶 50, 茶具 30, 礼盒 20"))
        self.error = QLabel(self)
        self.error.setObjectName("goals.plan_wizard.error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("Period"), period)
        form.addRow(self.tr("Target GMV"), amount_row)
        form.addRow("", growth_row)
        form.addRow("", self.last_year)
        form.addRow(self.tr("Split into months"), self._pair(self.months, self.months_custom))
        form.addRow(self.tr("Each month by channel"), self._pair(self.channels, self.channels_custom))
        form.addRow(self.tr("Each month by category"), self._pair(self.categories, self.categories_custom))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.kind.currentIndexChanged.connect(self.period_changed)
        self.year.valueChanged.connect(self.period_changed)
        self.half.currentIndexChanged.connect(self.period_changed)
        self.amount.textEdited.connect(lambda _t: self.by_amount.setChecked(True))
        self.growth.valueChanged.connect(lambda _v: (self.by_growth.setChecked(True), self._show_last_year()))
        self.channels.currentIndexChanged.connect(lambda _i: self._show_last_year())

    def _method_combo(self, name: str, *, with_none: bool) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(f"goals.plan_wizard.{name}")
        combo.addItem(self.tr("By last year's shares"), "seasonal")
        combo.addItem(self.tr("Evenly"), "even")
        combo.addItem(self.tr("Custom percentages"), "custom")
        if with_none:
            combo.addItem(self.tr("Do not split"), "none")
        return combo

    def _custom_edit(self, name: str, hint: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(f"goals.plan_wizard.{name}_custom")
        edit.setPlaceholderText(hint)
        edit.setEnabled(False)
        return edit

    def _pair(self, combo: QComboBox, edit: QLineEdit) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(combo)
        row.addWidget(edit, 1)
        combo.currentIndexChanged.connect(lambda: edit.setEnabled(combo.currentData() == "custom"))
        return row

    def period_changed(self) -> None:
        self.half.setEnabled(self.kind.currentData() == "half")
        self.w.history = None
        self.last_year.setText(self.tr("Reading last year's orders…"))
        self.w.load_history()

    def history_loaded(self) -> None:
        self._show_last_year()
        self.completeChanged.emit()

    def _show_last_year(self) -> None:
        h = self.w.history
        if h is None:
            return
        from core.goal_split import grow, unconverted_notes

        if not h.actual:
            self.last_year.setText("\n".join([
                self.tr("No orders from last year's same months: enter the target as an amount."),
                *unconverted_notes(h, self.channels.currentData())]))
            return
        base = format_fen(h.actual, decimals=0)
        if h.complete:
            text = self.tr("Last year's same months: %1 paid.").replace("%1", base)
        else:
            text = (self.tr("Last year's same months: %1 paid on the days imported so far, about %2 for the whole "
                            "period (short months scaled up, months without orders at the average).")
                    .replace("%1", base).replace("%2", format_fen(h.estimate, decimals=0)))
        text += " " + self.tr("+%1 % makes %2.").replace("%1", f"{self.growth.value():g}").replace(
            "%2", format_fen(grow(h.estimate, Decimal(str(self.growth.value()))), decimals=0))
        self.last_year.setText("\n".join([text, *unconverted_notes(h, self.channels.currentData())]))

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.w.history is not None

    # -- the request
    def request(self):
        """The owner's choices as a core PlanRequest; ``ValueError`` with a message to show."""
        from core.goal_split import PlanRequest, grow

        kind, start = self.w.period()
        if self.by_amount.isChecked():
            target = self.money.parse(self.amount.text())
        else:
            if not self.w.history.actual:
                raise ValueError(self.tr("There are no orders from last year's same months to grow from: "
                                         "enter the target as an amount."))
            target = grow(self.w.history.estimate, Decimal(str(self.growth.value())))
        months = tuple(p for p in self.months_custom.text().replace("，", ",").replace("%", "").split(",") if p.strip()) \
            if self.months.currentData() == "custom" else ()
        return PlanRequest(kind, start, target,
                           self.months.currentData(), tuple(p.strip() for p in months),
                           self.channels.currentData(), self._shares(self.channels_custom, channels=True)
                           if self.channels.currentData() == "custom" else (),
                           self.categories.currentData(), self._shares(self.categories_custom, channels=False)
                           if self.categories.currentData() == "custom" else ())

    def _shares(self, edit: QLineEdit, *, channels: bool) -> tuple[tuple[str, str], ...]:
        """``taobao 60, 拼多多 25`` → (("taobao", "60"), ("pdd", "25"))."""
        from core.orders import PLATFORMS

        names = {platform_name(p).casefold(): p for p in PLATFORMS} | {p.casefold(): p for p in PLATFORMS}
        out = []
        for part in edit.text().replace("，", ",").replace("%", "").split(","):
            if not part.strip():
                continue
            name, _, pct = part.strip().rpartition(" ")
            name = name.strip().rstrip(":：").strip()
            try:
                Decimal(pct)
            except InvalidOperation:
                name = ""
            if not name:
                raise ValueError(self.tr("Write each share as a name and a percentage: “%1” is not one.")
                                 .replace("%1", part.strip()))
            if channels:
                if name.casefold() not in names:
                    raise ValueError(self.tr("“%1” is not a channel ShopDesk knows.").replace("%1", name))
                name = names[name.casefold()]
            out.append((name, pct))
        return tuple(out)

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        from core.goal_split import make_plan

        self.error.hide()
        try:
            self.w.plan = make_plan(self.request(), self.w.history)
        except (ValueError, UserFacingError) as exc:
            self.error.setText(getattr(exc, "message", None) or str(exc))
            self.error.show()
            return False
        return True


class PreviewPage(QWizardPage):
    def __init__(self, wizard: PlanWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.period_text = ""
        self.setTitle(self.tr("Preview"))
        self.summary = QLabel(self)
        self.summary.setObjectName("goals.plan_wizard.summary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("goals.plan_wizard.months")
        self.table.setHorizontalHeaderLabels([self.tr("Month"), self.tr("Target GMV"), self.tr("Based on"),
                                              self.tr("By channel"), self.tr("By category")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.notes = QLabel(self)
        self.notes.setObjectName("goals.plan_wizard.notes")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color:#6b4e00;")
        self.problem = QLabel(self)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)
        layout.addWidget(self.problem)

    def _basis(self, code: str) -> str:
        return {"history": self.tr("last year"), "scaled": self.tr("last year, scaled"),
                "average": self.tr("average month"), "even": self.tr("even"), "custom": self.tr("custom")}[code]

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        from core.goals import period_name

        plan = self.w.plan
        self.problem.hide()
        self.period_text = period_name(plan.kind, plan.start, plan.end)
        text = self.tr("%1: %2 in %n month(s).", "", len(plan.months)).replace("%1", self.period_text) \
            .replace("%2", format_fen(plan.target))
        if self.w.existing:
            text += " " + self.tr("Saving replaces the %n (goal|goals) already set within this period (Ctrl+Z brings "
                                  "(it|them) back).", "", self.w.existing)
        self.summary.setText(text)
        self.table.setRowCount(len(plan.months))
        for row, m in enumerate(plan.months):
            values = [f"{m.start:%Y-%m}", format_fen(m.target), self._basis(m.basis),
                      " · ".join(f"{platform_name(k)} {format_fen_whole(v)}" for k, v in m.channels),
                      " · ".join(f"{k} {format_fen_whole(v)}" for k, v in m.categories)]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    item.setData(Qt.ItemDataRole.UserRole, m.target)
                item.setToolTip(value)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.notes.setText("\n".join(f"• {n}" for n in plan.notes))
        self.notes.setVisible(bool(plan.notes))
