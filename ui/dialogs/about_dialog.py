"""Help → About."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from core import __version__
from core.logsetup import log_file_path


def show_about(parent: QWidget, db_name: str) -> None:
    QMessageBox.about(
        parent,
        QCoreApplication.translate("about", "About ShopDesk"),
        QCoreApplication.translate("about", 
            "<h3>ShopDesk 店长台 %1</h3>"
            "<p>Your shop's exports from Taobao/Tmall, JD, Pinduoduo, Douyin, Kuaishou, Youzan and Shopify "
            "turned into one local picture and plan.</p>"
            "<p>Database: %2<br>Log file: %3</p>"
        )
        .replace("%1", __version__)
        .replace("%2", db_name)
        .replace("%3", str(log_file_path())),
    )
