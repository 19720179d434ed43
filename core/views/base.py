"""A view the owner sees, as data: its columns (stable English keys, translated headers, kinds)
and a function giving its rows. One definition feeds the tab's "Export…" button and the
headless ``export NAME FILE`` command, so both write the same rows the tab shows.

Rows are dicts keyed by the column keys, in ShopDesk's own units (money in fen, rates as
fractions, dates as dates). The writers turn them into a formatted .xlsx, a UTF-8-with-BOM .csv
or a .json list of records (money in yuan with two decimals, dates ISO, rates as fractions).
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.errors import BadInputError
from core.i18n import list_text, t

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

FORMATS = (".xlsx", ".csv", ".json")


@dataclass(frozen=True)
class ViewColumn:
    key: str  # stable snake_case key (JSON, documented in README.md); money keys carry no "_fen"
    header: Callable[[], str]  # translated when the export runs, in the language of that moment
    kind: str = "text"  # core.exports kinds: text|int|money|rate|date|datetime|float
    source: str = ""  # the row's key when it differs from ``key`` (``budget_fen`` for ``budget``)
    label: Callable[[Any], str] | None = None  # a code as people read it (.xlsx/.csv; JSON keeps the code)
    missing: str = ""  # what no value shows as in .xlsx/.csv, as the tab shows it ("∞"); JSON keeps null

    def value(self, row: dict[str, Any]) -> Any:
        return row.get(self.source or self.key)


@dataclass(frozen=True)
class ViewParams:
    """What a view is computed for: "today", and a date range for views over dates."""

    today: dt.date
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def describe(self) -> str:
        if self.date_from and self.date_to:
            return t("{start} to {end}", start=self.date_from.isoformat(), end=self.date_to.isoformat())
        return t("as of {day}", day=self.today.isoformat())


@dataclass(frozen=True)
class View:
    name: str  # the export NAME: "inventory-alerts"
    title: Callable[[], str]
    columns: tuple[ViewColumn, ...]
    rows: Callable[[Session, ViewParams], Iterable[dict[str, Any]]]
    dated: bool = False  # takes --from/--to (default: the last 30 days)


def json_value(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "money":
        return round(value / 100, 2)
    if kind in ("date", "datetime") and isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if kind == "rate":
        return round(float(value), 6)
    if kind == "float":
        return round(float(value), 4)
    if isinstance(value, (tuple, list)):
        return list(value)
    return value


def write_view(view: View, rows: list[dict[str, Any]], path: str | Path, params: ViewParams, *,
               progress=None, cancelled=None) -> Path:
    """Write ``rows`` of ``view`` to ``path``; the format follows the file's extension."""
    from core.exports import Column, Sheet, write_csv, write_xlsx

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise BadInputError(t("{name}: the file must end in .xlsx, .csv or .json.", name=path.name))
    if suffix == ".json":
        from core.exports import _atomic_write  # the same all-or-nothing replace as the others

        records = [{c.key: json_value(c.kind, c.value(r)) for c in view.columns} for r in rows]
        text = json.dumps(records, ensure_ascii=False, indent=1)
        return _atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    sheet = Sheet(
        name=view.title(),
        title=t("{title} · {params} · exported {time}", title=view.title(), params=params.describe(),
                time=dt.datetime.now().strftime("%Y-%m-%d %H:%M")),
        columns=[Column(c.header(), "text" if c.kind == "list" else c.kind) for c in view.columns],
        rows=[[_cell(c, c.value(r), csv=suffix == ".csv") for c in view.columns] for r in rows],
    )
    if suffix == ".csv":
        return write_csv(path, sheet, progress=progress, cancelled=cancelled)
    return write_xlsx(path, [sheet], progress=progress, cancelled=cancelled)


def _cell(column: ViewColumn, value: Any, *, csv: bool) -> Any:
    if value is None:
        return column.missing or None
    if isinstance(value, (tuple, list)):
        return list_text(column.label(v) if column.label else str(v) for v in value)
    if value is not None and column.label is not None:
        return column.label(value)
    if csv and column.kind == "float" and isinstance(value, float):
        return round(value, 2)  # the workbook formats its numbers; a CSV shows them as written
    return value
