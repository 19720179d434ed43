"""Money is integer fen below the UI; these helpers format it for people and exports."""
from __future__ import annotations


def fen_to_yuan(fen: int | None) -> float | None:
    """Yuan as a number with two decimals (for JSON and Excel cells)."""
    return None if fen is None else round(fen / 100, 2)


def format_fen(fen: int | None, symbol: str = "¥", decimals: int = 2) -> str:
    """``¥1,299.90``; ``—`` for unknown."""
    if fen is None:
        return "—"
    sign = "-" if fen < 0 else ""
    value = abs(fen) / 100
    return f"{sign}{symbol}{value:,.{decimals}f}"


def format_rate(rate: float | None, decimals: int = 1) -> str:
    return "—" if rate is None else f"{rate * 100:.{decimals}f}%"
