"""Column mappings the owner confirmed for layouts ShopDesk did not recognise.

A mapping is remembered by the file's header signature (``headers.header_signature``), so
the next export with the same columns imports without asking again.
"""
from __future__ import annotations

from sqlalchemy import select

from core.errors import UserFacingError
from core.i18n import t
from core.imports.fields import KINDS, fields_for, required_fields
from core.imports.order_key import ORDER_KEY, rule_of
from core.models import ColumnMapping
from core.orders import PLATFORMS


def check_mapping(kind: str, mapping: dict[str, str]) -> None:
    """Raise a clear error for a mapping that names unknown fields or misses required ones."""
    if kind not in KINDS:
        raise UserFacingError(t("Unknown import kind “{kind}”; use one of: {kinds}", kind=kind, kinds=", ".join(KINDS)))
    known = {f.key for f in fields_for(kind)}
    unknown = sorted(k for k in mapping if k not in known and k != ORDER_KEY)
    if unknown:
        raise UserFacingError(t("The mapping names fields ShopDesk does not have: {fields}", fields=", ".join(unknown)))
    missing = missing_fields(kind, mapping)
    if missing:
        labels = {f.key: f.label for f in fields_for(kind)}
        raise UserFacingError(
            t("Choose a column for every required field: {fields}", fields=", ".join(labels[m] for m in missing))
        )


def missing_fields(kind: str, mapping: dict[str, str]) -> list[str]:
    """The required fields a mapping has no column for. An order file without an order number
    names an order-key rule instead (core.imports.order_key): the rule's columns are then
    required, and a payment time may stand in for the created-at time."""
    required = list(required_fields(kind))
    rule = rule_of(mapping)
    if rule is not None:
        if kind != "orders":
            raise UserFacingError(t("Only order files can identify their orders by a rule (order_key); this mapping is "
                                    "for {kind}.", kind=kind))
        if mapping.get("order_no"):
            raise UserFacingError(t("The mapping has both an order number column and an order_key rule: keep only "
                                    "one of them."))
        # the rule's time (created_at or paid_at) stands in for the created-at time
        required = [f for f in required if f not in ("order_no", "created_at")] + list(rule)
    if kind == "orders" and mapping.get("paid_net"):
        # 买家实际支付金额 (paid after refunds) is the order's amount when the file has no gross one
        required = [f for f in required if f != "paid"]
    return list(dict.fromkeys(f for f in required if not mapping.get(f)))


def save_mapping(db, signature: str, platform: str, kind: str, mapping: dict[str, str]) -> None:
    """Remember ``mapping`` (canonical field -> header) for files whose headers hash to ``signature``."""
    if platform not in PLATFORMS:
        raise UserFacingError(t("Unknown platform “{platform}”; use one of: {ids}", platform=platform, ids=", ".join(PLATFORMS)))
    clean = {k: v for k, v in mapping.items() if v}
    check_mapping(kind, clean)
    with db.transaction() as s:
        row = s.get(ColumnMapping, signature)
        if row is None:
            s.add(ColumnMapping(signature=signature, platform=platform, kind=kind, mapping=clean))
        else:
            row.platform, row.kind, row.mapping = platform, kind, clean


def saved_mapping(db, signature: str) -> tuple[str, str, dict[str, str]] | None:
    """``(platform, kind, mapping)`` remembered for this header signature, if any."""
    if db is None or not signature:
        return None
    with db.session() as s:
        row = s.execute(select(ColumnMapping).where(ColumnMapping.signature == signature)).scalar_one_or_none()
        return (row.platform, row.kind, dict(row.mapping)) if row else None


def guess_kind(mapping: dict[str, str]) -> str:
    keys = set(mapping) | ({"order_no"} if mapping.get(ORDER_KEY) else set())
    if "refund_no" in keys:
        return "refunds"
    if "visitors" in keys:
        return "traffic"
    if "buyer_account" in keys and "order_no" not in keys:
        return "members"
    if "order_no" not in keys and "sku_code" in keys:
        return "products"
    if "order_no" in keys and "paid" not in keys and "created_at" not in keys and "qty" in keys:
        return "lines"
    return "orders"
