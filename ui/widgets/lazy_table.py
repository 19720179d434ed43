"""A table model for lists too long to hold as records: rows are read a page at a time, when the
view shows them, and sorting and filtering are done by the source (over arrays or in the
database), never by a proxy calling back into Python for every row.

The source is any object with (see core.member_pages for the Members tab's):

- ``count`` (rows shown) and ``total`` (rows before filters), properties;
- ``arrange(sort, descending, filters, text)``: choose the order and the rows kept;
- ``fetch(start, stop)``: the records of shown rows ``start`` … ``stop - 1``;
- ``key_at(row)`` and ``row_of(key)`` (None when not shown).

``LazyRecordModel`` is a ``RecordTableModel`` (the same columns, display, editing, pending and
error marks), so ``RecordTable`` uses it unchanged with the pass-through ``SourceSortProxy``:
a click on a header sorts by that column's ``sort_key`` (its ``field`` unless the tab names
another), ``set_exact``/``set_text`` become the source's filters.
"""
from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from PySide6.QtCore import QIdentityProxyModel, Qt

from ui.widgets.table_model import Column, RecordTableModel

PAGE = 200  # rows read at once


class _Rows(Sequence):
    """The shown records as a sequence, read a page at a time and kept while the order stands."""

    def __init__(self, source: Any | None) -> None:
        self.source = source
        self._pages: dict[int, list[Any]] = {}

    def __len__(self) -> int:
        return self.source.count if self.source is not None else 0

    def __getitem__(self, row):  # type: ignore[override]
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(len(self)))]
        if row < 0:
            row += len(self)
        page = row // PAGE
        if page not in self._pages:
            start = page * PAGE
            self._pages[page] = self.source.fetch(start, min(start + PAGE, len(self)))
        return self._pages[page][row - page * PAGE]

    def seed(self, start: int, records: list[Any]) -> None:
        """Records already read (the first page, read with the load off the GUI thread)."""
        if start % PAGE == 0 and len(records) == min(PAGE, len(self) - start):
            self._pages[start // PAGE] = list(records)

    def __setitem__(self, row: int, record: Any) -> None:
        self[row]  # noqa: B018 - the page must be there
        self._pages[row // PAGE][row - (row // PAGE) * PAGE] = record


class _Keys(Sequence):
    def __init__(self, source: Any | None) -> None:
        self.source = source

    def __len__(self) -> int:
        return self.source.count if self.source is not None else 0

    def __getitem__(self, row):  # type: ignore[override]
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(len(self)))]
        return self.source.key_at(row)

    def index(self, key: Hashable, *_args) -> int:  # type: ignore[override]
        row = self.source.row_of(key) if self.source is not None else None
        if row is None:
            raise ValueError(key)
        return row

    def __contains__(self, key: object) -> bool:
        return self.source is not None and self.source.row_of(key) is not None


class LazyRecordModel(RecordTableModel):
    def __init__(self, columns: list[Column], parent=None, *, sort_keys: dict[int, str] | None = None) -> None:
        super().__init__(columns, (), parent, key=lambda r: r.id)
        self._source: Any | None = None
        self._rows = _Rows(None)  # type: ignore[assignment]
        self._keys = _Keys(None)  # type: ignore[assignment]
        self._sort_keys = sort_keys or {}
        self._sort: tuple[str | None, bool] = (None, False)
        self._filters: dict[str, Any] = {}
        self._text = ""

    @property
    def total_rows(self) -> int:
        return self._source.total if self._source is not None else 0

    @property
    def source(self) -> Any | None:
        return self._source

    def set_source(self, source: Any, first: Sequence[Any] = (), arranged: tuple | None = None) -> None:
        """Show ``source`` with the current sort and filters. ``arranged``: the ``arrangement()`` the
        source was already given off the GUI thread, with ``first`` its first page; if the owner
        changed the sort or a filter meanwhile, the source is arranged again."""
        self.beginResetModel()
        self._pending.clear()
        self._source = source
        fresh = arranged == self.arrangement()
        if not fresh:
            source.arrange(*self.arrangement())
        self._rows, self._keys = _Rows(source), _Keys(source)  # type: ignore[assignment]
        if first and fresh:
            self._rows.seed(0, list(first))
        self.endResetModel()

    def set_rows(self, rows: Sequence[Any]) -> None:  # the base class's constructor only
        if rows:
            raise TypeError("a LazyRecordModel shows a source: use set_source")

    def _rearrange(self) -> None:
        if self._source is None:
            return
        self.beginResetModel()
        self._source.arrange(*self.arrangement())
        self._rows, self._keys = _Rows(self._source), _Keys(self._source)  # type: ignore[assignment]
        self.endResetModel()

    def sort_state(self) -> tuple[str | None, bool]:
        return self._sort

    def set_sort(self, key: str | None, descending: bool) -> None:
        """The order the next ``set_source`` uses (the source arranges it, no reset now)."""
        self._sort = (key, descending)

    # -- what the view and the proxy ask for
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:
            key = None
        else:
            key = self._sort_keys.get(column, self._columns[column].field)
        self._sort = (key, order == Qt.SortOrder.DescendingOrder)
        self._rearrange()

    def set_filter(self, field: str, value: Any | None) -> None:
        if value is None:
            if self._filters.pop(field, None) is None:
                return
        elif self._filters.get(field) == value:
            return
        else:
            self._filters[field] = value
        self._rearrange()

    def set_filters(self, values: dict[str, Any]) -> None:
        """Several filters at once (None clears one): one rearrangement."""
        wanted = dict(self._filters)
        for field, value in values.items():
            if value is None:
                wanted.pop(field, None)
            else:
                wanted[field] = value
        if wanted != self._filters:
            self._filters = wanted
            self._rearrange()

    def arrangement(self) -> tuple:
        """What ``arrange`` is given: a load off the GUI thread arranges its source the same way."""
        return self._sort[0], self._sort[1], dict(self._filters), self._text

    def set_text(self, text: str) -> None:
        text = text.strip()
        if text != self._text:
            self._text = text
            self._rearrange()

    def _remove_missing(self, keep: set) -> None:  # pragma: no cover - rows come from the source
        raise TypeError("a LazyRecordModel shows a source")


class SourceSortProxy(QIdentityProxyModel):
    """The proxy ``RecordTable`` talks to, passing sorting and filters on to a ``LazyRecordModel``."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def set_filters(self, values: dict[str, Any]) -> None:
        self.sourceModel().set_filters(values)

    def set_text(self, text: str) -> None:
        self.sourceModel().set_text(text)

    def set_exact(self, field: str, value: Any | None) -> None:
        self.sourceModel().set_filter(field, value)

    def set_contains(self, field: str, value: Any | None) -> None:
        self.sourceModel().set_filter(field, value)
