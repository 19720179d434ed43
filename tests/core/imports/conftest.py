"""Helpers for the import tests: table dumps and order look-ups straight from the database."""
from __future__ import annotations

import pytest
from sqlalchemy import select, text

from core.models import Order, OrderLine

DATA_TABLES = ("orders", "order_lines", "refunds", "traffic_daily", "skus", "stock_levels", "customers", "products")


def dump(db) -> dict[str, list[tuple]]:
    """Every row of every data table, sorted: equal dumps mean equal shop data."""
    out = {}
    with db.engine.connect() as conn:
        for table in DATA_TABLES:
            out[table] = sorted(tuple(map(repr, r)) for r in conn.execute(text(f"SELECT * FROM {table}")))
    return out


def rows(db, model, *where) -> list[dict]:
    """Typed rows (datetimes as datetimes) of a model's table."""
    table = model.__table__
    with db.engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(table).where(*where)).mappings()]


def orders(db, platform: str | None = None) -> dict[str, dict]:
    where = [Order.platform == platform] if platform else []
    return {r["order_no"]: r for r in rows(db, Order, *where)}


def lines(db, order_no: str, platform: str | None = None) -> list[dict]:
    o = orders(db, platform)[order_no]
    return sorted(rows(db, OrderLine, OrderLine.order_id == o["id"]), key=lambda r: r["line_no"])


def count(db, table: str) -> int:
    with db.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder
