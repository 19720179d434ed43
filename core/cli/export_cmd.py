"""`export NAME FILE [--from D --to D | --festival NAME [--year Y] | --year Y] [--as-of D]` (spec/cli.md).

Writes one of the views the window shows (core.views) as .xlsx (formatted), .csv (UTF-8 with
BOM) or .json (a list of records with the keys documented in README.md), chosen by FILE's
extension; the promotions also as .ics (core.promotions_ics: a calendar file phones import). A view over dates takes a range, given as two days or as a platform festival of any
year (``--festival 双11 --year 2027``, dates from core.festivals), or as a whole year (``--year 2026``:
1 January to 31 December, e.g. ``export promotion-effects 2026.xlsx --year 2026``).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json

from core.errors import BadInputError
from core.i18n import t


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            t("{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-01", value=text)
        ) from None


# Every NAME `export` takes, for --help (kept here so that building the parser imports no view
# code; tests/core/test_view_exports.py holds it equal to core.views' own list).
EXPORT_NAMES = (
    "goals", "goals-grid", "goals-funnel", "inventory-alerts", "purchase-list", "deliveries", "promotions", "promotion-calendar",
    "promotion-effects",
    "members", "member-lists", "member-cohorts", "points-ledger", "tasks", "task-gantt", "staff", "staff-kpi", "orders",
    "products", "kpi", "channels", "exchange-rates",
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help=t("write a view (goals, inventory-alerts, promotions, members, tasks, kpi …) to .xlsx, .csv or .json"),
        description=t(
            "Write the rows a tab shows to FILE: .xlsx (formatted), .csv (UTF-8 with BOM, opens in Excel) or "
            ".json (a list of records with stable English keys), by the file's extension."
        ),
    )
    p.add_argument("name", metavar="NAME", help=t("the view, one of: {names}", names=", ".join(EXPORT_NAMES)))
    p.add_argument("file", metavar="FILE", help=t("where to write it (.xlsx, .csv or .json; promotions also .ics, a calendar file)"))
    p.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD", help=t("first day (views over dates)"))
    p.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD", help=t("last day (views over dates)"))
    p.add_argument("--festival", metavar="NAME",
                   help=t("a platform festival's dates instead of --from/--to, e.g. 双11, 618, nianhuo"))
    p.add_argument("--year", type=int, metavar="YYYY",
                   help=t("the festival's year (default: this year); without --festival, the whole year"))
    p.add_argument("--month", metavar="YYYY-MM", help=t("the month of a monthly view (staff-kpi), instead of --from/--to"))
    p.add_argument("--as-of", dest="as_of", type=_date, metavar="YYYY-MM-DD",
                   help=t("compute the view as of this day (default: today)"))
    p.add_argument("--calendar", action="store_true",
                   help=t("promotions only: write FILE.xlsx as a calendar, one sheet per month plus a list "
                          "(the same as the view promotion-calendar)"))
    p.add_argument("--json", action="store_true", help=t("print what was written as one JSON object"))
    p.set_defaults(handler=run)


def festival_range(name: str, year: int, choices=None) -> tuple[dt.date, dt.date]:
    """The dates of festival ``name`` (its key, Chinese or English name) in ``year``, the owner's own
    presets included when ``choices`` (core.festival_choices) are given."""
    from core.festivals import festivals

    wanted = name.strip().casefold()
    found = festivals(year, choices)
    for f in found:
        if wanted in (f.key.casefold(), f.name_zh.casefold(), f.name_en.casefold()):
            return f.start, f.end
    for f in found:  # "双11" finds "双11全球狂欢季"; "618" finds "618年中大促"
        if wanted and (wanted in f.name_zh.casefold() or wanted in f.name_en.casefold()):
            return f.start, f.end
    raise BadInputError(t("No festival called {name!r} in {year}. Known: {names}.", name=name, year=year,
                          names=", ".join(f"{f.name_zh} ({f.key})" for f in found)))


def run(args: argparse.Namespace, db) -> int:
    from core.views import LISTS_VIEW, ViewParams, export_view, view

    name = args.name.strip().lower()
    today = args.as_of or dt.date.today()
    if name == LISTS_VIEW:  # the recall lists: one sheet (or JSON key) per list
        if args.date_from or args.date_to or args.festival or args.year or args.calendar:
            raise BadInputError(t("member-lists is not a view over dates: leave out --from/--to and --festival "
                                  "(--as-of sets the day it is computed for)."))
        path, count = export_view(db, name, args.file, ViewParams(today))
        if args.json:
            print(json.dumps({"view": name, "file": str(path), "rows": count, "from": None, "to": None},
                             ensure_ascii=False))
        else:
            print(t("{view}: {n} row(s) written to {path}", view=name, n=f"{count:,}", path=path))
        return 0
    v = view(name)
    if args.calendar:
        if v.name not in ("promotions", "promotion-calendar"):
            raise BadInputError(t("--calendar goes with the promotions (export promotions FILE.xlsx --calendar)."))
        v = view("promotion-calendar")
    date_from, date_to = args.date_from, args.date_to
    if args.festival:
        if date_from or date_to:
            raise BadInputError(t("Give either --festival or --from/--to, not both."))
        from core.festival_choices import load_choices

        with db.session() as s:
            choices = load_choices(s)
        date_from, date_to = festival_range(args.festival, args.year or today.year, choices)
    elif args.year:
        if date_from or date_to:
            raise BadInputError(t("Give either --year or --from/--to, not both."))
        if not 1900 <= args.year <= 2100:
            raise BadInputError(t("--year {year} is not a year ShopDesk plans for: give one between 1900 and 2100.",
                                  year=args.year))
        date_from, date_to = dt.date(args.year, 1, 1), dt.date(args.year, 12, 31)
    if args.month:
        if date_from or date_to:
            raise BadInputError(t("Give either --month or --from/--to, not both."))
        from core.staff_kpi import month_end, parse_month

        date_from = parse_month(args.month)
        date_to = month_end(date_from)
    if (date_from is None) != (date_to is None):
        raise BadInputError(t("Give both --from and --to (or neither)."))
    if date_from and date_to and date_to < date_from:
        raise BadInputError(t("--to ({end}) is before --from ({start}). Give the earlier day first.",
                              start=date_from, end=date_to))
    if date_from and not v.dated:
        raise BadInputError(t("{name} is not a view over dates: leave out --from/--to, --year and --festival "
                              "(--as-of sets the day it is computed for).", name=v.name))
    params = ViewParams(today, date_from, date_to)
    path, count = export_view(db, v.name, args.file, params)
    if args.json:
        print(json.dumps({"view": v.name, "file": str(path), "rows": count,
                          "from": date_from.isoformat() if date_from else None,
                          "to": date_to.isoformat() if date_to else None}, ensure_ascii=False))
    else:
        print(t("{view}: {n} row(s) written to {path}", view=v.name, n=f"{count:,}", path=path))
    return 0
