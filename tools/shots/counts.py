"""Screenshots: the tables' sort arrows and counts — the Inventory tab sorted by on hand, smallest
first (▲), then filtered down to one SKU ("1 of N rows", and the summary's SKU count); the Members
tab as it opens, highest spend first (▼)."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest


def _loaded(window, key, wait):
    page = window.page(key)
    window.tabs.setCurrentWidget(page)
    wait(300)
    while page.loading or page.loads == 0:
        wait(100)
    wait(500)
    return page


def _click_header(table, field, wait) -> None:
    header = table.view.horizontalHeader()
    section = table.model.column_of(field)
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 3
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    wait(300)


def counts(window, args, wait) -> None:
    inventory = _loaded(window, "inventory", wait)
    table = inventory.table
    _click_header(table, "on_hand", wait)
    path = args.out / f"{args.lang}_counts_inventory_sorted_ascending.png"
    window.grab().save(str(path))
    print(path)
    code = table.raw_row(0).sku_code
    table.search.setText(code)
    wait(500)
    path = args.out / f"{args.lang}_counts_inventory_one_row.png"
    window.grab().save(str(path))
    print(path)
    table.search.clear()
    _loaded(window, "members", wait)
    path = args.out / f"{args.lang}_counts_members_descending.png"
    window.grab().save(str(path))
    print(path)
