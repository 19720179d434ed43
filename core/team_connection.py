"""Which database this computer opens (Settings → Database), the password in the system's
credential store, and the connection test with its clear messages.

The choice ("This computer" or "Shared server": host, port, database, user) is kept in
``connection.json`` in the data folder; the password never is. It goes to the operating
system's credential store through ``keyring`` (Windows Credential Manager, macOS Keychain, the
Secret Service on Linux). Where there is none (a Linux machine without a keyring daemon, the
Linux bundle, which leaves the Secret Service backend out), ShopDesk asks for the password each
time it signs in.

No Qt here; no database driver is imported until a connection is tested or opened.
"""
from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from core import paths
from core.i18n import t

log = logging.getLogger(__name__)

SERVICE = "ShopDesk"
DEFAULT_PORT = 5432


@dataclass(frozen=True)
class ServerChoice:
    mode: str = "file"  # "file": this computer (the shop file) | "server": a shared server
    host: str = ""  # a name, an address, or a folder holding the server's unix socket
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""

    @property
    def is_server(self) -> bool:
        return self.mode == "server"

    @property
    def account(self) -> str:
        """The credential store's key for this sign-in: user@host:port/database."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def problems(self) -> list[str]:
        """What is missing before a server can be tried (empty for "This computer")."""
        if not self.is_server:
            return []
        out = []
        if not self.host.strip():
            out.append(t("Fill in the server's address (host), e.g. db.example.com or 192.168.1.20."))
        if not 1 <= self.port <= 65535:
            out.append(t("The port must be a number from 1 to 65535 (PostgreSQL's usual port is 5432)."))
        if not self.database.strip():
            out.append(t("Fill in the database's name, e.g. shop."))
        if not self.user.strip():
            out.append(t("Fill in your user name on the server (the owner gives it to you)."))
        return out

    def url(self, password: str | None) -> str:
        """The SQLAlchemy URL (held in memory only: the password is never written anywhere)."""
        from sqlalchemy.engine import URL

        socket = self.host.startswith("/")
        return URL.create(
            "postgresql+psycopg", username=self.user.strip(), password=password or None,
            host=None if socket else self.host.strip(), port=self.port, database=self.database.strip(),
            query={"host": self.host} if socket else {},
        ).render_as_string(hide_password=False)

    def display(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


def choice_file() -> Path:
    return paths.data_dir() / "connection.json"


def load_choice(path: Path | None = None) -> ServerChoice:
    path = path or choice_file()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ServerChoice()
    except (OSError, ValueError) as exc:
        log.warning("connection file %s unreadable (%s); using this computer's shop", path, exc)
        return ServerChoice()
    defaults = ServerChoice()
    values = {f.name: raw[f.name] for f in dataclasses.fields(ServerChoice)
              if isinstance(raw.get(f.name), type(getattr(defaults, f.name)))}
    return ServerChoice(**values)


def save_choice(choice: ServerChoice, path: Path | None = None) -> None:
    path = path or choice_file()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(dataclasses.asdict(choice), ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)


# ---------------------------------------------------------------- the credential store

def _keyring():
    """The keyring module when this computer has a usable credential store, else None."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:  # running from a checkout without requirements.txt's keyring
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken backend is the same as none
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return keyring


def has_credential_store() -> bool:
    return _keyring() is not None


def stored_password(choice: ServerChoice) -> str | None:
    ring = _keyring()
    if ring is None:
        return None
    try:
        return ring.get_password(SERVICE, choice.account)
    except Exception as exc:  # noqa: BLE001 - a locked or refusing store: ask instead
        log.warning("credential store unreadable: %s", exc)
        return None


def store_password(choice: ServerChoice, password: str) -> bool:
    """Keep the password in the system's credential store; False when there is none (then ask each time)."""
    ring = _keyring()
    if ring is None:
        return False
    try:
        ring.set_password(SERVICE, choice.account, password)
    except Exception as exc:  # noqa: BLE001
        log.warning("credential store refused the password: %s", exc)
        return False
    return True


def forget_password(choice: ServerChoice) -> None:
    ring = _keyring()
    if ring is None:
        return
    try:
        ring.delete_password(SERVICE, choice.account)
    except Exception:  # noqa: BLE001 - nothing stored
        pass


# ---------------------------------------------------------------- headless commands

def headless_target() -> str | None:
    """The server URL a headless command opens when neither ``--db`` nor ``SHOPDESK_DB`` says
    otherwise: Settings → Database's saved "Shared server", with the password from the
    credential store. None: "This computer" (the shop file). Raises a message saying how to
    give the password when none is stored (a command never asks: it may run unattended)."""
    from core.errors import UserFacingError

    choice = load_choice()
    if not choice.is_server:
        return None
    problems = choice.problems()
    if problems:
        raise UserFacingError(t("Settings → Database chose a shared server, but its details are incomplete: "
                                "{problems} Fix them there, or give --db.", problems=" ".join(problems)))
    password = stored_password(choice)
    if password is None:
        port = f":{choice.port}" if not choice.host.startswith("/") else ""
        raise UserFacingError(t(
            "Settings → Database opens the shared server {server}, but this computer keeps no password for it "
            "(no credential store, or it was never saved there). Give it with --db "
            "postgresql+psycopg://{user}:PASSWORD@{host}{port}/{database} or the SHOPDESK_DB environment variable, "
            "or save it in Settings → Database (Save and reopen). Nothing was done.",
            server=choice.display(), user=choice.user, host=choice.host, port=port, database=choice.database))
    return choice.url(password)


# ---------------------------------------------------------------- the connection check

@dataclass(frozen=True)
class ConnectionCheck:
    ok: bool
    message: str
    login: str = ""
    role: str = ""  # owner | manager | staff | ""


def _unreachable(text: str) -> bool:
    needles = ("connection refused", "could not translate host name", "timeout expired", "no route to host",
               "name or service not known", "network is unreachable", "no such file or directory",
               "connection timed out", "server closed the connection")
    low = text.lower()
    return any(n in low for n in needles)


def check_connection(choice: ServerChoice, password: str | None) -> ConnectionCheck:
    """Sign in to the server and look at the database: the owner's message for each outcome."""
    problems = choice.problems()
    if problems:
        return ConnectionCheck(False, " ".join(problems))
    from sqlalchemy import create_engine

    name = choice.display()
    try:
        engine = create_engine(choice.url(password), connect_args={"connect_timeout": 5}, poolclass=_null_pool())
    except ImportError:
        return ConnectionCheck(False, t("This ShopDesk has no PostgreSQL driver (psycopg); install it to use a server database."))
    try:
        with engine.connect() as conn:
            return _look(conn, name)
    except ImportError:
        return ConnectionCheck(False, t("This ShopDesk has no PostgreSQL driver (psycopg); install it to use a server database."))
    except Exception as exc:  # noqa: BLE001 - every driver error becomes a message
        return ConnectionCheck(False, _connect_message(choice, str(getattr(exc, "orig", None) or exc)))
    finally:
        engine.dispose()


def _null_pool():
    from sqlalchemy.pool import NullPool

    return NullPool


def _connect_message(choice: ServerChoice, text: str) -> str:
    first = text.strip().splitlines()[0] if text.strip() else ""
    if "password authentication failed" in text or "no password supplied" in text:
        return t("The server refused the password for {user}. Check it (and the user name) and try again.",
                 user=choice.user)
    if "role" in text and "does not exist" in text:
        return t("The server has no user {user}. Check the user name, or ask the owner to add you "
                 "(team add-user).", user=choice.user)
    if "database" in text and "does not exist" in text:
        return t("The server has no database {db}. Check its name, or ask the owner to create it and run "
                 "`team init`.", db=choice.database)
    if _unreachable(text):
        return t("The server {host}:{port} cannot be reached ({error}). Check the address and port, that the "
                 "server is running and that this computer may connect to it.", host=choice.host, port=choice.port,
                 error=first)
    return t("Could not connect to {name} ({error}).", name=choice.display(), error=first)


def _look(conn, name: str) -> ConnectionCheck:
    from sqlalchemy import inspect, text

    from core.migrations import head_revision, known_revisions
    from core.team_roles import role_label, who

    tables = inspect(conn).get_table_names()
    if "alembic_version" not in tables:
        if tables:
            return ConnectionCheck(False, t("{name} is not a ShopDesk database (it holds other programs' tables). "
                                       "Choose the shop's database.", name=name))
        return ConnectionCheck(False, t("{name} is empty: no shop there yet. The owner creates it with `team init` "
                                   "(and moves the shop there with `team move-to`).", name=name))
    rev = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    person = who(conn)
    known = known_revisions()
    if rev not in known:
        return ConnectionCheck(False, t("{name} was written by a newer ShopDesk (schema {rev}). Install the latest "
                                   "ShopDesk on this computer to open it.", name=name, rev=rev),
                          person.login, person.role)
    if rev != head_revision() and person.role != "owner":
        return ConnectionCheck(False, t("{name} has an older schema ({rev}) than this ShopDesk ({head}). Ask the owner "
                                   "to open it once with this version, which upgrades it.", name=name, rev=rev,
                                   head=head_revision()), person.login, person.role)
    note = "" if rev == head_revision() else " " + t("Its schema ({rev}) is upgraded when you open it.", rev=rev)
    return ConnectionCheck(True, t("Connected to {name} as {login} ({role}). It is a ShopDesk shop.", name=name,
                              login=person.login, role=role_label(person.role)) + note,
                      person.login, person.role)
