"""Members' money in yuan when a channel sells in another currency (issue #18, README "Members" →
"Currencies").

**The rule**: each paid order of a foreign channel counts at its payment month's rate — its paid
amount and its refunds each converted and rounded half up to the fen (core.currency.convert), the
order's kept amount being the difference. One order is worth the same yuan wherever it counts:
in a customer's spend (and so RFM's M, the recall lists and the exports), in a tier's window
spend and in the points it earns (points are earned per order). Exact integer fen, no floats.

**A month without a rate**: the orders of that month do not count toward spend, the tier measure
or points until the rate is typed (Settings → Channels); their count, first and last order still
do (they are orders whatever their currency). The Members tab's banner names the channel,
currency and months (``core.members.currency_note``). Typing the rate and pressing **Recompute tiers and
points** (core.edits.members.RecomputeTiers) rebuilds those channels' customers, then tiers and
points count them.

A shop whose channels are all in yuan reads the channel list only (``spend_channels`` is empty)
and every query stays the plain SQL sum it was.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, and_, select

from core.currency import Currencies, convert, month_of
from core.models import Order

ORDERS = Order.__table__
KEY_CHUNK = 500


def spend_channels(conn: Connection, currencies: Currencies | None = None) -> tuple[Currencies, list[str]]:
    """The rates and the channels whose amounts need converting (empty for a yuan-only shop)."""
    currencies = currencies if currencies is not None else Currencies.load(conn)
    return currencies, sorted(currencies.foreign)


def order_kept(currencies: Currencies, platform: str, day: Any, paid: int, refund: int) -> tuple[int, int] | None:
    """(paid, refunds) of one order in fen at its payment month's rate; None when that month has no rate."""
    if day is None:
        return None
    day = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
    rate: Decimal | None = currencies.rate(currencies.currency_of(platform), day)
    if rate is None:
        return None
    return convert(int(paid or 0), rate), convert(int(refund or 0), rate)


def buyer_money(conn: Connection, currencies: Currencies, platform: str, *, start: dt.date | None = None,
                end: dt.date | None = None, keys: list[str] | None = None) -> dict[str, tuple[int, int]]:
    """Per buyer key of ``platform``: (paid, refunds) in fen of their paid orders (paid in
    ``[start, end]`` when given; ``keys`` only when given), orders of months without a rate left out."""
    o = ORDERS.c
    where = [o.platform == platform, o.is_paid == True, o.buyer_key.is_not(None), o.buyer_key != ""]  # noqa: E712
    if start is not None:
        where.append(o.pay_date >= start)
    if end is not None:
        where.append(o.pay_date <= end)
    stmt = select(o.buyer_key, o.pay_date, o.paid_fen, o.refund_fen)
    chunks = [and_(*where)] if keys is None else [and_(*where, o.buyer_key.in_(keys[i:i + KEY_CHUNK]))
                                                   for i in range(0, len(keys), KEY_CHUNK)]
    out: dict[str, tuple[int, int]] = {}
    for cond in chunks:
        for key, day, paid, refund in conn.execute(stmt.where(cond)):
            got = order_kept(currencies, platform, day, paid, refund)
            if got is None:
                continue
            before = out.get(key, (0, 0))
            out[key] = (before[0] + got[0], before[1] + got[1])
    return out


def window_spend(conn: Connection, currencies: Currencies, platforms: list[str], start: dt.date, end: dt.date,
                 keys: list[str] | None = None) -> dict[tuple[str, str], int]:
    """Per (platform, buyer key) of the foreign ``platforms``: spend (paid − refunds, fen) in ``[start, end]``."""
    out: dict[tuple[str, str], int] = {}
    for platform in platforms:
        for key, (paid, refund) in buyer_money(conn, currencies, platform, start=start, end=end, keys=keys).items():
            out[(platform, key)] = paid - refund
    return out


@dataclass(frozen=True)
class MissingRate:
    platform: str
    currency: str
    months: tuple[str, ...]
    orders: int  # paid orders with a buyer in those months


def missing_rates(conn: Connection, currencies: Currencies, platforms: list[str]) -> list[MissingRate]:
    """The foreign channels with paid customer orders in months that have no rate."""
    o = ORDERS.c
    out = []
    for platform in platforms:
        currency = currencies.currency_of(platform)
        months: dict[str, int] = {}
        for day, in conn.execute(select(o.pay_date).where(o.platform == platform, o.is_paid == True,  # noqa: E712
                                                           o.buyer_key.is_not(None), o.buyer_key != "",
                                                           o.pay_date.is_not(None))):
            day = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
            if currencies.rate(currency, day) is None:
                months[month_of(day)] = months.get(month_of(day), 0) + 1
        if months:
            out.append(MissingRate(platform, currency, tuple(sorted(months)), sum(months.values())))
    return out


def tier_spend_channels(conn: Connection, rules: list) -> tuple[Currencies | None, list[str]]:
    """The foreign channels whose tier measure needs converting: none under the orders rule
    (a count of orders is the same in any currency) or in a yuan-only shop."""
    if not rules or rules[0].rule != "spend":
        return None, []
    return spend_channels(conn)
