"""``tools/screenshots.py OUT --currencies --db COPY.db``: a Shopify store in US dollars imported into
the copy, then Settings → Channels, the dashboard, a promotion's Effect panel and the Members tab,
converted and with a month's rate missing, and a wrong rate refused (README "Currencies")."""
from __future__ import annotations

import datetime as dt
from pathlib import Path


def _usd_store_csv(path: Path, end) -> None:
    """A Shopify export in US dollars: 14 orders over the 20 days up to ``end``, long product names."""
    import csv

    names = ["Hand-picked Yunnan Pu'er Tea Cake 357 g, 2019 Spring Harvest, Gift Box", "Longjing Green Tea 250 g Tin",
             "Jasmine Pearls 100 g", "Celadon Tea Set (teapot, 4 cups, bamboo tray) — Limited Edition"]
    prices = [58.90, 32.50, 19.99, 129.00]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Currency", "Subtotal",
                    "Shipping", "Taxes", "Total", "Created at", "Lineitem quantity", "Lineitem name", "Lineitem price",
                    "Lineitem sku"])
        for i in range(14):
            day = end - dt.timedelta(days=19 - i * 19 // 13)
            qty, k = 1 + i % 3, i % 4
            total = round(prices[k] * qty + 6.5, 2)
            when = f"{day:%Y-%m-%d} {9 + i % 10:02d}:15:00 -0500"
            w.writerow([f"#{2001 + i}", f"buyer{i % 9}@example.com", "paid", when, "fulfilled", "USD",
                        f"{prices[k] * qty:.2f}", "6.50", "0.00", f"{total:.2f}", when, qty, names[k], f"{prices[k]:.2f}",
                        f"US-{k + 1:03d}"])


def currencies(window, args, wait) -> None:
    """Settings → Channels and the dashboard with a USD Shopify store: converted, then with the last
    month's rate removed (shown apart), and a wrong rate refused."""
    import tempfile

    from core.edits import apply_edit
    from core.edits.channels import SetExchangeRate
    from core.imports import import_file
    from ui.dialogs.settings_dialog import SettingsDialog

    if not args.db:
        raise SystemExit("--currencies writes into the database: give --db COPY.db")
    ctx = window.ctx
    today = ctx.today()
    csv_path = Path(tempfile.mkdtemp()) / "orders_export_usd.csv"
    _usd_store_csv(csv_path, today - dt.timedelta(days=1))
    try:
        import_file(ctx.db, csv_path)
    except Exception as exc:  # already imported into this copy: fine
        print("import:", exc)
    month = f"{today:%Y-%m}"
    apply_edit(ctx.db, SetExchangeRate("USD", month, "7.1052"))
    ctx.notify_changed("*")

    def dashboard(name: str) -> None:
        page = window.page("kpi")
        window.tabs.setCurrentWidget(page)
        wait(300)
        while page.loading:
            wait(100)
        wait(900)
        window.grab().save(str(args.out / f"{args.lang}_{name}.png"))

    def channels(name: str, before=None) -> None:
        dialog = SettingsDialog(ctx.settings, window, ctx=ctx, page="channels")
        dialog.resize(900, 640)
        dialog.show()
        while dialog.channels.loads == 0:
            wait(100)
        if before:
            before(dialog.channels)
        wait(500)
        dialog.grab().save(str(args.out / f"{args.lang}_{name}.png"))
        dialog.reject()

    from core.edits.promotions import AddPromotion

    apply_edit(ctx.db, AddPromotion("Shopify 感恩节 Thanksgiving Week — Pu'er & Longjing gift boxes, free shipping",
                                    today - dt.timedelta(days=8), today - dt.timedelta(days=1), budget_fen=300_000,
                                    status="done"))
    ctx.notify_changed("*")

    def effect(name: str) -> None:
        from sqlalchemy import func, select

        from core.models import Promotion

        with ctx.db.session() as s:
            pid = s.scalar(select(func.max(Promotion.id)))
        page = window.page("promotions")
        window.tabs.setCurrentWidget(page)
        while page.loading or page.loads == 0:
            wait(100)
        dialog = page.show_effect(pid)
        while dialog.effect is None:
            wait(100)
        wait(700)
        dialog.grab().save(str(args.out / f"{args.lang}_{name}.png"))
        dialog.close()

    def members(name: str) -> None:
        page = window.page("members")
        window.tabs.setCurrentWidget(page)
        wait(300)
        while page.loading or page.loads == 0:
            wait(100)
        page.platform_filter.setCurrentIndex(max(page.platform_filter.findData("shopify"), 0))
        wait(900)
        window.grab().save(str(args.out / f"{args.lang}_{name}.png"))
        page.platform_filter.setCurrentIndex(0)

    from core.edits.members import RecomputeTiers

    apply_edit(ctx.db, RecomputeTiers(today))  # the customers' spend at the rate just typed
    ctx.notify_changed("*")
    dashboard("kpi_converted")
    effect("effect_converted")
    members("members_converted")
    channels("settings_channels")

    def wrong(panel) -> None:
        panel.new_currency.setText("USD")
        panel.new_month.setText(month)
        panel.new_rate.setText("-7.1")
        panel.add_rate()
        while not panel.banner.isVisible():
            wait(100)

    channels("settings_channels_wrong_rate", wrong)
    apply_edit(ctx.db, SetExchangeRate("USD", month, ""))
    ctx.notify_changed("*")
    dashboard("kpi_missing_rate")
    effect("effect_missing_rate")
    members("members_rate_changed")  # spend still at the removed rate: the banner asks for a recompute
    apply_edit(ctx.db, RecomputeTiers(today))
    ctx.notify_changed("*")
    members("members_missing_rate")
    channels("settings_channels_missing_rate")
    print(args.out)
