"""Which platform and kind a file is, from its headers (§0.19, §9), with a confidence.

Each table (sheet) gets its header row and best-matching layout. Tables of one platform are
then taken together: several sheets of one layout (Kuaishou) are one export, and the 千牛
workbook's 订单报表 + 销售明细 + 发货报表 sheets are merged into one set of orders.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from core.imports.headers import cell_text, find_header_row, norm
from core.imports.platforms import Layout, all_layouts
from core.imports.read import FileData, Table

ACCEPT = 0.75  # share of a layout's signature headers a file must have

# A trimmed order export (owners delete columns before saving) is still recognised when it keeps
# the layout's order id, an amount and a time: the three things an order needs to be counted.
CORE_AMOUNTS = ("paid", "paid_net", "line_paid", "goods")
CORE_TIMES = ("created_at", "paid_at")
CORE_GROUPS = (("order_no",), CORE_AMOUNTS, CORE_TIMES)


@dataclass
class TableMatch:
    table: Table
    header_index: int  # 0-based row index of the header
    headers: list[str]
    layout: Layout | None
    columns: dict[str, int]  # canonical field -> column index
    confidence: float
    missing: list[str] = field(default_factory=list)
    lowered: bool = False  # --platform given: the layout's required fields are enough

    @property
    def core(self) -> bool:
        """An order layout's id, an amount and a time column are all there."""
        return (self.layout is not None and self.layout.kind in ("orders", "lines") and self.layout.grain != "extra"
                and all(any(k in self.columns for k in group) for group in CORE_GROUPS))

    @property
    def accepted(self) -> bool:
        if self.layout is None or self.missing:
            return False
        if self.confidence >= ACCEPT or self.core:
            return True
        if not self.lowered:
            return False
        # --platform: the layout's required fields, and for orders an id and an amount.
        return self.layout.kind not in ("orders", "lines") or (
            "order_no" in self.columns and any(k in self.columns for k in CORE_AMOUNTS + ("qty",)))

    def missing_core(self) -> list[str]:
        """The canonical fields a trimmed order file lacks to be recognised (one per missing group)."""
        if self.layout is None or self.layout.kind not in ("orders", "lines"):
            return []
        return [group[0] for group in CORE_GROUPS if not any(k in self.columns for k in group)]


@dataclass
class Detection:
    matches: list[TableMatch]  # the tables to import, best first
    platform: str | None
    kind: str | None
    confidence: float
    best: TableMatch | None  # the table that named the layout (or the widest table)
    ignored: list[TableMatch] = field(default_factory=list)

    @property
    def recognised(self) -> bool:
        return bool(self.matches)


def candidate_layouts(platform: str | None) -> list[Layout]:
    layouts = all_layouts()
    if platform:
        # ShopDesk's own templates fit any platform.
        layouts = [lo for lo in layouts if lo.platform in (platform, "")]
    return layouts


def match_table(table: Table, layouts: list[Layout], *, lowered: bool = False) -> TableMatch:
    known = set().union(*(lo.known_headers for lo in layouts)) if layouts else set()
    index, _hits = find_header_row(table.head, known)
    headers = [cell_text(c) for c in table.head[index]] if table.head else []
    keys = {norm(h) for h in headers if h}
    best: TableMatch | None = None
    best_score: tuple = (False, -1, -1.0, -1, -1)
    for layout in layouts:
        hits = layout.signature_hits(keys)
        if not hits:
            continue
        confidence = hits / len(layout.signature)
        columns = layout.resolve(headers)
        if table.name and table.name in layout.sheet_names:
            confidence = min(1.0, confidence + 0.25)
        missing = [f for f in layout.required if f not in columns]
        match = TableMatch(table, index, headers, layout, columns, round(confidence, 2), missing, lowered)
        # An accepted layout first; among layouts that are not, an order layout explains a refusal
        # better than a sheet that only adds details (发货报表).
        score = ((True, confidence, 1, hits, len(columns)) if match.accepted
                 else (False, int(layout.grain != "extra"), confidence, hits, len(columns)))
        if score > best_score:
            best_score = score
            best = match
    return best or TableMatch(table, index, headers, None, {}, 0.0)


def detect(data: FileData, platform: str | None = None) -> Detection:
    layouts = candidate_layouts(platform)
    matches = [match_table(tb, layouts, lowered=platform is not None) for tb in data.tables if tb.head]
    accepted = [m for m in matches if m.accepted]
    if not accepted:
        best = max(matches, key=lambda m: (m.confidence, len(m.headers)), default=None)
        return Detection([], None, None, best.confidence if best else 0.0, best, matches)
    # The platform whose tables match best (summed), then the kind that platform's core table has.
    by_platform: dict[str, list[TableMatch]] = {}
    for m in accepted:
        by_platform.setdefault(m.layout.platform, []).append(m)  # type: ignore[union-attr]
    chosen_platform = max(by_platform, key=lambda p: (max(m.confidence for m in by_platform[p]), len(by_platform[p])))
    group = by_platform[chosen_platform]
    core = [m for m in group if m.layout.grain != "extra"]  # type: ignore[union-attr]
    if not core:
        best = max(group, key=lambda m: m.confidence)
        return Detection([], None, None, best.confidence, best, matches)
    lead = max(core, key=lambda m: (m.confidence, m.layout.kind == "orders"))  # type: ignore[union-attr]
    kind = lead.layout.kind  # type: ignore[union-attr]
    kinds_together = {"orders", "lines"} if kind in ("orders", "lines") else {kind}
    used = [m for m in group if m.layout.kind in kinds_together]  # type: ignore[union-attr]
    if kind == "lines" and any(m.layout.kind == "orders" and m.layout.grain != "extra" for m in used):  # type: ignore[union-attr]
        kind = "orders"  # a workbook with order sheets and line sheets is an order export
    ignored = [m for m in matches if m not in used]
    used.sort(key=lambda m: 0 if m.layout.grain == "order" else (1 if m.layout.grain == "line" else 2))  # type: ignore[union-attr]
    confidence = min(1.0, max(m.confidence for m in used))
    return Detection(used, chosen_platform or None, kind, round(confidence, 2), lead, ignored)


def custom_match(data: FileData, platform: str, kind: str, mapping: dict[str, str], problems=None) -> Detection:
    """Tables whose header row holds every header of a user's mapping (field -> header).

    A mapping with an ``order_key`` rule (core.imports.order_key) instead of an order-number
    column gets its order numbers made from the rule's columns; ``problems`` receives the rows
    they cannot be made for."""
    from core.imports.order_key import ORDER_KEY, keyed, rule_of

    rule = rule_of(mapping)
    mapping = {k: h for k, h in mapping.items() if h and k != ORDER_KEY}
    wanted = {norm(h) for h in mapping.values() if h}
    fields: dict[str, tuple[str, ...]] = {k: (h,) for k, h in mapping.items() if h}
    layout = Layout(
        id="custom",
        platform=platform,
        kind=kind,
        name="Column mapping",
        signature=tuple(h for h in mapping.values() if h),
        fields=fields,
        grain="line" if kind in ("orders", "lines") else "order",
    )
    used = []
    closest: TableMatch | None = None
    for table in data.tables:
        if not table.head:
            continue
        index, hits = find_header_row(table.head, wanted)
        headers = [cell_text(c) for c in table.head[index]]
        keys = {norm(h) for h in headers}
        columns = layout.resolve(headers)
        if wanted and wanted <= keys:
            if rule and "order_no" not in columns and all(k in columns for k in rule):
                table, headers, columns = keyed(table, headers, columns, rule, problems)
            used.append(TableMatch(table, index, headers, layout, columns, 1.0))
        elif closest is None or len(columns) > len(closest.columns):
            # For the refusal: the mapped headers this file lacks.
            missing = [k for k in fields if k not in columns]
            closest = TableMatch(table, index, headers, layout, columns, round(len(columns) / max(1, len(fields)), 2), missing)
    best = used[0] if used else closest
    return Detection(used, platform, kind, 1.0 if used else 0.0, best)
