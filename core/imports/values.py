"""Cell values as the platforms write them → ShopDesk values (text ids, fen, local datetimes).

Every parser takes what a reader produced (``str``, ``float``, ``int``, ``datetime``, ``date``
or ``None``) and returns the value or ``None`` for an empty cell; a value that is present but
cannot be understood raises ``ValueError`` with a message for the owner (already translated).
The quirks handled here are listed in reference/platform-exports.md §0 (items 4, 7, 8, 10).
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from core.i18n import t

# Seen as "no value" across platforms (§0.7); compared after trimming and lower-casing.
NULL_MARKERS = frozenset({"", "-", "--", "—", "——", "/", "null", "none", "nan", "#null!", "n/a", "#n/a"})

# Excel keeps 15 significant digits: a longer number stored as a number has lost digits.
_MAX_EXACT_ID = 10**15
_SCI = re.compile(r"^[+-]?\d+(?:\.\d*)?[eE][+-]?\d+$")
_NOTE = re.compile(r"\s*[（(][^（()）]*[)）]\s*$")  # 499.00（系统计算中，该值仅供参考）
_MONEY_JUNK = str.maketrans("", "", "¥￥元 \u3000\t$")
# The number formats exports use, after full-width characters became half-width: ASCII digits,
# thousands commas in groups of three, a decimal point; "(5.00)" is an accounting negative.
# Anything else ("1,2,3", "1_000", Arabic-Indic digits, 1e5) is an error quoting the cell.
_NUMBER = re.compile(r"^([+-]?)((?:[0-9]{1,3}(?:,[0-9]{3})+)|[0-9]+)(\.[0-9]+)?$")
_NUMBER_NO_INT = re.compile(r"^([+-]?)()(\.[0-9]+)$")  # ".5"
_ACCOUNTING = re.compile(r"^\((.*)\)$")
# Words exports write in amount columns for "no amount" (千牛 退款金额 "无退款申请").
_MONEY_NONE = frozenset({"无退款申请", "无", "没有申请退款"})
_MAX_AMOUNT = MAX_AMOUNT = 10**12  # a trillion yuan or units: anything larger is a damaged cell, and overflows SQL integers
_INT_SUFFIX = re.compile(r"\s*(件|个|人|次|天|pcs?)\s*$", re.IGNORECASE)
_DATE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[ T]+(\d{1,2})[:：](\d{1,2})(?:[:：](\d{1,2})(?:[.,](\d{1,6}))?)?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$",
    re.IGNORECASE,
)
# Excel's day 0 is 1899-12-30 in the 1900 date system (the off-by-one leap-year bug included).
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)
_SERIAL_MIN, _SERIAL_MAX = 20000, 80000  # 1954 … 2119: anything else is not a date here

LOCAL_ZONE_NAME = "Asia/Shanghai"


def _local_zone() -> dt.tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(LOCAL_ZONE_NAME)
    except Exception:  # no tz database (Windows without tzdata): Beijing has had no DST since 1991
        return dt.timezone(dt.timedelta(hours=8), LOCAL_ZONE_NAME)


LOCAL_ZONE = _local_zone()


def is_null(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return value != value
    if isinstance(value, str):
        return value.replace("\t", "").strip().lower() in NULL_MARKERS
    return False


def parse_text(value: object) -> str | None:
    """Free text: TABs and outer spaces removed, null markers → ``None``."""
    if value.__class__ is str:  # the common case
        s = value.replace("\t", "").strip()
        return None if s.lower() in NULL_MARKERS else s
    if value is None:
        return None
    if isinstance(value, float):
        if value != value:
            return None
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    s = str(value).replace("\t", "").strip()
    return None if s.lower() in NULL_MARKERS else s


def parse_id(value: object) -> str | None:
    """An order number, SKU code or phone as text, with Excel's protections removed.

    ``="123"``, a leading ``'`` and TABs are stripped (§0.4). A number Excel already turned
    into scientific notation, or a number too long for Excel to keep exactly, is refused:
    importing it would file the row under the wrong order.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        if abs(value) >= _MAX_EXACT_ID:
            raise ValueError(_damaged_id(value))
        return str(value)
    if isinstance(value, float):
        if value != value:
            return None
        if value.is_integer() and abs(value) < _MAX_EXACT_ID:
            return str(int(value))
        raise ValueError(_damaged_id(value))
    if value.__class__ is str and value.isdigit():
        return value  # the common case: clean digits
    s = str(value).replace("\t", "").strip()
    if s.startswith("="):
        s = s[1:].strip()
    if len(s) >= 2 and s[0] == s[-1] == '"':
        s = s[1:-1]
    s = s.lstrip("'").strip()
    if s.lower() in NULL_MARKERS:
        return None
    if _SCI.match(s):
        raise ValueError(_damaged_id(s))
    return s


def _damaged_id(value: object) -> str:
    return t(
        "{value} was damaged by Excel (shown in scientific notation, digits lost); "
        "download the export again and import it without opening it in Excel",
        value=value,
    )


# At most 12 digits before the point (below the 10^12 cap), at most 2 after (no rounding), no
# leading zeros, no grouping: anything else takes the full path below.
_PLAIN_MONEY = re.compile(r"(-?)(0|[1-9][0-9]{0,11})(?:\.([0-9]{1,2}))?")


def parse_money(value: object) -> int | None:
    """Yuan → integer fen, rounding half up: ``¥1,299.90``, ``598.00元``, ``499.00（…）``."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(t("{value} is not an amount", value=value))
    if isinstance(value, int):
        if abs(value) >= _MAX_AMOUNT:
            raise ValueError(t("{value} is not an amount", value=value))
        return value * 100
    if isinstance(value, float):
        if value != value:
            return None
        if abs(value) >= _MAX_AMOUNT:
            raise ValueError(t("{value} is not an amount", value=value))
        fen = round(value * 100)
        if fen / 100 == value:
            # 598.0, 12.5: at most two decimals (the float nearest to fen/100 is this one, and below
            # 10^12 no other decimal of two places is that near), so exactly what the text path gives.
            return fen
        # repr() is the shortest text that round-trips: 0.285 stays 0.285, not 0.28499…
        return int((Decimal(repr(value)) * 100).quantize(Decimal(1), ROUND_HALF_UP))
    if value.__class__ is str:
        plain = _PLAIN_MONEY.fullmatch(value)
        if plain:  # "598.00", "12.5", "-3": most cells of a CSV export; whole-number arithmetic, same result
            sign, whole, frac = plain.groups()
            fen = int(whole) * 100 + int((frac or "").ljust(2, "0"))
            return -fen if sign and fen else fen
    s = unicodedata.normalize("NFKC", str(value)).replace("\t", "").strip()
    if s.lower() in NULL_MARKERS or s in _MONEY_NONE:
        return None
    s = s.translate(_MONEY_JUNK).replace("−", "-")
    if s.upper().startswith("RMB"):
        s = s[3:]
    negative = _ACCOUNTING.match(s)  # (5.00) → −5.00, before notes are cut off
    if negative:
        s = negative.group(1)
    s = _NOTE.sub("", s)  # 499.00（系统计算中…）; a cell that is only a note is an error below
    amount = _number(s, value, t("{value} is not an amount", value=value))
    if negative:
        amount = -abs(amount)
    fen = int((amount * 100).quantize(Decimal(1), ROUND_HALF_UP))
    if abs(fen) >= _MAX_AMOUNT * 100:  # 999999999999.995 rounds up to the cap
        raise ValueError(t("{value} is not an amount", value=value))
    return fen


def _number(s: str, original: object, message: str) -> Decimal:
    """A decimal from the formats exports use (``_NUMBER``); ``ValueError(message)`` otherwise."""
    m = _NUMBER.match(s) or _NUMBER_NO_INT.match(s)
    if m is None:
        raise ValueError(message)
    sign, whole, frac = m.groups()
    whole = (whole or "0").replace(",", "")
    if len(whole) > 13:  # past the 10^12 cap whatever the fraction: no huge Decimal arithmetic
        raise ValueError(message)
    try:
        number = Decimal(sign + whole + (frac or ""))
    except (InvalidOperation, ArithmeticError):
        raise ValueError(message) from None
    if abs(number) >= _MAX_AMOUNT:
        raise ValueError(message)
    return number


def parse_int(value: object) -> int | None:
    """A count such as a quantity or visitors: ``3``, ``3.0``, ``1,204``, ``2件``."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(t("{value} is not a whole number", value=value))
    if isinstance(value, int):
        if abs(value) >= _MAX_AMOUNT:
            raise ValueError(t("{value} is not a whole number", value=value))
        return value
    if isinstance(value, float):
        if value != value:
            return None
        if value.is_integer() and abs(value) < _MAX_AMOUNT:
            return int(value)
        raise ValueError(t("{value} is not a whole number", value=value))
    s = unicodedata.normalize("NFKC", str(value)).replace("\t", "").strip()
    if s.lower() in NULL_MARKERS:
        return None
    s = _INT_SUFFIX.sub("", s).strip()
    message = t("{value} is not a whole number", value=value)
    number = _number(s, value, message)
    if number != number.to_integral_value():
        raise ValueError(message)
    return int(number)


def parse_datetime(value: object) -> dt.datetime | None:
    """A local (Asia/Shanghai) naive datetime from any format of §0.10 or an Excel serial.

    Times with an offset (Shopify's ``2024-01-08 10:00:00 +0000``) are converted to local time.
    """
    if value is None:
        return None
    if value.__class__ is str:
        try:
            parsed = dt.datetime.fromisoformat(value)  # the common case, and fast (C)
        except ValueError:
            pass
        else:
            if parsed.tzinfo is None and parsed.year >= 1900:
                return parsed
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            return value.astimezone(LOCAL_ZONE).replace(tzinfo=None)
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value != value:
            return None
        if _SERIAL_MIN <= value <= _SERIAL_MAX:
            return (_EXCEL_EPOCH + dt.timedelta(days=float(value))).replace(microsecond=0)
        raise ValueError(t("{value} is not a date", value=value))
    s = str(value).replace("\t", "").strip()
    if s.lower() in NULL_MARKERS:
        return None
    try:
        parsed = dt.datetime.fromisoformat(s)  # the common case, and fast
    except ValueError:
        parsed = _parse_loose(s, value)
    else:
        if parsed.year < 1900:
            raise ValueError(t("{value} is not a date", value=value))
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(LOCAL_ZONE).replace(tzinfo=None)
    return parsed


def _parse_loose(s: str, original: object) -> dt.datetime:
    m = _DATE.match(s)
    if not m:
        try:
            serial = float(s)
        except ValueError:
            raise ValueError(t("{value} is not a date", value=original)) from None
        return parse_datetime(serial)  # type: ignore[return-value]
    year, month, day, hour, minute, second, frac, zone = m.groups()
    micro = int((frac or "0").ljust(6, "0")[:6])
    try:
        parsed = dt.datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0), micro
        )
    except ValueError:
        raise ValueError(t("{value} is not a date", value=original)) from None
    if parsed.year < 1900:
        raise ValueError(t("{value} is not a date", value=original))
    if zone:
        z = zone.upper()
        if z in ("Z", "UTC", "GMT"):
            offset = dt.timedelta(0)
        else:
            digits = z[1:].replace(":", "")
            hours, minutes = int(digits[:2]), int(digits[2:])
            if hours > 18 or minutes > 59:  # no zone is further from UTC (a timedelta repr otherwise)
                raise ValueError(t("{value} is not a date", value=original))
            offset = dt.timedelta(hours=hours, minutes=minutes)
            if z[0] == "-":
                offset = -offset
        parsed = parsed.replace(tzinfo=dt.timezone(offset))
    return parsed


def parse_date(value: object) -> dt.date | None:
    when = parse_datetime(value)
    return when.date() if when else None


def parse_percent(value: object) -> float | None:
    """``30.0%`` → 0.30; a plain number is taken as a fraction already."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return None if value != value else float(value)
    s = str(value).replace("\t", "").strip().replace(",", "")
    if s.lower() in NULL_MARKERS:
        return None
    try:
        if s.endswith("%"):
            return float(Decimal(s[:-1]) / 100)
        return float(Decimal(s))
    except InvalidOperation:
        raise ValueError(t("{value} is not a percentage", value=value)) from None


def is_masked(value: str | None) -> bool:
    """``1******6198``, ``186******05``: platforms hide part of personal data with ``*``."""
    return bool(value) and "*" in value  # type: ignore[operator]
