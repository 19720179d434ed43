"""Screenshots of every tab on the demo shop, for the README and for reviewing the UI.

    xvfb-run -a -s "-screen 0 1440x900x24" python tools/screenshots.py OUT_DIR [--lang zh_CN] [--size 1360x820]
    ... tools/screenshots.py OUT_DIR --editing [--db COPY.db]   # an edit in the Inventory table, then its undo
    ... tools/screenshots.py OUT_DIR --goals [--db COPY.db]     # the Goals table and the "Plan a year" wizard
    ... tools/screenshots.py OUT_DIR --promotion-effect [--db COPY.db]  # a promotion's effect and the year compared
    ... tools/screenshots.py OUT_DIR --team-kpi [--db COPY.db]  # the KPI and bonus table, a refused measure, the SOP dialog

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
    parser.add_argument("--promotion-effect", action="store_true",
                        help="the effect panel of the latest festival that has run, and the year's comparison")
    parser.add_argument("--team-kpi", action="store_true", help="the Team tab's KPI table and the SOP dialog")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QEventLoop, QTimer

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

    if args.goals:
        _goals(window, args, wait)
        window.close()
        db.close()
        return 0
    if args.promotion_effect:
        _promotion_effect(window, args, wait)
        window.close()
        db.close()
        return 0
    if args.team_kpi:
        _team_kpi(window, args, wait)
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


if __name__ == "__main__":
    sys.exit(main())
