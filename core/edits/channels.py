"""Edits of Settings → Channels: a channel's currency and the exchange rates per currency and month.

Rates change how every foreign channel's orders count in yuan, so these edits reload what shows
orders (topic ``orders``). A rate is typed as a plain decimal (yuan for one unit of the
currency) and stored as exact decimal text; clearing it removes the row (undo writes it back).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from sqlalchemy.orm import Session

from core.currency import (BASE, CURRENCY_PATTERN, MAX_RATE, RATE_DECIMALS, is_iso_currency, parse_month, parse_rate,
                           rate_text)
from core.edits.base import FieldError, Recorder, read_row
from core.i18n import t
from core.models import Channel, ExchangeRate

TOPICS = frozenset({"orders", "settings", "customers"})  # customers: their spend follows the rates (follow_rates)


def check_currency(value: str, *, field: str = "currency", row: object = None) -> str:
    code = str(value or "").strip().upper()
    if not CURRENCY_PATTERN.match(code):
        raise FieldError(t("“{value}” is not a currency code: type the three letters of ISO 4217, such as USD, GBP or ZAR.",
                           value=str(value or "").strip()), field=field, row=row)
    if not is_iso_currency(code):
        raise FieldError(t("“{value}” is not a currency of ISO 4217: type the code your bank or the export uses for "
                           "the channel's money, such as USD, GBP or ZAR.", value=code), field=field, row=row)
    return code


@dataclass(frozen=True)
class SetChannelCurrency:
    """Set the currency a channel's amounts are in (the channel row is created when missing)."""

    platform: str
    currency: str
    topics: ClassVar[frozenset[str]] = TOPICS

    @property
    def label(self) -> str:
        return t("Set the currency of {channel} to {currency}", channel=self.platform, currency=self.currency.upper())

    def apply(self, session: Session, rec: Recorder) -> None:
        platform = str(self.platform or "").strip()
        if not platform:
            raise FieldError(t("Choose the channel whose currency to set."), field="platform")
        code = check_currency(self.currency, row=platform)
        current = read_row(session, Channel.__table__, (platform,))
        if current is not None and current.get("currency") == code:
            return
        rec.upsert(Channel, platform, {"currency": code}, title=t("Channel {channel}", channel=platform))
        from core.edits.members import follow_rates

        follow_rates(session, rec, [platform])


@dataclass(frozen=True)
class SetExchangeRate:
    """Set (or, with an empty rate, remove) what one unit of ``currency`` is worth in yuan in ``month``."""

    currency: str
    month: str
    rate: str | None
    topics: ClassVar[frozenset[str]] = TOPICS

    @property
    def label(self) -> str:
        if not str(self.rate or "").strip():
            return t("Remove the {currency} rate for {month}", currency=self.currency.upper(), month=self.month)
        return t("Set the {currency} rate for {month}", currency=self.currency.upper(), month=self.month)

    def apply(self, session: Session, rec: Recorder) -> None:
        code = check_currency(self.currency, row=(self.currency, self.month))
        if code == BASE:
            raise FieldError(t("CNY is the shop's own currency: its rate is always 1. Type a rate for another currency."),
                             field="currency", row=(self.currency, self.month))
        month = parse_month(self.month)
        if month is None:
            raise FieldError(t("“{value}” is not a month: type it as year-month, such as 2026-11.", value=self.month),
                             field="month", row=(code, self.month))
        key = (code, month)
        title = t("{currency} rate for {month}", currency=code, month=month)
        raw = str(self.rate if self.rate is not None else "").strip()
        if not raw:
            if read_row(session, ExchangeRate.__table__, key) is not None:
                rec.remove(ExchangeRate, key, title=title)
                _customers_follow(session, rec, code)
            return
        rate = parse_rate(raw)
        if rate is None:
            raise FieldError(t("“{value}” is not a rate: type how many yuan one {currency} is worth, such as 7.1234.",
                               value=raw, currency=code), field="rate", row=key)
        if rate <= 0:
            raise FieldError(t("A rate must be above 0: type how many yuan one {currency} is worth.", currency=code),
                             field="rate", row=key)
        if rate >= MAX_RATE:
            raise FieldError(t("{value} yuan for one {currency} is too large; type the rate for one unit, such as 7.1234.",
                               value=raw, currency=code), field="rate", row=key)
        if -rate.as_tuple().exponent > RATE_DECIMALS:  # type: ignore[operator]
            raise FieldError(t("A rate has at most {n} decimals; “{value}” has more.", n=RATE_DECIMALS, value=raw),
                             field="rate", row=key)
        rec.upsert(ExchangeRate, key, {"rate": rate_text(rate)}, title=title)
        _customers_follow(session, rec, code)


def _customers_follow(session: Session, rec: Recorder, currency: str) -> None:
    """The customers of the channels in ``currency``: their spend at the rates now set, in the same change."""
    from core.currency import Currencies
    from core.edits.members import follow_rates

    currencies = Currencies.load(session.connection())
    follow_rates(session, rec, sorted(p for p in currencies.foreign if currencies.currency_of(p) == currency))
