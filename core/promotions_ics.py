"""The promotion calendar as an iCalendar (.ics) file that phones, Outlook and Google Calendar import.

One all-day event per promotion and one per phase (预热, 正式, 返场 …). DTEND is the day after
the last day, as RFC 5545 wants for all-day events: an event written with DTEND = its last day
shows one day short in every calendar app. UIDs depend only on the promotion's id and the
phase's position, so importing a newer export updates the events instead of doubling them.

Rows are those of the ``promotions`` view (core.views.catalogue), so ``export promotions x.ics``
writes the same promotions as the .xlsx.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from core.i18n import list_text, t
from core.money import format_fen

PRODID = "-//ShopDesk//Promotion calendar//EN"
ONE = dt.timedelta(days=1)


def promotion_uid(promotion_id: int, phase: int | None = None) -> str:
    # Stable across exports: a re-import replaces the event rather than adding a copy.
    base = f"promotion-{promotion_id}"
    return f"{base}-phase-{phase}@shopdesk" if phase is not None else f"{base}@shopdesk"


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _channels(platforms: Iterable[str]) -> str:
    from core.kpi.output import channel_label

    return list_text(channel_label(p) for p in platforms) or t("All channels")


def _description(row: Mapping[str, Any], phase: str | None = None) -> str:
    lines = [t("Promotion: {name}", name=row["name"])]
    if phase:
        lines.append(t("Phase: {phase}", phase=phase))
    lines.append(t("Channels: {channels}", channels=_channels(row.get("platforms") or ())))
    budget = int(row.get("budget_fen") or 0)
    discount, ad = int(row.get("discount_budget_fen") or 0), int(row.get("ad_budget_fen") or 0)
    if discount or ad:
        lines.append(t("Budget: {budget} (discount cost {discount} + ad spend {ad})", budget=format_fen(budget),
                       discount=format_fen(discount), ad=format_fen(ad)))
    else:
        lines.append(t("Budget: {budget}", budget=format_fen(budget)))
    if row.get("target_gmv_fen"):
        lines.append(t("Target GMV: {target}", target=format_fen(int(row["target_gmv_fen"]))))
    for name, start, end in _phase_list(row):
        lines.append(f"· {name} {start:%m-%d}~{end:%m-%d}")
    if row.get("note"):
        lines.append(str(row["note"]))
    return "\n".join(lines)


def _phase_list(row: Mapping[str, Any]) -> list[tuple[str, dt.date, dt.date]]:
    out = []
    for p in row.get("phases") or ():
        if isinstance(p, Mapping):
            out.append((str(p["name"]), _date(p["start"]), _date(p["end"])))
        else:  # a PromotionRow's (name, start, end)
            out.append((str(p[0]), _date(p[1]), _date(p[2])))
    return out


def promotions_calendar(rows: Iterable[Mapping[str, Any]], *, stamp: dt.datetime | None = None):
    """An ``icalendar.Calendar`` of ``rows`` (dicts of the promotions view)."""
    from icalendar import Calendar, Event

    stamp = stamp or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", t("ShopDesk promotions"))

    def event(uid: str, summary: str, start: dt.date, end: dt.date, description: str, status: str) -> Event:
        e = Event()
        e.add("uid", uid)
        e.add("dtstamp", stamp)
        e.add("summary", summary)
        e.add("dtstart", start)  # a date, not a datetime: VALUE=DATE, an all-day event
        e.add("dtend", end + ONE)  # exclusive
        e.add("description", description)
        e.add("transp", "TRANSPARENT")  # a promotion does not make the owner busy
        if status == "cancelled":
            e.add("status", "CANCELLED")
        return e

    for row in rows:
        status = str(row.get("status") or "")
        start, end = _date(row["start"]), _date(row["end"])
        cal.add_component(event(promotion_uid(int(row["id"])), str(row["name"]), start, end, _description(row),
                                status))
        for i, (name, a, b) in enumerate(_phase_list(row)):
            cal.add_component(event(promotion_uid(int(row["id"]), i), f"{row['name']} · {name}", a, b,
                                    _description(row, name), status))
    return cal


def write_ics(rows: Iterable[Mapping[str, Any]], path: str | Path) -> Path:
    """Write ``rows`` to ``path`` all-or-nothing (the same replace as the other exports)."""
    from core.exports import _atomic_write

    data = promotions_calendar(rows).to_ical()
    return _atomic_write(path, lambda tmp: tmp.write_bytes(data))
