"""`backup [FILE]` and `restore FILE`."""
from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

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
    r.add_argument("file", metavar="FILE", help=t("the backup to restore"))
    r.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace, db) -> int:
    from core.settings import load

    if args.file:
        dest = Path(args.file)
    else:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        dest = load().backup_path() / f"{db.path.stem}-{stamp}-manual.db"
    written = db.backup(dest)
    print(t("Backup written to {path}", path=written))
    return 0


def run_restore(args: argparse.Namespace, db) -> int:
    from core.settings import load

    kept = db.restore(Path(args.file), keep_dir=load().backup_path())
    print(t("Restored {name} from {src}. The data it replaced is kept in {kept}", name=db.display_name, src=args.file, kept=kept))
    return 0
