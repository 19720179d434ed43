"""Counts in translated text: ``tr("%n row(s)", "", n)`` picks the singular or plural form (the
English catalogue holds both, ``tools/translations.py``), but Qt writes the number without
grouping; ``grouped`` writes it as the rest of the UI writes numbers (12,000)."""
from __future__ import annotations

import re


def grouped(text: str, n: int) -> str:
    """``text`` with its count ``n`` (the first time it stands alone) written with thousands separators."""
    if abs(n) < 1000:
        return text
    return re.sub(rf"(?<![\d,.]){n}(?![\d,.])", f"{n:,}", text, count=1)
