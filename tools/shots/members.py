"""Screenshots: the Members tab: points ledger, charts, cohorts, forms."""
from __future__ import annotations


def members(window, args, wait) -> None:
    import time

    from PySide6.QtCore import Qt

    page = window.page("members")
    started = time.perf_counter()
    window.tabs.setCurrentWidget(page)
    wait(20)
    while page.loading and page.table.model.source is None:
        wait(20)
    print(f"members first screen (summary and first page shown): {time.perf_counter() - started:.2f} s, "
          f"{page.table.model.total_rows:,} customers")
    while page.loading:
        wait(20)
    print(f"members tab done (with the cohorts and the ledger check): {time.perf_counter() - started:.2f} s")
    wait(500)
    # The rows read so far (a shop of 200,000 is read a page at a time, so not all of them).
    shown = min(page.table.proxy.rowCount(), 2000)
    rows = sorted((page.table.raw_row(r) for r in range(shown)), key=lambda r: -r.points)
    if rows:
        who = rows[len(rows) // 50]  # a member with a ledger of some length
        source = page.table.model.index(page.table.model.row_of(who.id), 0)
        page.table.view.setCurrentIndex(page.table.proxy.mapFromSource(source))
    for i, name in enumerate(("log", "points", "charts", "cohorts")):
        page.lower.setCurrentIndex(i)
        wait(1200)
        window.grab().save(str(args.out / f"{args.lang}_members_{name}.png"))
    page.lower.setCurrentIndex(0)
    page.list_filter.setCurrentIndex(max(page.list_filter.findData("near_tier"), 0))  # sorted by what is still needed
    page.table.view.sortByColumn(12, Qt.SortOrder.AscendingOrder)
    wait(800)
    window.grab().save(str(args.out / f"{args.lang}_members_near_tier.png"))
    page.list_filter.setCurrentIndex(0)
    page.table.view.sortByColumn(6, Qt.SortOrder.DescendingOrder)
    if rows:
        form = page.points.adjust()
        form.widgets["delta"].setText(str(-(who.points + 500)))
        form.widgets["reason"].setText("积分兑换：汝窑主人杯")
        form.submit()
        wait(1500)
        form.grab().save(str(args.out / f"{args.lang}_members_adjust_refused.png"))
        form.reject()
    form = page.edit_tier_rules()
    wait(500)
    form.grab().save(str(args.out / f"{args.lang}_members_tier_rules.png"))
    form.reject()
