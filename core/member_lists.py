"""The recall lists for an SMS / WeChat campaign: ``export member-lists FILE``.

The three lists of the Members tab (core.members: ``sleeping``, ``at_risk``, ``near_tier``), each
customer with name and phone exactly as the shop's exports gave them (a masked 138****1234 stays
masked; ShopDesk never unmasks or adds anything). By FILE's extension:

- ``.xlsx``: one sheet per list (sleeping, at-risk high-value, close to the next tier);
- ``.json``: one object, one key per list, each a list of records (keys in ``COLUMNS``);
- ``.csv``: one file (UTF-8 with BOM) with a first ``list`` column naming the list of each row;
  a customer on two lists is on two rows.

Rows: sleeping and at-risk highest spend first (the customers worth a message most), near-tier
smallest gap first.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.errors import BadInputError
from core.i18n import t
from core.views.base import FORMATS, ViewColumn, ViewParams, _cell, json_value

if TYPE_CHECKING:
    from core.db import Database

NAME = "member-lists"
LISTS = ("sleeping", "at_risk", "near_tier")


def list_title(code: str) -> str:
    return {"sleeping": t("Sleeping"), "at_risk": t("At-risk high-value"),
            "near_tier": t("Close to the next tier")}.get(code, code)


def _c(key: str, header: str, kind: str = "text", source: str = "", label=None) -> ViewColumn:
    return ViewColumn(key, lambda: t(header), kind, source, label)


def _channel(code: str) -> str:
    from core.kpi.output import channel_label

    return channel_label(code)


def _segment(code: str) -> str:
    from core.rfm import BY_ID

    return BY_ID[code].label if code in BY_ID else ""


COLUMNS = (
    _c("platform", "Channel", label=_channel), _c("buyer_key", "Buyer"), _c("name", "Name"), _c("phone", "Phone"),
    _c("tier", "Tier"), _c("segment", "Segment (RFM)", label=_segment), _c("orders", "Orders", "int"),
    _c("spend", "Spend", "money", source="spend_fen"), _c("last_order", "Last order", "datetime"),
    _c("recency_days", "Days since last order", "int", source="days_since_last"), _c("next_tier", "Next tier"),
    _c("amount_to_next_tier", "Still needed", "float"), _c("points", "Points", "int"), _c("tags", "Tags"),
)
LIST_COLUMN = _c("list", "List", label=list_title)


def list_rows(db: Database, today: dt.date) -> dict[str, list[dict[str, Any]]]:
    """Each list's customers as export rows (see the module docstring for the order)."""
    import dataclasses

    from core.members import member_rows

    with db.session() as s:
        rows = member_rows(s, today)
    out: dict[str, list[dict[str, Any]]] = {}
    for code in LISTS:
        chosen = [r for r in rows if code in r.lists]
        if code == "near_tier":
            chosen.sort(key=lambda r: (r.to_next_tier or 0, -r.spend_fen, r.platform, r.buyer_key))
        else:
            chosen.sort(key=lambda r: (-r.spend_fen, r.platform, r.buyer_key))
        records = []
        for r in chosen:
            d = dataclasses.asdict(r)
            gap = r.to_next_tier
            d["amount_to_next_tier"] = gap / 100 if gap is not None and r.tier_rule == "spend" else gap
            d["next_tier"] = r.next_tier or None
            d["list"] = code
            records.append(d)
        out[code] = records
    return out


def export_member_lists(db: Database, path: str | Path, params: ViewParams, *, progress=None,
                        cancelled=None) -> tuple[Path, int]:
    """Write the lists to ``path``; returns the file and the number of rows written."""
    from core.exports import Column, Sheet, _atomic_write, write_csv, write_xlsx

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise BadInputError(t("{name}: the file must end in .xlsx, .csv or .json.", name=path.name))
    lists = list_rows(db, params.today)
    count = sum(len(v) for v in lists.values())
    if suffix == ".json":
        data = {code: [{c.key: json_value(c.kind, c.value(r)) for c in COLUMNS} for r in rows]
                for code, rows in lists.items()}
        text = json.dumps(data, ensure_ascii=False, indent=1)
        return _atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8")), count
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    if suffix == ".csv":
        columns = (LIST_COLUMN, *COLUMNS)
        sheet = Sheet(name=t("Recall lists"), columns=[Column(c.header(), c.kind) for c in columns],
                      rows=[[_cell(c, c.value(r), csv=True) for c in columns] for rows in lists.values() for r in rows])
        return write_csv(path, sheet, progress=progress, cancelled=cancelled), count
    sheets = [Sheet(name=list_title(code), columns=[Column(c.header(), c.kind) for c in COLUMNS],
                    title=t("{title} · {params} · exported {time}", title=list_title(code), params=params.describe(),
                            time=stamp),
                    rows=[[_cell(c, c.value(r), csv=False) for c in COLUMNS] for r in rows])
              for code, rows in lists.items()]
    return write_xlsx(path, sheets, progress=progress, cancelled=cancelled), count
