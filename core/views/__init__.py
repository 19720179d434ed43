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
