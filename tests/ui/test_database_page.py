"""Settings → Database…: choosing the team's shared server, the connection test's messages, the
password kept out of files, and the window reopening on the chosen database.

The server tests use the throwaway PostgreSQL of tests/pg_server.py, where every account but the
superuser must give its password; they skip outside CI when no server can be started.
"""
from __future__ import annotations

import datetime as dt
import uuid

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy.engine import make_url

from core import team_connection
from core.team_connection import ServerChoice

PASSWORD = "correct horse 1"


@pytest.fixture
def server_account(pg_database):
    """A ShopDesk shop on the test server with a staff account; yields (ServerChoice, the server URL)."""
    from tests import pg_server

    with pg_server.staff_account(pg_database, PASSWORD) as choice:
        yield choice, pg_database


def _page(qtbot, choice: ServerChoice | None = None, location: str = "/tmp/shop.db"):
    from ui.settings.database_page import DatabasePage

    page = DatabasePage(location, location, choice=choice)
    qtbot.addWidget(page)
    return page


def _fill(page, choice: ServerChoice, password: str) -> None:
    page.shared_server.setChecked(True)
    page.host.setText(choice.host)
    page.port.setValue(choice.port)
    page.database.setText(choice.database)
    page.user.setText(choice.user)
    page.password.setText(password)


def _tested(qtbot, page) -> str:
    page.test_button.click()
    qtbot.waitUntil(lambda: page.test_button.isEnabled() and not page.status.text().startswith("Connecting"),
                    timeout=20_000)
    return page.status.text()


def test_a_wrong_password_is_named_and_nothing_is_saved(qtbot, server_account):
    choice, _url = server_account
    page = _page(qtbot)
    _fill(page, choice, "not the password")
    text = _tested(qtbot, page)
    assert text == f"The server refused the password for {choice.user}. Check it (and the user name) and try again."
    page.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=20_000)
    assert page.result() == 0 and page.target is None
    assert not team_connection.choice_file().exists()


def test_a_good_connection_says_who_you_are_and_saves_without_the_password(qtbot, server_account, memory_keyring):
    choice, _url = server_account
    page = _page(qtbot)
    _fill(page, choice, PASSWORD)
    text = _tested(qtbot, page)
    assert text == (f"Connected to {choice.display()} as {choice.user} (staff). It is a ShopDesk shop.")
    assert page.remember.isEnabled() and page.remember.isChecked()
    page.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert page.result() == 1
    assert make_url(page.target).username == choice.user and make_url(page.target).password == PASSWORD
    # The choice is in connection.json, the password only in the credential store.
    saved = team_connection.choice_file().read_text(encoding="utf-8")
    assert choice.user in saved and PASSWORD not in saved
    assert memory_keyring == {("ShopDesk", choice.account): PASSWORD}
    assert team_connection.load_choice() == choice
    for file in team_connection.choice_file().parent.rglob("*"):
        if file.is_file():
            assert PASSWORD.encode() not in file.read_bytes(), file
    # Opening the page again fills the password from the store.
    again = _page(qtbot, team_connection.load_choice())
    assert again.shared_server.isChecked() and again.password.text() == PASSWORD


def test_an_unreachable_server_a_missing_database_and_a_foreign_one(qtbot, server_account):
    from sqlalchemy import create_engine

    from tests import pg_server

    choice, _url = server_account
    page = _page(qtbot)
    _fill(page, ServerChoice("server", "/nonexistent-shopdesk-socket", 5432, choice.database, choice.user), PASSWORD)
    assert _tested(qtbot, page).startswith("The server /nonexistent-shopdesk-socket:5432 cannot be reached (")
    _fill(page, ServerChoice("server", choice.host, choice.port, "no_such_shop", choice.user), PASSWORD)
    assert _tested(qtbot, page) == ("The server has no database no_such_shop. Check its name, or ask the owner to "
                                    "create it and run `team init`.")
    foreign = pg_server.create_database()
    engine = create_engine(pg_server.database_url(foreign))
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE invoices (id int)")
        conn.exec_driver_sql(f'GRANT CONNECT ON DATABASE "{foreign}" TO "{choice.user}"')
    engine.dispose()
    try:
        _fill(page, ServerChoice("server", choice.host, choice.port, foreign, choice.user), PASSWORD)
        assert "is not a ShopDesk database (it holds other programs' tables)" in _tested(qtbot, page)
    finally:
        pg_server.drop_database(foreign)


def test_empty_fields_are_named_before_any_connection(qtbot):
    page = _page(qtbot)
    page.shared_server.setChecked(True)
    page.test_button.click()
    assert "Fill in the server's address (host)" in page.status.text()
    assert "Fill in the database's name" in page.status.text()
    page.this_computer.setChecked(True)
    assert not page.server_box.isEnabled()


def test_no_credential_store_means_asking_each_time(qtbot, monkeypatch):
    monkeypatch.setattr(team_connection, "_keyring", lambda: None)
    page = _page(qtbot)
    assert not page.remember.isEnabled()
    assert "asks for the password each time" in page.no_store.text() and not page.no_store.isHidden()
    assert team_connection.store_password(ServerChoice("server", "h", 5432, "d", "u"), "x") is False


def test_switching_back_to_this_computer_reopens_the_window_on_the_shop_file(window, qtbot, monkeypatch):
    from core import paths
    from ui.settings import sign_in

    monkeypatch.setattr(sign_in, "_REOPEN", [])
    page = _page(qtbot, ServerChoice("server", "db.example", 5432, "shop", "wang"),
                 location="postgresql+psycopg://wang:pw@db.example/shop")
    page.this_computer.setChecked(True)
    page.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert page.target == str(paths.default_db_path())
    assert team_connection.load_choice().mode == "file"
    sign_in.request_reopen(window, page.target)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
    assert sign_in.take_reopen() == str(paths.default_db_path())


def test_the_window_says_who_is_signed_in_to_a_server_shop(qtbot, server_account):
    from core.db import open_database
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from core.settings import load

    choice, _url = server_account
    db = open_database(choice.url(PASSWORD))
    try:
        window = MainWindow(AppContext(db, load()))
        qtbot.addWidget(window)
        assert window.signed_in_label.text() == f"Signed in as {choice.user} (staff)"
        assert PASSWORD not in window.db_label.text()
    finally:
        db.close()


def test_the_owner_adds_a_staff_account_in_settings_and_staff_cannot(qtbot, server_account):
    from core.db import open_database
    from core.settings import load
    from core.team_roles import drop_roles
    from tests import pg_server
    from ui.context import AppContext
    from ui.settings.team_page import TeamAccountsPage

    choice, url = server_account
    owner = open_database(url)  # the test server's superuser: an owner
    new_login = f"t{uuid.uuid4().hex[:10]}"
    try:
        page = TeamAccountsPage(AppContext(owner, load()))
        qtbot.addWidget(page)
        logins = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
        assert choice.user in logins
        page.login.setText(new_login)
        page.role.setCurrentIndex(page.role.findData("staff"))
        page.password.setText("short")
        page.add_button.click()
        qtbot.waitUntil(lambda: page.message.text() != "", timeout=20_000)
        assert page.message.text() == "The password must have at least 8 characters; nothing was changed."
        page.password.setText(PASSWORD)
        page.add_button.click()
        qtbot.waitUntil(lambda: "can now sign in" in page.message.text(), timeout=20_000)
        assert page.message.text() == f"{new_login} can now sign in with the role staff."
        rows = {page.table.item(r, 0).text(): page.table.item(r, 1).text() for r in range(page.table.rowCount())}
        assert rows[new_login] == "staff"
    finally:
        owner.close()
    staff = open_database(choice.url(PASSWORD))
    try:
        page = TeamAccountsPage(AppContext(staff, load()))
        qtbot.addWidget(page)
        assert not page.form_box.isEnabled()
        assert page.message.text() == f"Only the owner can add or remove people; you are signed in as {choice.user} (staff)."
    finally:
        staff.close()
        with pg_server._admin_engine().connect() as conn:
            conn.exec_driver_sql(f'DROP OWNED BY "{new_login}"')
            drop_roles(conn, "-", [new_login])


def test_signing_in_uses_the_stored_password_or_asks_and_can_fall_back_to_this_computer(qtbot, monkeypatch,
                                                                                          memory_keyring):
    from core import paths
    from ui.settings import sign_in

    choice = ServerChoice("server", "db.example", 5432, "shop", "wang")
    team_connection.store_password(choice, "from the store")
    assert make_url(sign_in.server_target(choice)).password == "from the store"

    seen = []

    def fake_exec(dialog):
        seen.append(dialog.problem.text())
        dialog.findChild(type(dialog.password), "sign_in.password").setText("typed")
        return 1

    monkeypatch.setattr(sign_in.SignInDialog, "exec", fake_exec)
    url = sign_in.server_target(choice, "The server refused the password for wang.")
    assert make_url(url).password == "typed" and seen == ["The server refused the password for wang."]

    def choose_this_computer(dialog):
        from PySide6.QtWidgets import QPushButton

        dialog.findChild(QPushButton, "sign_in.this_computer").click()
        return 1

    team_connection.save_choice(choice)
    monkeypatch.setattr(sign_in.SignInDialog, "exec", choose_this_computer)
    assert sign_in.server_target(choice, "refused") == str(paths.default_db_path())
    assert team_connection.load_choice().mode == "file"


def _run_gui_recording(monkeypatch, argv: list[str], reopen_with: str | None = None) -> list[tuple[str, object]]:
    """run_gui with the window replaced by a recorder of the databases it would open."""
    import sys

    from core.cli import build_parser
    from core.settings import load
    from ui import app as app_mod
    from ui.settings import sign_in

    import threading

    # run_gui installs the app's exception hooks: put both back (a worker thread's exception in a
    # later test would otherwise open the crash dialog instead of failing that test).
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(sign_in, "_REOPEN", [])
    calls: list[tuple[str, object]] = []

    def window(_app, _args, _prefs, target, choice) -> int:
        calls.append((str(target), choice))
        if len(calls) == 1 and reopen_with is not None:
            sign_in._REOPEN[:] = [reopen_with]  # what Settings → Database's "Save and reopen" leaves
        return 0

    monkeypatch.setattr(app_mod, "_run_window", window)
    # run_gui installs the language's translators for good; in a test they would stay installed on
    # the shared QApplication and turn later tests' "(s)" source strings into English plurals.
    monkeypatch.setattr(app_mod, "install_translators", lambda _app, _language: [])
    assert app_mod.run_gui(build_parser().parse_args(argv), load()) == 0
    return calls


def test_saving_another_database_reopens_the_window_on_it(qtbot, monkeypatch, tmp_path):
    first, other = str(tmp_path / "first.db"), "postgresql+psycopg://wang:pw@db.example/shop"
    calls = _run_gui_recording(monkeypatch, ["--db", first], reopen_with=other)
    assert [target for target, _c in calls] == [first, other]


def test_a_saved_server_choice_signs_in_at_start_up(qtbot, monkeypatch, memory_keyring):
    choice = ServerChoice("server", "db.example", 5432, "shop", "wang")
    team_connection.save_choice(choice)
    team_connection.store_password(choice, "kept")
    calls = _run_gui_recording(monkeypatch, [])
    assert len(calls) == 1
    target, passed = calls[0]
    assert make_url(target).password == "kept" and make_url(target).host == "db.example"
    assert passed == choice
    # --db still wins over the saved choice.
    assert _run_gui_recording(monkeypatch, ["--db", "x.db"])[0] == ("x.db", None)


def test_a_goal_edit_the_server_refuses_shows_the_message_in_the_tab_and_changes_nothing(qtbot, server_account):
    from sqlalchemy import select

    from core.db import open_database
    from core.edits import apply_edit
    from core.edits.goals import AddGoal, SetGoalFields
    from core.models import Goal
    from core.settings import load
    from ui.context import AppContext
    from ui.main_window import MainWindow

    choice, url = server_account
    owner = open_database(url)
    apply_edit(owner, AddGoal("month", dt.date(2026, 12, 1), dt.date(2026, 12, 31), 500_000_00))
    with owner.session() as s:
        goal_id = s.scalar(select(Goal.id))
    staff = open_database(choice.url(PASSWORD))
    try:
        window = MainWindow(AppContext(staff, load()))
        qtbot.addWidget(window)
        window.show()
        goals = window.page("goals")
        window.tabs.setCurrentWidget(goals)
        window.ctx.edits.run(SetGoalFields.of(goal_id, target_gmv_fen=1), parent=goals)
        qtbot.waitUntil(lambda: "cannot change goals" in goals.banner.text(), timeout=60_000)
        assert goals.banner.isVisible()
        assert goals.banner.text() == "Your role (staff) cannot change goals; ask the owner. Nothing was changed."
        assert window.action_undo.isEnabled() is False
        with owner.session() as s:
            assert s.scalar(select(Goal.target_gmv_fen)) == 500_000_00
    finally:
        staff.close()
        owner.close()


def test_file_restore_onto_a_server_asks_first_keeps_the_replaced_data_and_is_owner_only(qtbot, server_account,
                                                                                         monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox
    from sqlalchemy import select

    from core.db import open_database
    from core.edits import apply_edit
    from core.edits.goals import AddGoal, SetGoalFields
    from core.models import Goal
    from core.settings import load
    from ui.context import AppContext
    from ui.dialogs.backups_dialog import BackupsDialog

    choice, url = server_account
    owner = open_database(url)
    apply_edit(owner, AddGoal("month", dt.date(2026, 12, 1), dt.date(2026, 12, 31), 300_000_00))
    backup = owner.backup(tmp_path / "before.db")
    with owner.session() as s:
        goal_id = s.scalar(select(Goal.id))
    apply_edit(owner, SetGoalFields.of(goal_id, target_gmv_fen=7_00))

    def target() -> int:
        with owner.session() as s:
            return s.scalar(select(Goal.target_gmv_fen))

    asked, told = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    try:
        dialog = BackupsDialog(AppContext(owner, load()))
        qtbot.addWidget(dialog)
        dialog._restore(backup, "before.db")
        assert "kept as a backup first" in asked[0] and target() == 7_00  # "No": nothing happens
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        dialog._restore(backup, "before.db")
        qtbot.waitUntil(lambda: bool(told), timeout=60_000)
        assert target() == 300_000_00
        kept = [i for i in dialog.infos if i.reason == "pre-restore"]
        assert len(kept) == 1 and "kept as a backup" in told[0]
        copy = open_database(kept[0].path)
        try:
            with copy.session() as s:
                assert s.scalar(select(Goal.target_gmv_fen)) == 7_00
        finally:
            copy.close()
    finally:
        owner.close()

    staff = open_database(choice.url(PASSWORD))
    shown = []
    monkeypatch.setattr("ui.errors.report_exception", lambda exc, tb, parent=None: shown.append(exc.message))
    try:
        dialog = BackupsDialog(AppContext(staff, load()))
        qtbot.addWidget(dialog)
        dialog._restore(backup, "before.db")
        qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
        assert shown[0].startswith("Only the owner can restore a backup onto the server; you are signed in as")
    finally:
        staff.close()


def test_the_owner_removes_an_account_after_confirming_and_staff_cannot(qtbot, server_account, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from core.db import open_database
    from core.settings import load
    from tests import pg_server
    from ui.context import AppContext
    from ui.settings.team_page import TeamAccountsPage

    choice, url = server_account

    def row_of(page, login: str) -> int:
        logins = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
        return logins.index(login)

    staff = open_database(choice.url(PASSWORD))
    try:
        page = TeamAccountsPage(AppContext(staff, load()))
        qtbot.addWidget(page)
        owner_login = make_url(url).username
        page.table.selectRow(row_of(page, owner_login))
        assert page.remove_button.isEnabled()
        page.remove_button.click()
        assert page.message.text() == ("Only the owner can add or remove people; ask the owner to remove "
                                       f"{owner_login}.")
    finally:
        staff.close()

    owner = open_database(url)  # the test server's superuser: an owner
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.Cancel]

    def exec_(box):
        asked.append(box.text())
        return answer[0]

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    try:
        page = TeamAccountsPage(AppContext(owner, load()))
        qtbot.addWidget(page)
        page.table.selectRow(row_of(page, make_url(url).username))
        assert not page.remove_button.isEnabled()  # never one's own account
        page.table.selectRow(row_of(page, choice.user))
        assert page.remove_button.isEnabled()
        page.remove_button.click()  # asked, and Cancel: nothing changes
        assert asked == [f"Remove the account {choice.user} (staff)? They can no longer sign in to this shop."]
        assert row_of(page, choice.user) >= 0
        answer[0] = QMessageBox.StandardButton.Yes
        page.remove_button.click()
        qtbot.waitUntil(lambda: "can no longer sign in" in page.message.text(), timeout=30_000)
        assert page.message.text() == f"{choice.user} can no longer sign in. No tasks change."
        assert choice.user not in [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    finally:
        owner.close()
    with pg_server._admin_engine().connect() as conn:
        assert conn.exec_driver_sql(f"SELECT count(*) FROM pg_roles WHERE rolname = '{choice.user}'").scalar() == 0
