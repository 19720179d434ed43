"""Importing the platforms' exports (orders, refunds, traffic, products/stock, members).

    inspect_file(path, *, db=None, platform=None) -> FileInspection     # reads, writes nothing
    import_file(db, path, *, platform=None, mapping=None, dry_run=False,
                progress=None, cancelled=None) -> ImportResult          # one transaction per file
    undo_batch(db, batch_id)                                           # exact restore, or why not
    import_history(db) -> list[BatchSummary]
    fields_for(kind) -> list[FieldSpec]; save_mapping(db, signature, platform, kind, mapping)
    write_template(kind, path); TEMPLATES
    export_problems(result, path)                                      # errors/warnings → .xlsx

Pipeline: sniff (bytes) → read (calamine / csv / html) → headers → detect (platforms/ alias
tables) → rows + values → normalize → write (+ undo). See README "Importing exports".
"""
from __future__ import annotations

from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.imports.fields import KINDS, FieldSpec, fields_for
    from core.imports.mapping import save_mapping
    from core.imports.pipeline import import_file, inspect_file
    from core.imports.results import BatchSummary, FileInspection, ImportResult, RowProblem
    from core.imports.templates import TEMPLATES, write_template
    from core.imports.undo import import_history, undo_batch

_WHERE = {
    "KINDS": "fields", "FieldSpec": "fields", "fields_for": "fields", "save_mapping": "mapping",
    "import_file": "pipeline", "inspect_file": "pipeline", "BatchSummary": "results",
    "FileInspection": "results", "ImportResult": "results", "RowProblem": "results",
    "TEMPLATES": "templates", "write_template": "templates", "import_history": "undo", "undo_batch": "undo",
}


def __getattr__(name: str):
    """The package's names, looked up when first asked (PEP 562): the workbook reader's worker
    process imports the pure normaliser (core.imports.rows, normalize) without the pipeline's
    SQLAlchemy and models."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"core.imports.{module}"), name)
    globals()[name] = value
    return value

__all__ = [
    "KINDS", "TEMPLATES", "BatchSummary", "FieldSpec", "FileInspection", "ImportResult", "RowProblem",
    "export_problems", "fields_for", "import_file", "import_history", "inspect_file", "save_mapping",
    "undo_batch", "write_template",
]


def export_problems(result: ImportResult, path: str | Path) -> Path:
    """Write a result's errors and warnings (row, sheet, column, message) to an .xlsx the owner
    can fix the file from; uses the shared safe writer of ``core.exports``."""
    from core.exports import Column, Sheet, write_xlsx
    from core.i18n import t

    rows = [
        (p.row or None, p.sheet, p.column, p.message, t("Error") if p.severity == "error" else t("Warning"))
        for p in list(result.errors) + list(result.warnings)
    ]
    sheet = Sheet(
        name=t("Problems"),
        columns=[Column(t("Row"), "int"), Column(t("Sheet")), Column(t("Column")), Column(t("Problem"), width=80),
                 Column(t("Severity"))],
        rows=rows,
        title=t("{file}: rows ShopDesk could not import as they are", file=result.file),
    )
    return write_xlsx(path, [sheet])
