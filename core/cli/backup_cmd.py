"""`backup [FILE]` and `restore FILE | --latest` (also on a database too damaged to open)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.errors import UserFacingError
from core.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "backup",
        help=t("copy the database safely, even while the app has it open"),
        description=t("Copy the database safely, even while ShopDesk has it open. Without FILE the copy goes to the backup folder."),
    )
    p.add_argument("file", nargs="?", metavar="FILE", help=t("where to write the copy"))
    p.set_defaults(handler=run_backup)

    r = sub.add_parser(
        "restore",
        help=t("replace the database with a backup (the replaced data is kept as a backup)"),
        description=t("Replace the database with a backup. The backup is checked first; the data it replaces is kept as a backup file."),
    )
    which = r.add_mutually_exclusive_group(required=True)
    which.add_argument("file", nargs="?", metavar="FILE", help=t("the backup to restore"))
    which.add_argument(
        "--latest", action="store_true", help=t("restore the newest backup in the backup folder that passes the integrity check")
    )
    r.set_defaults(handler=run_restore, recover=recover_damaged)


def run_backup(args: argparse.Namespace, db) -> int:
    from core.backups import auto_backup

    written = db.backup(Path(args.file)) if args.file else auto_backup(db, "manual")
    if written is None:
        print(t("{name} is a server database; back it up with the server's own tools.", name=db.display_name))
        return 1
    print(t("Backup written to {path}", path=written))
    return 0


def _source(args: argparse.Namespace, db_stem: str, folder: Path) -> Path:
    from core.backups import latest_good_backup

    if args.file:
        return Path(args.file)
    info = latest_good_backup(folder, db_stem)
    if info is None:
        raise UserFacingError(t("No good backup of {name} was found in {folder}.", name=db_stem, folder=folder))
    return info.path


def run_restore(args: argparse.Namespace, db) -> int:
    from core.settings import load

    folder = load().backup_path()
    source = _source(args, db.stem, folder)
    kept = db.restore(source, keep_dir=folder)
    print(t("Restored {name} from {src}. The data it replaced is kept in {kept}", name=db.display_name, src=source, kept=kept))
    return 0


def recover_damaged(args: argparse.Namespace, exc: UserFacingError) -> int:
    """`restore` on a database that cannot be opened: the damaged file is set aside, not lost."""
    from core.backups import restore_file
    from core.errors import DamagedDatabaseError
    from core.settings import load

    if not isinstance(exc, DamagedDatabaseError):
        print(t("Error: {message}", message=exc.message), file=sys.stderr)
        return exc.exit_code
    folder = load().backup_path()
    try:
        source = _source(args, exc.path.stem, folder)
        kept = restore_file(exc.path, source, folder)
    except UserFacingError as err:
        print(t("Error: {message}", message=err.message), file=sys.stderr)
        return err.exit_code
    print(t("Restored {name} from {src}. The damaged file is kept in {kept}", name=exc.path, src=source, kept=kept))
    return 0
