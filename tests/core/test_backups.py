"""Automatic backups: names, listing, rotation, latest good backup, restore after damage."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core import backups
from core.backups import (
    auto_backup,
    backup_path,
    daily_backup_if_due,
    latest_good_backup,
    list_backups,
    parse_name,
    restore_latest_good,
    rotate,
)
from core.db import open_database
from core.errors import BadInputError, DamagedDatabaseError, DatabaseError
from core.models import Order
from core.settings import Settings
from tests.helpers.safety_data import add_orders, damage, order_count


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(backup_dir=str(tmp_path / "backups"), backups_daily_keep=7, backups_weekly_keep=4)


def test_names_encode_database_time_and_reason(tmp_path: Path):
    when = dt.datetime(2026, 11, 22, 10, 15, 0)
    first = backup_path(tmp_path, "shop", "import", when)
    assert first.name == "shop-20261122-101500-import.db"
    first.write_bytes(b"x")
    second = backup_path(tmp_path, "shop", "import", when)
    assert second.name == "shop-20261122-101500-import-2.db"
    assert parse_name(second) == ("shop", when, "import")
    assert parse_name(Path("my-shop-2026-20261122-101500-pre-migration.db")) == ("my-shop-2026", when, "pre-migration")
    assert parse_name(Path("notes.db")) is None
    with pytest.raises(ValueError):
        backup_path(tmp_path, "shop", "because")


def test_auto_backup_is_a_complete_listed_copy(db, settings: Settings):
    add_orders(db, 50)
    path = auto_backup(db, "import", settings=settings)
    assert path is not None and path.parent == Path(settings.backup_dir)
    assert order_count(path) == 50
    assert not list(path.parent.glob("*.part"))
    [info] = list_backups(settings.backup_dir, "shop")
    assert info.path == path and info.reason == "import" and info.size == path.stat().st_size
    assert abs((info.time - dt.datetime.now()).total_seconds()) < 120


def test_empty_database_gets_no_automatic_backup_but_a_manual_one(db, settings: Settings):
    assert auto_backup(db, "daily", settings=settings) is None
    assert auto_backup(db, "import", settings=settings) is None
    assert auto_backup(db, "manual", settings=settings) is not None


def test_daily_backup_once_per_day(db, settings: Settings):
    add_orders(db, 3)
    first = daily_backup_if_due(db, settings)
    assert first is not None and first.name.endswith("-daily.db")
    assert daily_backup_if_due(db, settings) is None
    tomorrow = dt.datetime.now() + dt.timedelta(days=1)
    # a backup dated today does not count for tomorrow
    assert [b.reason for b in list_backups(settings.backup_dir, "shop")] == ["daily"]
    assert any(b.time.date() != tomorrow.date() for b in list_backups(settings.backup_dir, "shop"))


def test_rotation_keeps_days_weeks_and_everything_made_on_purpose(tmp_path: Path):
    folder = tmp_path / "b"
    folder.mkdir()
    now = dt.datetime(2026, 11, 22, 18, 0)
    made = {}
    for days_ago in range(60):
        for hour in (9, 14):  # a daily backup and an import backup each day
            when = (now - dt.timedelta(days=days_ago)).replace(hour=hour)
            reason = "daily" if hour == 9 else "import"
            p = backup_path(folder, "shop", reason, when)
            p.write_bytes(b"x")
            made[p] = when
    keepers = [backup_path(folder, "shop", r, now - dt.timedelta(days=50)) for r in ("manual", "pre-migration", "pre-restore", "damaged")]
    for p in keepers:
        p.write_bytes(b"x")
    other = backup_path(folder, "demo", "daily", now - dt.timedelta(days=40))
    other.write_bytes(b"x")

    removed = rotate(folder, daily_keep=7, weekly_keep=4, db_stem="shop")
    left = {p for p in made if p.exists()}
    # oldest and newest of each of the last 7 days: the 09:00 daily and 14:00 import backups
    # of days 0..6 (day 0, the latest day, keeps everything anyway)
    expected = {p for p, w in made.items() if (now - w).days < 7}
    # newest of each of the last 4 ISO weeks (2026-11-22 is a Sunday: weeks end on days 0, 7, 14, 21)
    expected |= {p for p, w in made.items() if w.hour == 14 and (now - w).days in (0, 7, 14, 21)}
    # and always the three newest
    expected |= set(sorted(made, key=made.get)[-3:])
    assert left == expected
    assert len(removed) == len(made) - len(expected)
    assert all(p.exists() for p in keepers) and other.exists()


def test_rotation_counts_days_that_have_backups_not_calendar_days(tmp_path: Path):
    """A shop closed for two months keeps its last week of backups."""
    old = dt.datetime(2026, 1, 1, 9)
    paths = [backup_path(tmp_path, "shop", "daily", old + dt.timedelta(days=i)) for i in range(10)]
    for p in paths:
        p.write_bytes(b"x")
    rotate(tmp_path, daily_keep=7, weekly_keep=0)
    assert [p.exists() for p in paths] == [False] * 3 + [True] * 7


def test_automatic_backups_rotate_with_the_settings(db, settings: Settings):
    add_orders(db, 1)
    folder = Path(settings.backup_dir)
    folder.mkdir()
    for days_ago in range(1, 30):
        backup_path(folder, "shop", "daily", dt.datetime.now() - dt.timedelta(days=days_ago)).write_bytes(b"x")
    settings.backups_daily_keep, settings.backups_weekly_keep = 2, 1
    auto_backup(db, "import", settings=settings)
    # kept: the three newest (today + 2 days), which also cover 2 days and 1 week
    assert len(list_backups(folder, "shop")) == 3


def test_every_backup_of_the_latest_day_is_kept(tmp_path: Path):
    """Four imports in one day: the state before the first one is still there at night."""
    day = dt.datetime(2026, 11, 22)
    paths = [backup_path(tmp_path, "shop", "import", day.replace(hour=h)) for h in (9, 11, 14, 16, 20)]
    for p in paths:
        p.write_bytes(b"x")
    rotate(tmp_path, daily_keep=7, weekly_keep=4)
    assert all(p.exists() for p in paths)


def test_latest_good_backup_skips_damaged_and_foreign_files(db, settings: Settings, tmp_path: Path):
    add_orders(db, 2000)
    good = auto_backup(db, "manual", settings=settings)
    add_orders(db, 1, start=5000)
    newer = auto_backup(db, "import", settings=settings)
    damage(newer)
    newest = backup_path(settings.backup_dir, "shop", "manual", dt.datetime.now() + dt.timedelta(hours=1))
    newest.write_bytes(b"not a database at all")
    info = latest_good_backup(settings.backup_dir, "shop")
    assert info is not None and info.path == good


def test_restore_keeps_the_replaced_data_as_a_listed_pre_restore_backup(db, settings: Settings):
    add_orders(db, 5)
    backup = auto_backup(db, "manual", settings=settings)
    add_orders(db, 5, start=100)
    kept = db.restore(backup, keep_dir=Path(settings.backup_dir))
    assert kept.name.endswith("-pre-restore.db")
    assert order_count(kept) == 10
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 5
    assert {b.reason for b in list_backups(settings.backup_dir, "shop")} == {"manual", "pre-restore"}


def test_restoring_the_open_shop_onto_itself_is_refused_and_nothing_changes(db, settings: Settings):
    add_orders(db, 5)
    with pytest.raises(BadInputError, match="is the shop that is open, not a backup"):
        db.restore(db.path, keep_dir=Path(settings.backup_dir))
    assert list_backups(settings.backup_dir, "shop") == []  # no pre-restore copy made either
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 5


def test_damaged_database_is_refused_then_the_latest_good_backup_restored(tmp_path: Path, settings: Settings):
    path = tmp_path / "shop.db"
    db = open_database(path)
    add_orders(db, 3000)
    auto_backup(db, "daily", settings=settings)
    add_orders(db, 10, start=90000)  # made after the backup: lost with the damaged file
    db.close()
    damage(path)
    damaged_bytes = path.read_bytes()

    with pytest.raises(DamagedDatabaseError) as err:
        open_database(path, backup_dir=Path(settings.backup_dir))
    assert "restore the latest good backup" in err.value.message
    assert err.value.backup is not None and err.value.backup.reason == "daily"
    assert path.read_bytes() == damaged_bytes  # nothing written, nothing replaced

    result = restore_latest_good(err.value.path, err.value.backup_dir)
    assert result.backup.reason == "daily"
    assert result.damaged_copy is not None and result.damaged_copy.read_bytes() == damaged_bytes
    assert result.damaged_copy.name.endswith("-damaged.db")
    reopened = open_database(path)
    with reopened.session() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 3000
    reopened.close()
    # the damaged copy is kept, but never offered as a backup
    assert "damaged" not in {b.reason for b in list_backups(settings.backup_dir, "shop")}


def test_restore_latest_good_without_backups_changes_nothing(tmp_path: Path):
    path = tmp_path / "shop.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    with pytest.raises(DatabaseError, match="No good backup"):
        restore_latest_good(path, tmp_path / "backups")
    assert path.read_bytes() == b"SQLite format 3\x00" + b"\x00" * 5000


def test_stale_wal_of_the_damaged_file_is_not_replayed_into_the_restored_one(tmp_path: Path, settings: Settings):
    path = tmp_path / "shop.db"
    db = open_database(path)
    add_orders(db, 100)
    good = auto_backup(db, "manual", settings=settings)
    db.close()
    damage(path, offset=4096 * 2, length=4096)
    wal = path.with_name("shop.db-wal")
    wal.write_bytes(b"leftover WAL from the damaged file")
    kept = backups.restore_file(path, good, settings.backup_dir)
    assert not wal.exists()
    assert kept.with_name(kept.name + "-wal").read_bytes() == b"leftover WAL from the damaged file"
    assert order_count(path) == 100


def test_cli_backup_and_restore_latest_even_when_the_database_is_damaged(tmp_path: Path, _isolated_data_dir: Path, capsys):
    from core.cli import build_parser, run_command

    def cli(*argv: str) -> int:
        return run_command(build_parser().parse_args(["--db", str(path), *argv]))

    path = tmp_path / "shop.db"
    db = open_database(path)
    add_orders(db, 500)
    db.close()
    assert cli("backup") == 0
    folder = _isolated_data_dir / "backups"
    reasons = sorted(b.reason for b in list_backups(folder, "shop"))
    assert reasons == ["daily", "manual"]  # the first command of the day also made the daily copy
    damage(path)
    assert cli("backup") == 1
    assert "damaged" in capsys.readouterr().err
    assert cli("restore", "--latest") == 0
    assert order_count(path) == 500
    assert cli("restore", "--latest") == 0  # on a sound database: the ordinary restore
    assert "pre-restore" in {b.reason for b in list_backups(folder, "shop")}
