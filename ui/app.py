"""Start the window: QApplication, language, error handling, the database lock, the main window."""
from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QLockFile, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from core import APP_NAME, i18n
from core.errors import DamagedDatabaseError, DatabaseError
from core.paths import resource
from core.settings import Settings

log = logging.getLogger(__name__)


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load ShopDesk's and Qt's own catalogues (standard buttons) for ``language``.

    English has a catalogue too: it holds only the plural forms ("1 row", "2 rows").
    """
    installed: list[QTranslator] = []
    QLocale.setDefault(QLocale("en_US" if language == "en" else language))
    candidates = [(f"shopdesk_{language}", str(resource("translations")))]
    if language != "en":
        candidates.append((f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("translation %s not found in %s", name, folder)
    # Qt appends the application's display name to every window title that does not already
    # end with it: in the language of the titles, so that the main window ("店长台 ShopDesk" in
    # Chinese) does not read "店长台 ShopDesk — ShopDesk 店长台".
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "ShopDesk 店长台"))
    return installed


def configure_qsettings() -> None:
    """Window geometry and similar state go in an .ini beside the data, not the registry or
    ~/.config, so SHOPDESK_DATA_DIR (tests, portable installs) keeps everything in one place."""
    from PySide6.QtCore import QSettings

    from core.paths import data_dir

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(data_dir()))


def create_application(argv: list[str] | None = None) -> QApplication:
    configure_qsettings()
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("ShopDesk 店长台")  # in the UI's language once install_translators runs
    icon = resource("icons", "shopdesk.png")
    if icon.exists():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    return app


def lock_database(db_path: Path) -> QLockFile | None:
    """One window per database file; None when another ShopDesk already holds it."""
    lock = QLockFile(str(db_path) + ".lock")
    lock.setStaleLockTime(0)  # a lock left by a crashed ShopDesk is detected by its dead PID
    return lock if lock.tryLock(200) else None


def run_gui(args: argparse.Namespace, prefs: Settings) -> int:
    from core.cli import resolve_db_target
    from core.db import is_url
    from ui.errors import install_excepthook

    if args.smoke_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = create_application()
    install_translators(app, i18n.language())
    install_excepthook()

    target: Path | str | None = resolve_db_target(args)
    choice = None
    if not (args.db or args.demo or args.smoke_test):
        # Settings → Database chose the team's shared server: sign in to it (core.team_connection).
        from core.team_connection import load_choice
        from ui.settings.sign_in import server_target

        saved = load_choice()
        if saved.is_server:
            choice = saved
            target = server_target(choice)
            if target is None:
                return 1
            if not is_url(target):  # "Open this computer's shop" instead
                choice = None
    while True:
        code = _run_window(app, args, prefs, target, choice)
        from ui.settings.sign_in import take_reopen

        target = take_reopen()  # Settings → Database switched databases: a new window on the new one
        if target is None:
            return code
        choice = None
        args.demo = False


def _open(target: Path | str, prefs: Settings, choice):
    """Open the shop, or None after telling the owner why not (a refused sign-in is asked again)."""
    from core.db import is_url, open_database

    while True:
        try:
            return open_database(target, backup_dir=prefs.backup_path())
        except DamagedDatabaseError as exc:
            from ui.dialogs.backups_dialog import offer_restore_latest_good

            if not offer_restore_latest_good(exc):  # never an empty database in the damaged one's place
                return None
            return open_database(target, backup_dir=prefs.backup_path())
        except DatabaseError as exc:
            if choice is None:
                QMessageBox.critical(None, "ShopDesk", exc.message)
                return None
            from ui.settings.sign_in import server_target

            target = server_target(choice, exc.message)
            if target is None:
                return None
            if not is_url(target):
                choice = None


def _run_window(app: QApplication, args: argparse.Namespace, prefs: Settings, target: Path | str, choice) -> int:
    from core.db import is_url
    from ui.context import AppContext
    from ui.main_window import MainWindow

    lock = None
    if not is_url(target):
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        lock = lock_database(Path(target))
        if lock is None:
            QMessageBox.warning(
                None, "ShopDesk",
                QCoreApplication.translate("app", "This shop (%1) is already open in another ShopDesk window. "
                                     "Switch to that window, or close it and try again.").replace("%1", str(target)),
            )
            return 1
    db = _open(target, prefs, choice)
    if db is None:
        if lock is not None:
            lock.unlock()
        return 1

    ctx = AppContext(db, prefs)
    failures: list[str] = []
    if args.smoke_test:
        from ui.errors import collect_instead_of_showing

        collect_instead_of_showing(failures)  # nobody can click a dialog away in the smoke test
    window = MainWindow(ctx)
    window.show()
    if not args.smoke_test:
        # Today's backup and expired trash: after the first paint, which they must not delay.
        window.lazy_tabs.after_first_paint(lambda: _start_safety_duties(window))
    if os.environ.get("SHOPDESK_EXIT_AFTER_SHOW"):
        # bench/startup.py: the stamp on the event loop's first turn after show(). (Qt paints the
        # window in the turns that follow: the floor is measured the same way.)
        QTimer.singleShot(0, lambda: (print(f"shown-at {time.time():.6f}", flush=True), app.quit()))
    if args.demo or args.smoke_test:
        QTimer.singleShot(0, lambda: _fill_demo_if_empty(window, ctx))
    if args.smoke_test:
        from ui.smoke import run_smoke

        code = run_smoke(app, window, failures)
    else:
        code = app.exec()
    db.close()
    if lock is not None:
        lock.unlock()
    return code


def _start_safety_duties(window) -> None:
    from ui.dialogs.backups_dialog import start_safety_duties

    start_safety_duties(window)


def _fill_demo_if_empty(window, ctx) -> None:
    """--demo / --smoke-test on an empty database: make the demo shop, a write like any other
    (``ctx.edits.run_job``: on the writer thread, then every tab reloads)."""
    from types import SimpleNamespace

    db = ctx.db
    if db.has_shop_data():
        return
    # What the smoke test waits on (``window.demo_task.running``) while the demo shop is made.
    status = window.demo_task = SimpleNamespace(running=True)

    def work(task):
        from core.demo import fill_demo

        try:
            return fill_demo(db, progress=task.progress)
        except BaseException:
            status.running = False  # a bug goes to the crash dialog (collected in the smoke test)
            raise

    def done(_counts) -> None:
        status.running = False

    def refused(exc) -> None:
        from ui.errors import report_exception

        status.running = False
        report_exception(exc, "", window)

    ctx.edits.run_job(work, parent=window, on_done=done, on_error=refused,
                      progress_label=QCoreApplication.translate("app", "Creating the demo shop…"))
