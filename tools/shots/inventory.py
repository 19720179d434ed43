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
        _shoot_detail(window, page, row.sku_code, args.out / f"{args.lang}_inventory_{name}.png", wait)
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


def deliveries(window, args, wait) -> None:
    """Open deliveries (it writes deliveries: use --db COPY): several lines ordered, one of them late
    and one received in part; the receive dialog refusing letters, more than open and 0; the detail
    panel of a SKU with two deliveries; the purchase list printed to PDF with the Settings' letterhead
    (its first page as PNG)."""
    import datetime as dt

    from core.edits import apply_edit
    from core.edits.deliveries import MarkOrdered, ReceiveDelivery

    def loaded(page) -> None:
        wait(300)
        while page.loading or page._stale:
            wait(100)

    page = window.page("inventory")
    window.tabs.setCurrentWidget(page)
    loaded(page)
    today = window.ctx.today()
    window.ctx.settings.letterhead = ("联系人：王丽 138 0000 0000（微信同号）\n地址：杭州市西湖区文三路 88 号 3 楼\n"
                                      "收货时间：周一至周六 9:00–17:00" if args.lang == "zh_CN" else
                                      "Contact: Wang Li, 138 0000 0000 (WeChat too)\nAddress: 88 Wensan Road, 3rd floor, "
                                      "Xihu District, Hangzhou\nDeliveries: Mon–Sat 9:00–17:00")
    lines = page.purchase.all_lines()
    print(args.out / f"{args.lang}_purchase_print.pdf")
    from ui.tabs.inventory_print import save_pdf

    pdf = save_pdf(args.out / f"{args.lang}_purchase_print.pdf", page.purchase.html(), "po")
    _pdf_page_png(pdf, args.out / f"{args.lang}_purchase_print_page1.png")
    rows = {r.sku_code: r for r in page.table.model._rows}
    ordered = [p for p in lines if rows[p.sku_code].lead_time_days > 0][:5]
    if len(ordered) >= 3:
        late, twice, partial = ordered[0], ordered[1], ordered[2]
        apply_edit(window.ctx.db, MarkOrdered(((late.sku_code, late.qty),),
                                              today - dt.timedelta(days=rows[late.sku_code].lead_time_days + 4)))
        apply_edit(window.ctx.db, MarkOrdered(tuple((p.sku_code, p.qty) for p in ordered[1:]), today - dt.timedelta(days=1)))
        apply_edit(window.ctx.db, MarkOrdered(((twice.sku_code, twice.qty * 2),), today))
        with window.ctx.db.session() as s:
            from sqlalchemy import select

            from core.models import Delivery

            first = s.scalar(select(Delivery.id).where(Delivery.sku_code == partial.sku_code, Delivery.status == "open"))
        apply_edit(window.ctx.db, ReceiveDelivery(partial.sku_code, first, max(partial.qty // 2, 1), today))
        window.ctx.notify_changed(frozenset({"stock", "skus"}))
        loaded(page)
    page.show_deliveries.click()
    wait(700)
    window.grab().save(str(args.out / f"{args.lang}_inventory_deliveries.png"))
    view = page.deliveries
    mine = next((r for r in view.rows if r.id is not None and r.open_qty > 1), None) or (view.rows[0] if view.rows else None)
    if mine is not None:
        form = view.receive(mine)
        wait(400)
        for name, typed in (("letters", "十二" if args.lang == "zh_CN" else "twelve"), ("too_many", f"{mine.open_qty + 50}"),
                            ("zero", "0")):
            form.widgets["received"].setText(typed)
            form.submit()
            wait(300)
            while not form.buttons.isEnabled():
                wait(100)
            wait(300)
            form.grab().save(str(args.out / f"{args.lang}_receive_{name}.png"))
        form.reject()
    if len(ordered) >= 3:
        page.show_all.click()
        _shoot_detail(window, page, twice.sku_code, args.out / f"{args.lang}_inventory_detail_two_deliveries.png", wait)
        _shoot_detail(window, page, late.sku_code, args.out / f"{args.lang}_inventory_detail_late.png", wait)
    print(args.out)


def _pdf_page_png(pdf, png) -> None:
    """The PDF's first page as an image (poppler's pdftoppm, when installed), to look at what the printer gets."""
    import shutil
    import subprocess

    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found: look at", pdf)
        return
    subprocess.run(["pdftoppm", "-png", "-r", "90", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(png.with_suffix(""))],
                   check=True)


def _shoot_detail(window, page, sku_code: str, path, wait) -> None:
    """Select ``sku_code``, wait for its detail panel to load and settle, and save the window."""
    loads = page.detail.loads
    page.table.select_key(sku_code)
    while page.detail.loads == loads:
        wait(100)
    wait(700)
    window.grab().save(str(path))
