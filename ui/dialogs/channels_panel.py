"""Settings → Channels: each channel's currency and the exchange rates per currency and month.

Every change is a typed edit (core.edits.channels) run through the one editing path, saved at
once and undoable (the Undo button here, or Edit → Undo once the dialog is closed). The rows
come from core.channel_rates, the same as the ``channels`` and ``exchange-rates`` exports.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from core.edits import ALL, Batch
from core.errors import UserFacingError
from ui.tasks import run_task
from ui.widgets.banner import Banner
from ui.widgets.editors import CellEditor
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import CellEdit, Column

MISSING_COLOUR = "#b71c1c"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChannelsPanel", text)


class ChannelsPanel(QWidget):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings.channels_page")
        self.ctx = ctx
        self.loads = 0
        from core.kpi.output import channel_label

        intro = QLabel(self.tr(
            "Amounts are kept in each channel's own currency and shown in yuan at the rate you type for each month "
            "(yuan for one unit, e.g. 7.1234). A channel without a month's rate is shown apart in its own currency, "
            "never added to the yuan totals. Changes are saved at once; Undo takes them back."), self)
        intro.setWordWrap(True)
        self.banner = Banner(self)
        self.banner.setObjectName("settings.channels_banner")
        self.missing = Banner(self)  # the months whose rate is missing, until they are set
        self.missing.setObjectName("settings.missing_rates")

        self.channels = RecordTable([
            Column(self.tr("Channel"), field="platform", fmt=channel_label),
            Column(self.tr("Shop"), field="shop_name"),
            Column(self.tr("Currency"), field="currency", editor=CellEditor("text", max_length=3),
                   tooltip=self.tr("ISO 4217 code: CNY, USD, GBP, ZAR …")),
            Column(self.tr("Paid orders"), "int", field="paid_orders"),
            Column(self.tr("Months without a rate"), field="missing_text",
                   colour=lambda v, _r: MISSING_COLOUR if v else None),
        ], self, search=False, key=lambda r: r.platform, name="settings.channels")
        self.channels.sig_edits.connect(self.save_channel_cells)
        self.channels.sig_problem.connect(lambda text: self.banner.show_message(text, "error"))

        self.rates = RecordTable([
            Column(self.tr("Currency"), field="currency"),
            Column(self.tr("Month"), field="month"),
            Column(self.tr("Yuan per unit"), field="rate", editor=CellEditor("text", optional=True, max_length=24),
                   tooltip=self.tr("Clear the cell to remove the rate")),
            Column(self.tr("Channels"), field="channels", fmt=lambda v: ", ".join(channel_label(p) for p in v)),
        ], self, search=False, key=lambda r: (r.currency, r.month), name="settings.rates")
        self.rates.sig_edits.connect(self.save_rate_cells)
        self.rates.sig_problem.connect(lambda text: self.banner.show_message(text, "error"))

        self.new_currency = QLineEdit(self)
        self.new_currency.setObjectName("settings.rate_currency")
        self.new_currency.setPlaceholderText("USD")
        self.new_currency.setMaxLength(3)
        self.new_currency.setFixedWidth(70)
        self.new_month = QLineEdit(f"{dt.date.today():%Y-%m}", self)
        self.new_month.setObjectName("settings.rate_month")
        self.new_month.setPlaceholderText("2026-11")
        self.new_month.setFixedWidth(90)
        self.new_rate = QLineEdit(self)
        self.new_rate.setObjectName("settings.rate_value")
        self.new_rate.setPlaceholderText("7.1234")
        self.new_rate.setFixedWidth(110)
        self.add_button = QPushButton(self.tr("Set rate"), self)
        self.add_button.setObjectName("settings.rate_add")
        self.add_button.clicked.connect(self.add_rate)
        self.new_rate.returnPressed.connect(self.add_rate)
        self.remove_button = QPushButton(self.tr("Remove selected"), self)
        self.remove_button.setObjectName("settings.rate_remove")
        self.remove_button.clicked.connect(self.remove_selected)
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setObjectName("settings.rates_undo")
        self.undo_button.clicked.connect(lambda: self.ctx.edits.undo(self))
        ctx.edits.sig_history_changed.connect(self._update_undo)
        self._update_undo()

        form = QHBoxLayout()
        for label, box in ((self.tr("Currency"), self.new_currency), (self.tr("Month"), self.new_month),
                           (self.tr("Yuan per unit"), self.new_rate)):
            form.addWidget(QLabel(label, self))
            form.addWidget(box)
        form.addWidget(self.add_button)
        form.addStretch(1)
        form.addWidget(self.remove_button)
        form.addWidget(self.undo_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.missing)
        layout.addWidget(self.banner)
        layout.addWidget(QLabel("<b>" + self.tr("Channels") + "</b>", self))
        layout.addWidget(self.channels, 2)
        layout.addWidget(QLabel("<b>" + self.tr("Exchange rates") + "</b>", self))
        layout.addLayout(form)
        layout.addWidget(self.rates, 3)
        ctx.sig_data_changed.connect(self._on_data_changed)
        self.load()

    # -- loading
    def _on_data_changed(self, topics: frozenset[str]) -> None:
        if ALL in topics or topics & {"orders", "settings", "imports"}:
            self.load()

    def load(self) -> None:
        db = self.ctx.db

        def work(_task) -> tuple:
            from core.channel_rates import channel_rows, currencies_in_use, rate_rows

            with db.session() as s:
                return channel_rows(s), rate_rows(s), currencies_in_use(s)

        run_task(self, work, on_done=self._loaded)

    def _loaded(self, data: tuple) -> None:
        channels, rates, in_use = data
        self.channels.set_rows(channels)
        self.rates.set_rows(rates)
        if not self.new_currency.text() and in_use:
            self.new_currency.setText(in_use[0])
        missing = [r for r in channels if r.missing_rate_months]
        if missing:
            from core.currency import missing_rate_message
            from core.kpi.output import channel_label

            self.missing.show_message("\n".join(
                f"{channel_label(r.platform)}: {missing_rate_message(r.currency, r.missing_rate_months)}" for r in missing),
                "warning")
        else:
            self.missing.clear_message()
        self.loads += 1

    def _update_undo(self) -> None:
        label = self.ctx.edits.undo_label()
        self.undo_button.setEnabled(label is not None)
        self.undo_button.setToolTip(self.tr("Undo “%1”").replace("%1", label) if label else "")

    # -- edits
    def _run(self, edit: Any, table: RecordTable | None = None, cells: list[CellEdit] | None = None) -> None:
        def refused(exc: UserFacingError) -> None:
            if table is not None:
                table.model.clear_pending()
                field, row = getattr(exc, "field", None), getattr(exc, "row", None)
                named = [c for c in cells or [] if c.field == field and (row is None or c.key == row)]
                for cell in named or cells or []:
                    table.mark_error(cell.key, cell.field, exc.message)
            self.banner.show_message(exc.message, "error")

        self.banner.clear_message()
        self.ctx.edits.run(edit, parent=self, on_error=refused)

    def save_channel_cells(self, cells: list[CellEdit]) -> None:
        from core.edits.channels import SetChannelCurrency

        edits = tuple(SetChannelCurrency(c.key, str(c.value or "")) for c in cells)
        self._run(edits[0] if len(edits) == 1 else Batch(edits, cells=len(cells)), self.channels, cells)

    def save_rate_cells(self, cells: list[CellEdit]) -> None:
        from core.edits.channels import SetExchangeRate

        edits = tuple(SetExchangeRate(c.key[0], c.key[1], None if c.value is None else str(c.value)) for c in cells)
        self._run(edits[0] if len(edits) == 1 else Batch(edits, cells=len(cells)), self.rates, cells)

    def add_rate(self) -> None:
        from core.edits.channels import SetExchangeRate

        rate = self.new_rate.text().strip()
        if not rate:
            self.banner.show_message(self.tr("Type the rate: how many yuan one unit of the currency is worth, "
                                             "such as 7.1234."), "error")
            return
        self._run(SetExchangeRate(self.new_currency.text(), self.new_month.text(), rate))

    def remove_selected(self) -> None:
        from core.edits.channels import SetExchangeRate

        chosen = self.rates.selected_records()
        if not chosen:
            self.banner.show_message(self.tr("Select the rates to remove first."), "info")
            return
        edits = tuple(SetExchangeRate(r.currency, r.month, None) for r in chosen)
        self._run(edits[0] if len(edits) == 1 else Batch(edits))
