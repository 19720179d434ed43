"""Money is integer fen below the UI; these helpers format it for people and exports."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def fen_to_yuan(fen: int | None) -> float | None:
    """Yuan as a number with two decimals (for JSON and Excel cells)."""
    return None if fen is None else round(fen / 100, 2)


def format_fen(fen: int | None, symbol: str = "¥", decimals: int = 2) -> str:
    """``¥1,299.90``; ``—`` for unknown. Fewer decimals round half up, as money does (¥0.50 → ¥1, ¥2.50 → ¥3),
    never to the even yuan."""
    if fen is None:
        return "—"
    sign = "-" if fen < 0 else ""
    value = (Decimal(abs(fen)) / 100).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return f"{sign}{symbol}{value:,.{decimals}f}"


def format_fen_whole(fen: int | None, symbol: str = "¥") -> str:
    """Whole yuan without decimals (``¥46,588``), the fen when there are any (``¥46,588.50``): a part shown beside
    its total adds up to it, and a difference of ¥0.30 is not shown as ¥0."""
    return format_fen(fen, symbol, decimals=0 if fen is None or fen % 100 == 0 else 2)


def format_rate(rate: float | None, decimals: int = 1) -> str:
    return "—" if rate is None else f"{rate * 100:.{decimals}f}%"
