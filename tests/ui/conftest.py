"""UI tests: Qt state (QSettings) follows the per-test data folder too."""
from __future__ import annotations

import time

import pytest


@pytest.fixture(autouse=True)
def _qsettings_in_data_dir(_isolated_data_dir):
    from ui.app import configure_qsettings

    configure_qsettings()
    yield


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Work a test started finishes within that test, even when the test failed or did not wait
    for it: a recompute still running on the one writer thread would otherwise hold up the next
    test's writes (and fail it), and late results would land in the next test's event loop. Runs
    before the fixtures' teardown, so the widgets and database the work was started on are alive."""
    try:
        return (yield)
    finally:
        _finish_running_tasks()


def _finish_running_tasks(seconds: float = 180.0) -> None:
    from PySide6.QtWidgets import QApplication

    from ui import tasks

    app = QApplication.instance()
    if app is None:
        return
    deadline = time.monotonic() + seconds
    while tasks._live and time.monotonic() < deadline:
        app.processEvents()  # delivers the workers' done/failed signals, which end the tasks
        time.sleep(0.01)


@pytest.fixture(autouse=True)
def _forms_discard_without_asking(request, monkeypatch):
    """A form closed with changes asks whether to discard them (ui.widgets.record_form.ask_discard, a
    modal question): in tests it discards without asking, so a test that types and presses Esc never
    waits on a dialog. ``test_record_form_discard.py`` tests the question itself."""
    if request.node.get_closest_marker("real_discard_question") is None:
        monkeypatch.setattr("ui.widgets.record_form.ask_discard", lambda parent: True)


@pytest.fixture
def window(qtbot, demo_db):
    """The main window on the demo shop as of its last day (DEMO_END), shown at 1400 × 900. A test
    module that needs another window defines its own ``window``, which takes precedence."""
    from tests.ui.helpers import window_on

    return window_on(qtbot, demo_db)


def _ui_language(code: str):
    """The UI in ``code`` as the app starts it: Qt's catalogues (English has one too, for its plural
    forms: "1 row", "2 rows") and core's language; all put back afterwards."""
    from PySide6.QtCore import QCoreApplication, QLocale
    from PySide6.QtGui import QGuiApplication

    from core import i18n
    from ui.app import install_translators

    app = QCoreApplication.instance()
    display_name = QGuiApplication.applicationDisplayName()
    i18n.set_language(code)
    translators = install_translators(app, code)
    assert translators, f"the {code} catalogue must ship and load"
    yield
    for translator in translators:
        app.removeTranslator(translator)
    i18n.set_language("en")
    QLocale.setDefault(QLocale("en_US"))
    QGuiApplication.setApplicationDisplayName(display_name)


@pytest.fixture
def chinese(qapp):
    """The Chinese UI."""
    yield from _ui_language("zh_CN")


@pytest.fixture
def english(qapp):
    """The English UI with its catalogue of plural forms, as the app loads it."""
    yield from _ui_language("en")
