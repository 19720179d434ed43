"""UI tests: Qt state (QSettings) follows the per-test data folder too."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _qsettings_in_data_dir(_isolated_data_dir):
    from ui.app import configure_qsettings

    configure_qsettings()
    yield


@pytest.fixture
def window(qtbot, demo_db):
    """The main window on the demo shop as of its last day (DEMO_END), shown at 1400 × 900. A test
    module that needs another window defines its own ``window``, which takes precedence."""
    from core.settings import Settings
    from tests.conftest import DEMO_END
    from ui.context import AppContext
    from ui.main_window import MainWindow

    win = MainWindow(AppContext(demo_db, Settings(), today=DEMO_END))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    return win
