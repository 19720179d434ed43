"""Screenshots: an edit in the Inventory table, then its undo."""
from __future__ import annotations

from shots import settler


def editing(window, args, wait) -> None:
    """The Inventory table: a SKU that has run out gets a stock count typed in (its alert turns
    and its suggested order drops), then Edit → Undo puts it back."""
    page = window.page("inventory")
    window.tabs.setCurrentWidget(page)

    settle = settler(window, page, wait)

    settle()
    table = page.table
    row = next((r for r in table.visible_rows() if r.status == "out"), table.raw_row(0))
    source = table.model.row_of(row.sku_code)
    cell = table.proxy.mapFromSource(table.model.index(source, table.model.column_of("on_hand")))
    table.view.setCurrentIndex(cell)
    table.view.edit(cell)
    wait(200)
    editor = table.view.indexWidget(cell) or table.view.focusWidget()
    editor.setText("1,200")
    window.grab().save(str(args.out / f"{args.lang}_edit_1_typing.png"))
    table.view.commitData(editor)
    table.view.closeEditor(editor, table.view.itemDelegate().EndEditHint.NoHint)
    settle()
    table.select_key(row.sku_code, "on_hand")
    window.grab().save(str(args.out / f"{args.lang}_edit_2_saved.png"))
    window.action_undo.trigger()
    settle()
    table.select_key(row.sku_code, "on_hand")
    window.grab().save(str(args.out / f"{args.lang}_edit_3_undone.png"))
    print(args.out)
