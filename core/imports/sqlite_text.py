"""Python values as SQLAlchemy stores them in SQLite (raw ``executemany`` writes must match it).

Pure (the standard library only): the workbook reader's worker process (core.imports.order_parts)
turns a big sheet's orders into SQLite's values before sending them, and core.imports.write does the
same for every other bulk insert, with these same functions.
"""
from __future__ import annotations

import datetime as dt
import json

DT_FORMAT = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores DateTime in SQLite


def to_sqlite(value: object) -> object:
    """One value as the sqlite3 driver gets it from SQLAlchemy."""
    if value is None or value.__class__ in (str, int, float):
        return value
    if isinstance(value, dt.datetime):
        if value.tzinfo is None and value.year >= 1000:
            return value.isoformat(" ", "microseconds")  # the same text as DT_FORMAT, without parsing a format
        return value.strftime(DT_FORMAT)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


def convert_column(values, kind: str | None) -> list:
    """A column's values as ``to_sqlite`` gives them, the common ones of a ``kind`` column
    ("datetime", "date", "bool"; None: any) tested first, without a call per value."""
    conv, iso, datetime, date = to_sqlite, dt.datetime.isoformat, dt.datetime, dt.date
    if kind == "datetime":
        return [None if v is None else iso(v, " ", "microseconds")
                if v.__class__ is datetime and v.tzinfo is None and v.year >= 1000 else conv(v) for v in values]
    if kind == "date":
        return [None if v is None else v.isoformat() if v.__class__ is date else conv(v) for v in values]
    if kind == "bool":
        return [1 if v is True else 0 if v is False else conv(v) for v in values]
    return [iso(v, " ", "microseconds") if v.__class__ is datetime and v.tzinfo is None and v.year >= 1000
            else v.isoformat() if v.__class__ is date else 1 if v is True else 0 if v is False
            else None if v is None else conv(v) for v in values]


def value_converter(kind: str | None):
    """``convert_column``'s conversion of one value (not None) of a ``kind`` column."""
    conv, iso, datetime, date = to_sqlite, dt.datetime.isoformat, dt.datetime, dt.date
    if kind == "datetime":
        return lambda v: iso(v, " ", "microseconds") if v.__class__ is datetime and v.tzinfo is None and v.year >= 1000 \
            else conv(v)
    if kind == "date":
        return lambda v: v.isoformat() if v.__class__ is date else conv(v)
    if kind == "bool":
        return lambda v: 1 if v is True else 0 if v is False else conv(v)
    return conv
