"""Fonts, colours and axis formats shared by every chart, without global matplotlib state.

Every chart text uses one family list: the OS's Chinese fonts followed by DejaVu Sans.
matplotlib falls back glyph by glyph (Latin digits and the minus sign from whichever font has
them), so Chinese labels render on Windows, macOS and Linux alike. The list is matplotlib's
``font.family`` setting, set when a chart is first drawn: ShopDesk is the only user of
matplotlib in its process, and giving each text its own font properties after the fact (the
way to avoid the global setting) cost ~8 % of a dashboard redraw.

matplotlib knows the computer's fonts from a list it caches on disk the first time it runs, and
never looks again: a Chinese font installed later (by the owner, or by a system update) is
not in it. So when none of the Chinese fonts wanted is in that list, the font files on the
system whose names mark them as one are added for this process (the cache is left alone).
"""
from __future__ import annotations

import logging
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.i18n import t

log = logging.getLogger(__name__)

CJK_FAMILIES = {
    "win32": ["Microsoft YaHei", "SimHei"],
    "darwin": ["PingFang SC", "Hiragino Sans GB", "Heiti SC"],
    "linux": ["Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC"],
}
LAST_RESORT = "DejaVu Sans"  # ships with matplotlib
# The files the families above come in, by name (lower case, letters only): msyh.ttc is
# Microsoft YaHei, STHeiti*.ttc Heiti SC, wqy-microhei.ttc WenQuanYi Micro Hei,
# NotoSansCJK-Regular.ttc / NotoSansCJKsc-*.otf Noto Sans CJK SC, SourceHanSans* Source Han Sans.
_CJK_FILE_NAMES = ("msyh", "simhei", "pingfang", "hiraginosansgb", "stheiti", "notosanscjk", "wqymicrohei",
                   "wenquanyimicrohei", "sourcehansans")

# Colour-blind friendly (Okabe–Ito), in the order series are drawn.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"]
GREY = "#9a9a9a"


def _os_key() -> str:
    if sys.platform.startswith("win"):
        return "win32"
    return "darwin" if sys.platform == "darwin" else "linux"


@lru_cache(maxsize=1)
def configure_fonts() -> tuple[str, ...]:
    """The font families charts use on this computer: the OS's installed CJK fonts in order
    of preference, then DejaVu Sans. Fonts that are not installed are left out so matplotlib
    never logs "font not found" for them."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    wanted = CJK_FAMILIES[_os_key()]
    if not any(name in installed for name in wanted):
        _add_cjk_fonts_missing_from_the_cache(font_manager.fontManager, font_manager.findSystemFonts())
        installed = {f.name for f in font_manager.fontManager.ttflist}
    chosen = [name for name in wanted if name in installed]
    if not chosen:  # e.g. Windows with a trimmed font folder: any CJK font at all
        chosen = sorted(n for n in installed if "CJK SC" in n or n in sum(CJK_FAMILIES.values(), []))[:1]
    return (*chosen, LAST_RESORT)


def _add_cjk_fonts_missing_from_the_cache(manager: Any, system_fonts: list[str]) -> None:
    """Add to matplotlib's font list, for this process, the Chinese font files on the system
    that its cached list lacks (once per process: ``configure_fonts`` is cached)."""
    known = {f.fname for f in manager.ttflist}
    for path in system_fonts:
        name = re.sub("[^a-z]", "", Path(path).name.lower())
        if path in known or not any(word in name for word in _CJK_FILE_NAMES):
            continue
        try:
            manager.addfont(path)
        except (OSError, RuntimeError, ValueError) as exc:  # unreadable or not a font: skip it
            log.warning("could not read the font %s: %s", path, exc)
            continue
        log.info("font %s was installed after matplotlib's font cache was built; added", path)


def use_chart_fonts() -> None:
    """Make the chart font list matplotlib's default family (once; later calls are a lookup)."""
    import matplotlib

    families = list(configure_fonts())
    if list(matplotlib.rcParams["font.family"]) != families:
        matplotlib.rcParams["font.family"] = families


def clear_figure(fig: Any) -> None:
    """Empty a figure for its next chart: its axes removed and its title blanked.

    ``Figure.clear`` first clears every axes it then throws away (~10 ms each, a sixth of a
    dashboard redraw); the draw functions only ever add axes and the figure's title, so
    removing those is enough."""
    for ax in tuple(fig.axes):
        fig.delaxes(ax)
    if fig.get_suptitle():
        fig.suptitle("")  # reused by the next chart's title (a blank one takes no room)


def yuan(value: float, _pos: Any = None) -> str:
    """Axis ticks in yuan with thousands separators (¥12,300)."""
    if abs(value) >= 100 or value == int(value):
        return f"¥{value:,.0f}"
    return f"¥{value:,.2f}"


def yuan_text(fen: int | None) -> str:
    from core.money import format_fen

    return format_fen(fen)


def money_axis(axis: Any) -> None:
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(yuan))


def date_axis(axis: Any, maxticks: int | None = None) -> None:
    """Dates as numbers, which read the same in Chinese and English: the 1st of a month is "11-01",
    a month tick "2026-11", never a bare "11" that reads like a day, nor "Nov"."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    locator = AutoDateLocator() if maxticks is None else AutoDateLocator(maxticks=maxticks)
    axis.set_major_locator(locator)
    axis.set_major_formatter(ConciseDateFormatter(
        locator, formats=["%Y", "%Y-%m", "%m-%d", "%H:%M", "%H:%M", "%S"],
        zero_formats=["", "%Y", "%m-%d", "%m-%d", "%H:%M", "%H:%M"],
        offset_formats=["", "%Y", "%Y", "%Y", "%Y-%m-%d", "%Y-%m-%d %H:%M"]))


def percent_axis(axis: Any) -> None:
    """Rates (0–1) as percentages, with as many decimals as the ticks' spacing needs
    (0.5 %, 1 %, 1.5 % rather than "0% 1% 1% 2%")."""
    from matplotlib.ticker import PercentFormatter

    axis.set_major_formatter(PercentFormatter(xmax=1))


def merged_labels(defaults: dict[str, str], labels: dict[str, str] | None) -> dict[str, str]:
    out = dict(defaults)
    if labels:
        out.update(labels)
    return out


def name(labels: dict[str, str], key: str) -> str:
    """Display name of a platform id, category or reason (the caller may pass names in
    ``labels``); an empty key is the "none" bucket."""
    if key in labels:
        return labels[key]
    return key if key else t("(none)")


def chart_title(fig: Any, text: str) -> None:
    """The chart's title, at the figure's top left (a card header): where the plot starts
    depends on its tick labels' width, and a title starting there could run off the right."""
    if text:
        fig.suptitle(text, x=0.01, ha="left", fontsize=11, fontweight="bold")


def empty_note(fig: Any, text: str, title: str = "") -> list:
    """A chart with nothing to draw says so instead of showing empty axes, under its title
    (so the owner still knows which chart is empty)."""
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.text(0.5, 0.5, text, ha="center", va="center", color=GREY, transform=ax.transAxes)
    chart_title(fig, title)
    return []


def fitting_ticks(axis: Any, bins: int) -> None:
    """At most ``bins`` round steps on an x axis of amounts, fewer when the axis is too narrow for
    that many labels side by side: "¥0 ¥10,000¥20,000¥30,000" ran into each other on the Top SKUs
    chart of a 1024-px window, where the SKU names take most of the width."""
    from matplotlib.ticker import MaxNLocator

    class FittingLocator(MaxNLocator):
        def __call__(self):  # noqa: ANN204 - matplotlib's signature
            ax = self.axis
            if ax is not None and ax.axes is not None:
                low, high = ax.get_view_interval()
                widest = max((str(ax.get_major_formatter()(v, 0)) for v in (low, high)), key=len)
                size = ax.axes.figure.dpi / 72 * ax.majorTicks[0].label1.get_fontsize()  # not get_ticklabels: it locates
                label = 0.62 * size * len(widest) + size  # a digit is ~0.6 em; a gap of one em
                steps = int(ax.axes.bbox.width // max(label, 1.0))  # labels that fit, side by side
                self.set_params(nbins=max(1, min(bins, steps - 1)))
            return super().__call__()

    axis.set_major_locator(FittingLocator(nbins=bins, steps=[1, 2, 2.5, 5, 10]))
