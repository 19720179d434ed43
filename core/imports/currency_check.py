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

from core.currency import BASE, Currencies, missing_rate_message, month_of
from core.i18n import t
from core.imports import sniff
from core.imports.normalize import OrderSet
from core.models import Channel, Order


def had_orders(conn: Connection, platform: str) -> bool:
    """Whether ``platform`` has orders (asked before a streamed import writes its first part)."""
    return bool(conn.execute(select(exists().where(Order.platform == platform))).scalar())


def follow_file_currency(conn: Connection, path: Path, oset: OrderSet, warn, *, batch_id: int | None = None,
                         channel_had_orders: bool | None = None) -> None:
    """Set or check the channel's currency for ``oset``; ``warn(message)`` adds a file warning.
    ``batch_id``: the import's batch, whose undo log records a currency change.
    ``channel_had_orders``: whether the channel had orders before this file (a path that has
    already written the file's orders must pass it); None asks the database now."""
    if not oset.currencies:
        return
    codes = sorted(oset.currencies)
    if len(codes) > 1:
        raise sniff.bad_file(path, t("its orders are in several currencies ({currencies}).", currencies=", ".join(codes)),
                             t("Export one currency's orders at a time: a channel's amounts are in one currency."))
    code = codes[0]
    platform = oset.platform
    current = conn.execute(select(Channel.currency).where(Channel.platform == platform)).scalar()
    channel_currency = current or BASE
    if code != channel_currency:
        has_orders = had_orders(conn, platform) if channel_had_orders is None else channel_had_orders
        if has_orders:
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


def missing_rate_warning(conn: Connection, oset: OrderSet, warn) -> None:
    """After the write: name the months of the channel's paid orders that have no rate."""
    currencies = Currencies.load(conn)
    code = currencies.currency_of(oset.platform)
    if code == BASE:
        return
    days = conn.execute(select(Order.pay_date).where(Order.platform == oset.platform, Order.is_paid.is_(True),
                                                     Order.pay_date.is_not(None)).distinct()).scalars()
    months = sorted({month_of(d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d))) for d in days
                     if currencies.rate(code, d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d))) is None})
    if months:
        warn(t("The {channel} orders of these months are shown apart from the yuan totals, in {currency}, until "
               "their rate is set: {why}.", channel=_name(oset.platform), currency=code, why=missing_rate_message(code, months)))


def _name(platform: str) -> str:
    from core.kpi.output import channel_label

    return channel_label(platform)
