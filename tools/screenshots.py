"""Screenshots of every tab on the demo shop, for the README and for reviewing the UI.

    xvfb-run -a -s "-screen 0 1440x900x24" python tools/screenshots.py OUT_DIR [--lang zh_CN] [--size 1360x820]
    ... tools/screenshots.py OUT_DIR --editing [--db COPY.db]   # an edit in the Inventory table, then its undo
    ... tools/screenshots.py OUT_DIR --inventory [--db COPY.db] # SKU detail panel, purchase list, clearance
    ... tools/screenshots.py OUT_DIR --deliveries --db COPY.db  # Open deliveries, the receive dialog refusing
                                                                # wrong quantities, the printed purchase list
    ... tools/screenshots.py OUT_DIR --goals [--db COPY.db]     # the Goals table and the "Plan a year" wizard,
                                                                # the grid (a month typed: it changes the
                                                                # database), a refused paste, funnel, chart
    ... tools/screenshots.py OUT_DIR --promotions [--db COPY.db]  # week view, the form with scope and warnings,
                                                                  # the Excel calendar's month sheet read back
    ... tools/screenshots.py OUT_DIR --promotion-effect [--db COPY.db]  # a promotion's effect and the year compared
    ... tools/screenshots.py OUT_DIR --team-kpi [--db COPY.db]  # the KPI and bonus table, a refused measure, the SOP dialog
    ... tools/screenshots.py OUT_DIR --currencies --db COPY.db  # a USD Shopify store: Settings → Channels, the
                                                                # dashboard converted and with a rate missing
    ... tools/screenshots.py OUT_DIR --forms --size 1024x640  # the promotion and task forms with a message
    ... tools/screenshots.py OUT_DIR --no-order-id [--db COPY.db]  # the import wizard's rule for a file
                                                                   # without an order number (TB2018.xls)
    ... tools/screenshots.py OUT_DIR --trimmed              # the wizard's files step with the real trimmed
                                                            # exports and the stock template
    ... tools/screenshots.py OUT_DIR --loose-ends --db COPY.db  # plan a year with months never imported,
                                                                # a made-up currency refused, the stock
                                                                # template's platform, members after new rules
    ... tools/screenshots.py OUT_DIR --startup              # the window just after start, then loaded
    ... tools/screenshots.py OUT_DIR --plan [--month YYYY-MM]   # File → Print monthly plan…: the busy dialog
                                                                # while the plan is gathered, then the preview

    ... tools/screenshots.py OUT_DIR --together --db postgresql+psycopg://…  # a server shop: "Li" (a second
                                # connection) changes a stock count the open tab then shows; an edit of a
                                # row Li changed is refused; the status bar while the connection is lost

``--editing`` types into a real cell (it changes the database: use a copy, or the demo shop).

Uses a real window (run it under Xvfb on a machine without a screen), the demo database in
the data folder (created when missing), and the same start-up path as the app. The scenes are in
``tools/shots/``, a module per area; this file is the command line.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


SCENES = {  # flag (args attribute) → "module.function" in tools/shots/; the first flag given wins
    "startup": "startup.startup",
    "goals": "goals.goals",
    "team": "team.team",
    "inventory": "inventory.inventory",
    "deliveries": "inventory.deliveries",
    "members": "members.members",
    "promotions": "promotions.promotions",
    "promotion_effect": "promotions.promotion_effect",
    "plan": "plan.plan",
    "team_kpi": "team.team_kpi",
    "currencies": "currencies.currencies",
    "together": "together.together",
    "editing": "editing.editing",
    "forms": "forms.forms",
    "no_order_id": "imports.no_order_id",
    "trimmed": "imports.trimmed_exports",
    "loose_ends": "loose_ends.loose_ends",
    "counts": "counts.counts",
}


def _answer_discard_questions(args) -> None:
    """Scenes close forms they typed in, which asks whether to discard the changes (a modal question,
    ui.widgets.record_form.ask_discard): answered "Discard" here, the first one shot as
    ``LANG_form_discard.png``."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.widgets import record_form

    real_ask, shot = record_form.ask_discard, []

    def ask(parent) -> bool:
        def answer() -> None:
            box = QApplication.activeModalWidget()
            if not (isinstance(box, QMessageBox) and box.objectName() == "form.discard"):
                QTimer.singleShot(50, answer)
                return
            if not shot:
                shot.append(box.grab().save(str(args.out / f"{args.lang}_form_discard.png")))
            box.button(QMessageBox.StandardButton.Discard).click()

        QTimer.singleShot(100, answer)
        return real_ask(parent)

    record_form.ask_discard = ask


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
    parser.add_argument("--deliveries", action="store_true",
                        help="Inventory → Open deliveries (writes deliveries: use --db COPY): a late and a partly received "
                             "one, the receive dialog refusing wrong quantities, the detail panel, the printed purchase "
                             "list as PDF with the letterhead")
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
    parser.add_argument("--forms", action="store_true",
                        help="the promotion and task forms after a refused input (try --size 1024x640)")
    parser.add_argument("--loose-ends", action="store_true",
                        help="plan-a-year gaps, a refused currency, the stock template, members after new rules")
    parser.add_argument("--startup", action="store_true",
                        help="the window just after start (first tab only built), then with its data and the badges")
    parser.add_argument("--no-order-id", action="store_true",
                        help="the import wizard with the real TB2018.xls (no order number): the rule that identifies "
                             "its orders; with --db (a copy: the mapping is saved there) also the preview")
    parser.add_argument("--trimmed", action="store_true",
                        help="the import wizard's first step with the real trimmed exports and the stock template")
    parser.add_argument("--counts", action="store_true",
                        help="sort arrows (Inventory sorted by on hand ▲, Members by spend ▼) and a count of one row")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    import importlib

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

    _answer_discard_questions(args)
    target = next((name for flag, name in SCENES.items() if getattr(args, flag)), "tabs.every_tab")
    module, function = target.split(".")
    getattr(importlib.import_module(f"shots.{module}"), function)(window, args, wait)
    window.close()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
