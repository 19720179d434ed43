"""Part of the Inventory tab: the purchase list on paper — Qt's print preview (printer, page setup,
Save as PDF) of the HTML from ``core.purchase_orders.purchase_html``, laid out by QTextDocument."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget


def _document(html: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultStyleSheet("th { background:#eeeeee; } h3 { margin-top:12px; }")
    doc.setHtml(html)
    return doc


def _setup(printer: QPrinter) -> None:
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)


def preview(parent: QWidget, html: str, title: str) -> QPrintPreviewDialog:
    """The print preview of the purchase list (not yet shown: ``.open()`` it)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _setup(printer)
    printer.setDocName(title)
    dlg = QPrintPreviewDialog(printer, parent)
    dlg.printer_ = printer  # the dialog does not own its printer
    dlg.setObjectName("inventory.purchase_preview")
    dlg.setWindowTitle(title)
    dlg.paintRequested.connect(lambda p: _document(html).print_(p))
    return dlg


def save_pdf(path: str | Path, html: str, title: str) -> Path:
    """The purchase list as a PDF file (what the preview's "Save as PDF" writes)."""
    from core.exports import check_output_path  # Qt would write nothing, silently, into a missing folder

    path = check_output_path(path)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _setup(printer)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(title)
    _document(html).print_(printer)
    return Path(path)
