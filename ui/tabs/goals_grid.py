"""The Goals grid (objectName ``goals.grid``): a year's month targets, typed like Excel.

Rows are the year's months with each quarter, half and the year summed below its months
(read-only); columns are the breakdown chosen (by channel, by category, channel × category or
the total). A typed or pasted cell becomes one ``SetGoalGrid`` edit: the other unlocked months
of its column give way so the year holds, or, with “Keep other months”, stay as they are and
the line under the grid shows the difference from the annual target. Typed cells carry a
padlock until unlocked (the buttons or the cell's context menu).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from core.money import format_fen
from ui.labels import platform_name
from ui.widgets.editors import CellEditor
from ui.widgets.record_table import RecordTable, parse_block
from ui.widgets.table_model import CellEdit, Column

if TYPE_CHECKING:
    from core.goal_grid import Grid, GridRow

BREAKDOWNS = ("channel", "category", "channel_category", "total")  # core.goal_grid.BREAKDOWNS
MONEY = CellEditor("money", placeholder="1.2万")
_LOCK: QIcon | None = None


def lock_icon() -> QIcon:
    """A small padlock, drawn once (no image file to ship)."""
    global _LOCK
    if _LOCK is None:
        pix = QPixmap(14, 14)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor("#6d5d00"), 1.6))
        p.drawArc(QRectF(3.5, 1.5, 7, 8), 0, 180 * 16)
        p.drawLine(QPointF(3.5, 5.5), QPointF(3.5, 7))
        p.drawLine(QPointF(10.5, 5.5), QPointF(10.5, 7))
        p.fillRect(QRectF(2, 6.5, 10, 7), QColor("#8a7400"))
        p.end()
        _LOCK = QIcon(pix)
    return _LOCK


class GoalsGrid(QWidget):
    """The grid with its breakdown, mode and lock controls. ``tab`` runs the edits."""

    def __init__(self, tab: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tab = tab
        self.grid: Grid | None = None
        self.breakdown = QComboBox(self)
        self.breakdown.setObjectName("goals.grid_breakdown")
        for text, key in ((self.tr("By channel"), "channel"), (self.tr("By category"), "category"),
                          (self.tr("Channel × category"), "channel_category"), (self.tr("Total only"), "total")):
            self.breakdown.addItem(text, key)
        self.rebalance = QRadioButton(self.tr("Keep the year's total"), self)
        self.rebalance.setObjectName("goals.grid_rebalance")
        self.rebalance.setToolTip(self.tr("A typed month is taken from (or given to) the other unlocked months of "
                                          "its column, in proportion, so the year stays the same"))
        self.keep = QRadioButton(self.tr("Keep other months"), self)
        self.keep.setObjectName("goals.grid_keep")
        self.keep.setToolTip(self.tr("Only the typed month changes; the line below shows the difference from the "
                                     "annual target"))
        self.rebalance.setChecked(True)
        self.modes = QButtonGroup(self)
        self.modes.addButton(self.rebalance)
        self.modes.addButton(self.keep)
        self.modes.buttonToggled.connect(lambda *_: self._show_status())
        self.lock_button = QPushButton(self.tr("Lock"), self)
        self.lock_button.setObjectName("goals.grid_lock")
        self.lock_button.setToolTip(self.tr("Keep the selected months when the year is re-balanced"))
        self.lock_button.clicked.connect(lambda: self.set_locked(True))
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setObjectName("goals.grid_unlock")
        self.unlock_button.setToolTip(self.tr("Let the selected months give way again when another month is typed"))
        self.unlock_button.clicked.connect(lambda: self.set_locked(False))
        self.export_button = QPushButton(self.tr("Export to Excel…"), self)
        self.export_button.setObjectName("goals.grid_export")
        self.export_button.setToolTip(self.tr("Write the year's grid to a workbook, one sheet per breakdown; fill it "
                                              "in and import it back"))
        self.export_button.clicked.connect(lambda: self.export_workbook())
        self.import_button = QPushButton(self.tr("Import from Excel…"), self)
        self.import_button.setObjectName("goals.grid_import")
        self.import_button.setToolTip(self.tr("Read targets back from a workbook exported here: checked whole, saved "
                                              "as one change (Ctrl+Z undoes)"))
        self.import_button.clicked.connect(lambda: self.import_workbook())
        self.status = QLabel(self)
        self.status.setObjectName("goals.grid_status")
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Columns:"), self))
        bar.addWidget(self.breakdown)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("When a month is typed:"), self))
        bar.addWidget(self.rebalance)
        bar.addWidget(self.keep)
        bar.addStretch(1)
        tools = QHBoxLayout()  # a row of its own, so the window fits a 1024-pixel screen in English too
        tools.addWidget(self.lock_button)
        tools.addWidget(self.unlock_button)
        tools.addStretch(1)
        tools.addWidget(self.export_button)
        tools.addWidget(self.import_button)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addLayout(bar)
        self.layout_.addLayout(tools)
        self.table = self._make_table(())
        self.layout_.addWidget(self.table, 1)
        self.layout_.addWidget(self.status)
        self._columns: tuple = ()

    # ------------------------------------------------------------------ showing
    @property
    def mode(self) -> str:
        return "keep" if self.keep.isChecked() else "rebalance"

    def column_header(self, platform: str, category: str) -> str:
        return " · ".join(x for x in (platform_name(platform) if platform else "", category) if x) or self.tr("Total")

    def row_label(self, row: GridRow) -> str:
        if row.kind == "month":
            return f"{row.start:%Y-%m}"
        if row.kind == "year":
            return self.tr("Year %1").replace("%1", str(row.start.year))
        return f"{row.start.year} {row.key}"

    def _make_table(self, columns: tuple) -> RecordTable:
        subtotal = lambda r: r["kind"] != "month"  # noqa: E731
        cols = [Column(self.tr("Month"), field="label", bold=subtotal)]
        for j, (platform, category) in enumerate(columns):
            cols.append(Column(self.column_header(platform, category), "money", field=f"c{j}", editor=MONEY,
                               editable=lambda r: r["kind"] == "month", bold=subtotal,
                               icon=lambda _v, r, j=j: lock_icon() if r["locks"][j] else None,
                               cell_tooltip=lambda _v, r, j=j: self.tr("Typed by hand: locked") if r["locks"][j]
                               else None,
                               tooltip=self.tr("Type in yuan (1299.90, ¥1,299.9 or 1.2万); Tab and Enter move on; "
                                               "Ctrl+V pastes a block from Excel; Ctrl+Z undoes")))
        if len(columns) > 1:
            cols.append(Column(self.tr("Total"), "money", field="total", bold=lambda _r: True,
                               tooltip=self.tr("The sum of the row's columns")))
        table = RecordTable(cols, self, search=False, key=lambda r: r["key"], name="goals.grid")
        table.view.setSortingEnabled(False)
        table.count_label.hide()  # always the year's 19 rows
        table.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.view.customContextMenuRequested.connect(self._menu)
        table.view.sig_paste.disconnect()
        table.view.sig_paste.connect(self.paste)
        table.sig_edits.connect(self.save_cells)
        # Enter moves down as in Excel (the view does that); past a sum row, on to the next month.
        table.view.itemDelegate().closeEditor.connect(lambda _w, hint, t=table: self._past_sums(t, hint))
        table.sig_problem.connect(lambda text: self.tab.banner.show_message(text, "error"))
        return table

    @staticmethod
    def _past_sums(table: RecordTable, hint) -> None:
        from PySide6.QtWidgets import QAbstractItemDelegate

        if hint != QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            return
        current = table.view.currentIndex()
        row = current.row()
        while 0 <= row < table.proxy.rowCount() and table.raw_row(row)["kind"] != "month":
            row += 1
        if row < table.proxy.rowCount() and row != current.row():
            table.view.setCurrentIndex(current.sibling(row, current.column()))

    def show_grid(self, grid: Grid) -> None:
        from core.goal_grid import grid_rows

        self.grid = grid
        if grid.columns != self._columns or not self.table.model.rowCount():
            old, self.table = self.table, self._make_table(grid.columns)
            self.layout_.replaceWidget(old, self.table)
            old.deleteLater()
            self._columns = grid.columns
        rows = []
        for r in grid_rows(grid):
            row = {"key": r.key, "kind": r.kind, "label": self.row_label(r), "locks": r.locked, "total": r.total}
            row.update({f"c{j}": v for j, v in enumerate(r.values)})
            rows.append(row)
        self.table.set_rows(rows)
        # Amounts change width as months are typed (and a padlock takes room): fit them each time.
        self.table.view.resizeColumnsToContents()
        for col in range(1, self.table.model.columnCount()):
            self.table.view.setColumnWidth(col, max(self.table.view.columnWidth(col) + 8, 110))
        self._show_status()

    def _show_status(self) -> None:
        grid = self.grid
        if grid is None:
            return
        if not grid.columns:
            self.status.setText(self.tr("%1 has no goals of this breakdown yet. “Plan a year…” splits a year into "
                                        "months, channels and categories.").replace("%1", str(grid.year)))
            return
        total = format_fen(grid.total())
        if grid.annual_target is None:
            self.status.setText(self.tr("Year %1: %2 in the grid; no annual target set.")
                                .replace("%1", str(grid.year)).replace("%2", total))
            return
        diff = grid.difference() or 0
        target = format_fen(grid.annual_target)
        planned = sum(1 for row in grid.cells if any(c.fen is not None for c in row))
        # A channel's month typed re-balances the channel's year, not the month: say which months' columns no longer
        # add up to the month goal (the one the Tracking view and the funnel use), the month typed first.
        off = sorted(grid.months_off(), key=lambda o: -abs(o[1] - o[2]))
        if planned < 12:  # a breakdown planned for some months only: a plan in progress, not a mismatch
            text = (self.tr("Year %1: %2 of its 12 months have goals in these columns, adding up to %3; the year's "
                            "target is %4.").replace("%1", str(grid.year)).replace("%2", str(planned))
                    .replace("%3", total).replace("%4", target))
        elif diff:
            over = (self.tr("Year %1: the months add up to %2, %3 over the year's target of %4.") if diff > 0 else
                    self.tr("Year %1: the months add up to %2, %3 under the year's target of %4."))
            text = (over.replace("%1", str(grid.year)).replace("%2", total).replace("%3", format_fen(abs(diff)))
                    .replace("%4", target))
        else:
            text = (self.tr("Year %1: %2 in the grid, annual target %3.").replace("%1", str(grid.year))
                    .replace("%2", total).replace("%3", target))
            if not off:
                text += " " + self.tr("The months add up to it exactly.")
        if off:
            sep = self.tr("; ")
            shown = sep.join(self.tr("%1: %2, the month's goal %3").replace("%1", f"{grid.year}-{m + 1:02d}")
                             .replace("%2", format_fen(fen)).replace("%3", format_fen(goal)) for m, fen, goal in off[:3])
            text += " " + self.tr("In %n month(s) these columns no longer add up to the month's goal (%1). The "
                                  "Tracking view and the funnel use the month's goal.", "", len(off)) \
                .replace("%1", shown + (sep + "…" if len(off) > 3 else ""))
        self.status.setStyleSheet("color:#c62828;" if off or (diff and planned == 12) else "")
        self.status.setText(text)

    # ------------------------------------------------------------------ editing
    def _cell(self, key: str, field: str) -> tuple[int, str, str]:
        platform, category = self._columns[int(field[1:])]
        return int(key), platform, category

    def save_cells(self, cells: list[CellEdit]) -> None:
        from core.edits.goals import SetGoalGrid

        if self.grid is None:
            return
        typed = tuple((*self._cell(c.key, c.field), c.value) for c in cells)
        edit = SetGoalGrid(self.grid.year, self.grid.breakdown, typed, self.mode,
                           source="paste" if len(cells) > 1 else "")
        self.tab.run_cell_edits(self.table, cells, edit)

    def paste(self, text: str | None = None) -> bool:
        """A block from Excel onto the months from the selected one down (quarter and half rows
        are skipped: they are sums), checked all or nothing, saved as one change."""
        from PySide6.QtGui import QGuiApplication

        block = parse_block(QGuiApplication.clipboard().text() if text is None else text)
        view, model = self.table.view, self.table.model
        current = self.table.proxy.mapToSource(view.currentIndex())
        if not block or not current.isValid() or self.grid is None:
            return False
        rows = [model.row(r) for r in range(model.rowCount())]
        months = [r for r in rows if r["kind"] == "month"]
        start_row = rows[current.row()]
        first_col = current.column()
        problem = None
        if start_row["kind"] != "month" or first_col == 0 or first_col > len(self._columns):
            problem = self.tr("Select the month cell where the pasted block should start, then paste again.")
        elif months.index(start_row) + len(block) > 12:
            problem = self.tr("The pasted block has %1 rows, but only %n month(s) (follows|follow) from %2. Nothing was "
                              "changed.", "", 12 - months.index(start_row)) \
                .replace("%1", str(len(block))).replace("%2", start_row["label"])
        elif first_col - 1 + max(len(line) for line in block) > len(self._columns):
            problem = self.tr("The pasted block has %1 columns, but only %n column(s) (follows|follow). Nothing was "
                              "changed.", "", len(self._columns) - first_col + 1) \
                .replace("%1", str(max(len(line) for line in block)))
        if problem:
            self.tab.banner.show_message(problem, "error")
            return False
        edits, errors = [], []
        base = months.index(start_row)
        for i, line in enumerate(block):
            record = months[base + i]
            for j, value in enumerate(line):
                field = f"c{first_col - 1 + j}"
                if not value.strip():  # an empty cell of the block changes nothing (as in Import from Excel…)
                    continue
                try:
                    edits.append(CellEdit(record["key"], field, MONEY.parse(value), record))
                except ValueError as exc:
                    model.mark_error(record["key"], field, str(exc))
                    errors.append(f"{record['label']}, {model.columns[first_col + j].header}: {exc}")
        if errors:
            shown = "; ".join(errors[:3]) + (" …" if len(errors) > 3 else "")
            self.tab.banner.show_message(self.tr("Nothing was pasted: %n cell(s) could not be used (%1).", "",
                                                 len(errors)).replace("%1", shown), "error")
            return False
        if not edits:
            self.tab.banner.show_message(self.tr("The pasted block has no amounts. Nothing was changed."), "error")
            return False
        model.submit_edits(edits)
        return True

    def _selected_goal_ids(self) -> list[int]:
        if self.grid is None:
            return []
        ids = []
        for idx in self.table.view.selectionModel().selectedIndexes() or [self.table.view.currentIndex()]:
            idx = self.table.proxy.mapToSource(idx)
            record = self.table.model.row(idx.row()) if idx.isValid() else None
            if record and record["kind"] == "month" and 1 <= idx.column() <= len(self._columns):
                cell = self.grid.cells[int(record["key"]) - 1][idx.column() - 1]
                if cell.goal_id is not None:
                    ids.append(cell.goal_id)
        return sorted(set(ids))

    def set_locked(self, locked: bool) -> None:
        from core.edits.goals import SetGoalLocks

        ids = self._selected_goal_ids()
        if not ids:
            self.tab.banner.show_message(self.tr("Select month cells that have a target first."), "info")
            return
        self.tab.banner.clear_message()
        self.tab.ctx.edits.run(SetGoalLocks(tuple(ids), locked), parent=self.tab)

    # ------------------------------------------------------------------ Excel
    def export_workbook(self, path: str | None = None) -> None:
        from ui.tasks import run_task

        year = self.tab.year.currentData()
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _f = QFileDialog.getSaveFileName(self, self.tr("Export the grid"), f"goals-{year}.xlsx",
                                                   "Excel (*.xlsx)")
            if not path:
                return
        db = self.tab.ctx.db

        def work(_task_ctx):
            from core.goal_workbook import write_goals_workbook

            with db.session() as session:
                return write_goals_workbook(session, year, path)

        def done(result) -> None:
            written, sheets = result
            self.tab.banner.show_message(self.tr("%1 sheet(s) written to %2").replace("%1", str(sheets))
                                         .replace("%2", str(written)), "info")

        def failed(exc: BaseException, tb: str) -> None:
            from core.errors import UserFacingError

            if isinstance(exc, UserFacingError):
                self.tab.banner.show_message(exc.message, "error")
            else:
                from ui.errors import report_exception

                report_exception(exc, tb, self)

        run_task(self, work, on_done=done, on_error=failed, progress_label=self.tr("Exporting…"))

    def import_workbook(self, path: str | None = None) -> None:
        from core.edits.goals import ImportGoalWorkbook

        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _f = QFileDialog.getOpenFileName(self, self.tr("Import targets"), "", "Excel (*.xlsx)")
            if not path:
                return
        self.tab.banner.clear_message()
        self.tab.ctx.edits.run(ImportGoalWorkbook(path), parent=self.tab,
                               on_error=lambda exc: self.tab.banner.show_message(exc.message, "error"))

    def _menu(self, pos) -> None:
        menu = QMenu(self)
        menu.addAction(lock_icon(), self.tr("Lock"), lambda: self.set_locked(True))
        menu.addAction(self.tr("Unlock"), lambda: self.set_locked(False))
        menu.popup(self.table.view.viewport().mapToGlobal(pos))
