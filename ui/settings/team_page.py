"""Settings → Team accounts… (a shop on a shared server, for the owner): who may sign in, with which
role, and adding a person's own account (core.team_roles; the server enforces the role)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from core.team_roles import ROLES, Person, role_label


class TeamAccountsPage(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        from core.team_roles import list_people, signed_in, team_names

        super().__init__(parent)
        self.setObjectName("settings.team")
        self.setWindowTitle(self.tr("Team accounts"))
        self.setMinimumWidth(560)
        self.ctx = ctx
        me = signed_in(ctx.db.engine)
        self.is_owner = me.role == "owner"

        rights = QLabel(self.tr(
            "Owner: everything. Manager: everything but the shop's settings, restoring a backup and adding or "
            "removing people. Staff: sees goals, promotions, stock and KPIs, counts stock, adds and edits their own "
            "tasks (and undoes adding one); cannot import, delete, or change goals, promotions, tiers or members. "
            "The server enforces these rights."), self)
        rights.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("team_accounts.table")
        self.table.setHorizontalHeaderLabels([self.tr("Account"), self.tr("Rights"), self.tr("Person in the Team tab")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.me = me.login
        self.people: list[Person] = []
        self.remove_button = QPushButton(self.tr("Remove account…"), self)
        self.remove_button.setObjectName("team_accounts.remove")
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.login = QLineEdit(self)
        self.login.setObjectName("team_accounts.login")
        self.login.setPlaceholderText(self.tr("e.g. wang (lower-case letters, digits, _)"))
        self.role = QComboBox(self)
        self.role.setObjectName("team_accounts.role")
        for role in reversed(ROLES):
            self.role.addItem(role_label(role), role)
        self.person = QComboBox(self)
        self.person.setObjectName("team_accounts.person")
        self.person.addItem(self.tr("(nobody)"), "")
        for name in team_names(ctx.db):
            self.person.addItem(name, name)
        self.password = QLineEdit(self)
        self.password.setObjectName("team_accounts.password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("at least 8 characters; tell it to the person"))
        self.add_button = QPushButton(self.tr("Add account"), self)
        self.add_button.setObjectName("team_accounts.add")
        self.add_button.clicked.connect(self.add)
        self.message = QLabel(self)
        self.message.setObjectName("team_accounts.message")
        self.message.setWordWrap(True)

        self.form_box = QWidget(self)
        form = QFormLayout(self.form_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Account name:"), self.login)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.tr("Person in the Team tab:"), self.person)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.add_button)
        self.form_box.setEnabled(self.is_owner)
        if not self.is_owner:
            self._say(False, self.tr("Only the owner can add or remove people; you are signed in as %1 (%2).")
                      .replace("%1", me.login).replace("%2", role_label(me.role)))

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(rights)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        layout.addWidget(self.form_box)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.show_people(list_people(ctx.db))

    def show_people(self, people: list[Person]) -> None:
        self.people = list(people)
        self.table.clearSelection()
        self.table.setRowCount(len(people))
        for row, p in enumerate(people):
            for col, text in enumerate((p.login, role_label(p.role), p.staff_name)):
                self.table.setItem(row, col, QTableWidgetItem(text))

    def selected(self) -> Person | None:
        rows = {i.row() for i in self.table.selectedItems()}
        return self.people[rows.pop()] if len(rows) == 1 and 0 <= min(rows) < len(self.people) else None

    def _selection_changed(self) -> None:
        # Staff and managers may click it: the refusal then says why (the server would refuse too).
        person = self.selected()
        self.remove_button.setEnabled(person is not None and (person.login != self.me or not self.is_owner))

    def kept_text(self, person: Person) -> str:
        return (self.tr("Their tasks stay with %1 in the Team tab.").replace("%1", person.staff_name)
                if person.staff_name else self.tr("No tasks change."))

    def confirmation(self, person: Person) -> QMessageBox:
        """The question asked before removing ``person``'s account (Cancel is the default)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Remove account"),
                          self.tr("Remove the account %1 (%2)? They can no longer sign in to this shop.")
                          .replace("%1", person.login).replace("%2", role_label(person.role)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("team_accounts.confirm")
        box.setInformativeText(self.kept_text(person))
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Remove account"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box

    def remove(self) -> None:
        from core.team_roles import list_people, remove_person_from

        person = self.selected()
        if person is None:
            return
        if not self.is_owner:
            self._say(False, self.tr("Only the owner can add or remove people; ask the owner to remove %1.")
                      .replace("%1", person.login))
            return
        kept = self.kept_text(person)
        if self.confirmation(person).exec() != QMessageBox.StandardButton.Yes:
            return
        db = self.ctx.db
        self.remove_button.setEnabled(False)

        def work(_task):
            return remove_person_from(db, person.login), list_people(db)

        def done(result) -> None:
            removed, people = result
            self.show_people(people)
            self._say(True, self.tr("%1 can no longer sign in.").replace("%1", removed.login) + " " + kept)

        def refused(exc) -> None:
            self._selection_changed()
            self._say(False, getattr(exc, "message", str(exc)))

        self.ctx.edits.run_job(work, parent=self, topics="staff", clears_redo=False, on_done=done, on_error=refused)

    def _say(self, ok: bool, text: str) -> None:
        self.message.setStyleSheet("color:#1b5e20;" if ok else "color:#b71c1c;")
        self.message.setText(text)

    def add(self) -> None:
        from core.team_roles import add_person_to, list_people

        db = self.ctx.db
        login, role, person, password = (self.login.text(), self.role.currentData(), self.person.currentData(),
                                         self.password.text())
        self.add_button.setEnabled(False)

        def work(_task):
            added = add_person_to(db, login, role, password, person)
            return added, list_people(db)

        def done(result) -> None:
            added, people = result
            self.add_button.setEnabled(True)
            self.password.clear()
            self.login.clear()
            self.show_people(people)
            self._say(True, self.tr("%1 can now sign in with the role %2.").replace("%1", added.login)
                      .replace("%2", role_label(added.role)))

        def refused(exc) -> None:
            self.add_button.setEnabled(True)
            self._say(False, getattr(exc, "message", str(exc)))

        self.ctx.edits.run_job(work, parent=self, topics="staff", clears_redo=False, on_done=done, on_error=refused)
