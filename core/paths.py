"""Where ShopDesk keeps files: the per-OS data folder, and its bundled resources.

``SHOPDESK_DATA_DIR`` overrides the data folder (tests, portable installs).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from core import APP_NAME


def data_dir() -> Path:
    override = os.environ.get("SHOPDESK_DATA_DIR")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        # appauthor=False keeps Windows from nesting the folder under a company name.
        path = Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    env = os.environ.get("SHOPDESK_DB")
    return Path(env) if env else data_dir() / "shop.db"


def demo_db_path() -> Path:
    return data_dir() / "demo.db"


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    """The ``resources`` folder from source and inside a PyInstaller bundle alike."""
    base = getattr(sys, "_MEIPASS", None)
    if base:
        return Path(base) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
