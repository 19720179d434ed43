"""Orders of a file without an order number, identified by a stated rule (issue #18, trimmed exports).

Owners trim their Taobao 订单报表 before passing it around; some trimmed files keep no 订单编号 at
all (the real TB2018.xls: 买家会员名, 买家实际支付金额, 宝贝总数量, …, 订单付款时间, 订单创建时间). Such a
file imports through a column mapping whose ``order_key`` entry names the rule instead of an
order-number column: **each row is one order, identified by its buyer and a time** (buyer +
order created time by default, else buyer + payment time); two rows with the same buyer and time
are one order.

The order number is made from the rule's values: ``KEY-`` and the first 16 hex digits of the
SHA-256 of ``field=value`` pairs (``KEY-1c4e0a9f3b7d2e58``). The same buyer and time always give
the same number, so a re-import of the same or an overlapping file updates its orders and never
duplicates them. Platforms' own order numbers are digits (Taobao, JD, PDD, Douyin, Kuaishou),
``E`` + digits (Youzan) or ``#`` + digits (Shopify): none starts with ``KEY-``.

The number is made where the mapping is applied (``core.imports.detect.custom_match``), before
normalising: the matched table gets one more column, so the normaliser sees an ordinary order
number. A row whose key cells are empty or unreadable is that row's error (with its row number).
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from core.errors import UserFacingError
from core.i18n import t
from core.imports import values
from core.imports.read import Table
from core.row_filter import RowSpec

ORDER_KEY = "order_key"  # the mapping entry naming the rule, e.g. "buyer_account+created_at"
PREFIX = "KEY-"
HASH_DIGITS = 16
BUYER_FIELDS = ("buyer_account",)
TIME_FIELDS = ("created_at", "paid_at")
RULES: tuple[tuple[str, str], ...] = (("buyer_account", "created_at"), ("buyer_account", "paid_at"))


def rule_of(mapping: Mapping[str, object] | None) -> tuple[str, ...] | None:
    """The order-key rule a mapping names, if any."""
    if not mapping or not mapping.get(ORDER_KEY):
        return None
    return parse_rule(mapping[ORDER_KEY])


def encode(rule: Iterable[str]) -> str:
    """How a rule is kept in a mapping (a saved mapping's values are text)."""
    return "+".join(rule)


def parse_rule(value: object) -> tuple[str, ...]:
    """A rule from ``["buyer_account", "created_at"]`` or ``"buyer_account+created_at"``;
    a clear error for anything else."""
    if isinstance(value, str):
        parts = [p.strip() for p in value.split("+")]
    elif isinstance(value, (list, tuple)) and all(isinstance(p, str) for p in value):
        parts = [p.strip() for p in value]
    else:
        parts = []
    rule = tuple(dict.fromkeys(p for p in parts if p))
    buyers = [f for f in rule if f in BUYER_FIELDS]
    times = [f for f in rule if f in TIME_FIELDS]
    if len(rule) != 2 or len(buyers) != 1 or len(times) != 1:
        raise UserFacingError(t(
            "The order key must name the buyer and one time that identify each order: {examples}.",
            examples=" / ".join(f'["{a}", "{b}"]' for a, b in RULES)))
    return rule


def default_rule(mapped: Iterable[str]) -> tuple[str, ...] | None:
    """Buyer + created-at time, else buyer + payment time, among the fields a mapping has."""
    have = set(mapped)
    return next((rule for rule in RULES if set(rule) <= have), None)


def rule_words(rule: tuple[str, ...], headers: Mapping[str, str] | None = None) -> str:
    """The rule in words, naming the file's columns where known."""
    from core.imports.fields import field_labels

    labels = field_labels()

    def name(key: str) -> str:
        header = (headers or {}).get(key)
        return f"{labels[key]} ({header})" if header else labels[key]

    buyer, time = (f for f in rule if f in BUYER_FIELDS), (f for f in rule if f in TIME_FIELDS)
    b, tm = name(next(buyer)), name(next(time))
    return t("Each row is one order, identified by {buyer} and {time}; two rows with the same buyer and time are "
             "one order (its amounts are taken from the first of them).", buyer=b, time=tm)


def order_number(rule: tuple[str, ...], key_values: Iterable[str]) -> str:
    """The order number made from the rule's values (see the module doc)."""
    text = "\x1f".join(f"{k}={v}" for k, v in zip(rule, key_values))
    return PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_DIGITS]


def key_text(key: str, raw: object) -> str | None:
    """One key cell as the stable text hashed: the buyer stripped, a time as ISO seconds
    (whatever the file's container wrote: a datetime, an Excel serial or text). None: empty.
    Raises ValueError for a time that cannot be read."""
    if key in TIME_FIELDS:
        when = values.parse_datetime(raw)
        return None if when is None else when.replace(microsecond=0).isoformat(timespec="seconds")
    if isinstance(raw, (dt.date, dt.datetime)):
        return raw.isoformat()
    text = values.parse_text(raw)
    return " ".join(text.split()) if text else None


@dataclass
class KeyedTable(Table):
    """A table with one more column (index ``column``): the order number made from ``rule``'s
    columns (``key_columns``). Rows it cannot make a number for are reported through ``report``
    (row, header, message) and left out."""

    rule: tuple[str, ...] = ()
    key_columns: tuple[int, ...] = ()
    key_headers: tuple[str, ...] = ()
    column: int = 0
    source: Table | None = field(default=None, repr=False)
    report: object = field(default=None, repr=False)  # Problems-like: .error(row, column, message) / .warning

    def picked(self, spec: RowSpec) -> Iterator[tuple[int, tuple]]:
        if self.column not in spec.needed:
            return self.source.picked(spec)  # type: ignore[union-attr]
        return self._keyed(spec)

    def _keyed(self, spec: RowSpec) -> Iterator[tuple[int, tuple]]:
        inner_needed = tuple(sorted({c for c in spec.needed if c != self.column} | set(self.key_columns)))
        probe = spec.probe if spec.probe != self.column else min(inner_needed)
        inner = RowSpec(spec.start, inner_needed, spec.header_keys, spec.enough, probe)
        at = {c: i for i, c in enumerate(inner_needed)}
        key_at = [at[c] for c in self.key_columns]
        out_at = [None if c == self.column else at[c] for c in spec.needed]
        seen: dict[str, int] = {}
        repeated, first_repeat = 0, None
        for i, cells in self.source.picked(inner):  # type: ignore[union-attr]
            number = self._number(i + 1, [cells[k] for k in key_at])
            if number is None:
                continue
            first = seen.setdefault(number, i + 1)
            if first != i + 1:
                repeated += 1
                first_repeat = first_repeat or (i + 1, first)
            yield i, tuple(number if j is None else cells[j] for j in out_at)
        if self.report is not None and seen:
            self.report.warning(0, " + ".join(self.key_headers), t(
                "The file has no order number column. {rule} ShopDesk numbered its {count} order(s) from them (like "
                "{example}): importing the file again, or one that overlaps it, updates them.",
                rule=rule_words(self.rule, dict(zip(self.rule, self.key_headers))), count=len(seen),
                example=next(iter(seen))))
        if repeated and self.report is not None:
            row, first = first_repeat  # type: ignore[misc]
            self.report.warning(row, " + ".join(self.key_headers), t(  # type: ignore[attr-defined]
                "{count} row(s) (has|have) the same buyer and time as an earlier row and (was|were) taken as part of its order "
                "(the first: row {row}, the same as row {first}).", count=repeated, row=row, first=first))

    def _number(self, row: int, cells: list) -> str | None:
        texts = []
        for key, header, raw in zip(self.rule, self.key_headers, cells):
            try:
                text = key_text(key, raw)
            except (ValueError, OverflowError, ArithmeticError):
                self._error(row, header, t("“{value}” in {column} is not a date and time, and the row's order is "
                                           "identified by it; the row was skipped", value=str(raw)[:60], column=header))
                return None
            if text is None:
                self._error(row, header, t("The row has no {column}, which identifies its order; the row was skipped",
                                           column=header))
                return None
            texts.append(text)
        return order_number(self.rule, texts)

    def _error(self, row: int, header: str, message: str) -> None:
        if self.report is not None:
            self.report.error(row, header, message)  # type: ignore[attr-defined]


def keyed(table: Table, headers: list[str], columns: dict[str, int], rule: tuple[str, ...],
          report) -> tuple[KeyedTable, list[str], dict[str, int]]:
    """``table`` with its order-number column made from ``rule``: the table, its headers (one
    more, named for the rule) and the field → column map with ``order_no`` added."""
    key_columns = tuple(columns[k] for k in rule)
    key_headers = tuple(headers[c] for c in key_columns)
    column = len(headers)
    header = t("Order number made from {columns}", columns=" + ".join(key_headers))
    table2 = KeyedTable(table.name, table.head, table.estimated_rows, table._open, None, rule=rule,
                        key_columns=key_columns, key_headers=key_headers, column=column, source=table, report=report)
    return table2, [*headers, header], {**columns, "order_no": column}


def real_headers(table: Table, headers: list[str]) -> list[str]:
    """The file's own headers (without the made order-number column)."""
    return headers[:table.column] if isinstance(table, KeyedTable) else headers


def shown_mapping(match) -> dict[str, str]:
    """A match's field → header map as the owner chose it: a made order number shows as its rule."""
    table, headers = match.table, match.headers
    out = {k: headers[c] for k, c in match.columns.items() if c < len(headers)}
    if isinstance(table, KeyedTable):
        out.pop("order_no", None)
        out[ORDER_KEY] = encode(table.rule)
    return out
