"""A platform export layout: the headers that identify the file and the headers each canonical field may
come from (``core.imports.platforms`` lists every layout ShopDesk knows)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from core.imports.headers import norm


@dataclass(frozen=True)
class Layout:
    id: str
    platform: str
    kind: str  # orders|lines|refunds|traffic|products|members
    name: str  # English; shown through t()
    signature: tuple[str, ...]
    fields: dict[str, tuple[str, ...]]
    required: tuple[str, ...] = ()
    # orders/lines: "order" = one row per order, "line" = one row per order line,
    # "extra" = order details only merged into orders of other sheets (发货报表).
    grain: str = "order"
    # Order-level rows whose item data is only a summary (宝贝标题 joined, 宝贝总数量);
    # real lines from a line file replace it.
    summary_line: bool = False
    sheet_names: tuple[str, ...] = field(default=())

    @cached_property
    def norm_fields(self) -> dict[str, tuple[str, ...]]:
        return {k: tuple(norm(a) for a in aliases) for k, aliases in self.fields.items()}

    @cached_property
    def norm_signature(self) -> tuple[frozenset[str], ...]:
        return tuple(frozenset(norm(a) for a in entry.split("|")) for entry in self.signature)

    @cached_property
    def known_headers(self) -> frozenset[str]:
        keys = {a for aliases in self.norm_fields.values() for a in aliases}
        keys.update(a for alts in self.norm_signature for a in alts)
        return frozenset(keys)

    def resolve(self, headers: list[str]) -> dict[str, int]:
        """Canonical field -> column index for a header row (first occurrence of a header)."""
        return {key: cols[0] for key, cols in self.resolve_all(headers).items()}

    def resolve_all(self, headers: list[str]) -> dict[str, list[int]]:
        """Canonical field -> every column that may carry it, best alias first; a row whose
        first column is empty takes the next (商家编码 empty → 货号)."""
        position: dict[str, int] = {}
        for i, h in enumerate(headers):
            position.setdefault(norm(h), i)
        mapping: dict[str, list[int]] = {}
        for key, aliases in self.norm_fields.items():
            cols = [position[a] for a in aliases if a in position]
            if cols:
                mapping[key] = list(dict.fromkeys(cols))
        return mapping

    def signature_hits(self, header_keys: set[str]) -> int:
        return sum(1 for alts in self.norm_signature if alts & header_keys)
