"""Why a file was not recognised, in the owner's words: the layout it looks most like, the
columns ShopDesk did recognise, those missing, and what to do (issue #18: trimmed exports)."""
from __future__ import annotations

from core.i18n import t
from core.imports.detect import Detection
from core.imports.fields import FIELD_TYPES, field_labels

MAX_LISTED = 12


def refusal_problem(det: Detection) -> str:
    """The "what is wrong" half of the refusal of an unrecognised file."""
    best = det.best
    if best is None or best.layout is None or not best.columns:
        return t("ShopDesk does not recognise this layout (no known order, refund, traffic, product or member columns).")
    labels = field_labels()
    layout = best.layout
    recognised = [f"{best.headers[col]} ({labels.get(key, key)})" for key, col in best.columns.items()
                  if key in FIELD_TYPES and col < len(best.headers)]
    more = len(recognised) - MAX_LISTED
    listed = "; ".join(recognised[:MAX_LISTED]) + (t("; and {count} more", count=more) if more > 0 else "")
    missing_keys = list(dict.fromkeys(best.missing + best.missing_core()))
    missing = "; ".join(
        f"{labels.get(key, key)} ({' / '.join(layout.fields.get(key, ())[:3]) or '—'})" for key in missing_keys
    )
    if not missing:
        return t("It looks most like “{layout}” ({percent}% of its typical columns), too little to be sure. "
                 "Recognised columns: {recognised}.", layout=t(layout.name), percent=round(best.confidence * 100),
                 recognised=listed)
    return t("It looks most like “{layout}” ({percent}% of its typical columns) but lacks: {missing}. "
             "Recognised columns: {recognised}.", layout=t(layout.name), percent=round(best.confidence * 100),
             missing=missing, recognised=listed)


def refusal_action(det: Detection) -> str:
    best = det.best
    if best is not None and best.layout is not None and "order_no" in best.missing_core() + best.missing:
        return t("Export the file again with its order number column; or, if every row is one order, map its columns "
                 "with File → Import…, where a file without order numbers identifies its orders by buyer and order "
                 "time, and save the mapping: the import command then uses it too (or pass --mapping FILE with "
                 "\"order_key\": [\"buyer_account\", \"created_at\"]).")
    return t("Open it with File → Import… to match its columns to ShopDesk's fields and save the mapping (the import "
             "command then uses it too, or pass --mapping FILE), or pass --platform if it is a known platform's export.")
