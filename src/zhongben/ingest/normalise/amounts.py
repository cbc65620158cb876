"""Amounts in yuan, plain numbers and integers.

Amounts: ``1234567.89``, ``1,234,567.89`` (full-width ``，`` too), ``¥1,234.00`` / ``￥``, a ``元``
suffix, ``123.4万元`` / ``123.4万`` (× 10 000), a leading ``-`` or ``+``, ``.5``; blanks anywhere
are ignored. The
value is a Decimal rounded half-up to fen; beyond DECIMAL(18,2) is an error. Numbers (DOUBLE)
take the same digits and commas, an exponent, and ``30%`` = 0.3. Integers: ``12``, ``1,200``,
``12.0``.

The regexes are shared with the SQL fast path: Python ``re`` and RE2 read them alike.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal

from zhongben.identifiers.width import clean, remove_blanks

DIGITS = r"([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)"
AMOUNT_PATTERN = rf"([-+])?[¥￥]?([-+])?{DIGITS}?(?:\.([0-9]*))?(万元|万|元)?"
NUMBER_PATTERN = rf"([-+])?{DIGITS}?(?:\.([0-9]*))?(?:[eE]([-+]?[0-9]{{1,3}}))?(%)?"
INTEGER_PATTERN = rf"([-+])?{DIGITS}(?:\.0*)?"
AMOUNT_LIMIT = Decimal(10) ** 16  # DECIMAL(18,2)
INTEGER_LIMIT = 2**31
FEN = Decimal("0.01")

_AMOUNT_RE = re.compile(AMOUNT_PATTERN)
_NUMBER_RE = re.compile(NUMBER_PATTERN)
_INTEGER_RE = re.compile(INTEGER_PATTERN)


def _compact(raw: str | None) -> str | None:
    text = clean(raw)
    return remove_blanks(text) if text is not None else None


def read_amount(text: str) -> Decimal | None:
    match = _AMOUNT_RE.fullmatch(text)
    if match is None or (match.group(1) and match.group(2)):
        return None
    sign1, sign2, whole, fraction, unit = match.groups()
    if not whole and not fraction:
        return None
    value = Decimal((whole or "0").replace(",", "") + "." + (fraction or "0"))
    if unit in ("万", "万元"):
        value *= 10000
    if value >= AMOUNT_LIMIT:  # before rounding: quantize fails past 28 digits
        return None
    value = value.quantize(FEN, rounding=ROUND_HALF_UP)
    if "-" in (sign1, sign2):
        value = -value
    return value if abs(value) < AMOUNT_LIMIT else None


def read_number(text: str) -> float | None:
    match = _NUMBER_RE.fullmatch(text)
    if match is None:
        return None
    sign, whole, fraction, exponent, percent = match.groups()
    if not whole and not fraction:
        return None
    literal = f"{sign or ''}{(whole or '0').replace(',', '')}.{fraction or '0'}e{exponent or 0}"
    value = float(literal)
    value = value / 100 if percent else value
    return value if math.isfinite(value) else None


def read_integer(text: str) -> int | None:
    match = _INTEGER_RE.fullmatch(text)
    if match is None:
        return None
    value = int((match.group(1) or "") + match.group(2).replace(",", ""))
    return value if -INTEGER_LIMIT <= value < INTEGER_LIMIT else None


def parse_amount(raw: str | None) -> tuple[Decimal | None, str | None]:
    text = _compact(raw)
    if text is None:
        return None, None
    value = read_amount(text)
    return (value, None) if value is not None else (None, "无法识别的金额：" + text)


def parse_number(raw: str | None) -> tuple[float | None, str | None]:
    text = _compact(raw)
    if text is None:
        return None, None
    value = read_number(text)
    return (value, None) if value is not None else (None, "无法识别的数值：" + text)


def parse_integer(raw: str | None) -> tuple[int | None, str | None]:
    text = _compact(raw)
    if text is None:
        return None, None
    value = read_integer(text)
    return (value, None) if value is not None else (None, "无法识别的整数：" + text)
