"""Settings → Database…: "This computer" or "Shared server" (team mode), a connection test with
clear errors, the password in the system's credential store; switching reopens the window.

The page only gathers the choice and tests it (core.team_connection); the window is reopened
on the new database by ``ui.settings.sign_in.request_reopen``.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QRadioButton, QSpinBox, QVBoxLayout, QWidget,
)

from core import team_connection as conn_mod
from core.team_connection import ServerChoice

_OK = "color:#1b5e20;"
_BAD = "color:#b71c1c;"


class DatabasePage(QDialog):
    """Choose and test the database; ``target`` is what to reopen on after Save (None: unchanged)."""

    def __init__(self, location: str, display: str, parent: QWidget | None = None, *,
                 choice: ServerChoice | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings.database")
        self.setWindowTitle(self.tr("Database"))
        self.setMinimumWidth(560)
        self.target: str | None = None
        self._current = location  # the open database's --db (a server's URL holds its password: memory only)
        self._checked: tuple[ServerChoice, str] | None = None  # the values the last good test was for
        self._task = None
        choice = choice or conn_mod.load_choice()

        now = QLabel(self.tr("Open now: %1").replace("%1", display), self)
        now.setObjectName("database.current")
        now.setWordWrap(True)
        now.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.this_computer = QRadioButton(self.tr("This computer: the shop file in ShopDesk's data folder"), self)
        self.this_computer.setObjectName("database.this_computer")
        self.shared_server = QRadioButton(self.tr("Shared server: a PostgreSQL server the whole team signs in to"), self)
        self.shared_server.setObjectName("database.shared_server")
        group = QButtonGroup(self)
        group.addButton(self.this_computer)
        group.addButton(self.shared_server)

        self.host = QLineEdit(choice.host, self)
        self.host.setObjectName("database.host")
        self.host.setPlaceholderText(self.tr("e.g. db.example.com or 192.168.1.20"))
        self.port = QSpinBox(self)
        self.port.setObjectName("database.port")
        self.port.setRange(1, 65535)
        self.port.setValue(choice.port)
        self.database = QLineEdit(choice.database, self)
        self.database.setObjectName("database.name")
        self.database.setPlaceholderText(self.tr("e.g. shop"))
        self.user = QLineEdit(choice.user, self)
        self.user.setObjectName("database.user")
        self.user.setPlaceholderText(self.tr("your own user name, from the owner"))
        self.password = QLineEdit(self)
        self.password.setObjectName("database.password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        stored = conn_mod.stored_password(choice) if choice.is_server else None
        if stored:
            self.password.setText(stored)
        self.remember = QCheckBox(self.tr("Keep the password in this computer's credential store"), self)
        self.remember.setObjectName("database.remember")
        self.no_store = QLabel(self.tr("This computer has no credential store: ShopDesk asks for the password "
                                       "each time it signs in (it is never written to a file)."), self)
        self.no_store.setObjectName("database.no_store")
        self.no_store.setWordWrap(True)
        self.no_store.setStyleSheet("color:#6b4a00;")
        if conn_mod.has_credential_store():
            self.remember.setChecked(True)
            self.no_store.hide()
        else:
            self.remember.setEnabled(False)

        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.setObjectName("database.test")
        self.test_button.clicked.connect(self.test)
        self.status = QLabel(self)
        self.status.setObjectName("database.status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.server_box = QWidget(self)
        form = QFormLayout(self.server_box)
        form.setContentsMargins(24, 0, 0, 0)
        form.addRow(self.tr("Server (host):"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.remember)
        form.addRow("", self.no_store)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        form.addRow("", test_row)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save and reopen"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("database.save")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(now)
        layout.addWidget(self.this_computer)
        layout.addWidget(self.shared_server)
        layout.addWidget(self.server_box)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        (self.shared_server if choice.is_server else self.this_computer).setChecked(True)
        self.shared_server.toggled.connect(self._mode_changed)
        for edit in (self.host, self.database, self.user, self.password):
            edit.textChanged.connect(self._values_changed)
        self.port.valueChanged.connect(self._values_changed)
        self._mode_changed()

    # -- values
    def choice(self) -> ServerChoice:
        return ServerChoice("server" if self.shared_server.isChecked() else "file", self.host.text().strip(),
                            self.port.value(), self.database.text().strip(), self.user.text().strip())

    def _mode_changed(self, *_: object) -> None:
        self.server_box.setEnabled(self.shared_server.isChecked())
        self._values_changed()

    def _values_changed(self, *_: object) -> None:
        self._checked = None
        self.status.clear()

    def _show(self, ok: bool, text: str) -> None:
        self.status.setStyleSheet(_OK if ok else _BAD)
        self.status.setText(text)

    # -- actions
    def test(self, *, then=None) -> None:
        """Test the server's values off the GUI thread; ``then(ok)`` runs afterwards (Save)."""
        from ui.tasks import run_task

        choice, password = self.choice(), self.password.text()
        problems = choice.problems()
        if problems:
            self._show(False, " ".join(problems))
            return
        self.test_button.setEnabled(False)
        self._show(True, self.tr("Connecting to %1…").replace("%1", choice.display()))

        def done(result: conn_mod.ConnectionCheck) -> None:
            self.test_button.setEnabled(True)
            self._show(result.ok, result.message)
            self._checked = (choice, password) if result.ok else None
            if then is not None:
                then(result.ok)

        def failed(exc: BaseException, _tb: str) -> None:
            self.test_button.setEnabled(True)
            self._show(False, str(exc))

        self._task = run_task(self, lambda _ctx: conn_mod.check_connection(choice, password), on_done=done,
                              on_error=failed, delay_ms=60_000)

    def save(self) -> None:
        choice = self.choice()
        if not choice.is_server:
            conn_mod.save_choice(choice)
            from core import paths

            default = str(paths.default_db_path())
            self.target = None if self._current == default else default
            self.accept()
            return
        if self._checked is None or self._checked != (choice, self.password.text()):
            self.test(then=lambda ok: self.save() if ok else None)
            return
        password = self.password.text()
        conn_mod.save_choice(choice)
        if self.remember.isEnabled() and self.remember.isChecked():
            conn_mod.store_password(choice, password)
        else:
            conn_mod.forget_password(choice)
        url = choice.url(password)
        self.target = None if url == self._current else url
        self.accept()
