"""What the owner types into a cell or a form → ShopDesk values (fen, fractions, counts, dates).

Imports parse what platforms write (``core.imports.values``); this parses what a person types,
which is looser in other ways: ``1.2万`` for twelve thousand yuan, ``12.5`` in a percentage
cell meaning 12.5 %, ``11-3`` for a day of the current year. Every parser returns the value, or
``None`` for an empty entry, and raises ``ValueError`` with a message that says what was wrong
and what to type instead (already translated), so a cell can show it as its tooltip.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from core.i18n import list_text, t

# 10 billion yuan: far above any small shop's target, and well inside SQL's 64-bit integers.
MAX_FEN = 10**12
MAX_COUNT = 10**9
_MONEY_JUNK = str.maketrans("", "", "¥￥,，元 \u3000\t$")
_COUNT_JUNK = str.maketrans("", "", ",， \u3000\t")
_UNITS = {"万": Decimal(10_000), "w": Decimal(10_000), "亿": Decimal(100_000_000), "k": Decimal(1_000)}
_COUNT_SUFFIX = re.compile(r"(件|个|天|日|人|次|单|pcs?)$", re.IGNORECASE)
_DATE_FULL = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DATE_SHORT = re.compile(r"^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def _blank(text: str) -> bool:
    return text.strip() in ("", "-", "—")


def parse_money(text: str) -> int | None:
    """Yuan as typed → fen, rounded half up: ``1,299.9``, ``¥1299.90``, ``1.2万``, ``3k``."""
    if _blank(text):
        return None
    s = text.strip().translate(_MONEY_JUNK).replace("−", "-").lower()
    unit = Decimal(1)
    if s and s[-1] in _UNITS:
        unit, s = _UNITS[s[-1]], s[:-1]
    try:
        # Decimal reads "1e5" as 100000: a typo of a person, never how an amount is written, so refused.
        if "e" in s:
            raise InvalidOperation
        amount = Decimal(s)
    except InvalidOperation:
        raise ValueError(t("“{text}” is not an amount. Type yuan, e.g. 1299.90 or 1.2万.", text=text.strip())) from None
    if not amount.is_finite():
        raise ValueError(t("“{text}” is not an amount. Type yuan, e.g. 1299.90 or 1.2万.", text=text.strip()))
    try:
        amount *= unit
        too_large = abs(amount) * 100 >= MAX_FEN  # before rounding: 1e400 cannot even be rounded
    except ArithmeticError:  # decimal.Overflow of 1e999999999: never shown as such
        too_large = True
    if too_large:
        raise ValueError(t("{text} is too large for an amount.", text=text.strip()))
    return int((amount * 100).quantize(Decimal(1), ROUND_HALF_UP))


def parse_percent(text: str) -> float | None:
    """A percentage as typed → a fraction: ``12.5%`` and ``12.5`` are both 0.125."""
    if _blank(text):
        return None
    s = text.strip().replace(",", "").replace("％", "%").rstrip("%").strip()
    try:
        value = Decimal(s)
        bad = not value.is_finite() or abs(value) > 10_000
    except ArithmeticError:  # InvalidOperation, or decimal.Overflow: never shown as such
        bad = True
    if bad:
        raise ValueError(t("“{text}” is not a percentage. Type a number such as 12.5 (for 12.5 %).", text=text.strip()))
    return float(value / 100)


def parse_int(text: str) -> int | None:
    """A count as typed: ``1,204``, ``12件``, ``7天``; ``3.0`` is 3, ``2.5`` is refused."""
    if _blank(text):
        return None
    s = _COUNT_SUFFIX.sub("", text.strip().translate(_COUNT_JUNK))
    try:
        value = Decimal(s)
        bad = not value.is_finite() or abs(value) >= MAX_COUNT or value != value.to_integral_value()
    except ArithmeticError:  # InvalidOperation, or decimal.Overflow of 1e999999999: never shown as such
        bad = True
    if bad:
        raise ValueError(t("“{text}” is not a whole number. Type digits only, e.g. 120.", text=text.strip()))
    return int(value)


def parse_date(text: str, *, today: dt.date | None = None) -> dt.date | None:
    """A day as typed: ``2026-11-03``, ``2026/11/3``, ``2026年11月3日``, ``20261103``, ``11-3``
    (this year). Excel's own day numbers (``46330``) come from pasted cells."""
    if _blank(text):
        return None
    s = text.strip()
    try:
        if m := _DATE_FULL.match(s) or _DATE_COMPACT.match(s):
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := _DATE_SHORT.match(s):
            return dt.date((today or dt.date.today()).year, int(m.group(1)), int(m.group(2)))
        if s.isdigit() and 20000 <= int(s) <= 80000:  # an Excel serial day (1954 … 2119)
            return dt.date(1899, 12, 30) + dt.timedelta(days=int(s))
    except ValueError:
        pass  # 2026-02-30: the shape of a date, but no such day
    raise ValueError(t("“{text}” is not a date. Type it as 2026-11-03.", text=s))


def parse_text(text: str, *, max_length: int = 200) -> str:
    """Free text, trimmed; refused when longer than the column holds."""
    s = text.strip()
    if len(s) > max_length:
        raise ValueError(t("This text is {n} characters long; at most {limit} fit.", n=len(s), limit=max_length))
    return s


def require(value: object) -> object:
    """An entry that may not be left empty."""
    if value is None:
        raise ValueError(t("This cell cannot be empty. Type a value, or press Esc to keep the old one."))
    return value


def parse_choice(text: str, choices: list[tuple[str, object]]) -> object:
    """One of ``choices`` (label, value), by its label (any case) or its stored value."""
    wanted = text.strip()
    for label, value in choices:
        if wanted in (label, str(value)) or wanted.casefold() == label.casefold():
            return value
    names = list_text(label for label, _v in choices[:8])
    raise ValueError(t("“{text}” is not one of the choices ({names}).", text=wanted, names=names))


def money_text(fen: int | None) -> str:
    """Fen → what a person would type back: ``1299.90`` (no symbol or separators, for editors
    and for cells copied to Excel)."""
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


def percent_text(rate: float | None) -> str:
    if rate is None:
        return ""
    text = f"{rate * 100:.2f}".rstrip("0").rstrip(".")
    return f"{text}%"
