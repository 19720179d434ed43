"""Screenshots of every tab on the demo shop, for the README and for reviewing the UI.

    xvfb-run -a -s "-screen 0 1440x900x24" python tools/screenshots.py OUT_DIR [--lang zh_CN] [--size 1360x820]
    ... tools/screenshots.py OUT_DIR --editing [--db COPY.db]   # an edit in the Inventory table, then its undo
    ... tools/screenshots.py OUT_DIR --inventory [--db COPY.db] # SKU detail panel, purchase list, clearance
    ... tools/screenshots.py OUT_DIR --goals [--db COPY.db]     # the Goals table and the "Plan a year" wizard,
                                                                # the grid (a month typed: it changes the
                                                                # database), a refused paste, funnel, chart
    ... tools/screenshots.py OUT_DIR --promotions [--db COPY.db]  # week view, the form with scope and warnings,
                                                                  # the Excel calendar's month sheet read back
    ... tools/screenshots.py OUT_DIR --promotion-effect [--db COPY.db]  # a promotion's effect and the year compared
    ... tools/screenshots.py OUT_DIR --team-kpi [--db COPY.db]  # the KPI and bonus table, a refused measure, the SOP dialog
    ... tools/screenshots.py OUT_DIR --currencies --db COPY.db  # a USD Shopify store: Settings → Channels, the
                                                                # dashboard converted and with a rate missing
    ... tools/screenshots.py OUT_DIR --startup              # the window just after start, then loaded
    ... tools/screenshots.py OUT_DIR --plan [--month YYYY-MM]   # File → Print monthly plan…: the busy dialog
                                                                # while the plan is gathered, then the preview

    ... tools/screenshots.py OUT_DIR --together --db postgresql+psycopg://…  # a server shop: "Li" (a second
                                # connection) changes a stock count the open tab then shows; an edit of a
                                # row Li changed is refused; the status bar while the connection is lost

``--editing`` types into a real cell (it changes the database: use a copy, or the demo shop).

Uses a real window (run it under Xvfb on a machine without a screen), the demo database in
the data folder (created when missing), and the same start-up path as the app.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--size", default="1360x820")
    parser.add_argument("--db", help="database to show (default: the demo shop)")
    parser.add_argument("--editing", action="store_true", help="an edit and its undo instead of every tab")
    parser.add_argument("--goals", action="store_true", help="the Goals tab and its plan wizard")
    parser.add_argument("--team", action="store_true", help="the Team tab's Gantt and its team list")
    parser.add_argument("--inventory", action="store_true",
                        help="the Inventory tab's SKU detail panel, purchase list and clearance dialog")
    parser.add_argument("--members", action="store_true", help="the Members tab: points ledger, charts, cohorts, forms")
    parser.add_argument("--promotions", action="store_true", help="the week view, the promotion form, the Excel calendar")
    parser.add_argument("--promotion-effect", action="store_true",
                        help="the effect panel of the latest festival that has run, and the year's comparison")
    parser.add_argument("--team-kpi", action="store_true", help="the Team tab's KPI table and the SOP dialog")
    parser.add_argument("--currencies", action="store_true",
                        help="imports a Shopify store in USD into --db (a copy!), then Settings → Channels and the "
                             "dashboard converted, with a month's rate missing, and a wrong rate")
    parser.add_argument("--together", action="store_true",
                        help="a server shop (--db URL): another person's change, a refused edit, a lost connection")
    parser.add_argument("--plan", action="store_true", help="the monthly plan: busy dialog, then the print preview")
    parser.add_argument("--month", help="the monthly plan's month (default: this month)")
    parser.add_argument("--startup", action="store_true",
                        help="the window just after start (first tab only built), then with its data and the badges")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QEventLoop, Qt, QTimer

    from core import i18n, paths, settings
    from core.cli import ensure_demo
    from core.db import open_database
    from ui.app import create_application, install_translators
    from ui.context import AppContext
    from ui.main_window import MainWindow

    i18n.set_language(args.lang)
    app = create_application()
    install_translators(app, args.lang)
    db = open_database(args.db or paths.demo_db_path())
    if not args.db:
        ensure_demo(db)
    window = MainWindow(AppContext(db, settings.load()))
    w, h = (int(v) for v in args.size.split("x"))
    window.resize(w, h)
    window.show()

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    if args.startup:
        _startup(window, args, wait)
        window.close()
        db.close()
        return 0
    if args.goals:
        _goals(window, args, wait)
        window.close()
        db.close()
        return 0
    if args.team:
        _team(window, args, wait)
        window.close()
        db.close()
        return 0
    if args.inventory:
        _inventory(window, args, wait)
        window.close()
        db.close()
        return 0
    if args.members:
        _members(window, args, wait)
        window.close()
        db.close()
        return 0
    if args.promotions:
        _promotions(window, args, wait)
        window.close()
        db.close()
        return 0
    if args.promotion_effect:
        _promotion_effect(window, args, wait)
        window.close()
        db.close()
        return 0
    if args.plan:
        _plan(window, args, wait)
        window.close()
        db.close()
        return 0
    if args.team_kpi:
        _team_kpi(window, args, wait)
        window.close()
        db.close()
        return 0
    if args.currencies:
        from screenshot_currencies import currencies

        currencies(window, args, wait)
        window.close()
        db.close()
        return 0
    if args.together:
        _together(window, args, wait)
        window.close()
        db.close()
        return 0
    if args.editing:
        _editing(window, args, wait)
        window.close()
        db.close()
        return 0

    for index, page in enumerate(window.pages):
        window.tabs.setCurrentIndex(index)
        wait(300)
        while page.loading:
            wait(100)
        wait(700)  # let charts finish their deferred draw
        path = args.out / f"{args.lang}_{index + 1}_{page.key}.png"
        window.grab().save(str(path))
        print(path)
    window.close()
    db.close()
    return 0


def _startup(window, args, wait) -> None:
    """Just after start: the tab bar with every title and the first tab, the only one built; then the
    same window once that tab's data and the other tabs' badges are in (ui/lazy_tabs.py)."""
    wait(30)
    print("built at the first shot:", [p.key for p in window.lazy_tabs.built()])
    path = args.out / f"{args.lang}_startup_1_first_paint.png"
    window.grab().save(str(path))
    print(path)
    page, badges = window.tabs.currentWidget(), (2, 4)  # Inventory and Team count theirs
    for _ in range(600):
        if page.loads and not page.loading and all("(" in window.tabs.tabText(i) for i in badges):
            break
        wait(100)
    wait(700)  # the chart's deferred draw
    path = args.out / f"{args.lang}_startup_2_loaded.png"
    window.grab().save(str(path))
    print(path, [window.tabs.tabText(i) for i in range(window.tabs.count())])


def _members(window, args, wait) -> None:
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


def _goals(window, args, wait) -> None:
    page = window.page("goals")
    window.tabs.setCurrentWidget(page)
    wait(300)
    while page.loading:
        wait(100)
    wait(500)
    window.grab().save(str(args.out / f"{args.lang}_goals_table.png"))
    wizard = page.plan_year()
    while wizard.history is None:
        wait(100)
    wait(300)
    wizard.grab().save(str(args.out / f"{args.lang}_goals_plan_1.png"))
    wizard.setup.categories.setCurrentIndex(wizard.setup.categories.findData("seasonal"))
    wizard.next()
    wait(300)
    wizard.grab().save(str(args.out / f"{args.lang}_goals_plan_2.png"))
    wizard.reject()
    _goals_views(window, page, args, wait)


def _goals_views(window, page, args, wait) -> None:
    """The grid by channel with November's Taobao target typed (its padlock, the year re-balanced),
    a refused paste, the funnel with a what-if, and the cumulative chart."""
    def settle() -> None:
        wait(300)
        while page.loading or window.ctx.edits.pending:
            wait(100)
        wait(500)

    page.views.setCurrentWidget(page.grid)
    settle()
    table = page.grid.table
    model = table.model
    model.setData(model.index(model.row_of("11"), 1), "30万")
    settle()
    table = page.grid.table
    table.view.scrollTo(table.proxy.index(table.model.row_of("9"), 0), table.view.ScrollHint.PositionAtTop)
    window.grab().save(str(args.out / f"{args.lang}_goals_grid.png"))
    table.view.setCurrentIndex(table.proxy.index(table.model.row_of("12"), 1))
    page.grid.paste("1000\nabc\n")
    wait(300)
    window.grab().save(str(args.out / f"{args.lang}_goals_grid_refused.png"))
    page.banner.clear_message()
    page.views.setCurrentWidget(page.funnel)
    page.funnel.conversion.setValue(10)
    wait(300)
    window.grab().save(str(args.out / f"{args.lang}_goals_funnel.png"))
    page.views.setCurrentWidget(page.chart)
    wait(800)
    window.grab().save(str(args.out / f"{args.lang}_goals_chart.png"))


def _team(window, args, wait) -> None:
    """The Team tab: the Gantt (this month by person, then a promotion's chart by promotion), the
    team list, the task form with several “starts after” tasks, and the weekly task sheet's PDF."""
    page = window.page("team")
    window.tabs.setCurrentWidget(page)

    def settle() -> None:
        wait(300)
        while page.loading or window.ctx.edits.pending:
            wait(100)
        wait(400)

    settle()
    page.gantt_button.click()
    settle()
    window.grab().save(str(args.out / f"{args.lang}_team_gantt.png"))
    gantt = page.gantt
    gantt.which.setCurrentIndex(gantt.which.count() - 1)  # the latest promotion with tasks
    gantt.group.setCurrentIndex(1)
    settle()
    window.grab().save(str(args.out / f"{args.lang}_team_gantt_promotion.png"))
    gantt.which.setCurrentIndex(0)
    gantt.group.setCurrentIndex(0)
    page.people_button.click()
    settle()
    window.grab().save(str(args.out / f"{args.lang}_team_staff.png"))
    page.board_button.click()
    settle()
    row = next((r for r in page._rows if len(r.depends_on_ids) >= 1), page._rows[0])
    form = page.open_task(row.id)
    wait(400)
    form.grab().save(str(args.out / f"{args.lang}_team_task_form.png"))
    form.reject()
    from core.task_sheet import Week, build_sheet
    from ui.report.task_sheet import write_pdf

    pdf = args.out / f"{args.lang}_team_week.pdf"
    write_pdf(build_sheet(window.ctx.db, Week.of(window.ctx.today()), window.ctx.today()), pdf)
    print(args.out)


def _promotions(window, args, wait) -> None:
    """The Promotions tab's week view; the edit form of a member day given a scope of SKUs of the
    clearance sale and stacked rules (the overlap and below-cost warnings show, nothing is saved);
    the scope picker; the Excel calendar's month sheet as read back from the written .xlsx."""
    import datetime as dt

    from ui.tabs.promotions_tab import WEEK

    page = window.page("promotions")
    window.tabs.setCurrentWidget(page)
    wait(300)
    while page.loading:
        wait(100)
    page.show_view(WEEK)
    busy = [r for r in page._rows if r.start <= dt.date(2026, 10, 28) <= r.end]
    if len(busy) >= 2:  # the demo's busiest week: 双11's pre-sale and a new-product launch
        page.week.set_week(dt.date(2026, 10, 28))
    wait(500)
    window.grab().save(str(args.out / f"{args.lang}_promotions_week.png"))
    rows = sorted(page._rows, key=lambda r: r.start)
    member = next((r for r in rows if r.name.startswith("会员日") and r.start >= page.ctx.today()),
                  rows[-1] if rows else None)
    clearance = next((r for r in rows if r.id in page.plan.scopes and page.plan.scopes[r.id].get("skus")), None)
    form = page.edit_promotion(member.id) if member else page.new_promotion()
    form.resize(640, 900)
    if clearance is not None:
        form.widgets["start"].setDate(clearance.start + dt.timedelta(days=1))
        form.widgets["end"].setDate(clearance.start + dt.timedelta(days=1))
        form.widgets["phases"].setText("")
        form.widgets["scope"].set_value({"skus": page.plan.scopes[clearance.id]["skus"][:3]})
    form.widgets["rules"].setText("3折; 券 无门槛30; 会员 9折")
    form.refresh_warnings()
    wait(400)
    form.grab().save(str(args.out / f"{args.lang}_promotions_form_warning.png"))
    dialog = form.widgets["scope"].open_dialog()
    dialog.show()
    dialog.lists["skus"].search.setText("TEA")
    wait(400)
    dialog.grab().save(str(args.out / f"{args.lang}_promotions_scope.png"))
    dialog.reject()
    form.reject()
    # The budget split and target GMV of 双11, with a wrong input refused under its field (nothing saved).
    festival = next((r for r in rows if "双11" in r.name and r.start.year == page.ctx.today().year), rows[0] if rows else None)
    if festival is not None:
        form = page.edit_promotion(festival.id)
        form.resize(640, 820)
        form.widgets["ad_budget_fen"].setText("-500")
        form.submit()
        for _ in range(50):
            wait(100)
            if form.errors["ad_budget_fen"].isVisibleTo(form):
                break
        wait(300)
        form.grab().save(str(args.out / f"{args.lang}_promotions_form_budget.png"))
        form.reject()
    # The year view, what an owner pins up in January (bars can be dragged here too).
    from ui.tabs.promotions_tab import YEAR

    page.show_view(YEAR)
    wait(500)
    window.grab().save(str(args.out / f"{args.lang}_promotions_year.png"))
    page.show_view(WEEK)
    # The Excel calendar of the month on screen, read back from the file and drawn cell by cell.
    page.show_view(0)
    if len(busy) >= 2:
        page.calendar.set_month(2026, 11)
    wait(300)
    path = args.out / f"{args.lang}_promotion_calendar.xlsx"
    button = page.export_calendar_button
    button.last_written = None
    page.banner.clear_message()
    button.export(str(path))
    while button.last_written is None and not page.banner.isVisible():
        wait(100)
    if button.last_written is None:
        print(page.banner.text())
        return
    _xlsx_image(path, args.out / f"{args.lang}_promotions_excel.png")
    print(args.out)


def _xlsx_image(path, out) -> None:
    """The first month sheet of the calendar workbook as an image: its cells, fills and line breaks
    as openpyxl reads them back (not Excel's own rendering)."""
    import html

    from openpyxl import load_workbook
    from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument

    ws = load_workbook(path)[load_workbook(path).sheetnames[0]]
    rows = []
    for r in range(1, ws.max_row + 1):
        cells = []
        for c in range(1, 8):
            cell = ws.cell(r, c)
            if r == 1 and c > 1:
                continue
            fill = cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type == "solid" else None
            bg = f' bgcolor="#{str(fill)[-6:]}"' if fill and isinstance(fill, str) else ""
            text = html.escape(str(cell.value or "")).replace("\n", "<br>")
            bold = cell.font is not None and cell.font.b
            span = ' colspan="7"' if r == 1 else ""
            cells.append(f'<td{span}{bg} width="{7 * 168 if r == 1 else 168}" valign="top">{"<b>" + text + "</b>" if bold else text}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    doc = QTextDocument()
    doc.setHtml(f'<p style="color:#666">{html.escape(path.name)} · {html.escape(ws.title)}</p>'
                '<table width="1180" border="0.5" cellspacing="0" cellpadding="3" style="font-size:9pt">'
                + "".join(rows) + "</table>")
    doc.setTextWidth(1200)
    image = QImage(1200, int(doc.size().height()) + 10, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    doc.drawContents(painter)
    painter.end()
    image.save(str(out))


def _promotion_effect(window, args, wait) -> None:
    """The effect panel of each festival that has started (the latest last), and the comparison of this year."""
    page = window.page("promotions")
    window.tabs.setCurrentWidget(page)
    wait(300)
    while page.loading:
        wait(100)
    today = window.ctx.today()
    started = [r for r in page._rows if r.kind == "festival" and r.start <= today and r.status != "cancelled"]
    for n, row in enumerate(started[-2:], 1):
        dialog = page.show_effect(row.id)
        while dialog.effect is None:
            wait(100)
        wait(600)
        dialog.grab().save(str(args.out / f"{args.lang}_promotion_effect_{n}.png"))
        dialog.close()
    compare = page.compare_promotions(today.year)
    while compare.loaded_year is None:
        wait(100)
    wait(400)
    compare.grab().save(str(args.out / f"{args.lang}_promotion_compare.png"))
    compare.close()
    print(args.out)


def _plan(window, args, wait) -> None:
    """File → Print monthly plan… as the owner sees it: the screen while the plan is gathered in
    a worker (the busy dialog over a window that still paints), then the print preview."""
    import time

    from PySide6.QtGui import QGuiApplication
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    from PySide6.QtWidgets import QApplication, QProgressDialog

    import core.report
    from core.report import Month
    from ui.report.dialog import start_preview

    wait(4000)  # the window's own first loads
    real = core.report.build_plan

    def slow(*a, **k):  # as on a big shop: long enough to see the busy dialog
        time.sleep(2)
        return real(*a, **k)

    core.report.build_plan = slow
    today = window.ctx.today()
    month = Month.parse(args.month) if args.month else Month(today.year, today.month)
    start_preview(window, month)
    wait(1200)
    QGuiApplication.primaryScreen().grabWindow(0).save(str(args.out / f"{args.lang}_plan_busy.png"))
    for _ in range(200):
        dlg = next((w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QPrintPreviewDialog) and w.isVisible()), None)
        if dlg is not None:
            break
        wait(100)
    assert not any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    dlg.resize(1300, 850)
    wait(1500)
    dlg.grab().save(str(args.out / f"{args.lang}_plan_preview.png"))
    dlg.close()
    core.report.build_plan = real
    print(args.out)


def _team_kpi(window, args, wait) -> None:
    """The Team tab's KPI and bonus table, a measure it cannot read (typed, refused), the SOP dialog."""
    page = window.page("team")
    window.tabs.setCurrentWidget(page)

    def settle() -> None:
        wait(300)
        while page.loading or window.ctx.edits.pending:
            wait(100)
        wait(400)

    settle()
    page.kpi_button.click()
    settle()
    last_month = (window.ctx.today().replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    page.kpi.set_month(last_month)  # a finished month: every measure has its actual
    settle()
    window.grab().save(str(args.out / f"{args.lang}_team_kpi.png"))
    table = page.kpi.table
    if table.model.rowCount():
        first = table.raw_row(0)
        cell = table.proxy.mapFromSource(table.model.index(table.model.row_of(first.staff_id),
                                                           table.model.column_of("measures")))
        table.proxy.setData(cell, "好评率 98")
        settle()
        window.grab().save(str(args.out / f"{args.lang}_team_kpi_refused.png"))
    dialog = page.open_sops()
    while not dialog.loads:
        wait(100)
    wait(300)
    dialog.grab().save(str(args.out / f"{args.lang}_team_sop.png"))
    dialog.reject()
    print(args.out)


def _inventory(window, args, wait) -> None:
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


def _editing(window, args, wait) -> None:
    """The Inventory table: a SKU that has run out gets a stock count typed in (its alert turns
    and its suggested order drops), then Edit → Undo puts it back."""
    page = window.page("inventory")
    window.tabs.setCurrentWidget(page)

    def settle() -> None:
        wait(300)
        while page.loading or window.ctx.edits.pending:
            wait(100)
        wait(400)

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



def _together(window, args, wait) -> None:
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

    def settle() -> None:
        wait(300)
        while page.loading or window.ctx.edits.pending:
            wait(100)
        wait(400)

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


if __name__ == "__main__":
    sys.exit(main())
