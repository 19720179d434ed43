"""A promotion's figures in yuan when its channels sell in other currencies (issue #18, README
"Currencies"; core.currency holds the rule).

``core.promotion_effect.measure`` sums a foreign channel's paid amounts (or a scope's line sales)
per payment day in its own currency and converts each day's sum at its month's rate, rounded half
up to the fen; per SKU it converts each SKU's sales per day, as the dashboard's SKU sales do. A
channel whose currency lacks a rate for a month of any window the effect measures (the promotion,
the days before it, the same festival last year) is left out of all of them, so the uplift and
ROI compare the same channels; the effect names it with its GMV and orders in its own currency
(``LeftOut``). A shop whose channels are all in yuan reads nothing more than the channel list.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.currency import Currencies, as_date, convert, missing_rate_message, month_of
from core.models import Order


@dataclass(frozen=True)
class LeftOut:
    """A channel left out of a promotion's figures for a missing rate, in its own currency."""

    platform: str
    currency: str
    gmv: int  # hundredths of its currency, the promotion's days (and scope)
    orders: int
    missing_months: tuple[str, ...]


def foreign_among(currencies: Currencies | None, platforms: Sequence[str], exclude: Sequence[str] = ()) -> list[str]:
    """The channels in another currency among ``platforms`` (all channels when empty)."""
    if currencies is None or not currencies.foreign:
        return []
    return sorted(p for p in currencies.foreign if (not platforms or p in platforms) and p not in exclude)


def missing_rates(session: Session, currencies: Currencies, platforms: Sequence[str],
                  windows: Sequence[tuple[dt.date, dt.date]]) -> dict[str, tuple[str, ...]]:
    """Per foreign channel among ``platforms``: the months of its paid orders in ``windows`` without a rate."""
    out: dict[str, tuple[str, ...]] = {}
    for platform in foreign_among(currencies, platforms):
        currency = currencies.currency_of(platform)
        months: set[str] = set()
        for start, end in windows:
            days = session.execute(select(Order.pay_date).where(
                Order.platform == platform, Order.is_paid.is_(True), Order.pay_date.between(start, end)).distinct()).scalars()
            months.update(month_of(as_date(d)) for d in days if currencies.rate(currency, as_date(d)) is None)
        if months:
            out[platform] = tuple(sorted(months))
    return out


def convert_day_sums(currencies: Currencies, platform: str, day: dt.date, amount: int) -> int:
    """One day's sum of ``platform`` (its currency) in fen; the caller has left out channels without a rate."""
    rate = currencies.rate(currencies.currency_of(platform), day)
    assert rate is not None, "a channel without a rate is left out before it is measured"
    return convert(amount, rate)


def left_out_text(left: Sequence[LeftOut]) -> str:
    """“Not counted: Shopify — GMV USD 1,234.00, 14 orders (no USD rate for 2026-11: set it in Settings →
    Channels).” in the user's language; empty when nothing is left out."""
    from core.i18n import t
    from core.kpi.output import channel_label

    parts = [t("{channel} — GMV {currency} {gmv}, paid orders: {orders} ({why})", channel=channel_label(x.platform),
               currency=x.currency, gmv=f"{x.gmv / 100:,.2f}", orders=f"{x.orders:,}",
               why=missing_rate_message(x.currency, x.missing_months)) for x in left]
    return t("Not counted in these figures: {channels}.", channels="; ".join(parts)) if parts else ""


def converted_text(platforms: Sequence[str], currencies: Currencies | None) -> str:
    """“Shopify's USD amounts are converted to yuan at your monthly rates.”; empty when none."""
    if not platforms or currencies is None:
        return ""
    from core.i18n import t
    from core.kpi.output import channel_label

    return t("In yuan: {channels} converted at the monthly rates of Settings → Channels.",
             channels=", ".join(f"{channel_label(p)} ({currencies.currency_of(p)})" for p in platforms))

