"""Window state (geometry, the last tab, form sizes) in an .ini in the data folder.

ui.app.configure_qsettings points ``QSettings()`` at ``<data folder>/ShopDesk/ShopDesk.ini``, so
a portable install (SHOPDESK_DATA_DIR on a USB stick) and the tests keep it with the data and
never write the system's store (the Windows registry, a macOS plist, ~/.config). Versions before
that kept it in the system's store: ``adopt_system_settings`` copies those values into the .ini
once, on the first start of a normal install that has them; it never reads the system's store
again after that, nor ever for a portable install or a test.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QSettings

from core import APP_NAME

ADOPTED = "adopted_system_settings"  # set in the .ini once the system's values were looked at


def data_folder_settings() -> QSettings:
    """The .ini in the data folder, as ``QSettings()`` opens it in the window."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


def adopt_system_settings(source: QSettings | None = None, target: QSettings | None = None) -> int:
    """Copy what an older version saved in the system's store (``source``) into the data folder's
    .ini (``target``), once; values already in the .ini win. Returns how many were copied.

    Without ``source``: the system's store for ShopDesk, unless SHOPDESK_DATA_DIR is set (a
    portable install or a test must not read, let alone take, the host computer's values)."""
    if source is None and os.environ.get("SHOPDESK_DATA_DIR"):
        return 0
    target = target if target is not None else data_folder_settings()
    if target.value(ADOPTED, False, type=bool):
        return 0
    if source is None:
        source = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)
    copied = 0
    for key in source.allKeys():
        if not target.contains(key):
            target.setValue(key, source.value(key))
            copied += 1
    target.setValue(ADOPTED, True)
    target.sync()
    return copied
