"""A 0-byte shop.db where a shop with backups was is refused, with the newest good backup offered;
it never opens silently as an empty shop whose daily backups would rotate the good ones out."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.backup_names import backup_path
from core.backups import restore_latest_good
from core.db import open_database
from core.errors import DamagedDatabaseError
from core.models import Order
from tests.helpers.safety_data import add_orders


def _orders(path: Path) -> int:
    db = open_database(path)
    try:
        with db.session() as s:
            return s.scalar(select(func.count()).select_from(Order))
    finally:
        db.close()


def test_a_zero_byte_shop_with_backups_is_refused_and_the_backup_restores_it(tmp_path: Path):
    path, backups = tmp_path / "shop.db", tmp_path / "backups"
    db = open_database(path, backup_dir=backups)
    add_orders(db, 200)
    db.backup(backup_path(backups, "shop", "daily"))
    db.close()
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    os.truncate(path, 0)  # what a full disk or a sync tool can leave behind

    with pytest.raises(DamagedDatabaseError) as err:
        open_database(path, backup_dir=backups)
    message = err.value.message
    assert "0 bytes" in message and "latest good backup" in message and "Nothing has been changed" in message
    assert err.value.backup is not None
    assert path.stat().st_size == 0  # untouched: no empty schema written into it

    restore_latest_good(path, backups)
    assert _orders(path) == 200


def test_a_zero_byte_file_without_any_backup_opens_as_a_new_shop(tmp_path: Path):
    # SQLite creates the file before the first write: a first start stopped at once leaves this.
    path = tmp_path / "new.db"
    path.write_bytes(b"")
    assert _orders(path) == 0
    assert path.stat().st_size > 0
