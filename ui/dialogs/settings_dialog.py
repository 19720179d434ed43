"""File → Settings…: language, backup folder, currency symbol, fiscal-year start, inventory window and service level."""
from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSpinBox, QWidget,
)

from core import settings as settings_mod
from core.settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
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

        self.restart_note = QLabel(self.tr("The new language applies the next time ShopDesk starts."), self)
        self.restart_note.setStyleSheet("color:#6b4a00;")
        self.restart_note.hide()
        self.language.currentIndexChanged.connect(
            lambda: self.restart_note.setVisible(self.language.currentData() != self._language_at_open)
        )

        form = QFormLayout(self)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", self.restart_note)
        form.addRow(self.tr("Backup folder:"), folder_row)
        form.addRow(self.tr("Daily backups kept:"), self.daily_keep)
        form.addRow(self.tr("Weekly backups kept:"), self.weekly_keep)
        form.addRow(self.tr("Currency symbol:"), self.currency)
        form.addRow(self.tr("Fiscal year starts in:"), self.fiscal_start)
        form.addRow(self.tr("Inventory sales window:"), self.inventory_window)
        form.addRow(self.tr("Inventory service level:"), self.service_level)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

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
        settings_mod.save(s)
        return s
