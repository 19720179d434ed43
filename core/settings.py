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
    return s


def save(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_file()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(dataclasses.asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
