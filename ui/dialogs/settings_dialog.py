"""File → Settings…: language, backup folder, currency symbol, fiscal-year start, and the inventory choices
(sales window, service level, review period, slow/dead/overstock thresholds, ABC and XYZ limits), the purchase
order letterhead (contact and address lines under the shop's name); the
Channels page: each channel's currency and the exchange rates (ui/dialogs/channels_panel.py)."""
from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSpinBox, QTabWidget, QVBoxLayout, QWidget,
)

from core import settings as settings_mod
from core.settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None, *, ctx=None, page: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        self._language_at_open = settings.language

        self.language = QComboBox(self)
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))

        self.backup_dir = QLineEdit(settings.backup_dir, self)
        self.backup_dir.setPlaceholderText(str(settings_mod.Settings().backup_path()))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_dir, 1)
        folder_row.addWidget(browse)

        self.currency = QLineEdit(settings.currency_symbol, self)
        self.currency.setMaxLength(4)
        self.fiscal_start = QComboBox(self)
        for month in range(1, 13):
            self.fiscal_start.addItem(QLocale().standaloneMonthName(month), month)
        self.fiscal_start.setCurrentIndex(settings.fiscal_year_start_month - 1)
        self.daily_keep = QSpinBox(self)
        self.daily_keep.setRange(1, 90)
        self.daily_keep.setValue(settings.backups_daily_keep)
        self.weekly_keep = QSpinBox(self)
        self.weekly_keep.setRange(0, 52)
        self.weekly_keep.setValue(settings.backups_weekly_keep)

        self.inventory_window = QSpinBox(self)
        self.inventory_window.setObjectName("settings.inventory_window")
        self.inventory_window.setRange(7, 365)
        self.inventory_window.setSuffix(self.tr(" days"))
        self.inventory_window.setValue(settings.inventory_window_days)
        self.inventory_window.setToolTip(self.tr("Average daily sales are taken over this many days up to today"))
        self.service_level = QDoubleSpinBox(self)
        self.service_level.setObjectName("settings.service_level")
        self.service_level.setRange(50.0, 99.9)
        self.service_level.setDecimals(1)
        self.service_level.setSuffix(" %")
        self.service_level.setValue(settings.inventory_service_level * 100)
        self.service_level.setToolTip(self.tr("How often a delivery should arrive before the shelf is empty; "
                                              "higher keeps more safety stock"))

        def days(name: str, lo: int, hi: int, value: int, tip: str) -> QSpinBox:
            box = QSpinBox(self)
            box.setObjectName(f"settings.{name}")
            box.setRange(lo, hi)
            box.setSuffix(self.tr(" days"))
            box.setValue(value)
            box.setToolTip(tip)
            return box

        def share(name: str, lo: float, hi: float, value: float, tip: str, *, percent: bool) -> QDoubleSpinBox:
            box = QDoubleSpinBox(self)
            box.setObjectName(f"settings.{name}")
            box.setDecimals(0 if percent else 2)
            box.setSingleStep(1 if percent else 0.05)
            scale = 100 if percent else 1
            box.setRange(lo * scale, hi * scale)
            if percent:
                box.setSuffix(" %")
            box.setValue(value * scale)
            box.setToolTip(tip)
            return box

        r = settings_mod.INVENTORY_RANGES
        self.review_days = days("inventory_review_days", *map(int, r["inventory_review_days"]), settings.inventory_review_days,
                                self.tr("Days between two orders: the order covers them, and SKUs to order within "
                                        "them are running low"))
        self.slow_days = days("inventory_slow_days", *map(int, r["inventory_slow_days"]), settings.inventory_slow_days,
                              self.tr("A SKU with stock and no sale for longer is slow-moving"))
        self.dead_days = days("inventory_dead_days", *map(int, r["inventory_dead_days"]), settings.inventory_dead_days,
                              self.tr("A SKU with stock and no sale for longer is dead stock"))
        self.overstock_days = days("inventory_overstock_days", *map(int, r["inventory_overstock_days"]),
                                   settings.inventory_overstock_days,
                                   self.tr("A selling SKU with more days of cover than this is overstocked"))
        self.abc_a = share("inventory_abc_a", *r["inventory_abc_a"], settings.inventory_abc_a,
                           self.tr("A: the best sellers making up this share of sales value"), percent=True)
        self.abc_b = share("inventory_abc_b", *r["inventory_abc_b"], settings.inventory_abc_b,
                           self.tr("B: the next ones up to this share; the rest are C"), percent=True)
        self.xyz_x = share("inventory_xyz_x", *r["inventory_xyz_x"], settings.inventory_xyz_x,
                           self.tr("X (steady): weekly sales vary by at most this coefficient of variation"), percent=False)
        self.xyz_y = share("inventory_xyz_y", *r["inventory_xyz_y"], settings.inventory_xyz_y,
                           self.tr("Y (variable) up to this coefficient of variation; above it Z (erratic)"), percent=False)
        self.letterhead = QPlainTextEdit(self)
        self.letterhead.setObjectName("settings.letterhead")
        self.letterhead.setPlainText(settings.letterhead)
        self.letterhead.setPlaceholderText(self.tr("Contact: Wang Li 138 0000 0000\nAddress: 88 Wensan Road, Hangzhou"))
        self.letterhead.setToolTip(self.tr("Printed under the shop's name on the purchase list's Excel and print: "
                                           "one line each, at most 6"))
        self.letterhead.setFixedHeight(self.letterhead.fontMetrics().lineSpacing() * 4 + 12)
        self.problem = QLabel(self)
        self.problem.setObjectName("settings.problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#b71c1c;")
        self.problem.hide()

        self.restart_note = QLabel(self.tr("The new language applies the next time ShopDesk starts."), self)
        self.restart_note.setStyleSheet("color:#6b4a00;")
        self.restart_note.hide()
        self.language.currentIndexChanged.connect(
            lambda: self.restart_note.setVisible(self.language.currentData() != self._language_at_open)
        )

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("settings.tabs")
        general = QWidget(self.tabs)
        form = QFormLayout(general)
        self.reopen_on: str | None = None  # Settings → Database… chose another database
        database = QPushButton(self.tr("Database…"), general)
        database.setObjectName("settings.database_button")
        database.setToolTip(self.tr("This computer's shop file, or the team's shared server"))
        database.clicked.connect(self._choose_database)
        database_row = QHBoxLayout()
        database_row.addWidget(database)
        ctx = ctx if ctx is not None else getattr(parent, "ctx", None)
        if ctx is not None and ctx.db.is_server:  # team mode: the people who may sign in
            accounts = QPushButton(self.tr("Team accounts…"), general)
            accounts.setObjectName("settings.team_button")
            accounts.clicked.connect(lambda: self._team_accounts(ctx))
            database_row.addWidget(accounts)
        database_row.addStretch(1)
        form.addRow(self.tr("Database:"), database_row)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", self.restart_note)
        form.addRow(self.tr("Backup folder:"), folder_row)
        form.addRow(self.tr("Daily backups kept:"), self.daily_keep)
        form.addRow(self.tr("Weekly backups kept:"), self.weekly_keep)
        form.addRow(self.tr("Currency symbol:"), self.currency)
        form.addRow(self.tr("Fiscal year starts in:"), self.fiscal_start)
        form.addRow(self.tr("Inventory sales window:"), self.inventory_window)
        form.addRow(self.tr("Inventory service level:"), self.service_level)
        form.addRow(self.tr("Review period:"), self.review_days)
        form.addRow(self.tr("Slow-moving after no sale for:"), self.slow_days)
        form.addRow(self.tr("Dead stock after no sale for:"), self.dead_days)
        form.addRow(self.tr("Overstock above a cover of:"), self.overstock_days)
        abc = QHBoxLayout()
        for label, box in ((self.tr("A up to"), self.abc_a), (self.tr("B up to"), self.abc_b)):
            abc.addWidget(QLabel(label, self))
            abc.addWidget(box)
        abc.addStretch(1)
        form.addRow(self.tr("ABC by sales value:"), abc)
        xyz = QHBoxLayout()
        for label, box in ((self.tr("X up to"), self.xyz_x), (self.tr("Y up to"), self.xyz_y)):
            xyz.addWidget(QLabel(label, self))
            xyz.addWidget(box)
        xyz.addStretch(1)
        form.addRow(self.tr("XYZ by weekly variation:"), xyz)
        form.addRow(self.tr("Purchase order letterhead:"), self.letterhead)
        form.addRow("", self.problem)
        self.tabs.addTab(general, self.tr("General"))
        self.channels = None
        if ctx is not None:  # Settings → Channels: saved edit by edit, undoable (ui/dialogs/channels_panel.py)
            from ui.dialogs.channels_panel import ChannelsPanel

            self.channels = ChannelsPanel(ctx, self.tabs)
            self.tabs.addTab(self.channels, self.tr("Channels"))
            if page == "channels":
                self.tabs.setCurrentWidget(self.channels)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs)
        outer.addWidget(buttons)

    def problems(self) -> list[str]:
        """What is wrong with the inventory thresholds as typed (each pair must rise)."""
        out = []
        if self.abc_a.value() >= self.abc_b.value():
            out.append(self.tr("ABC: A's share must be below B's (e.g. 80 % and 95 %)."))
        if self.xyz_x.value() >= self.xyz_y.value():
            out.append(self.tr("XYZ: X's limit must be below Y's (e.g. 0.50 and 1.00)."))
        if self.slow_days.value() >= self.dead_days.value():
            out.append(self.tr("Dead stock must take longer without a sale than slow-moving (e.g. 30 and 90 days)."))
        return out

    def accept(self) -> None:
        problems = self.problems()
        self.problem.setText(" ".join(problems))
        self.problem.setVisible(bool(problems))
        if not problems:
            super().accept()

    def _choose_database(self) -> None:
        from ui.settings.database_page import DatabasePage

        db = getattr(getattr(self.parent(), "ctx", None), "db", None)
        page = DatabasePage(db.location if db else "", db.display_name if db else "", self)
        if page.exec() and page.target is not None:
            self.reopen_on = page.target
            self.reject()  # the other settings stay as they were; the window reopens on the new database

    def _team_accounts(self, ctx) -> None:
        from ui.settings.team_page import TeamAccountsPage

        TeamAccountsPage(ctx, self).exec()

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), self.backup_dir.text())
        if folder:
            self.backup_dir.setText(folder)

    def apply(self) -> Settings:
        """Write the choices into the settings object and the settings file."""
        s = self._settings
        s.language = self.language.currentData()
        s.backup_dir = self.backup_dir.text().strip()
        s.currency_symbol = self.currency.text().strip() or "¥"
        s.fiscal_year_start_month = self.fiscal_start.currentData()
        s.backups_daily_keep = self.daily_keep.value()
        s.backups_weekly_keep = self.weekly_keep.value()
        s.inventory_window_days = self.inventory_window.value()
        s.inventory_service_level = round(self.service_level.value() / 100, 4)
        s.inventory_review_days = self.review_days.value()
        s.inventory_slow_days = self.slow_days.value()
        s.inventory_dead_days = self.dead_days.value()
        s.inventory_overstock_days = self.overstock_days.value()
        s.inventory_abc_a = round(self.abc_a.value() / 100, 4)
        s.inventory_abc_b = round(self.abc_b.value() / 100, 4)
        s.inventory_xyz_x = round(self.xyz_x.value(), 4)
        s.inventory_xyz_y = round(self.xyz_y.value(), 4)
        from core.purchase_orders import letterhead_lines

        s.letterhead = "\n".join(letterhead_lines(self.letterhead.toPlainText()))
        settings_mod.save(s)
        return s
