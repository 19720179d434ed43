"""`demo [--force]`: fill the database with the demo shop."""
from __future__ import annotations

import argparse
import time

from core.errors import UserFacingError
from core.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help=t("fill the database with a realistic demo shop (a year of orders, stock, members, plans)"),
        description=t("Fill the database with a realistic demo shop. Refuses a database that already holds data unless --force."),
    )
    p.add_argument("--force", action="store_true", help=t("replace whatever the database holds with the demo shop"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, db) -> int:
    from core.demo import fill_demo

    if db.has_shop_data() and not args.force:
        raise UserFacingError(
            t("{name} already holds shop data. Use `demo --force` to replace it with the demo shop.", name=db.display_name)
        )
    started = time.perf_counter()
    counts = fill_demo(db, replace=True)
    print(
        t(
            "Demo shop written to {name} in {seconds:.1f} s: {orders} order(s), {skus} SKU(s), {customers} customer(s).",
            name=db.display_name,
            seconds=time.perf_counter() - started,
            orders=counts["orders"],
            skus=counts["skus"],
            customers=counts["customers"],
        )
    )
    return 0
