"""Parsed rows of refund, traffic, product/stock and member exports → rows to upsert."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from core.i18n import t
from core.imports.detect import Detection
from core.imports.normalize import buyer_key
from core.imports.rows import Problems, parsed_rows
from core.imports.statuses import refund_status
from core.orders import PLATFORMS, platform_id
from core.typed_values import MAX_COUNT


@dataclass
class Normalized:
    kind: str
    platform: str
    rows: list[dict] = field(default_factory=list)
    stock: list[dict] = field(default_factory=list)  # products: stock levels beside the SKUs
    provided: set[str] = field(default_factory=set)
    stock_provided: set[str] = field(default_factory=set)
    rows_read: int = 0
    rows_skipped: int = 0
    preview: list[dict] = field(default_factory=list)


def _rows(detection: Detection, problems: Problems, key: str | None, cancelled, progress):
    several = len(detection.matches) > 1
    for match in detection.matches:
        sheet = match.table.name if several else ""
        yield from parsed_rows(match, problems, key_field=key, sheet_label=sheet, cancelled=cancelled, progress=progress)


def _mapped(detection: Detection) -> set[str]:
    return set().union(*(m.columns for m in detection.matches)) if detection.matches else set()


def normalize_refunds(detection: Detection, problems: Problems, platform: str,
                      cancelled: Callable[[], bool] | None = None, progress=None) -> Normalized:
    out = Normalized("refunds", platform)
    before = problems.error_count
    for prow in _rows(detection, problems, "refund_no", cancelled, progress):
        v = prow.values
        out.rows_read += 1
        if v.get("order_no") is None:
            problems.error(prow.row, "", t("The refund has no order number; it was skipped"), prow.sheet)
            continue
        text = str(v.get("refund_status") or "")
        out.rows.append({
            "platform": platform,
            "refund_no": str(v["refund_no"])[:80],
            "order_no": str(v["order_no"])[:80],
            "sku_code": str(v.get("sku_code") or "")[:80],
            "title": str(v.get("title") or "")[:300],
            "amount_fen": (v.get("amount") or 0) + (v.get("refund_shipping") or 0),  # type: ignore[operator]
            "status": refund_status(text) if text else "success",
            "status_text": text[:100],
            "reason": str(v.get("reason") or "")[:200],
            "applied_at": v.get("applied_at"),
            "completed_at": v.get("completed_at"),
        })
    out.rows_read += problems.error_count - before
    out.rows_skipped = problems.error_count - before
    out.provided = {"sku_code", "title", "amount_fen", "status", "status_text", "reason", "applied_at", "completed_at", "order_no"}
    return out


def normalize_traffic(detection: Detection, problems: Problems, platform: str | None,
                      cancelled: Callable[[], bool] | None = None, progress=None) -> Normalized:
    """Daily traffic per platform. 生意参谋 商品排行 has one row per item and day; visitors are
    summed over items, which counts a visitor who saw two items twice (an approximation)."""
    mapped = _mapped(detection)
    out = Normalized("traffic", platform or "")
    totals: dict[tuple[dt.date, str], dict] = {}
    before = problems.error_count
    for prow in _rows(detection, problems, None, cancelled, progress):
        v = prow.values
        out.rows_read += 1
        day = v.get("day")
        if day is None or (v.get("item_id") is None and "item_id" in mapped):
            out.rows_skipped += 1  # footer and placeholder rows (商品ID "-", no 统计日期)
            continue
        plat = platform_id(v.get("platform_name")) if v.get("platform_name") else None  # type: ignore[arg-type]
        if v.get("platform_name") and plat is None:
            problems.error(prow.row, "", t("Unknown platform “{name}”; use one of: {ids}", name=v["platform_name"], ids=", ".join(PLATFORMS)), prow.sheet)
            continue
        plat = plat or platform
        if not plat:
            problems.error(prow.row, "", t("The row names no platform; fill in the platform column or choose the platform"), prow.sheet)
            continue
        acc = totals.setdefault((day, plat), {"day": day, "platform": plat, "visitors": 0, "page_views": 0, "paying_buyers": 0, "ad_spend_fen": 0})  # type: ignore[index]
        acc["visitors"] += v.get("visitors") or 0
        acc["page_views"] += v.get("page_views") or 0
        acc["paying_buyers"] += v.get("paying_buyers") or 0
        acc["ad_spend_fen"] += v.get("ad_spend") or 0
    out.rows_skipped += problems.error_count - before
    keep = {"visitors"}
    if "page_views" in mapped:
        keep.add("page_views")
    if "paying_buyers" in mapped:
        keep.add("paying_buyers")
    if "ad_spend" in mapped:
        keep.add("ad_spend_fen")
    out.provided = keep
    out.rows = [{k: r[k] for k in ("day", "platform", *sorted(keep))} for r in totals.values()]
    return out


def normalize_products(detection: Detection, problems: Problems, platform: str,
                       cancelled: Callable[[], bool] | None = None, progress=None) -> Normalized:
    mapped = _mapped(detection)
    out = Normalized("products", platform)
    sku_cols = {"title": "title", "spec": "spec", "category": "category", "cost": "cost_fen", "price": "price_fen",
                "supplier": "supplier", "lead_time_days": "lead_time_days", "order_multiple": "order_multiple"}
    out.provided = {col for key, col in sku_cols.items() if key in mapped}
    out.stock_provided = {k for k in ("on_hand", "in_transit") if k in mapped}
    seen: dict[str, int] = {}
    now = dt.datetime.now().replace(microsecond=0)
    before = problems.error_count
    own_errors = 0  # rows counted as read, then refused here (the others never reach the loop)
    for prow in _rows(detection, problems, None, cancelled, progress):
        v = prow.values
        out.rows_read += 1
        entries = _assistant_skus(v) if v.get("sku_props") else []
        if not entries:
            if v.get("sku_code") is None:
                problems.error(prow.row, "", t("The row has no SKU code (商家编码); it was skipped"), prow.sheet)
                own_errors += 1
                continue
            entries = [(str(v["sku_code"]), v.get("price"), v.get("on_hand"), "")]
        refused = _refused_value(detection, v, entries)
        if refused is not None:
            header, message = refused
            problems.error(prow.row, header, t("{problem}; the row was skipped", problem=message.rstrip(".。")), prow.sheet)
            own_errors += 1
            continue
        for code, price, on_hand, spec in entries:
            sku = {"code": code[:80]}
            for key, col in sku_cols.items():
                if key in mapped:
                    value = v.get(key)
                    if key == "price" and price is not None:
                        value = price
                    if key == "spec" and spec:
                        value = spec
                    sku[col] = _default_for(col) if value is None else (str(value)[:300] if isinstance(value, str) else value)
            if code in seen:
                out.rows[seen[code]].update(sku)
            else:
                seen[code] = len(out.rows)
                out.rows.append(sku)
            if out.stock_provided:
                level = {"sku_code": code[:80], "as_of": now}
                for k in out.stock_provided:
                    value = on_hand if (k == "on_hand" and on_hand is not None) else v.get(k)
                    level[k] = value or 0
                out.stock.append(level)
    out.rows_skipped = problems.error_count - before
    out.rows_read += out.rows_skipped - own_errors  # a row with an unreadable cell was read too
    return out


# The Inventory form's ranges and words (core/edits/stock.py), here without importing the edits
# (they sit above the imports): key → (the form's field name, lowest, highest; None: an amount ≥ ¥0).
_CHECKED: dict[str, tuple[str, int | None, int | None]] = {
    "on_hand": ("On hand", 0, MAX_COUNT - 1), "in_transit": ("In transit", 0, MAX_COUNT - 1),
    "cost": ("Unit cost", None, None), "lead_time_days": ("Lead time (days)", 0, 365),
    "order_multiple": ("Order multiple", 1, 100_000),
}


def _refused_value(detection: Detection, v: dict, entries: list) -> tuple[str, str] | None:
    """(the column's header, what is wrong) for a stock or product value the Inventory table would
    refuse too — a negative stock, cost, price or lead time, an order multiple of 0 — else None: such a
    row is skipped, never stored as a count the alerts then misread (−5 on hand showed as "OK")."""
    def header(key: str) -> str:
        return next((m.headers[m.columns[key]] for m in detection.matches if key in m.columns), key)

    for key, (name, lo, hi) in _CHECKED.items():
        values = [v.get(key)] + ([e[2] for e in entries] if key == "on_hand" else [])
        for value in (x for x in values if x is not None):
            if lo is None:
                if value < 0:  # type: ignore[operator]
                    return header(key), t("{field} cannot be below ¥0; type 0 when it costs nothing.", field=t(name))
            elif not lo <= value <= hi:  # type: ignore[operator]
                return header(key), t("{field} must be between {lo} and {hi}; {value} was entered.", field=t(name),
                                      lo=f"{lo:,}", hi=f"{hi:,}", value=f"{value:,}")
    for price in (x for x in [v.get("price")] + [e[1] for e in entries] if x is not None):
        if price < 0:  # type: ignore[operator]
            return header("price"), t("The selling price cannot be below ¥0")
    return None


def _default_for(col: str) -> object:
    return {"lead_time_days": 7, "order_multiple": 1}.get(col, "" if col in ("title", "spec", "category", "supplier") else 0)


def _assistant_skus(v: dict) -> list[tuple[str, int | None, int | None, str]]:
    """淘宝助理 销售属性组合: ``price:qty:outer_id:pid:vid;pid:vid;price:qty:…`` — one entry per
    SKU; only SKUs with their own 商家编码 can be kept apart."""
    from core.imports.values import parse_int, parse_money

    out = []
    for token in str(v["sku_props"]).split(";"):
        parts = token.split(":")
        if len(parts) >= 4:
            code = parts[2].strip()
            if not code:
                continue
            try:
                price, qty = parse_money(parts[0]), parse_int(parts[1])
            except ValueError:
                continue
            out.append((code, price, qty, ""))
    return out


def normalize_members(detection: Detection, problems: Problems, platform: str,
                      cancelled: Callable[[], bool] | None = None, progress=None) -> Normalized:
    mapped = _mapped(detection)
    out = Normalized("members", platform)
    cols = {"name": "name", "phone": "phone", "orders_count": "orders_count", "spend": "spend_fen",
            "last_order_at": "last_order_at", "first_order_at": "first_order_at", "tags": "tags",
            "source": "source", "points": "points"}
    out.provided = {col for key, col in cols.items() if key in mapped}
    index: dict[str, int] = {}
    before = problems.error_count
    for prow in _rows(detection, problems, None, cancelled, progress):
        v = prow.values
        out.rows_read += 1
        account = str(v["buyer_account"]).strip() if v.get("buyer_account") is not None else None
        phone = str(v["phone"]).strip() if v.get("phone") is not None else None
        key = buyer_key(account, phone, None, str(v.get("name") or "") or None)
        if not key:
            problems.error(prow.row, "", t("The customer has no nickname and no unmasked phone, so it cannot be matched to orders; skipped"), prow.sheet)
            continue
        row = {"platform": platform, "buyer_key": key}
        for k, col in cols.items():
            if k in mapped:
                value = v.get(k)
                if value is None:
                    value = None if col in ("last_order_at", "first_order_at") else ("" if col in ("name", "phone", "tags", "source") else 0)
                elif isinstance(value, str):
                    value = value[:{"tags": 300, "phone": 40, "source": 80}.get(col, 200)]
                row[col] = value
        if key in index:
            out.rows[index[key]].update(row)
        else:
            index[key] = len(out.rows)
            out.rows.append(row)
    out.rows_skipped = problems.error_count - before
    return out
