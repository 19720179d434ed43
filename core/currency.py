"""Channels in other currencies and the owner's exchange rates (issue #18, README "Currencies").

Every amount is stored as an integer of hundredths of its channel's currency (fen for CNY,
cents for USD, ZAR …): the importer reads ``12.34`` as 1234 whatever the currency. A channel's
currency is ``channels.currency`` (CNY unless an export or the owner says otherwise); the owner
types what one unit of a currency is worth in yuan per month (``exchange_rates``, Settings →
Channels).

Conversion (the one rule, used by the KPIs, the trend and the exports): a foreign channel's
amounts are summed **per day** in its own currency, and each day's sum is multiplied by the
rate of its month and rounded half up to the fen (exact decimal arithmetic, no floats). Every
total is a sum of those converted days, so a month equals the sum of its days everywhere.

A channel whose currency has no rate for a month in which it has paid orders is never added
to a total in a wrong unit: for any range touching such a month it is left out of the shop's
figures as a whole and reported separately, in its own currency, with the months that miss a
rate.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select

from core.models import Channel, ExchangeRate

BASE = "CNY"
CURRENCY_PATTERN = re.compile(r"^[A-Z]{3}$")
MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")
MAX_RATE = Decimal(100_000)  # yuan per unit: far above any real currency
RATE_DECIMALS = 8


def is_iso_currency(code: str) -> bool:
    """Whether ``code`` is a currency of ISO 4217 that money is paid in: the official table of the
    pinned ``iso4217`` package (SIX's list), less the codes without minor units (gold, SDR, the
    test code XTS, “no currency” XXX …)."""
    import iso4217  # 47 KB table, read on first use only

    entry = iso4217.raw_table.get(code)
    return entry is not None and entry.get("CcyMnrUnts") != "N.A."


def month_of(day: dt.date) -> str:
    """The ``YYYY-MM`` key of the month holding ``day``."""
    return f"{day.year:04d}-{day.month:02d}"


def parse_month(text: str) -> str | None:
    """``2026-11`` (also ``2026-1``, ``2026/11``) → ``2026-11``; None when it is not a month."""
    m = re.fullmatch(r"\s*(\d{4})[-/.](\d{1,2})\s*", str(text or ""))
    if not m or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 1900:
        return None
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"


def parse_rate(text: Any) -> Decimal | None:
    """A typed rate (``7.1234``, ``7,1234`` is not accepted) as an exact decimal; None when it is
    not a plain decimal number. Range checks are the edit's (they need a message)."""
    raw = str(text if text is not None else "").strip()
    if not re.fullmatch(r"\d+(\.\d+)?|\.\d+", raw):
        return None
    try:
        return Decimal(raw)
    except InvalidOperation:  # pragma: no cover - the pattern above admits only valid decimals
        return None


def rate_text(rate: Decimal) -> str:
    """The stored form of a rate: plain decimal text without trailing zeros (``7.1``, ``0.00045``)."""
    text = format(rate.normalize(), "f")
    return text


def convert(amount: int, rate: Decimal) -> int:
    """``amount`` hundredths of a currency in fen at ``rate`` yuan per unit, rounded half up
    (away from zero for negative amounts)."""
    return int((Decimal(amount) * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass
class Currencies:
    """The channels' currencies and the rates, read once per query."""

    channels: dict[str, str] = field(default_factory=dict)  # platform → currency, non-CNY only
    rates: dict[tuple[str, str], Decimal] = field(default_factory=dict)  # (currency, month) → yuan per unit

    @classmethod
    def load(cls, conn: Any) -> Currencies:
        channels = {p: c for p, c in conn.execute(select(Channel.platform, Channel.currency)) if c and c != BASE}
        rates: dict[tuple[str, str], Decimal] = {}
        if channels:
            for cur, month, rate in conn.execute(select(ExchangeRate.currency, ExchangeRate.month, ExchangeRate.rate)):
                parsed = parse_rate(rate)
                if parsed is not None and parsed > 0:
                    rates[(cur, month)] = parsed
        return cls(channels, rates)

    @property
    def foreign(self) -> dict[str, str]:
        return self.channels

    def currency_of(self, platform: str) -> str:
        return self.channels.get(platform, BASE)

    def rate(self, currency: str, day: dt.date) -> Decimal | None:
        if currency == BASE:
            return Decimal(1)
        return self.rates.get((currency, month_of(day)))


@dataclass
class Converted:
    """One foreign channel's per-day sums over a range, converted or not."""

    platform: str
    currency: str
    fen: dict[dt.date, list[int]]  # day → the sums in fen (only when every day has a rate)
    original: list[int]  # the range's sums in the channel's own currency
    missing_months: tuple[str, ...]  # months with paid orders and no rate

    @property
    def excluded(self) -> bool:
        return bool(self.missing_months)


def convert_days(currencies: Currencies, platform: str, days: dict[dt.date, list[int]]) -> Converted:
    """Convert a foreign channel's per-day sums (each a list of amounts in its currency) with
    each day's month rate. Any month without a rate leaves the channel unconverted."""
    currency = currencies.currency_of(platform)
    width = len(next(iter(days.values()))) if days else 0
    original = [sum(v[i] for v in days.values()) for i in range(width)]
    missing = sorted({month_of(d) for d in days if currencies.rate(currency, d) is None})
    if missing:
        return Converted(platform, currency, {}, original, tuple(missing))
    fen = {d: [convert(a, currencies.rate(currency, d)) for a in v] for d, v in days.items()}  # type: ignore[arg-type]
    return Converted(platform, currency, fen, original, ())


def missing_rate_message(currency: str, months: tuple[str, ...] | list[str]) -> str:
    """"no USD rate for 2026-11: set it in Settings → Channels" in the user's language."""
    from core.i18n import t

    return t("no {currency} rate for {months}: set it in Settings → Channels", currency=currency, months=", ".join(months))


@dataclass
class DailyPaid:
    """Paid amounts per payment day in fen, with the foreign channels converted; channels left
    out for a missing rate are in ``excluded`` (their own currency)."""

    fen: dict[dt.date, int]
    excluded: dict[str, Converted]

    @property
    def total(self) -> int:
        return sum(self.fen.values())


def daily_paid(conn: Any, start: dt.date, end: dt.date, platform: str | None = None) -> DailyPaid:
    """Σ ``paid_fen`` of paid orders per payment day in [start, end] (one platform or all),
    converted to fen by the rule of this module."""
    from sqlalchemy import func

    from core.models import Order

    cond = [Order.is_paid.is_(True), Order.pay_date.between(start, end)]
    if platform:
        cond.append(Order.platform == platform)
    currencies = Currencies.load(conn)
    if not currencies.foreign:
        q = select(Order.pay_date, func.sum(Order.paid_fen)).where(*cond).group_by(Order.pay_date)
        return DailyPaid({as_date(d): int(v or 0) for d, v in conn.execute(q)}, {})
    q = select(Order.pay_date, Order.platform, func.sum(Order.paid_fen)).where(*cond).group_by(Order.pay_date, Order.platform)
    fen: dict[dt.date, int] = {}
    foreign: dict[str, dict[dt.date, list[int]]] = {}
    for d, p, v in conn.execute(q):
        day = as_date(d)
        if p in currencies.foreign:
            foreign.setdefault(p, {})[day] = [int(v or 0)]
        else:
            fen[day] = fen.get(day, 0) + int(v or 0)
    excluded: dict[str, Converted] = {}
    for p, days in foreign.items():
        converted = convert_days(currencies, p, days)
        if converted.excluded:
            excluded[p] = converted
            continue
        for day, (amount,) in converted.fen.items():
            fen[day] = fen.get(day, 0) + amount
    return DailyPaid(fen, excluded)


def as_date(value: Any) -> dt.date:
    """A day read back from the database (SQLite may hand back the stored text of a date)."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
