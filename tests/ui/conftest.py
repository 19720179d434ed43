"""UI tests: Qt state (QSettings) follows the per-test data folder too."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _qsettings_in_data_dir(_isolated_data_dir):
    from ui.app import configure_qsettings

    configure_qsettings()
    yield
