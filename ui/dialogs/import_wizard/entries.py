"""The wizard's state for one chosen file, and the display texts the pages share.

The wizard keeps plain data only: core's ``FileInspection`` and ``ImportResult`` objects as
returned from the worker, never an ORM object or an open session.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from ui.labels import file_platform_name

PLATFORMS = ("taobao", "jd", "pdd", "douyin", "kuaishou", "youzan", "shopify", "wechat", "xiaohongshu", "offline", "other")
KINDS = ("orders", "lines", "refunds", "traffic", "products", "members")

# Row colours shared by the preview and the report (the Banner palette, lighter).
ERROR_BG = "#fdecea"
ERROR_FG = "#8a1c12"
WARNING_BG = "#fff6e0"
WARNING_FG = "#6b4a00"
OK_FG = "#1b5e20"
MUTED_FG = "#6b6b6b"


def kind_name(kind: str | None) -> str:
    # Literal translate() calls, so that lupdate finds every string.
    names = {
        "orders": QCoreApplication.translate("ImportWizard", "orders"),
        "lines": QCoreApplication.translate("ImportWizard", "order lines"),
        "refunds": QCoreApplication.translate("ImportWizard", "refunds"),
        "traffic": QCoreApplication.translate("ImportWizard", "traffic"),
        "products": QCoreApplication.translate("ImportWizard", "products and stock"),
        "members": QCoreApplication.translate("ImportWizard", "members"),
    }
    return names.get(kind or "", kind or QCoreApplication.translate("ImportWizard", "unknown content"))


def detected_text(platform: str | None, kind: str | None, confidence: float | None) -> str:
    """"Taobao/Tmall · orders · 95%", the line the files page shows for a recognised file."""
    parts = [file_platform_name(platform, kind), kind_name(kind)]
    if confidence is not None:
        parts.append(f"{round(confidence * 100)}%")
    return " · ".join(parts)


@dataclass
class FileEntry:
    path: Path
    platform: str | None = None  # the user's choice; None follows the detection
    inspection: Any | None = None  # core.imports.FileInspection
    error: str | None = None  # why the file cannot be imported (BadInputError text)
    busy: bool = False  # being read in a worker
    mapping: dict[str, str] | None = None  # confirmed in the column-mapping step
    kind: str | None = None  # chosen in the column-mapping step
    result: Any | None = None  # core.imports.ImportResult once imported
    import_error: str | None = None
    undone: bool = False
    generation: int = field(default=0, repr=False)  # discards answers of superseded reads

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def usable(self) -> bool:
        return self.inspection is not None and self.error is None and not self.busy

    @property
    def needs_mapping(self) -> bool:
        return self.usable and bool(getattr(self.inspection, "needs_mapping", False)) and self.mapping is None

    @property
    def chosen_platform(self) -> str | None:
        """The owner's pick, else the detected platform; None for a layout ShopDesk did not
        recognise (core names the platform of its nearest partial match there, which is a guess)."""
        if self.platform:
            return self.platform
        if self.inspection is None or getattr(self.inspection, "needs_mapping", False):
            return None
        return getattr(self.inspection, "platform", None)

    @property
    def chosen_kind(self) -> str | None:
        if self.kind:
            return self.kind
        return getattr(self.inspection, "kind", None) if self.inspection is not None else None


def elide_middle(text: str, limit: int = 48) -> str:
    """Long export names keep their start and their date/extension end."""
    if len(text) <= limit:
        return text
    keep = (limit - 1) // 2
    return text[:keep] + "…" + text[-(limit - 1 - keep):]
