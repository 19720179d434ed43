"""`team init URL` and `team move-to URL|FILE`: setting up team mode on a PostgreSQL server.

``init`` creates ShopDesk's schema (the Alembic revisions) on an empty server database.
``move-to`` copies the shop of ``--db`` (a file or a server) into an empty database, verified
by row counts and the KPI numbers before and after, all or nothing (core.shop_copy).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from core.errors import BadInputError, DatabaseError, UserFacingError
from core.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "team",
        help=t("team mode: put the shop on a shared PostgreSQL server, or bring it back to a file"),
        description=t(
            "Team mode: the same shop on a PostgreSQL server that several computers open with "
            "--db postgresql+psycopg://USER:PASSWORD@HOST:PORT/DATABASE."
        ),
    )
    actions = p.add_subparsers(dest="team_action", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init",
        help=t("create ShopDesk's tables in an empty server database"),
        description=t(
            "Create ShopDesk's tables in an empty PostgreSQL database (made beforehand by the server's "
            "administrator, e.g. CREATE DATABASE shop). Refuses a database holding other tables or a newer "
            "ShopDesk schema; an older ShopDesk schema is upgraded."
        ),
    )
    init.add_argument("url", metavar="URL", help=t("the server database, e.g. postgresql+psycopg://owner@db.example:5432/shop"))
    init.set_defaults(handler=run_init, no_database=True)
    move = actions.add_parser(
        "move-to",
        help=t("copy the shop of --db into an empty server database or a new file, verified, all or nothing"),
        description=t(
            "Copy every row of the shop opened with --db into TARGET: an empty server database (made with "
            "`team init`, or empty) or a new .db file. Row counts and the KPI numbers of the whole history are "
            "compared before the copy is committed; on any difference nothing is written. The source is not changed."
        ),
    )
    move.add_argument("target", metavar="URL|FILE", help=t("the empty server database or the new .db file"))
    move.set_defaults(handler=run_move_to)
    add = actions.add_parser(
        "add-user",
        help=t("give a person their own account on the server shop, with a role"),
        description=t(
            "Create a server account (a PostgreSQL login) for one person, in one of the shop's roles: owner "
            "(everything), manager (everything but the shop's settings, restoring and adding people) or staff "
            "(reads everything, counts stock, adds and edits their own tasks). The server enforces the role. "
            "The password is asked for (or read from the first line of standard input). Run as an owner."
        ),
    )
    add.add_argument("login", metavar="NAME", help=t("the account name, e.g. wang (lower-case letters, digits, _)"))
    add.add_argument("--role", required=True, choices=("owner", "manager", "staff"), help=t("what the person may do"))
    add.add_argument("--person", default="", metavar="TEAM_NAME",
                     help=t("the person in the Team tab this account is (their own tasks)"))
    add.set_defaults(handler=run_add_user)
    remove = actions.add_parser(
        "remove-user",
        help=t("take a person's account off the server shop (their tasks stay)"),
        description=t(
            "Remove one person's server account: it leaves the shop's roles and is dropped from the server "
            "(kept, without this shop's rights, when it also signs in to another database there). Their tasks "
            "stay with their person in the Team tab. Run as an owner; you cannot remove yourself, the database's "
            "owner or the last owner."
        ),
    )
    remove.add_argument("login", metavar="NAME", help=t("the account name, as `team users` lists it"))
    remove.set_defaults(handler=run_remove_user)
    users = actions.add_parser("users", help=t("list the server shop's accounts and their roles"))
    users.set_defaults(handler=run_users)


def _server_only(url: str) -> None:
    from core.engines import is_server_url

    if not is_server_url(url):
        raise BadInputError(t("{url} is not a server address. Give one like "
                              "postgresql+psycopg://USER:PASSWORD@HOST:5432/DATABASE.", url=url))


def run_init(args: argparse.Namespace, _db: object = None) -> int:
    from core.db import open_database, server_error

    _server_only(args.url)
    db = open_database(args.url, migrate=False)
    name = db.display_name
    try:
        before = db.current_revision()
        db.migrate()
        after = db.current_revision()
    except UserFacingError:
        raise
    except Exception as exc:
        raise server_error(name, exc) from exc
    finally:
        db.close()
    _setup_roles(args.url)
    if before == after:
        print(t("{name} already holds ShopDesk's tables (schema {rev}); nothing was changed.", name=name, rev=after))
    elif before is None:
        print(t("ShopDesk's tables were created in {name} (schema {rev}). Move a shop there with "
                "`team move-to`, or open it with --db.", name=name, rev=after))
    else:
        print(t("{name} was upgraded from schema {old} to {rev}.", name=name, old=before, rev=after))
    return 0


def run_move_to(args: argparse.Namespace, db) -> int:
    from core.db import is_url, open_database
    from core.shop_copy import copy_shop

    target = args.target
    created: Path | None = None
    if not is_url(target):
        path = Path(target)
        if path.suffix.lower() != ".db":
            raise BadInputError(t("{path}: the target file must end in .db.", path=path))
        if path.exists() and path.stat().st_size > 0:
            raise UserFacingError(t("{path} already exists. Choose a new file name; nothing was copied.", path=path))
        created = None if path.exists() else path.resolve()
    dest = open_database(target)
    try:
        report = copy_shop(db, dest)
        name = dest.display_name
    except (DatabaseError, UserFacingError):
        dest.close()
        if created is not None:
            _remove(created)
        raise
    dest.close()
    print(t("Copied the shop from {src} to {dest}: {rows} row(s) in {tables} table(s), the same count in each.",
            src=db.display_name, dest=name, rows=report.total_rows, tables=len(report.rows)))
    if report.first_day is not None:
        print(t("KPIs of {start} – {end} are the same on both: GMV ¥{gmv:,.2f}, {orders} order(s).",
                start=report.first_day, end=report.last_day, gmv=report.kpis.get("gmv") or 0, orders=report.kpis.get("orders")))
    print(t("The source was not changed. Open the copy with --db {target}.", target=target))
    return 0


def _remove(path: Path) -> None:
    for extra in ("", "-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)


def _setup_roles(url: str) -> None:
    """The shop's owner/manager/staff roles and their rights (core.team_roles), after the schema."""
    from core.db import open_database
    from core.team_roles import setup_roles

    db = open_database(url, migrate=False)
    try:
        with db.engine.begin() as conn:
            setup_roles(conn)
    except UserFacingError:
        raise
    except Exception as exc:
        raise DatabaseError(t("The tables are there, but the server did not let {name} create the shop's roles "
                              "({error}). Ask the server's administrator for the CREATEROLE right "
                              "(ALTER ROLE … CREATEROLE) and run `team init` again.", name=db.display_name,
                              error=str(exc).strip().splitlines()[0])) from exc
    finally:
        db.close()


def _server_shop(db) -> None:
    if not db.is_server:
        raise BadInputError(t("{name} is a file on this computer: accounts and roles are for a shop on a server "
                              "(--db postgresql+psycopg://…).", name=db.display_name))


def _read_password(login: str) -> str:
    import getpass
    import sys

    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(t("Password for {login}: ", login=login))
        if getpass.getpass(t("The same password again: ")) != first:
            raise BadInputError(t("The two passwords differ; nothing was changed."))
        return first
    return (sys.stdin.readline() if sys.stdin is not None else "").rstrip("\r\n")


def run_add_user(args: argparse.Namespace, db) -> int:
    from core.team_roles import add_person, check_login, role_label

    _server_shop(db)
    login = check_login(args.login)
    password = _read_password(login)
    with db.engine.begin() as conn:
        person = add_person(conn, login, args.role, password, args.person)
    linked = t(", linked to {name} in the Team tab", name=person.staff_name) if person.staff_name else ""
    print(t("{login} can now sign in to {name} with the role {role}{linked}.", login=person.login,
            name=db.display_name, role=role_label(person.role), linked=linked))
    return 0


def run_remove_user(args: argparse.Namespace, db) -> int:
    from core.team_roles import remove_person, role_label

    _server_shop(db)
    with db.engine.begin() as conn:
        person = remove_person(conn, args.login)
    kept = t(" {name}'s tasks stay in the Team tab.", name=person.staff_name) if person.staff_name else ""
    print(t("{login} ({role}) can no longer sign in to {name}.{kept}", login=person.login,
            role=role_label(person.role), name=db.display_name, kept=kept))
    return 0


def run_users(_args: argparse.Namespace, db) -> int:
    from core.team_roles import people

    _server_shop(db)
    with db.engine.connect() as conn:
        for person in people(conn):
            print(f"{person.login}\t{person.role}\t{person.staff_name}")
    return 0
