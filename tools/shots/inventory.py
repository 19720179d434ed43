"""Screenshots: the Inventory tab: SKU detail panel, purchase list, clearance."""
from __future__ import annotations


def inventory(window, args, wait) -> None:
    """The SKU detail panel of an urgent SKU raised by a promotion and of a slow one, the purchase
    list with its totals, and the clearance dialog (nothing is saved)."""
    page = window.page("inventory")
    window.tabs.setCurrentWidget(page)
    wait(300)
    while page.loading:
        wait(100)
    rows = page.table.model._rows
    picks = [next((r for r in rows if r.uplift_source and r.status in ("out", "reorder", "low") and r.on_hand), None),
             next((r for r in rows if r.status in ("dead", "slow")), None)]
    for name, row in zip(("detail", "detail_slow"), picks):
        if row is None:
            continue
        loads = page.detail.loads
        page.table.select_key(row.sku_code)
        while page.detail.loads == loads:
            wait(100)
        wait(700)
        window.grab().save(str(args.out / f"{args.lang}_inventory_{name}.png"))
        if name == "detail_slow":
            dialog = page.create_clearance()
            wait(400)
            dialog.grab().save(str(args.out / f"{args.lang}_inventory_clearance.png"))
            dialog.reject()
    # "Reorder now (N)" in the Show filter and "Order today (N)" name the same SKUs.
    page.status_filter.setCurrentIndex(page.status_filter.findData("reorder"))
    wait(500)
    window.grab().save(str(args.out / f"{args.lang}_inventory_reorder.png"))
    page.status_filter.setCurrentIndex(page.status_filter.findData(None))
    page.show_order.click()
    wait(700)
    window.grab().save(str(args.out / f"{args.lang}_inventory_purchase.png"))
    print(args.out)
