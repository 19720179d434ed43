"""Inventory → Stock count… (盘点): counted quantities for many SKUs, the differences shown before saving.

The owner pastes two columns from Excel (SKU code, counted quantity) into the box and fills them
in, or types counts into the table of the current SKUs. A pasted block with an unknown SKU or an
unreadable quantity is refused as a whole, naming each bad line (as a paste into a table is).
Save writes every count as ONE edit (``core.edits.stock.CountStock``): one Ctrl+Z restores them all.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from core.errors import UserFacingError
from core.money import format_fen
from ui.widgets.banner import Banner
from ui.widgets.counts import grouped
from ui.widgets.editors import CellEditor
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import CellEdit, Column
from ui.widgets.screen_fit import resize_within_screen

NAME = "inventory.stock_count"
ERROR_STYLE = "color:#8a1c12;"


def _signed(value: int | None) -> str:
    return "" if value is None else f"{value:+,}" if value else "0"


def _signed_money(value: int | None) -> str:
    if value is None:
        return ""
    return ("+" if value > 0 else "") + format_fen(value) if value else format_fen(0)


class StockCountDialog(QDialog):
    def __init__(self, ctx, skus: Sequence[Any], parent: QWidget | None = None) -> None:
        """``skus``: the tab's rows (sku_code, title, spec, on_hand, cost_fen)."""
        super().__init__(parent)
        from core.stock_count import count_line  # after the window is shown: no start-up cost

        self._line = count_line
        self.setObjectName(f"{NAME}_dialog")
        self.setWindowTitle(self.tr("Stock count"))
        self.ctx = ctx
        self.saved = None  # the core.edits.Change once saved
        self._skus = {r.sku_code: r for r in skus}
        self.counts: dict[str, int] = {}
        self.banner = Banner(self)
        intro = QLabel(self.tr("Paste two columns copied from Excel — SKU code and counted quantity — and press "
                               "Fill in, or type the counts in the table. Nothing is saved until you press Save; "
                               "Ctrl+Z in the main window undoes the whole count."), self)
        intro.setWordWrap(True)
        self.paste_box = QPlainTextEdit(self)
        self.paste_box.setObjectName(f"{NAME}.paste_box")
        self.paste_box.setPlaceholderText(self.tr("TEA-001\t38\nTEA-002\t120"))
        self.paste_box.setMaximumHeight(110)
        self.fill_button = QPushButton(self.tr("Fill in"), self)
        self.fill_button.setObjectName(f"{NAME}.fill")
        self.fill_button.clicked.connect(self.fill_from_text)
        self.problems = QLabel(self)
        self.problems.setObjectName(f"{NAME}.problems")
        self.problems.setStyleSheet(ERROR_STYLE)
        self.problems.setWordWrap(True)
        self.problems.hide()
        self.counted_only = QCheckBox(self.tr("Counted SKUs only"), self)
        self.counted_only.setObjectName(f"{NAME}.counted_only")
        self.counted_only.toggled.connect(self._refresh)
        self.table = RecordTable(
            [
                Column(self.tr("SKU code"), field="sku_code"),
                Column(self.tr("Product"), field="title"),
                Column(self.tr("Spec"), field="spec"),
                Column(self.tr("System on hand"), "int", field="system"),
                Column(self.tr("Counted"), "int", field="counted", editor=CellEditor("int", optional=True),
                       fmt=lambda v: "" if v is None else f"{v:,}",
                       tooltip=self.tr("Type the counted quantity; leave empty for a SKU not counted")),
                Column(self.tr("Difference"), "int", field="difference", fmt=_signed,
                       colour=lambda v, _r: "#c62828" if v and v < 0 else "#2e7d32" if v else None),
                Column(self.tr("Value of the difference"), "money", field="difference_value_fen", fmt=_signed_money,
                       colour=lambda v, _r: "#c62828" if v and v < 0 else "#2e7d32" if v else None,
                       tooltip=self.tr("Difference × unit cost")),
            ],
            self, key=lambda r: r.sku_code, name=f"{NAME}.table",
        )
        self.table.sig_edits.connect(self._typed)
        self.table.sig_problem.connect(self._show_problems)
        self.summary = QLabel(self)
        self.summary.setObjectName(f"{NAME}.summary")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName(f"{NAME}.save")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        paste_row = QHBoxLayout()
        paste_row.addWidget(self.paste_box, 1)
        paste_row.addWidget(self.fill_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(intro)
        layout.addLayout(paste_row)
        layout.addWidget(self.problems)
        layout.addWidget(self.counted_only)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 1040, 660)
        self._refresh()
        # Long product names must not push the difference and its value out of sight.
        self.table.view.setColumnWidth(self.table.model.column_of("title"), 260)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        # Enter in the table is for moving on, as in Excel: it must not press Save (the button box's default) and
        # close the dialog in the middle of the count.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.isAncestorOf(self.focusWidget()):
            event.accept()
            return
        super().keyPressEvent(event)

    # -- counts in
    def fill_from_text(self, text: str | None = None) -> bool:
        """Read the pasted block (or ``text``); all of it is used, or none (each bad line named)."""
        from core.stock_count import parse_count_text

        text = self.paste_box.toPlainText() if text is None or isinstance(text, bool) else text
        counts, problems = parse_count_text(text, self._skus.keys())
        if problems:
            shown = "\n".join(problems[:8]) + ("\n…" if len(problems) > 8 else "")
            self._show_problems(self.tr("Nothing was filled in: %n line(s) cannot be used. Correct them and paste again.",
                                        "", len(problems)) + "\n" + shown)
            return False
        if not counts:
            self._show_problems(self.tr("No counts found. Paste two columns: SKU code and counted quantity."))
            return False
        self.problems.hide()
        self.counts.update(counts)
        self.paste_box.clear()
        self.counted_only.blockSignals(True)
        self.counted_only.setChecked(True)  # the differences, before saving
        self.counted_only.blockSignals(False)
        self._refresh()
        return True

    def _typed(self, cells: list[CellEdit]) -> None:
        bad = [c for c in cells if c.value is not None and c.value < 0]
        for c in bad:
            self.table.mark_error(c.key, c.field, self.tr("A count cannot be below 0."))
        if bad:
            self._show_problems(self.tr("A count cannot be below 0."))
            return
        self.problems.hide()
        for c in cells:
            if c.value is None:
                self.counts.pop(c.key, None)
            else:
                self.counts[c.key] = c.value
        self._refresh()

    def _show_problems(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.show()

    # -- what is shown
    def lines(self) -> list:
        return [self._line(r.sku_code, r.title, r.spec, r.on_hand, r.cost_fen, self.counts.get(r.sku_code))
                for r in sorted(self._skus.values(), key=lambda r: r.sku_code)]

    def _refresh(self, *_: object) -> None:
        lines = self.lines()
        counted = [ln for ln in lines if ln.counted is not None]
        self.table.set_rows(counted if self.counted_only.isChecked() else lines)
        for field in ("counted", "difference", "difference_value_fen"):  # sized before anything was counted
            column = self.table.model.column_of(field)
            if self.table.view.columnWidth(column) < self.table.view.sizeHintForColumn(column):
                self.table.view.resizeColumnToContents(column)
        differ = [ln for ln in counted if ln.difference]
        units = sum(ln.difference for ln in counted)
        self.summary.setText(
            self.tr("%1 counted, %2: %3, %4 at cost.")
            .replace("%1", grouped(self.tr("%n SKU(s)", "", len(counted)), len(counted)))
            .replace("%2", grouped(self.tr("%n (differs|differ)", "", len(differ)), len(differ)))
            .replace("%3", grouped(self.tr("%n unit(s)", "", units), units).replace(f"{units:,}", _signed(units), 1))
            .replace("%4", _signed_money(sum(ln.difference_value_fen for ln in counted))))
        self.save_button.setEnabled(bool(counted))

    # -- saving
    def save(self) -> None:
        from core.edits.stock import CountStock

        if not self.counts:
            self._show_problems(self.tr("Type or paste at least one counted quantity first."))
            return
        self.buttons.setEnabled(False)

        def done(change) -> None:
            self.saved = change
            self.accept()

        def refused(exc: UserFacingError) -> None:
            self.buttons.setEnabled(True)
            row = getattr(exc, "row", None)
            if row is not None:
                self.table.mark_error(row, "counted", exc.message)
            self.banner.show_message(exc.message, "error")

        edit = CountStock(tuple(sorted(self.counts.items())))
        self.ctx.edits.run(edit, parent=self, on_done=done, on_error=refused)
