"""The command line (spec/cli.md): the parser and the dispatch to one module per command.

Each command module has ``register(subparsers)`` and ``run(args, db) -> int``. Adding a
command is adding a module and one line in ``COMMANDS``. No Qt here: the window is started
by ``main.py`` when no command is given.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import sys
from pathlib import Path

from core import __version__
from core.errors import UserFacingError
from core.i18n import t

log = logging.getLogger(__name__)

# Command name -> module in core.cli; the order is the order of `--help`.
COMMANDS = {
    "demo": "core.cli.demo_cmd",
    "import": "core.cli.import_cmd",
    "backup": "core.cli.backup_cmd",
    "restore": "core.cli.backup_cmd",
    "kpi": "core.cli.kpi_cmd",
    "export": "core.cli.export_cmd",
    "report": "core.cli.report_cmd",
    "team": "core.cli.team_cmd",
}


def program_name() -> str:
    """How the owner starts ShopDesk here: the bundle's executable, or main.py from source."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).name
    return "python main.py"


def build_parser() -> argparse.ArgumentParser:
    prog = program_name()
    parser = argparse.ArgumentParser(
        prog=prog,
        description=t(
            "ShopDesk 店长台: your shop's exports turned into one local picture and plan. "
            "Run without a command to open the window."
        ),
        epilog=t("Example: {prog} --db myshop.db import ExportOrderList.csv", prog=prog),
    )
    parser.add_argument("--version", action="version", version=f"ShopDesk {__version__}")
    parser.add_argument(
        "--db",
        metavar="FILE",
        help=t(
            "the database file to use (created when missing). Default: the SHOPDESK_DB environment "
            "variable, else the shop chosen in Settings → Database (a shared server signs in with the "
            "password kept in this computer's credential store), else shop.db in your data folder. "
            "A URL such as postgresql+psycopg://… uses a server database."
        ),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=t("use the demo shop (demo.db in your data folder, filled on first use) instead of your own data"),
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help=t("open the window offscreen, visit every tab, draw every chart and quit (checks an installation)"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title=t("commands"))
    seen = set()
    for module_name in COMMANDS.values():
        if module_name not in seen:
            seen.add(module_name)
            importlib.import_module(module_name).register(sub)
    return parser


def resolve_db_target(args: argparse.Namespace) -> Path | str:
    from core import paths

    if args.db:
        return args.db
    if args.demo:
        return paths.demo_db_path()
    return paths.default_db_path()


def command_db_target(args: argparse.Namespace) -> Path | str:
    """What a headless command opens: ``--db``, ``--demo``, ``SHOPDESK_DB``, then Settings →
    Database's saved choice (a shared server, its password from the credential store), then
    the shop file in the data folder."""
    import os

    if args.db or args.demo or os.environ.get("SHOPDESK_DB"):
        return resolve_db_target(args)
    from core.team_connection import headless_target

    return headless_target() or resolve_db_target(args)


def run_command(args: argparse.Namespace) -> int:
    """Run a headless command; returns the process exit code (spec/cli.md)."""
    from core.db import is_url, open_database
    from core.settings import load

    if getattr(args, "no_database", False):  # `team init URL` opens only the URL it is given
        try:
            return args.handler(args, None)
        except UserFacingError as exc:
            print(t("Error: {message}", message=exc.message), file=sys.stderr)
            return exc.exit_code
    try:
        target = command_db_target(args)
    except UserFacingError as exc:
        print(t("Error: {message}", message=exc.message), file=sys.stderr)
        return exc.exit_code
    # A shop file this command creates is removed again when the command fails without writing
    # anything (a refused import on a new --db path must not leave an empty shop behind).
    created = None
    if not is_url(target) and str(target) != ":memory:" and not Path(target).exists():
        created = Path(target)
    try:
        db = open_database(target, backup_dir=load().backup_path())
    except UserFacingError as exc:
        # `restore` must work on a database too damaged to open (core.cli.backup_cmd).
        recover = getattr(args, "recover", None)
        if recover is not None and getattr(exc, "path", None) is not None:
            return recover(args, exc)
        print(t("Error: {message}", message=exc.message), file=sys.stderr)
        return exc.exit_code
    try:
        from core.backups import daily_backup_if_due

        if created is None:  # a shop created just now has nothing to back up
            try:
                daily_backup_if_due(db)
            except (UserFacingError, OSError) as exc:  # a missed daily copy must not stop the command
                log.warning("daily backup skipped: %s", exc)
        if args.demo and args.command != "demo":
            ensure_demo(db)
        code = args.handler(args, db)
    except UserFacingError as exc:
        print(t("Error: {message}", message=exc.message), file=sys.stderr)
        code = exc.exit_code
    except KeyboardInterrupt:
        print(t("Cancelled; nothing was written."), file=sys.stderr)
        code = 1
    except BaseException:
        db.close()
        raise
    remove = created is not None and code != 0 and _holds_nothing(db)
    db.close()
    if remove:
        _remove_shop_file(created)  # type: ignore[arg-type]
    return code


def _holds_nothing(db) -> bool:
    """No import, order or SKU: the database is still the empty one this command created."""
    from sqlalchemy import func, select

    from core.models import ImportBatch, Order, Sku

    with db.session() as s:
        return not any(s.scalar(select(func.count()).select_from(m)) for m in (ImportBatch, Order, Sku))


def _remove_shop_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal", ".write-lock"):
        try:
            Path(str(path) + suffix).unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove %s: %s", path, exc)


def ensure_demo(db) -> None:
    """Fill the demo database on its first use."""
    if not db.has_shop_data():
        from core.demo import fill_demo

        print(t("Creating the demo shop…"), file=sys.stderr)
        fill_demo(db)
