"""Window state lives in an .ini in the data folder (portable installs and tests never touch the
system's store); what older versions kept in the system's store is taken over once."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from core import APP_NAME
from ui.window_state import ADOPTED, adopt_system_settings, data_folder_settings


def _old_store(tmp_path: Path) -> QSettings:
    """Stands in for the registry / plist / ~/.config store an older version wrote."""
    store = QSettings(str(tmp_path / "system-store.conf"), QSettings.Format.IniFormat)
    store.setValue("main_window/geometry", QByteArray(b"\x01\xd9\xd0\xcb geometry"))
    store.setValue("main_window/tab", 3)
    store.setValue("forms/inventory.sku_form/size", "640x480")
    store.sync()
    return store


def test_the_window_state_file_is_an_ini_in_the_data_folder(_isolated_data_dir):
    ini = data_folder_settings()
    ini.setValue("main_window/tab", 2)
    ini.sync()
    path = Path(ini.fileName())
    assert path == _isolated_data_dir / APP_NAME / f"{APP_NAME}.ini" and path.is_file()
    assert "main_window" in path.read_text()


def test_an_older_versions_values_are_taken_over_once_and_the_ini_wins(tmp_path):
    old = _old_store(tmp_path)
    ini = data_folder_settings()
    ini.setValue("forms/inventory.sku_form/size", "800x600")  # already saved by this version: kept
    assert adopt_system_settings(old, ini) == 2
    ini = data_folder_settings()  # read back from the file
    assert ini.value("main_window/geometry") == QByteArray(b"\x01\xd9\xd0\xcb geometry")
    assert int(ini.value("main_window/tab")) == 3
    assert ini.value("forms/inventory.sku_form/size") == "800x600"
    # Once: a later start copies nothing, even if the old store changed since.
    old.setValue("main_window/tab", 5)
    ini.setValue("main_window/tab", 1)
    assert adopt_system_settings(old, ini) == 0
    assert int(data_folder_settings().value("main_window/tab")) == 1


def test_a_portable_install_or_a_test_never_reads_the_systems_store():
    # SHOPDESK_DATA_DIR is set (conftest): the host computer's values are none of its business.
    assert adopt_system_settings() == 0
    assert not data_folder_settings().contains(ADOPTED)
