"""Restoring a backup onto a server shop (team mode): the owner only, the replaced data kept first.

The backup (a ``.db`` file: a backup of a file shop or of a server shop, which are the same
kind of file) is checked like any restore, copied to a temporary file and brought to this
version's schema there (the backup itself is never changed). The server's current content is
then written to a stamped backup file, and the server's rows are replaced by the backup's in one
transaction, verified by row counts and the KPI numbers (core.shop_copy): all or nothing.
"""
from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from core.backup_names import backup_path
from core.i18n import t

if TYPE_CHECKING:
    from core.db import Database

log = logging.getLogger(__name__)


def restore_server(db: Database, source: Path, keep_dir: Path | None, open_file: Callable[[Path], Database]) -> Path:
    """Replace the server shop ``db`` with the checked backup ``source``; returns the kept copy.
    ``open_file`` opens (and migrates) a shop file: core.db's, handed in because core.db calls this."""
    from core.shop_copy import copy_shop
    from core.team_roles import require_owner

    require_owner(db.engine, t("restore a backup onto the server"))
    folder = Path(keep_dir) if keep_dir else Path(tempfile.gettempdir())
    folder.mkdir(parents=True, exist_ok=True)
    kept = db.backup(backup_path(folder, db.stem, "pre-restore"))
    work = Path(tempfile.mkdtemp(prefix="shopdesk-restore-"))
    try:
        copy = work / "restore.db"
        shutil.copyfile(source, copy)
        backup = open_file(copy)  # an older backup is upgraded here, not in place
        try:
            copy_shop(backup, db, replace=True)
        finally:
            backup.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    log.info("restored %s from %s (replaced data kept at %s)", db.display_name, source, kept)
    return kept
