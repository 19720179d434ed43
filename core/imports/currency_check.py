"""The channel's currency follows the export (issue #18): run inside the import's transaction.

A file with a currency column (Shopify's ``Currency``) sets its channel's currency when the
channel has no orders yet; a file in another currency than the orders already in the channel is
refused (nothing written): one channel's amounts are in one currency. Months of the file's paid
orders without a rate are named in a warning (the figures then show that channel apart,
core.currency).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Connection, exists, insert, select, update

from core.currency import BASE, Currencies, is_iso_currency, missing_rate_message, month_of
from core.i18n import t
from core.imports import sniff
from core.imports.normalize import OrderSet
from core.models import Channel, Order
from core.orders import derive_payment


def had_orders(conn: Connection, platform: str) -> bool:
    """Whether ``platform`` has orders: asked before the file's orders are written."""
    return bool(conn.execute(select(exists().where(Order.platform == platform))).scalar())


def follow_file_currency(conn: Connection, path: Path, oset: OrderSet, warn, *, batch_id: int | None = None) -> None:
    """Set or check the channel's currency for ``oset`` before its orders are written;
    ``warn(message)`` adds a file warning. ``batch_id``: the import's batch, whose undo log
    records a currency change."""
    if not oset.currencies:
        assumed_currency_warning(conn, oset, warn)
        return
    codes = sorted(oset.currencies)
    if len(codes) > 1:
        raise sniff.bad_file(path, t("its orders are in several currencies ({currencies}).", currencies=", ".join(codes)),
                             t("Export one currency's orders at a time: a channel's amounts are in one currency."))
    code = codes[0]
    if not is_iso_currency(code):
        raise sniff.bad_file(path, t("its currency column says “{currency}”, which is not a currency of ISO 4217.",
                                     currency=code),
                             t("Check the column the currency is read from (USD, GBP, ZAR …) and import again."))
    platform = oset.platform
    current = conn.execute(select(Channel.currency).where(Channel.platform == platform)).scalar()
    channel_currency = current or BASE
    if code != channel_currency:
        if had_orders(conn, platform):
            raise sniff.bad_file(path, t(
                "its amounts are in {file}, but this shop's {channel} orders are in {channel_currency}.",
                file=code, channel=_name(platform), channel_currency=channel_currency), t(
                "If the earlier orders were in {file} too, set the channel's currency to {file} in Settings → Channels "
                "and import again; a store in another currency belongs in its own database (--db).", file=code))
        if current is None:
            conn.execute(insert(Channel).values(platform=platform, currency=code))
        else:
            conn.execute(update(Channel).where(Channel.platform == platform).values(currency=code))
        if batch_id is not None:  # undo puts the currency back (a row it added keeps only CNY, as no row means)
            from core.imports.write import UndoLog

            log = UndoLog(batch_id)
            log.change("channels", platform, {"platform": platform, "currency": channel_currency})
            log.flush(conn)
        warn(t("Amounts in this file are in {currency}: the {channel} channel's currency is now {currency}. ShopDesk "
               "converts them to yuan at the rates per month you set in Settings → Channels.",
               currency=code, channel=_name(platform)))


def assumed_currency_warning(conn: Connection, oset: OrderSet, warn) -> None:
    """A file without a currency column going into a channel whose currency is not yuan: its
    amounts are taken in the channel's currency, said plainly with the file's months and what
    to do if that is wrong (the real trimmed Australian Shopify export has no Currency column)."""
    if not oset.orders:
        return
    code = conn.execute(select(Channel.currency).where(Channel.platform == oset.platform)).scalar() or BASE
    if code == BASE:
        return
    months = file_months(oset, paid_only=False)
    warn(t("This file has no currency column: ShopDesk took its amounts as {currency}, the {channel} channel's "
           "currency ({count} orders of {months}). If they are in another currency, undo this import (File → Import "
           "history) and import the file into a database of its own (--db): one channel's amounts are in one currency.",
           currency=code, channel=_name(oset.platform), count=len(oset.orders), months=months_text(months)))


def file_months(oset: OrderSet, *, paid_only: bool) -> list[str]:
    """The months (YYYY-MM) of the file's orders by payment date (spec/kpi.md: the payment
    time's date, else the creation date); ``paid_only``: only the orders that count as paid."""
    months: set[str] = set()
    for rec in oset.orders.values():
        is_paid, day = derive_payment(rec["status"], rec["paid_at"], rec["created_at"])
        if day is not None and (is_paid or not paid_only):
            months.add(month_of(day))
    return sorted(months)


def months_text(months: list[str]) -> str:
    """"2021-05, 2021-06", or the first and last of a long list with the count."""
    if len(months) <= 6:
        return ", ".join(months)
    return t("{first} to {last}, {count} months", first=months[0], last=months[-1], count=len(months))


def missing_rate_warning(conn: Connection, oset: OrderSet, warn) -> None:
    """After the write: name the months of this file's paid orders that have no rate (the
    channel's other months were named by the imports that brought them)."""
    currencies = Currencies.load(conn)
    code = currencies.currency_of(oset.platform)
    if code == BASE:
        return
    months = [m for m in file_months(oset, paid_only=True) if currencies.rate(code, dt.date.fromisoformat(m + "-01")) is None]
    if months:
        warn(t("The {channel} orders of these months are shown apart from the yuan totals, in {currency}, until "
               "their rate is set: {why}.", channel=_name(oset.platform), currency=code, why=missing_rate_message(code, months)))


def _name(platform: str) -> str:
    from core.kpi.output import channel_label

    return channel_label(platform)
