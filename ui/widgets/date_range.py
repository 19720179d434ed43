"""The dates a date field offers: the years ShopDesk plans for, 1900–2100 (as the command line's --year).

Qt's own range runs to 9999, and a page computing the month after, the same days last year or a
task's due date from a year such as 9999 overflowed Python's dates: the crash dialog instead of a value.
"""
from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

FIRST_DAY = QDate(1900, 1, 1)
LAST_DAY = QDate(2100, 12, 31)


def plannable(edit: QDateEdit) -> QDateEdit:
    """``edit`` kept within 1900-01-01 – 2100-12-31 (a year typed beyond stops at the edge)."""
    edit.setDateRange(FIRST_DAY, LAST_DAY)
    return edit
