"""The Team tab's monthly KPI and bonus table (objectName ``team.kpi``): one row per person with
their share of the month's goal, its actual, tasks on time, own measures, the band they land in
and the bonus in yuan (core.staff_kpi). Targets, measures and the bonus base are typed into the
table; “Split the goal…” and “Bonus bands…” are forms. Every change is one core edit."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.money import format_fen
from ui.tabs.base import Part
from ui.widgets.date_range import plannable
from ui.widgets.editors import CellEditor
from ui.widgets.export_button import ExportButton
from ui.widgets.record_form import FormField, RecordForm
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import CellEdit, Column

if TYPE_CHECKING:  # core.staff_kpi loads SQLAlchemy: only when the table loads
    from sqlalchemy.orm import Session

    from core.staff_kpi import StaffKpiRow

BAND_COLOURS = ("#c62828", "#8a6d00", "#2e7d32", "#1b5e20")


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f} %"


class KpiPanel(QWidget):
    sig_month_changed = Signal()

    def __init__(self, page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page, self.ctx = page, page.ctx
        self.month_edit = plannable(QDateEdit(self))
        self.month_edit.setObjectName("team.kpi_month")
        self.month_edit.setDisplayFormat("yyyy-MM")
        today = self.ctx.today()
        self.month_edit.setDate(QDate(today.year, today.month, 1))
        self.month_edit.dateChanged.connect(lambda _d: self.sig_month_changed.emit())
        self.summary = QLabel(self)
        self.summary.setObjectName("team.kpi_summary")
        self.summary.setWordWrap(True)
        self.split_button = QPushButton(self.tr("Split the month's goal…"), self)
        self.split_button.setObjectName("team.kpi_split")
        self.split_button.setToolTip(self.tr("Give each person a share of the month's goal GMV in percent; the amounts add "
                                             "up to the goal to the fen"))
        self.split_button.clicked.connect(self.split_goal)
        self.bands_button = QPushButton(self.tr("Bonus bands…"), self)
        self.bands_button.setObjectName("team.kpi_bands")
        self.bands_button.clicked.connect(self.edit_bands)
        money = CellEditor("money", optional=True)
        self.table = RecordTable(
            [
                Column(self.tr("Person"), field="name"),
                Column(self.tr("Role"), field="role"),
                Column(self.tr("GMV target"), "money", field="target_fen", editor=money,
                       tooltip=self.tr("Their share of the month's goal GMV (type an amount, or use “Split the month's "
                                       "goal…”)")),
                Column(self.tr("Share"), "rate", field="share"),
                Column(self.tr("GMV actual"), "money", field="actual_fen",
                       tooltip=self.tr("The shop's paid GMV of the month × their share of the goal")),
                Column(self.tr("GMV achievement"), "rate", field="gmv_achievement"),
                Column(self.tr("Tasks on time"), get=lambda r: f"{r.tasks_on_time}/{r.tasks_counted}" if r.tasks_counted else "—",
                       tooltip=self.tr("Tasks done by their due day ÷ tasks due in the month so far (cancelled ones "
                                       "left out)")),
                Column(self.tr("Own measures"), field="measures", get=lambda r: r.measures_text,
                       editor=CellEditor("text", optional=True, max_length=1000,
                                         placeholder=self.tr("Good reviews: 98 / 95; New items: 6 / 5")),
                       tooltip=self.tr("name: actual / target, separated by “;” — higher is better")),
                Column(self.tr("Achievement"), "rate", field="achievement",
                       tooltip=self.tr("The average of the measured parts: GMV, tasks on time and own measures")),
                Column(self.tr("Band"), field="band_text", colour=lambda _v, r: self._band_colour(r),
                       cell_tooltip=lambda _v, r: r.bands_text),
                Column(self.tr("Bonus %"), get=lambda r: _pct(r.bonus_pct)),
                Column(self.tr("Bonus base"), "money", field="base_fen", editor=CellEditor("money")),
                Column(self.tr("Bonus"), "money", field="bonus_fen", colour=lambda _v, r: self._band_colour(r)),
            ],
            self, key=lambda r: r.staff_id, name="team.kpi",
        )
        self.table.sig_edits.connect(self.save_cells)
        self.table.sig_problem.connect(lambda text: page.banner.show_message(text, "error"))
        self.export_button = ExportButton(self.ctx, "staff-kpi", page, name="kpi_export",
                                          suggested=lambda: f"staff-kpi-{self.month().strftime('%Y-%m')}.xlsx",
                                          date_range=self.month_range, parent=self)
        self.table.toolbar.addWidget(self.export_button)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Month:"), self))
        bar.addWidget(self.month_edit)
        bar.addStretch(1)
        bar.addWidget(self.split_button)
        bar.addWidget(self.bands_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.rows: list[StaffKpiRow] = []

    # -- the month
    def month(self) -> dt.date:
        d = self.month_edit.date()
        return dt.date(d.year(), d.month(), 1)

    def month_range(self) -> tuple[dt.date, dt.date]:
        from core.staff_kpi import month_end

        return self.month(), month_end(self.month())

    def set_month(self, month: dt.date) -> None:
        self.month_edit.setDate(QDate(month.year, month.month, 1))

    # -- loading (a part of the Team tab)
    def part(self) -> Part:
        month = self.month()

        def load(session: Session, params: Any) -> tuple[dt.date, list[StaffKpiRow]]:
            from core.staff_kpi import kpi_rows

            today = params if isinstance(params, dt.date) else self.ctx.today()
            return month, kpi_rows(session, month, today)

        return Part("kpi", load, self.show_data)

    def show_data(self, data: tuple[dt.date, list[StaffKpiRow]]) -> None:
        month, rows = data
        if month != self.month():
            return  # the owner picked another month meanwhile; its load follows
        self.rows = rows
        self.table.set_rows(rows)
        for field in ("band_text", "bonus_fen", "actual_fen", "target_fen"):  # widths follow another month's values
            col = self.table.model.column_of(field)
            self.table.view.setColumnWidth(col, max(self.table.view.columnWidth(col),
                                                    self.table.view.sizeHintForColumn(col)))
        month_text = month.strftime("%Y-%m")
        if not rows:
            self.summary.setText(self.tr("No team members yet. Add them with “Add team member…”; each person's KPI "
                                         "and bonus for %1 appear here.").replace("%1", month_text))
            return
        goal = rows[0].goal_fen
        if not goal:
            self.summary.setText(self.tr("%1 has no goal yet: set the month's goal in the Goals tab to give each person "
                                         "a share of it. Tasks on time and own measures count meanwhile.")
                                 .replace("%1", month_text))
            return
        given = sum(r.target_fen or 0 for r in rows)
        bonus = sum(r.bonus_fen or 0 for r in rows)
        text = self.tr("%1 goal %2; shared out %3; bonuses %4.").replace("%1", month_text).replace(
            "%2", format_fen(goal)).replace("%3", format_fen(given)).replace("%4", format_fen(bonus))
        if given != goal:
            text += " " + self.tr("%1 of the goal is not given to anyone yet.").replace("%1", format_fen(goal - given)) \
                if given < goal else " " + self.tr("The shares add up to %1 more than the goal.").replace(
                    "%1", format_fen(given - goal))
        from core.staff_kpi import month_end

        today, end = self.ctx.today(), month_end(month)
        if month <= today < end:
            text += " " + self.tr("The month is not over (%1 of %2 days): GMV counts the sales so far against the whole "
                                  "month's target.").replace("%1", str(today.day)).replace("%2", str(end.day))
        self.summary.setText(text)

    def _band_colour(self, r: StaffKpiRow) -> str | None:
        if r.band is None:
            return None
        top = len(r.bands) - 1
        return BAND_COLOURS[min(3, round(3 * r.band / top))] if top else None

    # -- editing
    def save_cells(self, cells: list[CellEdit]) -> None:
        """Typed or pasted cells → one SetStaffKpi per person, saved as one change."""
        from core.edits import Batch
        from core.edits.staff_kpi import SetStaffKpi

        month = self.month()
        by_person: dict[int, list[tuple[str, object]]] = {}
        for cell in cells:
            by_person.setdefault(cell.key, []).append((cell.field, cell.value))
        edits = tuple(SetStaffKpi(sid, month, tuple(values)) for sid, values in by_person.items())
        edit = edits[0] if len(edits) == 1 and len(cells) == 1 else Batch(edits, cells=len(cells))
        self.page.run_cell_edits(self.table, cells, edit)

    def split_goal(self) -> RecordForm:
        from core.staff_kpi import month_end

        month = self.month()
        people = [(r.staff_id, r.name) for r in self.rows]
        current = ", ".join(f"{r.name} {r.share * 100:.2f}".rstrip("0").rstrip(".") for r in self.rows
                            if r.share is not None)
        fields = [FormField("shares", self.tr("Shares (%)"), CellEditor("text", max_length=2000), current,
                            hint=self.tr("A name and a percentage each, e.g. “%1”; they must total 100 %.")
                            .replace("%1", ", ".join(f"{n} {100 // max(len(people), 1)}" for _i, n in people[:3])))]

        def make(values: dict[str, Any]):
            from core.edits.staff_kpi import SplitStaffTargets, parse_shares

            return SplitStaffTargets(month, parse_shares(values["shares"], people))

        form = RecordForm(self.ctx, "team.kpi_split_form",
                          self.tr("Split the goal of %1").replace("%1", month.strftime("%Y-%m")), fields, make, self,
                          intro=self.tr("The month's goal (%1 to %2) is split among the people you list, exact to the "
                                        "fen; the odd fen go to the largest remainders.")
                          .replace("%1", month.isoformat()).replace("%2", month_end(month).isoformat()))
        form.setMinimumWidth(520)
        form.open()
        return form

    def edit_bands(self) -> RecordForm:
        from core.staff_kpi import DEFAULT_BANDS, bands_text

        selected = self.table.selected_records()
        chosen = selected[0] if selected else (self.rows[0] if self.rows else None)
        choices = [(r.name, r.staff_id) for r in self.rows]
        fields = [
            FormField("who", self.tr("For"), CellEditor("choice", choices=lambda: choices, optional=True,
                                                        none_label=self.tr("Everyone")),
                      chosen.staff_id if chosen else None),
            FormField("bonus_bands", self.tr("Bands"), CellEditor("text", max_length=500),
                      bands_text(chosen.bands if chosen else DEFAULT_BANDS),
                      hint=self.tr("“from %: bonus %” pairs: “0: 0; 80: 5; 100: 8; 120: 12” pays nothing below 80 %, "
                                   "5 % of the base from 80 % (inclusive) to under 100 %, 8 % from 100 % to under "
                                   "120 %, 12 % from 120 %.")),
        ]

        def make(values: dict[str, Any]):
            from core.edits.staff_kpi import SetBonusBands

            ids = tuple(r.staff_id for r in self.rows) if values["who"] is None else (values["who"],)
            return SetBonusBands(ids, values["bonus_bands"])

        form = RecordForm(self.ctx, "team.kpi_bands_form", self.tr("Bonus bands"), fields, make, self)
        form.setMinimumWidth(560)
        form.open()
        return form
