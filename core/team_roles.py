"""People and their rights on a shared server (team mode): PostgreSQL roles, GRANTs, row-level security.

Each person signs in with their own PostgreSQL LOGIN role, a member of one of three group roles
of the shop's database (``<database>_owner``, ``_manager``, ``_staff``). What a group may do is
granted per table (``RIGHTS``) and enforced by the server, whatever program connects: the window
shows the server's refusal as a clear message (``refusal``) and nothing is written.

* owner: everything (the account that ran ``team init`` owns the tables; more owners may be added);
  only an owner restores a backup onto the server and adds people.
* manager: everything except the shop's settings; cannot restore or add people.
* staff: reads everything (goals, promotions, stock, KPIs …); counts stock and receives deliveries; adds and edits their
  own tasks (row-level security on ``tasks``: a task saved by staff must be assigned to them) and
  may delete only tasks they added (undoing their own "add task"); cannot import, delete anything
  else, change goals, promotions, tiers, members, people or settings.

Nothing here imports the PostgreSQL driver: statements go through SQLAlchemy connections.
"""
from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.errors import BadInputError, DatabaseError, UserFacingError
from core.i18n import t

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

ROLES = ("owner", "manager", "staff")
READ = "SELECT"
WRITE = "SELECT, INSERT, UPDATE, DELETE"

# Table -> the privileges each group holds on it (the owner group holds ALL on every table).
_STAFF_WRITES = {
    "tasks": "SELECT, INSERT, UPDATE, DELETE",  # their own; delete only those they added (row-level security below)
    "task_dependencies": "SELECT, INSERT, DELETE",
    "stock_levels": "SELECT, INSERT, UPDATE",  # stock counts
    "deliveries": "SELECT, INSERT, UPDATE",  # receiving what arrived (a partial receipt, short-delivered)
    "row_versions": "SELECT, INSERT, UPDATE",  # who changed a row last: every edit stamps it (core.row_versions)
}
_MANAGER_READ_ONLY = {"settings"}


def rights(role: str, table: str) -> str:
    """The privileges ``role`` holds on ``table`` ("" = none), e.g. ``rights("staff", "goals") == "SELECT"``."""
    if role == "owner":
        return "ALL"
    if role == "manager":
        return READ if table in _MANAGER_READ_ONLY else WRITE
    if role == "staff":
        return _STAFF_WRITES.get(table, READ)
    return ""


class RoleRefused(UserFacingError):
    """The server refused a write the signed-in person's role does not allow; nothing was written."""


@dataclass(frozen=True)
class Person:
    login: str
    role: str  # owner | manager | staff | "" (an account with no ShopDesk role)
    staff_name: str = ""  # the Team tab's person linked to the login, if any


def role_label(role: str) -> str:
    """A role as the person reads it (店主 / 主管 / 员工 in Chinese)."""
    return {"owner": t("owner"), "manager": t("manager"), "staff": t("staff")}.get(role) or t("none")


def group(database: str, role: str) -> str:
    return f"{database}_{role}"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def grant_new_table(conn: Connection, table: str, sequence: str | None = None) -> None:
    """A migration's new ``table`` (and its id ``sequence``) granted to each role of a team server whose
    roles exist already, as ``setup_roles`` grants every table on a new server; nothing elsewhere."""
    if conn.dialect.name != "postgresql":
        return
    database = conn.exec_driver_sql("SELECT current_database()").scalar_one()
    existing = {r[0] for r in conn.exec_driver_sql("SELECT rolname FROM pg_roles")}
    for role in ROLES:
        name = group(database, role)
        if name in existing and rights(role, table):
            conn.exec_driver_sql(f"GRANT {rights(role, table)} ON {_ident(table)} TO {_ident(name)}")
            if sequence is not None:
                conn.exec_driver_sql(f"GRANT USAGE, SELECT, UPDATE ON SEQUENCE {_ident(sequence)} TO {_ident(name)}")


def _literal(text: str) -> str:
    # standard_conforming_strings is on (PostgreSQL's default since 9.1): only quotes need doubling.
    return "'" + text.replace("'", "''") + "'"


_LOGIN = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


def check_login(name: str) -> str:
    name = name.strip()
    if not _LOGIN.match(name):
        raise BadInputError(t("“{name}” cannot be an account name: use 1–40 lower-case letters, digits or _, "
                              "starting with a letter (e.g. wang or li_kefu).", name=name))
    return name


def check_role(role: str) -> str:
    if role not in ROLES:
        raise BadInputError(t("“{role}” is not a role: choose owner, manager or staff.", role=role))
    return role


def _tables(conn: Connection) -> list[str]:
    from sqlalchemy import inspect

    return sorted(inspect(conn).get_table_names())


def setup_roles(conn: Connection) -> list[str]:
    """Create the shop's three group roles (when missing) and grant each its rights on every
    table; idempotent (``team init`` and ``add-user`` run it). Returns the statements run."""
    database = conn.exec_driver_sql("SELECT current_database()").scalar_one()
    existing = {r[0] for r in conn.exec_driver_sql("SELECT rolname FROM pg_roles")}
    sql: list[str] = []
    for role in ROLES:
        name = group(database, role)
        if name not in existing:
            sql.append(f"CREATE ROLE {_ident(name)} NOLOGIN")
    tables = _tables(conn)
    for role in ROLES:
        g = _ident(group(database, role))
        sql.append(f"GRANT CONNECT ON DATABASE {_ident(database)} TO {g}")
        sql.append(f"GRANT USAGE ON SCHEMA public TO {g}")
        sql.append(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {g}")
        for table in tables:
            sql.append(f"REVOKE ALL ON {_ident(table)} FROM {g}")
            granted = rights(role, table) if table != "alembic_version" else READ
            if granted:
                sql.append(f"GRANT {granted} ON {_ident(table)} TO {g}")
    owner, manager, staff = (_ident(group(database, r)) for r in ROLES)
    mine = "owner_id IN (SELECT id FROM staff WHERE login = current_user)"
    sql += [
        "ALTER TABLE tasks ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS shopdesk_tasks_all ON tasks",
        "DROP POLICY IF EXISTS shopdesk_tasks_read ON tasks",
        "DROP POLICY IF EXISTS shopdesk_tasks_add ON tasks",
        "DROP POLICY IF EXISTS shopdesk_tasks_edit ON tasks",
        "DROP POLICY IF EXISTS shopdesk_tasks_remove ON tasks",
        f"CREATE POLICY shopdesk_tasks_all ON tasks TO {owner}, {manager} USING (true) WITH CHECK (true)",
        f"CREATE POLICY shopdesk_tasks_read ON tasks FOR SELECT TO {staff} USING (true)",
        # created_by: filled in by the server from the signed-in account (core.engines.postgresql), never changed.
        f"CREATE POLICY shopdesk_tasks_add ON tasks FOR INSERT TO {staff} WITH CHECK ({mine} AND created_by = current_user)",
        # USING (true): the row is found, so saving someone else's task fails the check with an error
        # (a USING filter would make the UPDATE match nothing, silently).
        f"CREATE POLICY shopdesk_tasks_edit ON tasks FOR UPDATE TO {staff} USING (true) WITH CHECK ({mine})",
        # Undoing their own "add task" deletes it: staff may delete exactly the tasks they added.
        # (Deleting another's task matches no row; ShopDesk reports the row the server kept.)
        f"CREATE POLICY shopdesk_tasks_remove ON tasks FOR DELETE TO {staff} USING (created_by = current_user)",
    ]
    for statement in sql:
        conn.exec_driver_sql(statement)
    return sql


def add_person(conn: Connection, login: str, role: str, password: str, staff_name: str = "") -> Person:
    """Create (or re-role) ``login`` as a member of the shop's ``role`` group; link it to the Team
    tab's person ``staff_name`` (their own tasks). Needs an owner with CREATEROLE."""
    from sqlalchemy import text

    login, role = check_login(login), check_role(role)
    if len(password) < 8:
        raise BadInputError(t("The password must have at least 8 characters; nothing was changed."))
    me = who(conn)
    if me.role != "owner":
        raise RoleRefused(t("Only the owner can add people (you are signed in as {login}, role {role}); "
                            "nothing was changed.", login=me.login, role=role_label(me.role)))
    database = conn.exec_driver_sql("SELECT current_database()").scalar_one()
    staff_id = None
    if staff_name:
        staff_id = conn.execute(text("SELECT id FROM staff WHERE name = :n"), {"n": staff_name.strip()}).scalar()
        if staff_id is None:
            raise BadInputError(t("There is no person “{name}” in the Team tab. Add them there first, or leave "
                                  "the name out; nothing was changed.", name=staff_name))
    setup_roles(conn)
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login}).first()
    extra = " CREATEROLE" if role == "owner" else ""
    verb = "ALTER" if exists else "CREATE"
    try:
        conn.exec_driver_sql(f"{verb} ROLE {_ident(login)} LOGIN{extra} PASSWORD {_literal(password)}")
        for other in ROLES:
            if exists and other != role:
                conn.exec_driver_sql(f"REVOKE {_ident(group(database, other))} FROM {_ident(login)}")
        conn.exec_driver_sql(f"GRANT {_ident(group(database, role))} TO {_ident(login)}")
    except Exception as exc:
        if "permission denied" in str(exc) or "must have" in str(exc):
            raise RoleRefused(t("The server did not let {login} create accounts (it needs the CREATEROLE "
                                "right: ALTER ROLE {login} CREATEROLE, run by the server's administrator); "
                                "nothing was changed.", login=me.login)) from exc
        raise
    if staff_id is not None:
        conn.execute(text("UPDATE staff SET login = '' WHERE login = :l"), {"l": login})
        conn.execute(text("UPDATE staff SET login = :l WHERE id = :i"), {"l": login, "i": staff_id})
    return Person(login, role, staff_name.strip())


def remove_person(conn: Connection, login: str) -> Person:
    """Take ``login``'s account off the shop: out of its role and, unless it still signs in to
    another database of this server, dropped (``DROP ROLE``). Their tasks stay: the Team tab
    person keeps them, only the link to the account is cleared. Only an owner may, never their
    own account, the database's owner or the last owner; the server refuses anyone without
    CREATEROLE too. Returns the account as it was."""
    from sqlalchemy import text

    login = login.strip()
    me = who(conn)
    if me.role != "owner":
        raise RoleRefused(t("Only the owner can remove people (you are signed in as {login}, role {role}); "
                            "nothing was changed.", login=me.login, role=role_label(me.role)))
    if login == me.login:
        raise BadInputError(t("You cannot remove your own account ({login}); another owner can. "
                              "Nothing was changed.", login=login))
    listed = people(conn)
    found = next((p for p in listed if p.login == login), None)
    if found is None:
        raise BadInputError(t("“{login}” is not an account of this shop (see `team users`); nothing was changed.",
                              login=login))
    dba = conn.exec_driver_sql("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"
                               ).scalar_one()
    if login == dba:
        raise BadInputError(t("{login} owns the shop's database on the server and cannot be removed; "
                              "nothing was changed.", login=login))
    if found.role == "owner" and not any(p.role == "owner" and p.login != login for p in listed):
        raise BadInputError(t("{login} is the shop's last owner and cannot be removed; make another person "
                              "owner first. Nothing was changed.", login=login))
    database = conn.exec_driver_sql("SELECT current_database()").scalar_one()
    ours = [group(database, r) for r in ROLES]
    others = conn.execute(text(
        "SELECT count(*) FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
        "JOIN pg_roles m ON m.oid = a.member WHERE m.rolname = :l AND g.rolname NOT IN (:o, :m, :s)"),
        {"l": login, "o": ours[0], "m": ours[1], "s": ours[2]}).scalar()
    try:
        for name in ours:
            held = conn.execute(text("SELECT 1 FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
                                     "JOIN pg_roles m ON m.oid = a.member WHERE m.rolname = :l AND g.rolname = :g"),
                                {"l": login, "g": name}).first()
            if held:
                conn.exec_driver_sql(f"REVOKE {_ident(name)} FROM {_ident(login)}")
        if not others:
            _drop_or_lock(conn, login)
    except Exception as exc:
        if "permission denied" in str(exc) or "must have" in str(exc):
            raise RoleRefused(t("The server did not let {login} remove accounts (it needs the CREATEROLE right); "
                                "nothing was changed.", login=me.login)) from exc
        raise
    conn.execute(text("UPDATE staff SET login = '' WHERE login = :l"), {"l": login})
    return found


def _drop_or_lock(conn: Connection, login: str) -> None:
    """DROP ROLE; an account that owns something on the server (tables it created while
    upgrading, say) cannot be dropped: it loses its sign-in instead (NOLOGIN)."""
    savepoint = conn.begin_nested()
    try:
        conn.exec_driver_sql(f"DROP ROLE {_ident(login)}")
    except Exception as exc:
        savepoint.rollback()
        if "depend" not in str(exc):
            raise
        conn.exec_driver_sql(f"ALTER ROLE {_ident(login)} NOLOGIN")
    else:
        savepoint.commit()


def people(conn: Connection) -> list[Person]:
    """Every account holding one of the shop's roles, by name (the database's owner first)."""
    from sqlalchemy import text

    database = conn.exec_driver_sql("SELECT current_database()").scalar_one()
    rows = conn.execute(text(
        "SELECT m.rolname, g.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
        "JOIN pg_roles m ON m.oid = a.member WHERE g.rolname IN (:o, :m, :s) AND m.rolcanlogin"
    ), {"o": group(database, "owner"), "m": group(database, "manager"), "s": group(database, "staff")}).all()
    linked = dict(conn.execute(text("SELECT login, name FROM staff WHERE login <> ''")).all())
    rank = {r: i for i, r in enumerate(ROLES)}
    best: dict[str, str] = {}
    for login, g in rows:
        role = g[len(database) + 1:]
        if login not in best or rank[role] < rank[best[login]]:
            best[login] = role
    dba = conn.exec_driver_sql("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()").scalar_one()
    best[dba] = "owner"
    return sorted((Person(login, role, linked.get(login, "")) for login, role in best.items()),
                  key=lambda p: (p.login != dba, rank[p.role], p.login))


def who(conn: Connection) -> Person:
    """The signed-in account and its ShopDesk role (the database's owner and superusers are owners)."""
    from sqlalchemy import text

    database = conn.exec_driver_sql("SELECT current_database()").scalar_one()
    login, is_super, is_dba = conn.exec_driver_sql(
        "SELECT current_user, r.rolsuper, pg_get_userbyid(d.datdba) = current_user FROM pg_roles r, pg_database d "
        "WHERE r.rolname = current_user AND d.datname = current_database()").one()
    name = conn.execute(text("SELECT name FROM staff WHERE login = :l ORDER BY id LIMIT 1"), {"l": login}).scalar() or ""
    if is_super or is_dba:
        return Person(login, "owner", name)
    for role in ROLES:
        held = conn.execute(text("SELECT pg_has_role(current_user, :g, 'MEMBER') FROM pg_roles WHERE rolname = :g"),
                            {"g": group(database, role)}).scalar()
        if held:
            return Person(login, role, name)
    return Person(login, "", name)


# ---------------------------------------------------------------- the server's refusals as messages

def _what(table: str) -> str:
    names = {
        "goals": t("goals"), "promotions": t("promotions"), "promotion_results": t("promotions"),
        "tiers": t("member tiers"), "tier_changes": t("member tiers"), "points_ledger": t("member points"),
        "customers": t("members"), "staff": t("people and their targets"), "staff_targets": t("people and their targets"),
        "tasks": t("tasks"), "task_dependencies": t("tasks"), "task_templates": t("SOPs"),
        "settings": t("the shop's settings"), "trash": t("deleted items"), "skus": t("SKUs"),
        "stock_levels": t("stock"), "deliveries": t("stock"), "products": t("products"),
    }
    return names.get(table, t("imported data"))


_DENIED = re.compile(r'permission denied for (?:table|relation|sequence) "?([a-z_]+)"?')
_POLICY = re.compile(r'row-level security policy (?:for|of) table "?([a-z_]+)"?')


def refusal(message: str, role: str) -> RoleRefused | None:
    """The owner's message for a server error text, or None when it is not a refused right."""
    role_name = role_label(role)
    m = _POLICY.search(message)
    if m:
        return RoleRefused(t("Your role ({role}) can only save your own tasks (assigned to you); ask the owner or "
                             "a manager. Nothing was changed.", role=role_name))
    m = _DENIED.search(message)
    if m is None:
        return None
    table = m.group(1)
    if table == "trash":  # every delete goes to the trash first
        return RoleRefused(t("Your role ({role}) cannot delete; ask the owner or a manager. Nothing was changed.",
                             role=role_name))
    if rights(role, table) not in ("", READ):
        return RoleRefused(t("Your role ({role}) cannot make this change to {what} (deleting them, for one); ask the "
                             "owner. Nothing was changed.", role=role_name, what=_what(table)))
    return RoleRefused(t("Your role ({role}) cannot change {what}; ask the owner. Nothing was changed.",
                         role=role_name, what=_what(table)))


_PEOPLE: weakref.WeakKeyDictionary[Any, Person] = weakref.WeakKeyDictionary()


def signed_in(engine: Engine) -> Person:
    """Who the engine signs in as (asked once per engine)."""
    if engine not in _PEOPLE:
        with engine.connect() as conn:
            _PEOPLE[engine] = who(conn)
    return _PEOPLE[engine]


def install_refusals(engine: Engine) -> None:
    """Turn the server's "permission denied" into the signed-in person's ``RoleRefused`` message,
    whichever writer hit it (an edit, an import, undo); the transaction is rolled back by its owner."""
    from sqlalchemy import event

    @event.listens_for(engine, "handle_error")
    def _refused(context) -> None:
        exc = context.original_exception
        if getattr(exc, "sqlstate", None) != "42501":  # insufficient_privilege
            return
        try:
            role = signed_in(engine).role
        except Exception:  # noqa: BLE001 - the message is still better than a traceback
            role = ""
        refused = refusal(str(exc), role)
        if refused is not None:
            raise refused from exc


def require_owner(engine: Engine, action: str) -> Person:
    """Refuse ``action`` (translated, e.g. "restore a backup") unless the signed-in person is an owner."""
    person = signed_in(engine)
    if person.role != "owner":
        raise RoleRefused(t("Only the owner can {action}; you are signed in as {login} (role {role}). Nothing was "
                            "changed.", action=action, login=person.login, role=role_label(person.role)))
    return person


def drop_roles(conn: Connection, database: str, logins: list[str] = ()) -> None:  # type: ignore[assignment]
    """Remove a shop's group roles and the given logins (tests; after the database is dropped)."""
    for name in [*logins, *(group(database, r) for r in ROLES)]:
        try:
            conn.exec_driver_sql(f"DROP ROLE IF EXISTS {_ident(name)}")
        except Exception as exc:  # noqa: BLE001
            raise DatabaseError(str(exc)) from exc


# ---------------------------------------------------------------- for the window (Settings → Team accounts)

def list_people(db: Any) -> list[Person]:
    """The accounts of a server shop ``db`` (core.db.Database)."""
    with db.engine.connect() as conn:
        return people(conn)


def add_person_to(db: Any, login: str, role: str, password: str, staff_name: str = "") -> Person:
    """``add_person`` in its own transaction on ``db``: all of it, or nothing."""
    with db.engine.begin() as conn:
        return add_person(conn, login, role, password, staff_name)


def remove_person_from(db: Any, login: str) -> Person:
    """``remove_person`` in its own transaction on ``db``: all of it, or nothing."""
    with db.engine.begin() as conn:
        return remove_person(conn, login)


def team_names(db: Any) -> list[str]:
    """The Team tab's active people, to link an account to."""
    from sqlalchemy import text

    with db.engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT name FROM staff WHERE active ORDER BY name"))]
