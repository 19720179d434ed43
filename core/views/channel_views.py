"""Settings → Channels as exports: ``channels`` (each channel's currency, the months missing a
rate) and ``exchange-rates`` (the rates the owner typed)."""
from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy.orm import Session

from core.channel_rates import channel_rows, rate_rows
from core.i18n import t
from core.views.base import View, ViewParams
from core.views.columns import channel
from core.views.columns import column as _c


def _channels(session: Session, _params: ViewParams) -> list[dict[str, Any]]:
    return [{**dataclasses.asdict(r), "missing_rate_months": r.missing_text} for r in channel_rows(session)]


def _rates(session: Session, _params: ViewParams) -> list[dict[str, Any]]:
    return [{**dataclasses.asdict(r), "channels": ", ".join(r.channels)} for r in rate_rows(session)]


CHANNELS = View(
    "channels", lambda: t("Channels"),
    (_c("platform", "Channel", label=channel), _c("shop_name", "Shop"), _c("currency", "Currency"),
     _c("paid_orders", "Paid orders", "int"), _c("missing_rate_months", "Months without a rate")),
    _channels,
)

EXCHANGE_RATES = View(
    "exchange-rates", lambda: t("Exchange rates"),
    (_c("currency", "Currency"), _c("month", "Month"), _c("rate", "Yuan per unit"), _c("channels", "Channels")),
    _rates,
)
