"""What Settings → Channels shows: each channel's currency and the exchange rates (core.currency).

``channel_rows`` lists the channels that exist or have orders, with the months of paid orders
whose currency has no rate yet; ``rate_rows`` lists the typed rates. Both are the rows of the
``channels`` and ``exchange-rates`` exports (core.views.channel_views).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from core.currency import BASE, Currencies, month_of
from core.models import Channel, ExchangeRate, Order


@dataclass(frozen=True)
class ChannelRow:
    platform: str
    shop_name: str
    currency: str
    paid_orders: int
    missing_rate_months: tuple[str, ...]  # months with paid orders and no rate (foreign channels)

    @property
    def missing_text(self) -> str:
        return ", ".join(self.missing_rate_months)


@dataclass(frozen=True)
class RateRow:
    currency: str
    month: str
    rate: str
    channels: tuple[str, ...]  # the channels in this currency


def channel_rows(conn: Any) -> list[ChannelRow]:
    currencies = Currencies.load(conn)
    channels = {p: (name or "", cur or BASE) for p, name, cur in
                conn.execute(select(Channel.platform, Channel.shop_name, Channel.currency))}
    counts = dict(conn.execute(select(Order.platform, func.count()).where(Order.is_paid.is_(True)).group_by(Order.platform)).all())
    rows = []
    for platform in sorted(set(channels) | set(counts)):
        name, currency = channels.get(platform, ("", BASE))
        missing: tuple[str, ...] = ()
        if currency != BASE:
            days = conn.execute(select(Order.pay_date).where(Order.platform == platform, Order.is_paid.is_(True),
                                                             Order.pay_date.is_not(None)).distinct()).scalars()
            months = {month_of(d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d))) for d in days}
            missing = tuple(sorted(m for m in months if (currency, m) not in currencies.rates))
        rows.append(ChannelRow(platform, name, currency, int(counts.get(platform, 0)), missing))
    return rows


def rate_rows(conn: Any) -> list[RateRow]:
    by_currency: dict[str, list[str]] = {}
    for p, cur in conn.execute(select(Channel.platform, Channel.currency)):
        by_currency.setdefault(cur, []).append(p)
    q = select(ExchangeRate.currency, ExchangeRate.month, ExchangeRate.rate).order_by(ExchangeRate.currency,
                                                                                      ExchangeRate.month.desc())
    return [RateRow(c, m, r, tuple(sorted(by_currency.get(c, ())))) for c, m, r in conn.execute(q)]


def currencies_in_use(conn: Any) -> list[str]:
    """The channels' currencies other than CNY, for the rate form's choices."""
    return sorted({c for (c,) in conn.execute(select(Channel.currency)) if c and c != BASE})
