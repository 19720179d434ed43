"""CJK-capable fonts for matplotlib on Windows, macOS and Linux.

Chinese labels need a CJK font; each OS ships a different one. We prepend a fallback list
to the sans-serif family once (matplotlib then falls back glyph by glyph), instead of
changing fonts per chart.
"""
from __future__ import annotations

import sys

CJK_FONTS = {
    "win32": ["Microsoft YaHei", "SimHei", "DengXian"],
    "darwin": ["PingFang SC", "Hiragino Sans GB", "Heiti SC", "STHeiti"],
    "linux": ["Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Source Han Sans SC"],
}

_done = False


def cjk_font_list() -> list[str]:
    key = "win32" if sys.platform.startswith("win") else "darwin" if sys.platform == "darwin" else "linux"
    return CJK_FONTS[key]


def configure_figure_fonts() -> None:
    """Put the OS's CJK fonts first in matplotlib's sans-serif list (idempotent)."""
    global _done
    if _done:
        return
    import matplotlib

    families = [f for f in cjk_font_list() if f not in matplotlib.rcParams["font.sans-serif"]]
    matplotlib.rcParams["font.sans-serif"] = families + list(matplotlib.rcParams["font.sans-serif"])
    matplotlib.rcParams["font.family"] = ["sans-serif"]
    # A real minus sign is missing from several CJK fonts; ASCII hyphen renders everywhere.
    matplotlib.rcParams["axes.unicode_minus"] = False
    _done = True
