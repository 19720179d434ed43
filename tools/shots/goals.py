"""Screenshots: the Goals tab, its plan wizard, grid, funnel and chart."""
from __future__ import annotations

from shots import settler


def goals(window, args, wait) -> None:
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
    goals_views(window, page, args, wait)


def goals_views(window, page, args, wait) -> None:
    """The grid by channel with November's Taobao target typed (its padlock, the year re-balanced),
    a refused paste, the funnel with a what-if, and the cumulative chart."""
    settle = settler(window, page, wait, after_ms=500)

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
