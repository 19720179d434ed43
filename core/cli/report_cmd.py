"""`report --month YYYY-MM --pdf FILE [--as-of YYYY-MM-DD]` (spec/cli.md): the monthly plan as PDF;
`report --week YYYY-Www --pdf FILE`: the weekly task sheet, one page per person.

The content comes from core.report and core.task_sheet; the pages are laid out by
ui/report/render.py and ui/report/task_sheet.py, the same renderers as File → Print monthly
plan… and the Team tab's “Print week…”, imported only here so that core stays Qt-free for
every other command. Headless: without a display Qt draws offscreen.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from core.errors import BadInputError
from core.i18n import t


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            t("{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-01", value=text)
        ) from None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help=t("the printable monthly plan (goals, calendar, promotions, inventory actions, team, members) "
               "or the weekly task sheet, as PDF"),
        description=t("Write the month's plan as an A4 landscape PDF (--month), or the week's task sheet with one "
                      "A4 page per person (--week), in the UI language: the same documents File → Print monthly "
                      "plan… and the Team tab's “Print week…” print."),
    )
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--month", metavar="YYYY-MM", help=t("the month, e.g. 2026-11"))
    which.add_argument("--week", metavar="YYYY-Www", help=t("the ISO week of the task sheet, e.g. 2026-W48"))
    p.add_argument("--pdf", required=True, metavar="FILE", help=t("where to write the PDF"))
    p.add_argument("--as-of", dest="as_of", type=_date, metavar="YYYY-MM-DD",
                   help=t("compute the plan as of this day (default: today)"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, db) -> int:
    from core.report import Month, build_plan

    path = Path(args.pdf)
    if path.suffix.lower() != ".pdf":
        raise BadInputError(t("The file must end in .pdf: {path}", path=path))
    from core.exports import check_output_path

    path = check_output_path(path)  # before the plan is built and painted: a mistyped folder
    if args.week:
        return run_week(args, db, path)
    month = Month.parse(args.month)
    plan = build_plan(db, month, args.as_of)
    pages = write_headless(plan, path)
    print(t("Monthly plan {month}: {n} page(s) written to {path}", month=str(month), n=pages, path=path))
    return 0


def run_week(args: argparse.Namespace, db, path: Path) -> int:
    from core.task_sheet import Week, build_sheet

    week = Week.parse(args.week)
    sheet = build_sheet(db, week, args.as_of)
    pages = write_headless(sheet, path, weekly=True)
    print(t("Weekly task sheet {week}: {people} (person|people), {tasks} task(s), {n} page(s) written to {path}", week=str(week),
            people=len(sheet.people), tasks=sheet.task_count, n=pages, path=path))
    return 0


def write_headless(plan, path: Path, *, weekly: bool = False) -> int:
    # Fonts and QPdfWriter need a QGuiApplication; on a server there is no display.
    if os.name != "nt" and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if weekly:
        from ui.report.task_sheet import write_pdf_standalone
    else:
        from ui.report.render import write_pdf_standalone

    tmp = path.with_name(path.name + ".part")
    try:
        pages = write_pdf_standalone(plan, tmp)
        os.replace(tmp, path)  # a failed run leaves no half-written PDF under the owner's name
    finally:
        tmp.unlink(missing_ok=True)
    return pages
