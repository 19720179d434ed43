"""Logging to a rotating file in the data folder (and warnings to stderr)."""
from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from core import paths

_configured: Path | None = None


def setup_logging(level: int = logging.INFO) -> Path:
    """Idempotent; returns the log file's path (shown in the error dialog)."""
    global _configured
    if _configured is not None:
        return _configured
    log_file = paths.log_dir() / "shopdesk.log"
    handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
    _configured = log_file
    return log_file


def log_file_path() -> Path:
    return _configured or paths.log_dir() / "shopdesk.log"
