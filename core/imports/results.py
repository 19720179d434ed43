"""The plain data the importer hands to the CLI and the import wizard (no ORM objects)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

MAX_PROBLEMS_KEPT = 2000  # per file; a file with more is summarised by the counts


@dataclass(frozen=True)
class RowProblem:
    """One cell or row ShopDesk could not take as it is.

    ``row`` is the row number the owner sees in Excel (1-based, header rows counted; 0 for the
    file as a whole); ``column`` the header text as written in the file; ``sheet`` the sheet
    name when the workbook has several data sheets.
    """

    row: int
    column: str
    message: str
    severity: str = "error"  # error|warning
    sheet: str = ""

    def to_json(self) -> dict:
        message = f"[{self.sheet}] {self.message}" if self.sheet else self.message
        return {"row": self.row, "column": self.column, "message": message}


@dataclass
class FileInspection:
    path: Path
    file_type: str  # xlsx|xls|html|csv
    encoding: str
    sheets: list[str]
    platform: str | None
    kind: str | None  # orders|lines|refunds|traffic|products|members
    confidence: float
    header_row: int  # 1-based
    headers: list[str]
    mapping: dict[str, str]  # canonical field -> header text
    missing_required: list[str]
    needs_mapping: bool
    preview: list[dict] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    signature: str = ""
    layout_name: str = ""  # English name of the recognised layout (show through t())
    rows_read: int = 0
    samples: dict[str, list[str]] = field(default_factory=dict)  # header -> first values, for mapping


@dataclass
class ImportResult:
    """Counts of one imported file.

    For ``orders`` and ``lines`` files the ``orders_*`` counts are orders and ``lines_added``
    order lines. For the other kinds the same keys count that kind's rows: refunds, traffic
    days (per platform), SKUs, or customers; ``lines_added`` is then 0.
    """

    file: str
    platform: str
    kind: str
    rows_read: int = 0
    orders_added: int = 0
    orders_updated: int = 0
    orders_unchanged: int = 0
    lines_added: int = 0
    rows_skipped: int = 0
    # Order lines without a SKU code: given one by their title/spec, or left without one.
    lines_matched_by_title: int = 0
    lines_without_sku: int = 0
    errors: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    batch_id: int | None = None
    dry_run: bool = False

    def to_json(self) -> dict:
        return {
            "file": self.file,
            "platform": self.platform,
            "kind": self.kind,
            "rows_read": self.rows_read,
            "orders_added": self.orders_added,
            "orders_updated": self.orders_updated,
            "orders_unchanged": self.orders_unchanged,
            "lines_added": self.lines_added,
            "rows_skipped": self.rows_skipped,
            "lines_matched_by_title": self.lines_matched_by_title,
            "lines_without_sku": self.lines_without_sku,
            "errors": [p.to_json() for p in self.errors],
            "warnings": [p.to_json() for p in self.warnings],
            "batch_id": self.batch_id,
        }


@dataclass(frozen=True)
class BatchSummary:
    batch_id: int
    file_name: str
    created_at: dt.datetime
    platform: str
    kind: str
    rows_read: int
    added: int
    updated: int
    unchanged: int
    skipped: int
    errors: int
    warnings: int
    undone_at: dt.datetime | None
