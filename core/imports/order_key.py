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

Another rule makes other numbers for the same orders, so a file imported again after the rule was
changed would add every order a second time. ``check_rule_change`` refuses that import (in its
transaction, before anything is written): when the file's orders exist under the other rule's
numbers (the file maps both times), or when the same file (its content hash) was imported before
and is still in the shop while its orders' numbers are not.
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
    other_rule: tuple[str, ...] = ()  # the rule the file could also be numbered by (both times mapped)
    other_columns: tuple[int, ...] = ()
    other_headers: tuple[str, ...] = ()
    numbers: dict[str, str | None] = field(default_factory=dict, repr=False)  # made number → the other rule's

    def picked(self, spec: RowSpec) -> Iterator[tuple[int, tuple]]:
        if self.column not in spec.needed:
            return self.source.picked(spec)  # type: ignore[union-attr]
        return self._keyed(spec)

    def _keyed(self, spec: RowSpec) -> Iterator[tuple[int, tuple]]:
        inner_needed = tuple(sorted({c for c in spec.needed if c != self.column} | set(self.key_columns)
                                    | set(self.other_columns)))
        probe = spec.probe if spec.probe != self.column else min(inner_needed)
        inner = RowSpec(spec.start, inner_needed, spec.header_keys, spec.enough, probe)
        at = {c: i for i, c in enumerate(inner_needed)}
        key_at = [at[c] for c in self.key_columns]
        other_at = [at[c] for c in self.other_columns]
        out_at = [None if c == self.column else at[c] for c in spec.needed]
        seen: dict[str, int] = {}
        self.numbers = {}
        repeated, first_repeat = 0, None
        for i, cells in self.source.picked(inner):  # type: ignore[union-attr]
            number = self._number(i + 1, [cells[k] for k in key_at])
            if number is None:
                continue
            if number not in self.numbers:
                self.numbers[number] = self._other_number([cells[k] for k in other_at]) if other_at else None
            first = seen.setdefault(number, i + 1)
            if first != i + 1:
                repeated += 1
                first_repeat = first_repeat or (i + 1, first)
            yield i, tuple(number if j is None else cells[j] for j in out_at)
        if self.report is not None and seen:
            self.report.warning(0, " + ".join(self.key_headers), t(
                "The file has no order number column. {rule} ShopDesk numbered its {count} orders from them (like "
                "{example}): importing the file again, or one that overlaps it, updates them.",
                rule=rule_words(self.rule, dict(zip(self.rule, self.key_headers))), count=len(seen),
                example=next(iter(seen))))
        if repeated and self.report is not None:
            row, first = first_repeat  # type: ignore[misc]
            self.report.warning(row, " + ".join(self.key_headers), t(  # type: ignore[attr-defined]
                "{count} rows have the same buyer and time as an earlier row and were taken as part of its order "
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

    def _other_number(self, cells: list) -> str | None:
        """The number the other rule would have made for the row (None when it cannot)."""
        try:
            texts = [key_text(key, raw) for key, raw in zip(self.other_rule, cells)]
        except (ValueError, OverflowError, ArithmeticError):
            return None
        return None if None in texts else order_number(self.other_rule, texts)  # type: ignore[arg-type]

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
    other = next((r for r in RULES if r != rule and all(k in columns for k in r)), ())
    table2 = KeyedTable(table.name, table.head, table.estimated_rows, table._open, None, rule=rule,
                        key_columns=key_columns, key_headers=key_headers, column=column, source=table, report=report,
                        other_rule=other, other_columns=tuple(columns[k] for k in other),
                        other_headers=tuple(headers[columns[k]] for k in other))
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


def check_rule_change(conn, path, detection, platform: str, file_hash: str, batch_id: int) -> None:
    """Refuse (``BadInputError``, nothing written) a file whose orders were imported before under
    another rule: importing it would add them again under new numbers. Run in the import's
    transaction before its orders are written."""
    from sqlalchemy import select

    from core.imports import sniff
    from core.models import ImportBatch, Order

    tables = [m.table for m in detection.matches if isinstance(m.table, KeyedTable) and m.table.numbers]
    if not tables:
        return
    rule, headers = tables[0].rule, dict(zip(tables[0].rule, tables[0].key_headers))
    numbers = {n: o for tb in tables for n, o in tb.numbers.items()}

    def existing(candidates: list[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(candidates), 500):
            found.update(conn.execute(select(Order.order_no).where(
                Order.platform == platform, Order.order_no.in_(candidates[i:i + 500]))).scalars())
        return found

    others = {o: n for n, o in numbers.items() if o}
    before = existing(sorted(others))
    if before:
        have = existing([others[o] for o in before])
        new = [others[o] for o in before if others[o] not in have]
        if new:
            other = tables[0].other_rule
            other_headers = dict(zip(other, tables[0].other_headers))
            raise sniff.bad_file(path, t(
                "{count} of its orders are already in the shop, imported by another rule ({before}). Identified "
                "by {now}, they would get new order numbers and be added a second time.", count=len(new),
                before=_rule_short(other, other_headers), now=_rule_short(rule, headers)),
                t("Import it with the rule used before (Match columns → “identify the orders by”), or undo the earlier "
                  "import first (File → Import history)."))
    same_file = conn.execute(select(ImportBatch.created_at).where(
        ImportBatch.file_hash == file_hash, ImportBatch.undone_at.is_(None), ImportBatch.id != batch_id,
        ImportBatch.platform == platform, ImportBatch.kind == "orders").order_by(ImportBatch.created_at)).scalars().first()
    if same_file is not None:
        missing = len(numbers) - len(existing(sorted(numbers)))
        if missing:
            raise sniff.bad_file(path, t(
                "this same file was imported on {when}, and {count} of its orders had other numbers then: the rule "
                "that identifies its orders ({now}) is not the one used then, so they would be added a second time.",
                when=f"{same_file:%Y-%m-%d %H:%M}", count=missing, now=_rule_short(rule, headers)),
                t("Import it with the rule used then (Match columns → “identify the orders by”), or undo that import "
                  "first (File → Import history)."))


def _rule_short(rule: tuple[str, ...], headers: Mapping[str, str]) -> str:
    """“Buyer account (买家会员名) + Order created at (订单创建时间)”."""
    from core.imports.fields import field_labels

    labels = field_labels()
    return " + ".join(f"{labels[k]} ({headers[k]})" if headers.get(k) else labels[k] for k in rule)

