"""Parsed rows of order exports → orders and lines ready to write (spec/kpi.md rules).

- Order-level values are taken once per order: the first non-empty value among its rows
  (JD repeats 应付金额 on every line; Shopify writes Total on the first row only).
- Per-line paid amounts are summed when the export has no order-level paid column
  (Douyin 订单应付金额 per 子订单, 千牛 买家实付金额 per 子订单).
- Statuses are normalised with the payment time; fully refunded paid orders are ``refunded``.
- The buyer key follows spec/kpi.md: masked values never alone.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from core.i18n import t
from core.imports.rows import Problems, parsed_rows
from core.imports.statuses import normalize_status, refund_status, shopify_status
from core.imports.values import is_masked
from core.orders import CLOSED, COMPLETED, PAID, PENDING_PAYMENT, REFUNDED, SHIPPED

if TYPE_CHECKING:  # types only: the workbook reader's worker imports this without the reader (core.imports.order_parts)
    from core.imports.detect import Detection, TableMatch

ORDER_LEVEL = (
    "status", "created_at", "paid_at", "shipped_at", "completed_at", "cancelled_at", "fulfillment_status",
    "buyer_account", "buyer_phone", "receiver_name", "receiver_phone", "address", "province", "shop",
    "source", "goods", "shipping", "discount", "paid", "paid_net", "refund", "order_title", "order_qty", "currency",
)
# Columns that can tell whether an order was paid.
PAYMENT_FIELDS = frozenset({"status", "fulfillment_status", "paid_at", "shipped_at", "completed_at", "cancelled_at"})
LINE_LEVEL = ("line_no", "title", "spec", "sku_code", "item_id", "qty", "unit_price", "line_paid", "line_refund", "line_refund_status")

PROVINCES = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
    "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海",
    "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
)
_ADDRESS_SPLIT = re.compile(r"[\s，,]+")
_BY_PREFIX = {name[:2]: name for name in PROVINCES}  # the first two characters are unique


class Draft:
    """One order being gathered from its rows (a plain slotted class: 100,000 of them are made)."""

    __slots__ = ("row", "sheet", "fields", "lines", "line_nos", "real_lines")

    def __init__(self, row: int, sheet: str) -> None:
        self.row, self.sheet = row, sheet
        self.fields: dict[str, object] = {}
        self.lines: list[dict] = []
        self.line_nos: set[str] = set()
        self.real_lines = False


@dataclass
class OrderSet:
    platform: str
    kind: str  # orders|lines
    orders: dict[str, dict]  # order_no -> DB columns this file determines (plus "_row", "_sheet")
    lines: dict[str, list[dict]]  # order_no -> lines
    real_lines: set[str]  # orders whose lines are real item lines (not a summary)
    provided: set[str]  # order columns the file carries; the others keep what the database has
    rows_read: int = 0
    rows_skipped: int = 0
    currencies: dict[str, int] = field(default_factory=dict)  # the file's currency column: code → orders (CNY for yuan)
    currency_header: str = ""  # that column's header, for warnings


def normalize_orders(
    detection: Detection,
    problems: Problems,
    *,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int], None] | None = None,
) -> OrderSet:
    """The file's orders and lines."""
    platform = detection.platform or "other"
    kind = detection.kind or "orders"
    several = len(detection.matches) > 1
    by_grain: dict[str, dict[str, Draft]] = {"order": {}, "line": {}, "extra": {}}
    provided_fields: set[str] = set()
    for match in detection.matches:
        provided_fields.update(match.columns)
    rows_read = 0
    duplicates = 0
    skipped_before = problems.error_count
    orders: dict[str, dict] = {}
    lines: dict[str, list[dict]] = {}
    real: set[str] = set()
    fin = Finishing(provided_fields, kind)

    if len(detection.matches) == 1 and detection.matches[0].layout.grain == "order":  # type: ignore[union-attr]
        # Most exports: one row, one order, finished as it is read (the same records, in the same order).
        reader = RowOrders(detection.matches[0], problems, fin, "", cancelled, progress)
        real_lines = not detection.matches[0].layout.summary_line  # type: ignore[union-attr]
        for order_no, rec, order_lines in reader:
            orders[order_no], lines[order_no] = rec, order_lines
            if real_lines:
                real.add(order_no)
        rows_read, duplicates = reader.rows_read, reader.duplicates
    else:
        for match in detection.matches:
            grain = match.layout.grain  # type: ignore[union-attr]
            drafts = by_grain[grain]
            sheet = match.table.name if several else ""
            for prow in parsed_rows(match, problems, key_field="order_no", sheet_label=sheet, cancelled=cancelled,
                                    progress=progress):
                rows_read += 1
                if not _accumulate(drafts, prow.values, prow.row, sheet, match, grain, problems):
                    duplicates += 1
    rows_read += problems.error_count - skipped_before
    drafts = _merge(by_grain)
    for order_no, draft in drafts.items():
        fin.finish(order_no, draft, orders, lines, real)
    drafts.clear()
    by_grain.clear()
    closing_warnings(problems, fin.unknown_status, _header_of(detection, "status"), kind, fin.count, provided_fields)
    # The channel's currency follows the file (core.imports.currency_check, in the write transaction).
    return OrderSet(platform, kind, orders, lines, real, _provided_columns(provided_fields, kind),
                    rows_read, problems.error_count - skipped_before + duplicates, file_currencies(fin.currencies),
                    _header_of(detection, "currency") if fin.currencies else "")


class Finishing:
    """Turns a file's drafts into order records, one order at a time, keeping what the file's closing
    warnings and currency check need (shared by ``normalize_orders`` and the worker's
    ``core.imports.order_parts``, so both ways finish an order the same)."""

    def __init__(self, provided_fields: set[str], kind: str) -> None:
        self.provided_fields, self.kind = provided_fields, kind
        self.is_shopify = "fulfillment_status" in provided_fields or "cancelled_at" in provided_fields
        self.unknown_status: dict[str, list] = {}
        self.statuses: dict[tuple, tuple[str, bool]] = {}  # (text, paid?) → normalize_status(): a file has a handful
        self.currencies: dict[str, int] = {}
        self.count = 0

    def finish(self, order_no: str, draft: Draft, orders: dict[str, dict], lines: dict[str, list[dict]],
               real: set[str]) -> None:
        orders[order_no] = self.record(order_no, draft.fields, draft.lines, draft.row, draft.sheet)
        lines[order_no] = draft.lines
        if draft.real_lines:
            real.add(order_no)
        draft.fields = draft.line_nos = draft.lines = None  # type: ignore[assignment]  # peak memory: keep only the results

    def record(self, order_no: str, fields: dict, lines: list[dict], row: int, sheet: str) -> dict:
        """One order's record from its gathered ``fields`` and ``lines`` (first seen in ``row``)."""
        self.count += 1
        currency = fields.get("currency")
        if currency:
            self.currencies[str(currency)] = self.currencies.get(str(currency), 0) + 1
        return _finalize(order_no, fields, lines, row, sheet, self.provided_fields, self.kind, self.is_shopify,
                         self.unknown_status, self.statuses)


class RowOrders:
    """A one-row-per-order table's orders as its rows are read: ``(order number, record, lines)``,
    each finished at once by ``fin`` (``_accumulate``'s rule for such a table: a row is a whole order
    with its one line; a later row with the same number is only a warning). Shared by
    ``normalize_orders`` and the worker's parts (core.imports.order_parts), so both give the same
    records, problems and counts; ``rows_read``, ``duplicates`` and ``last_row`` follow the reading."""

    def __init__(self, match: TableMatch, problems: Problems, fin: Finishing, sheet: str = "",
                 cancelled: Callable[[], bool] | None = None, progress: Callable[[int], None] | None = None) -> None:
        self.match, self.problems, self.fin, self.sheet = match, problems, fin, sheet
        self.cancelled, self.progress = cancelled, progress
        self.rows_read = self.duplicates = self.last_row = 0

    def __iter__(self) -> Iterator[tuple[str, dict, list[dict]]]:
        match, problems, sheet, record = self.match, self.problems, self.sheet, self.fin.record
        line_no = "0" if match.layout.summary_line else "1"  # type: ignore[union-attr]
        header = match.headers[match.columns["order_no"]]
        first_rows: dict[str, int] = {}  # every order seen, with its row (for "appears again")
        for prow in parsed_rows(match, problems, key_field="order_no", sheet_label=sheet, cancelled=self.cancelled,
                                progress=self.progress):
            self.rows_read += 1
            self.last_row = row = prow.row
            v = prow.values
            order_no: str = v["order_no"]  # type: ignore[assignment]
            first = first_rows.get(order_no)
            if first is not None:
                _appears_again(problems, row, header, order_no, first, sheet)
                self.duplicates += 1
                continue
            first_rows[order_no] = row
            lines = [_line(line_no, v, summary=True)]
            yield order_no, record(order_no, v, lines, row, sheet), lines


def closing_warnings(problems: Problems, unknown_status: dict, status_header: str, kind: str, finished: int,
                     provided_fields: set[str]) -> None:
    """The warnings a file of orders gets once all its rows are read: each unknown status once, and a
    file without payment time or status (shared by ``normalize_orders`` and the worker's
    ``core.imports.order_parts``, so both ways say the same)."""
    for text, (row, sheet, count, status) in unknown_status.items():
        problems.warning(
            row,
            status_header,
            t("Unknown status “{text}” ({count} order(s)) kept as written and counted as {status} by its payment time",
              text=text, count=count, status=status),
            sheet,
        )
    if kind == "orders" and finished and not provided_fields & PAYMENT_FIELDS:
        problems.warning(0, "", t(
            "This file has no payment time and no order status column, so none of its {count} order(s) will count "
            "as paid (sales stay 0 for them). Import the full export, or map its payment time or status column "
            "with File → Import….", count=finished))


def _header_of(detection: Detection, key: str) -> str:
    for m in detection.matches:
        if key in m.columns:
            return m.headers[m.columns[key]]
    return key


def _accumulate(drafts: dict[str, Draft], v: dict, row: int, sheet: str, match: TableMatch, grain: str, problems: Problems) -> bool:
    """Adds one row to its order; False when the row was a duplicate and ignored."""
    order_no = v["order_no"]
    draft = drafts.get(order_no)  # type: ignore[arg-type]
    if draft is None:
        if grain == "order":  # one row, one order (most exports): its one line, without the general bookkeeping
            summary = match.layout.summary_line  # type: ignore[union-attr]
            line_no = "0" if summary else "1"
            draft = drafts[order_no] = Draft.__new__(Draft)  # type: ignore[index]
            draft.row, draft.sheet, draft.fields = row, sheet, v
            draft.lines, draft.line_nos, draft.real_lines = [_line(line_no, v, summary=True)], {line_no}, not summary
            return True
        draft = drafts[order_no] = Draft(row, sheet)  # type: ignore[index]
    elif grain == "order":
        _appears_again(problems, row, match.headers[match.columns["order_no"]], order_no, draft.row, sheet)
        return False
    f = draft.fields
    if not f:
        draft.fields = v  # the first row of an order gives every value it has (a fresh dict per row)
    else:
        for key, value in v.items():
            if f.get(key) is None:
                f[key] = value
    if grain == "extra":
        return True
    layout = match.layout
    if grain == "line":
        line_no = v.get("line_no")
        line_no = str(line_no) if line_no is not None else str(len(draft.lines) + 1)
        if line_no in draft.line_nos:
            return False  # the same 子订单 twice (overlapping sheets): keep the first
        draft.real_lines = True
    else:
        line_no = "0" if layout.summary_line else "1"  # type: ignore[union-attr]
        draft.real_lines = not layout.summary_line  # type: ignore[union-attr]
    draft.line_nos.add(line_no)
    draft.lines.append(_line(line_no, v, summary=grain == "order"))
    return True


def _appears_again(problems: Problems, row: int, header: str, order_no: object, first: int, sheet: str) -> None:
    """A one-row-per-order table's later row with an order number already read: ignored, and said."""
    problems.warning(row, header, t("Order {order} appears again (first in row {first}); this row was ignored",
                                    order=order_no, first=first), sheet)


def _line(line_no: str, v: dict, *, summary: bool) -> dict:
    qty = v.get("qty")
    if qty is None and summary:
        qty = v.get("order_qty")
    title = v.get("title")
    if title is None and summary:
        title = v.get("order_title")
    refund = v.get("line_refund")
    status_text = v.get("line_refund_status")
    if refund is not None and status_text is not None and refund_status(str(status_text)) != "success":
        refund = 0  # 退款金额 of a refund that was closed or is still pending
    return {
        "line_no": line_no[:80],
        "sku_code": str(v.get("sku_code") or "")[:80],
        "item_id": str(v.get("item_id") or "")[:80],
        "title": str(title or "")[:300],
        "spec": str(v.get("spec") or "")[:200],
        "qty": qty,  # None: the export has no quantity (never taken as 1; a line file fills it in)
        "unit_price_fen": v.get("unit_price") or 0,
        "paid_fen": v.get("line_paid"),
        "refund_fen": refund or 0,
    }


def _merge(by_grain: dict[str, dict[str, Draft]]) -> dict[str, Draft]:
    """Order sheets give the order values, line sheets the lines, extra sheets fill gaps."""
    orders, lines, extra = by_grain["order"], by_grain["line"], by_grain["extra"]
    if not lines and not extra:
        return orders
    if not orders and not extra:
        return lines
    merged: dict[str, Draft] = dict(orders)
    for order_no, ld in lines.items():
        od = merged.get(order_no)
        if od is None:
            merged[order_no] = ld
            continue
        for key, value in ld.fields.items():
            if od.fields.get(key) is None:
                od.fields[key] = value
        od.lines, od.line_nos, od.real_lines = ld.lines, ld.line_nos, True
    for order_no, xd in extra.items():
        od = merged.get(order_no)
        if od is None:
            continue  # a shipping row for an order the workbook does not list
        for key, value in xd.fields.items():
            if od.fields.get(key) is None:
                od.fields[key] = value
    return merged


def _provided_columns(fields: set[str], kind: str) -> set[str]:
    cols = set()
    pairs = {
        "shop": ("shop",), "buyer_key": ("buyer_account", "buyer_phone"), "buyer_name": ("buyer_account", "receiver_name"),
        "province": ("province", "address"), "created_at": ("created_at",), "paid_at": ("paid_at",),
        "shipped_at": ("shipped_at",), "completed_at": ("completed_at",),
        # Without a status column the status is derived from the times (status_from_times).
        "status": ("status", "fulfillment_status", "paid_at", "shipped_at", "completed_at", "cancelled_at"),
        "goods_fen": ("goods", "unit_price"), "shipping_fen": ("shipping",), "discount_fen": ("discount",),
        "paid_fen": ("paid", "paid_net", "line_paid"), "refund_fen": ("refund", "line_refund"), "source": ("source",),
    }
    for col, keys in pairs.items():
        if any(k in fields for k in keys):
            cols.add(col)
    if "status" in cols:
        cols.add("status_text")
    return cols


def _finalize(order_no: str, f: dict, lines: list[dict], row: int, sheet: str, provided: set[str], kind: str,
              is_shopify: bool, unknown: dict, statuses: dict[tuple, tuple[str, bool]]) -> dict:
    paid_at = f.get("paid_at")
    refund = f.get("refund")
    if refund is None and "line_refund" in provided:
        refund = sum(ln["refund_fen"] for ln in lines)
    paid = f.get("paid")
    if paid is None and f.get("paid_net") is not None:
        # 买家实际支付金额 is what stayed paid after refunds: the gross paid amount adds them back.
        paid = f["paid_net"] + (refund or 0)  # type: ignore[operator]
    if paid is None and any(ln["paid_fen"] is not None for ln in lines):
        paid = sum(ln["paid_fen"] or 0 for ln in lines)
    if paid is None and kind == "lines":
        # A line file read before its order report: the list price is the best estimate
        # until the order report brings the amount the buyer paid.
        paid = sum(ln["unit_price_fen"] * (ln["qty"] or 0) for ln in lines)
    goods = f.get("goods")
    if goods is None and lines and "unit_price" in provided:
        goods = sum(ln["unit_price_fen"] * (ln["qty"] or 0) for ln in lines)
    if is_shopify:
        status, text, known = shopify_status(f.get("status"), f.get("fulfillment_status"), f.get("cancelled_at"), paid_at)  # type: ignore[arg-type]
    else:
        text = str(f.get("status") or "")
        if text:
            memo_key = (text, paid_at is not None)  # normalize_status looks only at whether paid_at is set
            found = statuses.get(memo_key)
            if found is None:
                found = statuses[memo_key] = normalize_status(text, paid_at)  # type: ignore[arg-type]
            status, known = found
        else:
            status, known = status_from_times(f), True
    if not known and text:
        entry = unknown.get(text)
        if entry is None:
            unknown[text] = [row, sheet, 1, status]
        else:
            entry[2] += 1
    for ln in lines:
        if ln["line_no"] in ("0", "1") and len(lines) == 1 and ln["paid_fen"] is None and paid is not None:
            ln["paid_fen"] = paid  # the only line of the order carries the whole order
    account = _clean(f.get("buyer_account"))
    phone = _clean(f.get("buyer_phone"))
    address = _clean(f.get("address"))
    receiver = _clean(f.get("receiver_name"))
    province = _clean(f.get("province"))
    out = {
        "_row": row,
        "_sheet": sheet,
        "shop": str(f.get("shop") or "")[:200],
        "buyer_key": buyer_key(account, phone, address, receiver),
        "buyer_name": (account or receiver or "")[:200],
        "province": province_of(province or address or ""),
        "created_at": f.get("created_at"),
        "paid_at": paid_at,
        "shipped_at": f.get("shipped_at"),
        "completed_at": f.get("completed_at"),
        "status": status,
        "status_text": text[:100],
        "goods_fen": goods or 0,
        "shipping_fen": f.get("shipping") or 0,
        "discount_fen": f.get("discount") or 0,
        "paid_fen": paid or 0,
        "refund_fen": refund or 0,
        "source": str(f.get("source") or "")[:80],
    }
    return out


BASE_CURRENCIES = frozenset({"CNY", "RMB", "人民币", "元"})


def file_currencies(counts: dict[str, int]) -> dict[str, int]:
    """The currency column's codes (yuan spelled any way → CNY) with their order counts."""
    out: dict[str, int] = {}
    for c, n in counts.items():
        code = c.strip().upper()
        if code:
            code = "CNY" if code in BASE_CURRENCIES else code
            out[code] = out.get(code, 0) + n
    return out


def status_from_times(f: dict) -> str:
    """The status of an order whose export has no status text: from its times (a paid order
    refunded in full becomes ``refunded`` later, in ``adjust_for_refund``)."""
    paid_at = f.get("paid_at")
    if f.get("cancelled_at") is not None:
        return REFUNDED if paid_at is not None else CLOSED
    if f.get("completed_at") is not None:
        return COMPLETED
    if f.get("shipped_at") is not None:
        return SHIPPED
    return PAID if paid_at is not None else PENDING_PAYMENT


def _clean(value: object) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return s or None


def buyer_key(account: str | None, phone: str | None, address: str | None, receiver: str | None) -> str | None:
    """spec/kpi.md "Buyer key": the platform account; a masked one only with a clear second field."""
    if account and not is_masked(account):
        return account[:200]
    primary = account or phone
    if not primary:
        return None
    if not is_masked(primary):
        return primary[:200]
    # Receiver names are too common ("李") to tell buyers apart; an address or phone is not.
    for other in (phone if primary is account else None, address):
        if other and not is_masked(other):
            return f"{primary}|{other}"[:200]
    return None


def province_of(text: str) -> str:
    """The province as its short name (吉林, 内蒙古) from a province cell or a full address."""
    if not text:
        return ""
    name = _BY_PREFIX.get(text[:2])
    if name is not None and text.startswith(name):
        return name  # the first token starts with a province: what the loop below finds first
    head = text[:60]
    for token in _ADDRESS_SPLIT.split(head):
        name = _BY_PREFIX.get(token[:2])
        if name is not None and token.startswith(name):
            return name
    for name in PROVINCES:
        if name in head:
            return name
    return text.strip()[:40] if len(text) <= 12 else ""


def adjust_for_refund(row: dict) -> None:
    """A paid order refunded in full is ``refunded`` (spec/kpi.md), whatever its status text;
    a ``refunded`` order with no refund amount in the file was refunded in full."""
    paid, refund = row.get("paid_fen") or 0, row.get("refund_fen") or 0
    if paid > 0 and refund >= paid and row.get("status") not in (PENDING_PAYMENT, REFUNDED):
        row["status"] = REFUNDED
    elif row.get("status") == REFUNDED and refund == 0 and paid > 0:
        # "交易关闭" after payment, 退款成功 …: the whole payment went back to the buyer.
        row["refund_fen"] = paid
