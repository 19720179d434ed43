"""Every view the owner sees, exportable: ``export_view(db, "goals", "goals.xlsx", params)``.

The tab's Export button and the ``export NAME FILE`` command both call this, so they write the
same rows. See ``base`` (columns, params, writers) and ``catalogue`` (the views).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import BadInputError
from core.i18n import t
from core.views.base import FORMATS, View, ViewColumn, ViewParams, json_value, write_view

if TYPE_CHECKING:
    from core.db import Database

__all__ = ["FORMATS", "LISTS_VIEW", "View", "ViewColumn", "ViewParams", "export_view", "json_value", "view", "view_names",
           "view_rows", "write_view"]


ICS, ICS_VIEW = ".ics", "promotions"  # core.promotions_ics: one event per promotion and phase
LISTS_VIEW = "member-lists"  # core.member_lists: the recall lists, one sheet or key per list
CALENDAR_VIEW = "promotion-calendar"  # core.promotion_calendar_xlsx: a sheet per month drawn as a calendar


def _shop_festivals(db: Database, rows: list[dict], params: ViewParams) -> list:
    """The festivals of the calendar's months on the shop's channels (all of them before its first import)."""
    import datetime as dt

    from core.festivals import festivals_between
    from core.promotions import shop_channels

    days = [d for r in rows for d in (r["start"], r["end"])]
    first = params.date_from or min(days, default=params.today)
    last = params.date_to or max(days, default=params.today)
    from core.festival_choices import load_choices

    with db.session() as s:
        channels, choices = shop_channels(s), load_choices(s)
    try:
        found = festivals_between(first.replace(day=1), last + dt.timedelta(days=31), choices)
    except Exception:  # noqa: BLE001 - a year without a festival calendar: no festivals named
        return []
    return [f for f in found if not channels or set(f.platforms) & channels]


def view_names() -> list[str]:
    from core.views.catalogue import VIEWS

    return list(VIEWS)


def view(name: str) -> View:
    from core.views.catalogue import VIEWS

    try:
        return VIEWS[name]
    except KeyError:
        raise BadInputError(t("There is no view called {name!r}. Choose one of: {names}.", name=name,
                              names=", ".join([*VIEWS, LISTS_VIEW]))) from None


def view_rows(db: Database, name: str, params: ViewParams) -> list[dict]:
    with db.session() as s:
        return list(view(name).rows(s, params))


def export_view(db: Database, name: str, path: str | Path, params: ViewParams, *, progress=None,
                cancelled=None) -> tuple[Path, int]:
    """Write view ``name`` to ``path`` (.xlsx, .csv or .json; the promotions also .ics); returns the file
    and its row count."""
    if name == LISTS_VIEW:  # several lists in one file (core.member_lists), not one view
        from core.member_lists import export_member_lists

        return export_member_lists(db, path, params, progress=progress, cancelled=cancelled)
    v = view(name)
    suffix = Path(path).suffix.lower()
    if v.name == CALENDAR_VIEW and suffix == ".xlsx":  # drawn as a calendar; .csv/.json are its list
        from core.promotion_calendar_xlsx import write_calendar

        rows = view_rows(db, name, params)
        return write_calendar(rows, path, first=params.date_from, last=params.date_to,
                              festivals=_shop_festivals(db, rows, params)), len(rows)
    if suffix == ICS:  # a calendar file: only the promotions have days to put in one
        if v.name != ICS_VIEW:
            raise BadInputError(t("{file}: only the promotions view can be written as an .ics calendar; write "
                                  "{name} as .xlsx, .csv or .json.", file=Path(path).name, name=v.name))
        from core.promotions_ics import write_ics

        rows = view_rows(db, name, params)
        return write_ics(rows, path), len(rows)
    if suffix not in FORMATS:  # before any query: a wrong name costs nothing
        hint = t("{name}: the file must end in .xlsx, .csv, .json or .ics.", name=Path(path).name) \
            if v.name == ICS_VIEW else t("{name}: the file must end in .xlsx, .csv or .json.", name=Path(path).name)
        raise BadInputError(hint)
    rows = view_rows(db, name, params)
    return write_view(v, rows, path, params, progress=progress, cancelled=cancelled), len(rows)
