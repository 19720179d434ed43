"""``tools/screenshots.py OUT --loose-ends --db COPY.db``: the loose ends of goals, members, imports and
settings, each as the owner meets it (it writes into the database: give a copy of the demo shop):

* Plan a year… when two of last year's months were never imported and a Shopify store in GBP has no rate
  for one of them: the setup page and the preview say so;
* Settings → Channels refusing the made-up currency code "XYZ";
* the stock template imported: the report and the import history say "All platforms";
* Members right after saving lower tier rules: the tiers are in the table and the log, no Recompute.
"""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path


def _settle(window, wait) -> None:
    while window.ctx.edits.pending or any(p.loading for p in window.pages):
        wait(100)
    wait(400)


def _gap_months(window, year: int) -> None:
    """March and April of ``year`` taken out (their exports "never imported"), and a GBP Shopify order in May
    without a rate."""
    from sqlalchemy import delete, select

    from core.models import Channel, Order, OrderLine
    from tests.core.kpi_shop import add_order

    with window.ctx.db.transaction() as s:
        gone = select(Order.id).where(Order.pay_date >= dt.date(year, 3, 1), Order.pay_date < dt.date(year, 5, 1))
        s.execute(delete(OrderLine).where(OrderLine.order_id.in_(gone)))
        s.execute(delete(Order).where(Order.id.in_(gone)))
        if s.get(Channel, "shopify") is None:
            s.add(Channel(platform="shopify", currency="GBP"))
            add_order(s, "shopify", "#1001", "a@example.com", "paid", dt.datetime(year, 5, 12, 10), 12_900)
    window.ctx.notify_changed("*")


def plan_wizard(window, args, wait) -> None:
    page = window.page("goals")
    window.tabs.setCurrentWidget(page)
    _settle(window, wait)
    wizard = page.plan_year()
    wizard.resize(1000, 720)
    while wizard.history is None:
        wait(100)
    wait(400)
    wizard.grab().save(str(args.out / f"{args.lang}_plan_gap_setup.png"))
    wizard.setup.by_amount.setChecked(True)
    wizard.setup.amount.setText("500万")
    wizard.next()
    wait(500)
    wizard.grab().save(str(args.out / f"{args.lang}_plan_gap_preview.png"))
    wizard.reject()


def channels_refusal(window, args, wait) -> None:
    from ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.ctx.settings, window, ctx=window.ctx, page="channels")
    dialog.resize(900, 640)
    dialog.show()
    panel = dialog.channels
    while panel.loads == 0:
        wait(100)
    table = panel.channels
    row = table.model.row_of("shopify")
    index = table.proxy.mapFromSource(table.model.index(row, table.model.column_of("currency")))
    table.proxy.setData(index, "XYZ")
    while not panel.banner.isVisible():
        wait(100)
    wait(400)
    dialog.grab().save(str(args.out / f"{args.lang}_channels_xyz.png"))
    dialog.reject()


def stock_template(window, args, wait) -> None:
    import openpyxl
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from core.imports import write_template
    from ui.dialogs.import_history import ImportHistoryDialog
    from ui.dialogs.import_wizard import open_import_wizard
    from ui.dialogs.import_wizard.wizard import REPORT

    path = write_template("stock", Path(tempfile.mkdtemp()) / "库存模板.xlsx")
    book = openpyxl.load_workbook(path)
    book.active.append(["POLISH-1", "汝窑主人杯 Ru kiln master cup, sky-blue glaze, gift box", "天青", "茶具",
                        45, 128, 36, 0, "景德镇窑厂", 15, 6])
    book.save(path)
    wizard = open_import_wizard(window, [str(path)])
    wizard.resize(1100, 700)
    while not wizard.entries or any(e.busy for e in wizard.entries):
        wait(100)
    QTest.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    wait(300)
    QTest.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    while wizard.current() != REPORT:
        wait(100)
    wait(500)
    wizard.grab().save(str(args.out / f"{args.lang}_stock_template_report.png"))
    wizard.close()
    history = ImportHistoryDialog(window.ctx, window)
    history.show()
    while not history.loaded:
        wait(100)
    wait(400)
    history.grab().save(str(args.out / f"{args.lang}_stock_template_history.png"))
    history.close()


def members_after_rules(window, args, wait) -> None:
    page = window.page("members")
    window.tabs.setCurrentWidget(page)
    _settle(window, wait)
    form = page.edit_tier_rules()
    form.widgets["threshold_1"].setText("200")
    form.widgets["retention_1"].setText("100")
    form.submit()
    while form.saved is None:
        wait(100)
    _settle(window, wait)
    wait(800)
    window.grab().save(str(args.out / f"{args.lang}_members_after_rules.png"))


def loose_ends(window, args, wait) -> None:
    if not args.db:
        raise SystemExit("--loose-ends writes into the database: give --db COPY.db")
    today = window.ctx.today()
    _gap_months(window, today.year if today.month >= 10 else today.year - 1)
    plan_wizard(window, args, wait)
    channels_refusal(window, args, wait)
    stock_template(window, args, wait)
    members_after_rules(window, args, wait)
