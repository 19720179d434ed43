"""The data roles of ShopDesk's record tables beyond Qt's own: what a column sorts by, and a cell's
value as stored (not as shown), which the cell editors start from."""
from __future__ import annotations

from PySide6.QtCore import Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RAW_ROLE = Qt.ItemDataRole.UserRole + 2
