"""Screenshots: a server shop: another person's change, a refused edit, a lost connection."""
from __future__ import annotations

from shots import settler


def together(window, args, wait) -> None:
    """Two people on one server shop: "Li" on a second connection changes a stock count and the
    owner's open Inventory tab shows it; an edit of a row Li changed after the tab was read is
    refused; the status bar while the listening connection is lost (it comes back by itself)."""
    import uuid

    from sqlalchemy import text

    from core.db import open_database
    from core.edits import apply_edit
    from core.edits.stock import SetSkuFields
    from core.row_versions import Author, current_position

    page = window.page("inventory")
    window.tabs.setCurrentWidget(page)

    settle = settler(window, page, wait)

    li = open_database(window.ctx.db.location)
    li._row_author = Author("Li", uuid.uuid4().hex)
    while not window.live.listener.connected.is_set():
        wait(100)
    settle()
    table = page.table
    code = table.raw_row(0).sku_code
    apply_edit(li, SetSkuFields.of(code, on_hand=321), seen=current_position(li))
    for _ in range(100):
        wait(100)
        if table.model.row(table.model.row_of(code)).on_hand == 321 and not page.loading:
            break
    settle()
    table.select_key(code, "on_hand")
    window.grab().save(str(args.out / f"{args.lang}_together_1_li_changed.png"))

    window.live.stop()  # the owner's window does not hear of Li's next change in time
    apply_edit(li, SetSkuFields.of(code, on_hand=300), seen=current_position(li))
    cell = table.proxy.mapFromSource(table.model.index(table.model.row_of(code), table.model.column_of("on_hand")))
    table.proxy.setData(cell, "1,200")
    settle()
    window.grab().save(str(args.out / f"{args.lang}_together_2_refused.png"))

    window.live.listener._stop.clear()
    window.live.listener.start()
    while not window.live.listener.connected.is_set():
        wait(100)
    window.live.listener.backoff = (3.0,)
    with li.engine.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE application_name = 'shopdesk-listen' AND datname = current_database()"))
    while not window.connection_label.isVisible():
        wait(50)
    wait(200)
    window.grab().save(str(args.out / f"{args.lang}_together_3_connection_lost.png"))
    li.close()
    print(args.out)
