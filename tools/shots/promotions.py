"""Screenshots: the promotion calendar: week view, form, Excel calendar; a promotion's effect and the year compared."""
from __future__ import annotations


def promotions(window, args, wait) -> None:
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
    xlsx_image(path, args.out / f"{args.lang}_promotions_excel.png")
    print(args.out)


def xlsx_image(path, out) -> None:
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


def promotion_effect(window, args, wait) -> None:
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
