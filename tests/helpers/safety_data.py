"""Data for the data-safety tests: a quickly filled shop and realistic file damage."""
from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlalchemy import insert

from core.models import Order


def add_orders(db, n: int, start: int = 0) -> None:
    with db.transaction() as s:
        s.execute(
            insert(Order),
            [
                {"platform": "taobao", "order_no": f"{start + i:012d}", "status": "paid", "paid_fen": 1000 + i,
                 "is_paid": True, "pay_date": dt.date(2026, 11, 1), "buyer_name": "买家" * 20}
                for i in range(n)
            ],
        )


def order_count(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM orders").fetchone()[0]
    finally:
        con.close()


def damage(path: Path, offset: int = 8192, length: int = 16384) -> None:
    """Overwrite part of the file, as a failing disk or a half-finished sync would."""
    with open(path, "r+b") as fh:
        fh.seek(offset)
        fh.write(bytes((i * 37 + 11) % 256 for i in range(length)))
