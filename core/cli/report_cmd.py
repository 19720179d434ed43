"""`report --month YYYY-MM --pdf FILE [--as-of YYYY-MM-DD]` (spec/cli.md): the monthly plan as PDF.

The content comes from core.report; the pages are laid out by ui/report/render.py, the same
renderer as File → Print monthly plan…, imported only here so that core stays Qt-free for
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
        help=t("the printable monthly plan (goals, calendar, promotions, inventory actions, team, members) as PDF"),
        description=t("Write the month's plan as an A4 landscape PDF, in the UI language, the same document "
                      "File → Print monthly plan… prints."),
    )
    p.add_argument("--month", required=True, metavar="YYYY-MM", help=t("the month, e.g. 2026-11"))
    p.add_argument("--pdf", required=True, metavar="FILE", help=t("where to write the PDF"))
    p.add_argument("--as-of", dest="as_of", type=_date, metavar="YYYY-MM-DD",
                   help=t("compute the plan as of this day (default: today)"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, db) -> int:
    from core.report import Month, build_plan

    month = Month.parse(args.month)
    path = Path(args.pdf)
    if path.suffix.lower() != ".pdf":
        raise BadInputError(t("The file must end in .pdf: {path}", path=path))
    from core.exports import check_output_path

    path = check_output_path(path)  # before the plan is built and painted: a mistyped folder
    plan = build_plan(db, month, args.as_of)
    pages = write_headless(plan, path)
    print(t("Monthly plan {month}: {n} pages written to {path}", month=str(month), n=pages, path=path))
    return 0


def write_headless(plan, path: Path) -> int:
    # Fonts and QPdfWriter need a QGuiApplication; on a server there is no display.
    if os.name != "nt" and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.report.render import write_pdf_standalone

    tmp = path.with_name(path.name + ".part")
    try:
        pages = write_pdf_standalone(plan, tmp)
        os.replace(tmp, path)  # a failed run leaves no half-written PDF under the owner's name
    finally:
        tmp.unlink(missing_ok=True)
    return pages
