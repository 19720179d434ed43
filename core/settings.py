"""Typed per-machine settings, kept as JSON in the data folder.

Window geometry lives in ``QSettings``; everything the owner chooses in Settings lives here,
so the CLI and the window agree. Unknown keys in the file are ignored and bad values fall back
to defaults, so a hand-edited file can never stop the app from starting.
"""
from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from core import paths

log = logging.getLogger(__name__)


@dataclass
class Settings:
    language: str = ""  # "" follows the system; "en" or "zh_CN"
    backup_dir: str = ""  # "" = <data folder>/backups
    currency_symbol: str = "¥"
    fiscal_year_start_month: int = 1
    backups_daily_keep: int = 7
    backups_weekly_keep: int = 4
    kpi_view: dict = field(default_factory=dict)  # the dashboard's last range/channel/granularity
    inventory_window_days: int = 28  # sales window for average daily sales (spec/kpi.md "Inventory")
    inventory_service_level: float = 0.95  # safety stock's z comes from it
    inventory_review_days: int = 7  # days between orders; "order by within N days" raises the low flag
    inventory_slow_days: int = 30  # no sale for longer: slow-moving
    inventory_dead_days: int = 90  # no sale for longer: dead stock
    inventory_overstock_days: int = 90  # more days of cover: overstock
    inventory_abc_a: float = 0.80  # A = the SKUs making the first 80 % of sales value
    inventory_abc_b: float = 0.95
    inventory_xyz_x: float = 0.5  # weekly sales' coefficient of variation up to this: X (steady)
    inventory_xyz_y: float = 1.0
    # The purchase list's letterhead under the shop's name: contact and address lines (core.purchase_orders).
    letterhead: str = ""

    def backup_path(self) -> Path:
        path = Path(self.backup_dir) if self.backup_dir else paths.data_dir() / "backups"
        path.mkdir(parents=True, exist_ok=True)
        return path


def settings_file() -> Path:
    return paths.data_dir() / "settings.json"


def load(path: Path | None = None) -> Settings:
    path = path or settings_file()
    defaults = Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return defaults
    except (OSError, ValueError) as exc:
        log.warning("settings file %s unreadable (%s); using defaults", path, exc)
        return defaults
    values = {}
    for f in dataclasses.fields(Settings):
        if f.name in raw and isinstance(raw[f.name], type(getattr(defaults, f.name))):
            values[f.name] = raw[f.name]
    s = Settings(**values)
    if not 1 <= s.fiscal_year_start_month <= 12:
        s.fiscal_year_start_month = 1
    if not 7 <= s.inventory_window_days <= 365:
        s.inventory_window_days = defaults.inventory_window_days
    if not 0.5 <= s.inventory_service_level <= 0.999:
        s.inventory_service_level = defaults.inventory_service_level
    _inventory_ranges(s, defaults)
    return s


# The ranges Settings offers; a value outside (a hand-edited file) falls back to the default.
INVENTORY_RANGES: dict[str, tuple[float, float]] = {
    "inventory_review_days": (1, 90), "inventory_slow_days": (7, 365), "inventory_dead_days": (14, 730),
    "inventory_overstock_days": (14, 730), "inventory_abc_a": (0.5, 0.95), "inventory_abc_b": (0.6, 0.99),
    "inventory_xyz_x": (0.1, 2.0), "inventory_xyz_y": (0.2, 5.0),
}


def _inventory_ranges(s: Settings, defaults: Settings) -> None:
    for name, (lo, hi) in INVENTORY_RANGES.items():
        value = getattr(s, name)
        if isinstance(value, bool) or not lo <= value <= hi:
            setattr(s, name, getattr(defaults, name))
    # The thresholds come in pairs: A below B, X below Y, slow before dead.
    for low, high in (("inventory_abc_a", "inventory_abc_b"), ("inventory_xyz_x", "inventory_xyz_y"),
                      ("inventory_slow_days", "inventory_dead_days")):
        if getattr(s, low) >= getattr(s, high):
            setattr(s, low, getattr(defaults, low))
            setattr(s, high, getattr(defaults, high))


def save(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_file()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(dataclasses.asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
