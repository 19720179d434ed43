"""Signing in to a shared server (team mode) at start-up, showing who is signed in, and reopening
the window on another database (Settings → Database).

The password comes from the system's credential store, or is asked for here each time; it lives
only in memory (the open database's URL), never in a file or QSettings.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from core.team_connection import ServerChoice

_REOPEN: list[str] = []  # the database to open once the window has closed (in memory only)


def request_reopen(window: QWidget, target: str) -> None:
    """Close ``window`` and open a new one on ``target`` (ui.app's loop takes it)."""
    _REOPEN[:] = [target]
    QTimer.singleShot(0, window.close)


def take_reopen() -> str | None:
    return _REOPEN.pop() if _REOPEN else None


class SignInDialog(QDialog):
    """Asks for the server password (when no credential store holds it, or it was refused)."""

    def __init__(self, choice: ServerChoice, problem: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sign_in")
        self.setWindowTitle(self.tr("Sign in to the shared server"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        intro = QLabel(self.tr("ShopDesk opens the team's shop on %1.").replace("%1", f"{choice.host}:{choice.port}/"
                                                                                    f"{choice.database}"), self)
        intro.setWordWrap(True)
        form.addRow(intro)
        form.addRow(self.tr("User:"), QLabel(choice.user, self))
        self.password = QLineEdit(self)
        self.password.setObjectName("sign_in.password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Password:"), self.password)
        self.problem = QLabel(problem, self)
        self.problem.setObjectName("sign_in.problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#b71c1c;")
        self.problem.setVisible(bool(problem))
        form.addRow(self.problem)
        self.use_file = False  # "This computer's shop" was chosen instead
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        local = buttons.addButton(self.tr("Open this computer's shop"), QDialogButtonBox.ButtonRole.ActionRole)
        local.setObjectName("sign_in.this_computer")
        local.clicked.connect(self._this_computer)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _this_computer(self) -> None:
        self.use_file = True
        self.accept()


def server_target(choice: ServerChoice, problem: str = "") -> str | None:
    """The server's URL with the password from the credential store or asked for; None: cancelled."""
    from core.team_connection import stored_password

    password = None if problem else stored_password(choice)
    if password is None:
        dialog = SignInDialog(choice, problem)
        if not dialog.exec():
            return None
        if dialog.use_file:  # back to the shop file; Settings → Database switches to the server again
            from core import paths
            from core.team_connection import save_choice

            save_choice(ServerChoice())
            return str(paths.default_db_path())
        password = dialog.password.text()
    return choice.url(password)


def install_person_label(window) -> None:
    """The status bar says who is signed in to a server shop and with which role."""
    db = window.ctx.db
    if not db.is_server:
        return
    from PySide6.QtWidgets import QLabel

    from core.team_roles import role_label, signed_in

    try:
        person = signed_in(db.engine)
    except Exception:  # noqa: BLE001 - the label is a courtesy; the window works without it
        return
    name = f"{person.login} · {person.staff_name}" if person.staff_name else person.login
    text = QCoreApplication.translate("sign_in", "Signed in as %1 (%2)").replace("%1", name).replace(
        "%2", role_label(person.role))
    label = QLabel(text, window)
    label.setObjectName("main.signed_in")
    window.signed_in_label = label
    window.statusBar().addPermanentWidget(label)
