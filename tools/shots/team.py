"""Screenshots: the Team tab: Gantt, team list, weekly sheet; the KPI table and the SOP dialog."""
from __future__ import annotations

from shots import settler

import datetime as dt


def team(window, args, wait) -> None:
    """The Team tab: the Gantt (this month by person, then a promotion's chart by promotion), the
    team list, the task form with several “starts after” tasks, and the weekly task sheet's PDF."""
    page = window.page("team")
    window.tabs.setCurrentWidget(page)

    settle = settler(window, page, wait)

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


def team_kpi(window, args, wait) -> None:
    """The Team tab's KPI and bonus table, a measure it cannot read (typed, refused), the SOP dialog."""
    page = window.page("team")
    window.tabs.setCurrentWidget(page)

    settle = settler(window, page, wait)

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
