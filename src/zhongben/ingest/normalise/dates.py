"""Dates, timestamps and months as written in ledgers and registry exports.

Accepted (after width folding and stripping): ``2023-05-12``, ``2023/5/12``, ``2023.05.12``,
``20230512``, ``2023年5月12日``, Chinese numerals ``二〇二三年五月十二日`` (〇 ○ O 零 for zero),
Excel serial numbers of the 1900 system between 10000 and 80000 (1927–2119; a fraction is the time
of day), each optionally followed by a time ``14:03``, ``14:03:00``, ``14:03:00.123`` after ``T`` or
blanks. A DATE takes the date part, a TIMESTAMP keeps the time, a MONTH is the first day of its
month and also accepts ``2023-05``, ``202305``, ``2023年5月``. An impossible date (2023-02-30)
is an error.

The regexes are shared with the SQL fast path (``sql_dates``): Python ``re`` and RE2 read them
alike.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta

from zhongben.identifiers.width import clean

DATE_PATTERN = (
    r"([1-9][0-9]{3})(?:[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})[日号]?|([0-9]{2})([0-9]{2}))"
    r"(?:(?:T| +)([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,6}))?)?)?"
)
MONTH_PATTERN = r"([1-9][0-9]{3})(?:[-/.年]([0-9]{1,2})月?|([0-9]{2}))"
SERIAL_PATTERN = r"([0-9]{5})(?:\.[0-9]+)?"
SERIAL_MIN, SERIAL_MAX = 10000, 80000
EXCEL_EPOCH = datetime(1899, 12, 30)  # serial 1 = 1900-01-01 once the fictitious 1900-02-29 is past
CN_DIGITS = "〇○O零一二三四五六七八九"
CN_PART = r"([二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
CN_DATE_PATTERN = rf"([{CN_DIGITS}]{{4}})年{CN_PART}月(?:{CN_PART}[日号]?)?"

_DATE_RE = re.compile(DATE_PATTERN)
_MONTH_RE = re.compile(MONTH_PATTERN)
_SERIAL_RE = re.compile(SERIAL_PATTERN)
_CN_RE = re.compile(CN_DATE_PATTERN)

REASONS = {"date": "无法识别的日期：", "timestamp": "无法识别的时间：", "month": "无法识别的月份："}


def _build(y: str, m: str, d: str, time: tuple[str | None, ...]) -> datetime | None:
    hour, minute, second, fraction = time
    try:
        return datetime(
            int(y),
            int(m),
            int(d),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            int((fraction or "").ljust(6, "0")),
        )
    except ValueError:
        return None


def _numeric(text: str) -> datetime | None:
    match = _DATE_RE.fullmatch(text)
    if match is None:
        return None
    y, m, d, m2, d2, *time = match.groups()
    return _build(y, m or m2, d or d2, tuple(time))


def _serial(text: str) -> datetime | None:
    match = _SERIAL_RE.fullmatch(text)
    if match is None or not SERIAL_MIN <= int(match.group(1)) <= SERIAL_MAX:
        return None
    seconds = math.floor(float(text) * 86400 + 0.5)
    return EXCEL_EPOCH + timedelta(seconds=seconds)


def cn_number(text: str) -> int:
    """一 … 九, 十, 十一 … 十九, 二十 … 三十九 (the day and month numerals of a Chinese date)."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    if "十" not in text:
        return digits[text]
    tens, _, ones = text.partition("十")
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


def _chinese(text: str, month_only: bool) -> datetime | None:
    match = _CN_RE.fullmatch(text)
    if match is None or (match.group(3) is None) != month_only:
        return None
    year = "".join(
        str(CN_DIGITS.index(c) - 3) if c in "一二三四五六七八九" else "0" for c in match.group(1)
    )
    day = cn_number(match.group(3)) if match.group(3) else 1
    return _build(year, str(cn_number(match.group(2))), str(day), (None,) * 4)


def read_datetime(text: str) -> datetime | None:
    """A cleaned cell as a datetime (midnight when no time is written), or None if unreadable."""
    return _numeric(text) or _serial(text) or _chinese(text, month_only=False)


def read_month(text: str) -> date | None:
    """A cleaned cell as the first day of its month, or None if unreadable."""
    match = _MONTH_RE.fullmatch(text)
    if match is not None:
        y, m, m2 = match.groups()
        built = _build(y, m or m2, "1", (None,) * 4)
    else:
        built = _chinese(text, month_only=True) or read_datetime(text)
    return built.date().replace(day=1) if built is not None else None


def parse(raw: str | None, kind: str) -> tuple[date | datetime | None, str | None]:
    """(value, error) for kind 'date', 'timestamp' or 'month'; (None, None) for an empty cell."""
    text = clean(raw)
    if text is None:
        return None, None
    value: date | datetime | None
    if kind == "month":
        value = read_month(text)
    else:
        moment = read_datetime(text)
        value = moment.date() if moment is not None and kind == "date" else moment
    return (value, None) if value is not None else (None, REASONS[kind] + text)
