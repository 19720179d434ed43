"""`kpi --from YYYY-MM-DD --to YYYY-MM-DD [--channel ID] [--json]` (spec/cli.md)."""
from __future__ import annotations

import argparse
import datetime as dt
import json

from core.errors import BadInputError
from core.i18n import t
from core.orders import PLATFORMS, platform_id


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            t("{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-01", value=text)
        ) from None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "kpi",
        help=t("the shop's KPIs for a date range (GMV, orders, buyers, refunds, conversion…)"),
        description=t(
            "Print the KPIs for a range of payment dates (both days included), overall and per "
            "channel, as the dashboard shows them."
        ),
    )
    p.add_argument("--from", dest="date_from", required=True, type=_date, metavar="YYYY-MM-DD", help=t("first day"))
    p.add_argument("--to", dest="date_to", required=True, type=_date, metavar="YYYY-MM-DD", help=t("last day"))
    p.add_argument("--channel", metavar="ID", help=t("only this platform (taobao, jd, pdd, douyin, …)"))
    p.add_argument("--json", action="store_true", help=t("print one JSON document instead of a table"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, db) -> int:
    from core.kpi import compute_kpis, kpi_json, kpi_table_text

    if args.date_to < args.date_from:
        raise BadInputError(
            t("--to ({end}) is before --from ({start}). Give the earlier day first.", start=args.date_from, end=args.date_to)
        )
    channel = platform_id(args.channel)  # an id or the usual name: 京东, 天猫, tmall …
    if args.channel and args.channel.strip() and channel is None:
        raise BadInputError(
            t("Unknown channel {channel!r}. Use one of: {ids}", channel=args.channel, ids=", ".join(PLATFORMS))
        )
    result = compute_kpis(db, args.date_from, args.date_to, channel)
    if args.json:
        print(json.dumps(kpi_json(result), ensure_ascii=False))
    else:
        print(kpi_table_text(result))
    return 0
