"""Locating dates and amounts in running text; the values are read by the project's normalisers
(``ids``). Chinese-numeral dates with 〇, ○, O, 0 or 零 for zero; amounts with thousands separators
(also a full-width comma: 400，000) and 万元; article numbers in Chinese numerals."""

from __future__ import annotations

import re

from zhongben.extract import ids

DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
          "七": 7, "八": 8, "九": 9}
CN_DIGIT = "〇○Oo0零ΟО一—二三四五六七八九"
CN_DATE_RE = re.compile(f"([{CN_DIGIT}]{{4}})\\s*年\\s*([{CN_DIGIT}十]{{1,3}})\\s*月"
                        f"\\s*([{CN_DIGIT}十]{{1,4}})\\s*日")
AR_DATE_RE = re.compile(r"((?:19|20)\d{2})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|"
                        r"[-./](\d{1,2})[-./](\d{1,2})(?!\d))")
DATE_RE = re.compile(f"{CN_DATE_RE.pattern}|{AR_DATE_RE.pattern}")
AMOUNT_RE = re.compile(r"(?:人民币|¥|￥)?\s*(\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
                       r"(万元|万|元)")
UNITS = {"千": 1000, "百": 100, "十": 10}


def chinese_number(text: str) -> int | None:
    """Article numbers: 五百一十七, 二百六十四, 十九, 一千零一 (also Arabic digits)."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    total = 0
    current: int | None = None
    for ch in text:
        if ch in DIGITS:
            current = DIGITS[ch]
        elif ch in UNITS:
            total += (1 if current is None else current) * UNITS[ch]
            current = None
        else:
            return None
    return total + (current or 0)


def parse_date_match(match: re.Match[str]) -> str | None:
    """ISO date from a ``DATE_RE`` match, or ``None`` when it is not a real date."""
    if match.group(1):
        text = match.group(1) + "年" + match.group(2) + "月" + match.group(3) + "日"
        return ids.iso_date(text, chinese=True)
    return ids.iso_date(match.group(), chinese=False)


def parse_date(text: str) -> str | None:
    found = DATE_RE.search(text)
    return parse_date_match(found) if found else None


def parse_amount_match(match: re.Match[str]) -> float | None:
    return ids.amount(match.group(1), match.group(2))


def parse_amount(text: str) -> float | None:
    found = AMOUNT_RE.search(text)
    return parse_amount_match(found) if found else None
