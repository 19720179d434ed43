"""Opening the shop's database: engine, pragmas, migrations on open, online backup and restore.

One ``Database`` per open file. Work gets a fresh session per operation
(``with db.session() as s:``), opened in the thread that does the work.

Start-up stays fast: the schema revision is read with one query and compared with the
revision files on disk; Alembic is imported only when a migration has to run, and
SQLAlchemy only when the first session or query needs the engine (after the window is up).
"""
from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

from core import sqlite_files
from core.backup_names import backup_path
from core.errors import (
    BadInputError, DamagedDatabaseError, DatabaseError, DatabaseLockedError, DiskFullError, NewerDatabaseError,
)
from core.i18n import t
from core.integrity import check_backup_file, check_empty_file, check_on_open
from core.migrations import MIGRATIONS_DIR, head_revision, known_revisions

log = logging.getLogger(__name__)


def is_url(target: str | Path) -> bool:
    return "://" in str(target)


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, record: object) -> None:
    from core.engines import sqlite as sqlite_engine

    sqlite_engine.connect_setup(dbapi_conn, record)


def server_error(name: str, exc: BaseException) -> DatabaseError:
    """The owner's message for a server that cannot be used (core.engines.postgresql's driver errors)."""
    if isinstance(exc, ImportError):
        return DatabaseError(t("This ShopDesk has no PostgreSQL driver (psycopg); install it to use a server database."))
    first = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if ("password authentication failed" in first or "no password supplied" in first
            or ("role" in first and "does not exist" in first)):
        return DatabaseError(t("The server {name} refused the user name or password. Check them and try again; "
                               "nothing was changed.", name=name))
    if "does not exist" in first and "database" in first:
        return DatabaseError(t("The server has no database {name}. Ask its administrator to create it "
                               "(CREATE DATABASE), then run `team init`.", name=name))
    return DatabaseError(t("Could not use the server database {name} ({error}). Check the address and that the "
                           "server is running; nothing was changed.", name=name, error=first))


def disk_full(name: str) -> DiskFullError:
    return DiskFullError(
        t("The disk holding {name} is full: nothing was changed. Free some space on it and try again.", name=name)
    )


class Database:
    """An open shop database."""

    def __init__(self, target: str | Path) -> None:
        self.url = str(target) if is_url(target) else f"sqlite:///{Path(target).resolve()}"
        self.path: Path | None = None if is_url(target) else Path(target).resolve()
        self._engine: Engine | None = None
        self._session_factory: sessionmaker | None = None
        self._engine_lock = threading.Lock()
        self.reached = False  # a server: set once a connection to it succeeded (so a failure is a loss)

    @property
    def engine(self) -> Engine:
        # Created on first use (from whichever thread comes first), so that opening a shop
        # whose schema is current imports no SQLAlchemy before the window is shown.
        if self._engine is None:
            with self._engine_lock:
                if self._engine is None:
                    from sqlalchemy import create_engine, event
                    from sqlalchemy.orm import sessionmaker

                    from core.engines import for_dialect

                    # A server connection can drop (Wi-Fi, a restart): each checkout pings it
                    # first and reconnects, so a lost connection costs one retry, not an error.
                    engine = create_engine(self.url, pool_pre_ping=self.path is None)
                    if self.path is not None:
                        event.listen(engine, "connect", _sqlite_pragmas)
                        event.listen(engine, "handle_error", self._storage_error)
                    else:
                        event.listen(engine, "handle_error", self._server_error)
                        event.listen(engine, "connect", self._connected)
                    for_dialect(engine.dialect.name).engine_setup(engine)
                    if self.path is None:  # the server's refusals as the person's messages
                        from core.team_roles import install_refusals

                        install_refusals(engine)
                    self._session_factory = sessionmaker(engine, expire_on_commit=False)
                    from core.data_revisions import watch_sessions

                    watch_sessions()  # a session writing orders moves their revision (core.past_orders)
                    self._engine = engine
        return self._engine

    def _storage_error(self, context) -> None:
        """Every statement's "disk is full" or "database is locked" becomes the owner's message,
        whichever writer hit it (an import, an edit, undo); the transaction is rolled back by
        whoever began it, so nothing of the write stays."""
        exc = context.original_exception
        if not isinstance(exc, sqlite3.OperationalError):
            return
        if sqlite_files.is_disk_full(exc):
            raise disk_full(self.display_name) from exc
        if sqlite_files.is_locked(exc):
            raise DatabaseLockedError(
                t("{name} is locked by another program. Close it and try again; nothing was written.",
                  name=self.display_name)
            ) from exc

    def _server_error(self, context) -> None:
        """Once the server was reached, a statement that fails because it went away becomes the
        owner's message (core.live.ConnectionLostError) instead of a crash report; the pool
        drops that connection and the next use connects again. (Failing to reach it the first
        time keeps ``server_error``'s messages: wrong address, password, database.)"""
        if not self.reached or context.is_pre_ping:
            return
        from core.live import connection_lost

        if connection_lost(context):
            from core.live import lost_connection

            raise lost_connection(self.display_name) from context.original_exception

    def _connected(self, _dbapi_conn, _record) -> None:
        self.reached = True

    @property
    def _sessions(self) -> sessionmaker:
        if self._session_factory is None:
            self.engine  # noqa: B018  (creates the factory too)
        return self._session_factory

    # ------------------------------------------------------------------ sessions

    def session(self) -> Session:
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed at the end, or rolled back on any error.

        Raises ``DatabaseLockedError`` when another program keeps the file locked for longer
        than the busy timeout, so the owner gets a message rather than a traceback.
        """
        from sqlalchemy.exc import OperationalError

        try:
            with self._sessions.begin() as s:
                yield s
        except OperationalError as exc:
            if sqlite_files.is_locked(exc):
                raise DatabaseLockedError(
                    t("{name} is locked by another program. Close it and try again; nothing was written.",
                      name=self.display_name)
                ) from exc
            raise

    def refresh_statistics(self) -> None:
        """Let the planner know the tables' shape after a bulk change (imports, undo, the demo;
        core.engines). A failure only costs speed, so it is logged, never raised."""
        from core.engines import for_dialect

        try:
            with self.engine.begin() as conn:
                for_dialect(conn.dialect.name).refresh_statistics(conn)
        except Exception:  # noqa: BLE001 - statistics are an optimisation
            log.warning("could not refresh the query planner's statistics", exc_info=True)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()

    @property
    def location(self) -> str:
        """What ``--db`` takes to open this database again: the file's path or the server URL."""
        return str(self.path) if self.path is not None else self.url

    @property
    def stem(self) -> str:
        """The name backups of this shop are filed under: the file's stem, or the server database's name."""
        if self.path is not None:
            return self.path.stem
        from sqlalchemy.engine import make_url

        return make_url(self.url).database or "server"

    @property
    def is_server(self) -> bool:
        return self.path is None

    @property
    def display_name(self) -> str:
        if self.path is not None:
            return str(self.path)
        from sqlalchemy.engine import make_url  # not the engine: naming a server must not need its driver

        return make_url(self.url).render_as_string(hide_password=True)

    # ------------------------------------------------------------------ schema

    def current_revision(self) -> str | None:
        if self.path is not None:
            # Plain sqlite3: answering "is a migration needed?" must not cost the SQLAlchemy import.
            return sqlite_files.schema_revision(self.path)  # None: an empty or foreign database
        from sqlalchemy import text

        with self.engine.connect() as conn:
            try:
                row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
            except Exception:  # no table yet: an empty or foreign database
                return None
            return row[0] if row else None

    def is_empty(self) -> bool:
        from sqlalchemy import text

        with self.engine.connect() as conn:
            if self.path is not None:
                n = conn.execute(text("SELECT count(*) FROM sqlite_master WHERE type='table'")).scalar()
                return not n
            from sqlalchemy import inspect

            return not inspect(conn).get_table_names()

    def has_shop_data(self) -> bool:
        """True when the shop holds anything the owner would miss (orders, SKUs, plans)."""
        from sqlalchemy import text

        with self.engine.connect() as conn:
            for table in ("orders", "skus", "customers", "goals", "promotions", "tasks"):
                if conn.execute(text(f"SELECT 1 FROM {table} LIMIT 1")).first():
                    return True
        return False

    def migrate(self, backup_dir: Path | None = None) -> bool:
        """Bring the schema to this version's head; back up first when upgrading real data.

        Returns True when a migration ran. Refuses a database written by a newer ShopDesk.
        """
        current = self.current_revision()
        known = known_revisions()
        if current == known[-1]:
            return False
        if current is not None and current not in known:
            raise NewerDatabaseError(
                t(
                    "This database was written by a newer version of ShopDesk (schema {rev}). "
                    "Install the latest ShopDesk to open it; nothing was changed.",
                    rev=current,
                )
            )
        if current is None and not self.is_empty():
            if self.is_server:
                raise DatabaseError(t("{name} holds tables that are not ShopDesk's. Choose an empty database; "
                                      "nothing was changed.", name=self.display_name))
            raise DatabaseError(
                t(
                    "{name} is not a ShopDesk database. Choose another file or a new file name; "
                    "nothing was changed.",
                    name=self.display_name,
                )
            )
        if current is not None and self.path is not None:
            target = backup_dir or self.path.parent
            self.backup(_stamped(target, self.path, "pre-migration"))
        if current is None and self.path is not None:
            self._create_new_shop()
        else:
            self._run_alembic_upgrade()
        return True

    def _create_new_shop(self) -> None:
        """A new shop file: its schema from the models at once (core.new_shop), in one transaction."""
        from core.new_shop import create_schema

        engine = self._migration_engine()
        try:
            with engine.begin() as conn:
                create_schema(conn, head_revision())
        finally:
            engine.dispose()
        log.info("created %s at %s", self.display_name, head_revision())

    def _run_alembic_upgrade(self) -> None:
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        engine = self._migration_engine()
        try:
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        finally:
            if engine is not self.engine:
                engine.dispose()
        log.info("migrated %s to %s", self.display_name, head_revision())

    def _migration_engine(self) -> Engine:
        """An engine whose transactions include DDL.

        Python's sqlite3 driver runs CREATE/ALTER outside any transaction, so a migration
        killed half-way (power cut, the first start closed at once) would leave half a schema
        that no later start can open. Here the driver's own transaction handling is off and
        every transaction is an explicit BEGIN … COMMIT, so a migration lands whole or not at
        all (SQLAlchemy's documented recipe for pysqlite).
        """
        if self.path is None:
            return self.engine
        from sqlalchemy import create_engine, event

        engine = create_engine(self.url)
        event.listen(engine, "connect", _sqlite_pragmas)

        @event.listens_for(engine, "connect")
        def _no_driver_transactions(dbapi_conn, _record) -> None:
            dbapi_conn.isolation_level = None

        @event.listens_for(engine, "begin")
        def _explicit_begin(conn) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine

    # ------------------------------------------------------------------ checks

    def check_integrity(self, quick: bool = True) -> list[str]:
        """Problems SQLite finds in the file; an empty list means it is sound."""
        if self.path is None:
            return []
        from sqlalchemy import text

        pragma = "quick_check" if quick else "integrity_check"
        with self.engine.connect() as conn:
            rows = [r[0] for r in conn.execute(text(f"PRAGMA {pragma}"))]
        return [] if rows == ["ok"] else rows

    # ------------------------------------------------------------------ backup / restore

    def backup(self, dest: str | Path, progress: Callable[[int, int], None] | None = None) -> Path:
        """Copy the database with SQLite's online backup API (safe while it is in use).

        A server shop is written to a new ShopDesk SQLite file from one consistent snapshot
        (core.shop_copy), which opens like any backup."""
        from core.exports import check_output_path  # a missing folder is refused, as for every file written

        dest = check_output_path(dest)
        if self.path is None:
            return self._backup_server(dest)
        if dest == self.path:
            raise DatabaseError(t("The backup file must not be the database itself."))
        try:
            # 256 pages a step, so that the owner sees the copy progress.
            sqlite_files.copy_to_new_file(self.path, dest, timeout=10, pages=256, progress=progress)
        except (sqlite3.OperationalError, OSError) as exc:
            # copy_to_new_file has removed its .part file: a full disk is not filled further.
            if sqlite_files.is_disk_full(exc):
                raise DiskFullError(t("The disk holding {folder} is full: no backup was written and nothing was "
                                      "changed. Free some space on it and try again.", folder=dest.parent)) from exc
            if isinstance(exc, OSError):
                raise DatabaseError(t("The backup could not be written to {folder} ({error}). Choose another folder "
                                      "in Settings and try again.", folder=dest.parent,
                                      error=exc.strerror or type(exc).__name__)) from exc
            raise DatabaseLockedError(
                t("The database is busy ({error}). Close other programs using it and try again.", error=exc)
            ) from exc
        log.info("backup of %s written to %s", self.path, dest)
        return dest

    def _backup_server(self, dest: Path) -> Path:
        import os

        from core.shop_copy import copy_shop

        part = dest.with_name(dest.name + ".part")
        try:
            for leftover in (part, Path(f"{part}-wal"), Path(f"{part}-shm")):
                leftover.unlink(missing_ok=True)
            copy = open_database(part)
            try:
                copy_shop(self, copy)
            finally:
                copy.close()
            os.replace(part, dest)
        except OSError as exc:
            raise DatabaseError(t("The backup could not be written to {folder} ({error}). Choose another folder "
                                  "in Settings and try again.", folder=dest.parent,
                                  error=exc.strerror or type(exc).__name__)) from exc
        finally:
            for leftover in (part, Path(f"{part}-wal"), Path(f"{part}-shm")):
                leftover.unlink(missing_ok=True)
        log.info("backup of %s written to %s", self.display_name, dest)
        return dest

    def restore(self, source: str | Path, keep_dir: Path | None = None) -> Path:
        """Replace the database's content with ``source``; returns the copy of what it replaced.

        The backup is checked first (readable, sound, a ShopDesk schema this version knows),
        so a bad file never replaces good data. Works while the database is open: the content
        is written through the backup API, which other connections see on their next read.
        """
        source = Path(source).resolve()
        if self.path is not None and self.path.exists() and source.exists() and source.samefile(self.path):
            # Not harmful (the copy onto itself changes nothing), but the owner meant a backup and would
            # read "Restored" as done: say what was chosen instead.
            raise BadInputError(t("“{name}” is the shop that is open, not a backup of it: choose a backup file "
                                  "(File → Backup… lists them).", name=source.name))
        check_backup_file(source)
        if self.path is None:
            from core.team_restore import restore_server

            return restore_server(self, source, keep_dir, open_database)
        kept = self.backup(_stamped(keep_dir or self.path.parent, self.path, "pre-restore"))
        self.engine.dispose()
        sqlite_files.copy_into(source, self.path, timeout=10)
        self.migrate(keep_dir)
        log.info("restored %s from %s (replaced copy kept at %s)", self.path, source, kept)
        return kept


def _stamped(folder: Path, db_path: Path, reason: str) -> Path:
    # One naming scheme for every backup, so the Backups list shows these too.
    Path(folder).mkdir(parents=True, exist_ok=True)
    return backup_path(folder, db_path.stem, reason)


def open_database(target: str | Path, *, backup_dir: Path | None = None, migrate: bool = True) -> Database:
    """Open (creating when missing) and migrate a shop database, or raise a ``DatabaseError``."""
    if not is_url(target):
        path = Path(target)
        if path.exists() and path.is_dir():
            raise DatabaseError(t("{path} is a folder, not a database file.", path=path))
        if path.exists() and path.stat().st_size > 0:
            # Never let SQLite or a migration touch a damaged file (core.integrity).
            check_on_open(path, backup_dir)
        elif path.exists():
            check_empty_file(path, backup_dir)
        path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(target)
    try:
        if migrate:
            db.migrate(backup_dir)
    except DatabaseError:
        db.close()
        raise
    except Exception as exc:
        db.close()
        if db.is_server:
            raise server_error(db.display_name, exc) from exc
        msg = str(exc)
        if sqlite_files.is_disk_full(exc):
            raise disk_full(db.display_name) from exc
        if "locked" in msg:
            raise DatabaseLockedError(
                t("{name} is locked by another program. Close it and try again.", name=db.display_name)
            ) from exc
        if "not a database" in msg or "malformed" in msg:
            raise DamagedDatabaseError(
                t("{name} is damaged ({error}). Restore a backup.", name=db.display_name, error=msg)
            ) from exc
        raise
    return db
