"""Amounts as a prosecutor types them: ``10万``, ``100,000``, ``1.5亿元``, ``≥50万``, ``10万以上``,
``不超过200万``, ranges ``50万-100万`` / ``5万至10万`` — into a (low, high) pair in yuan."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from zhongben.identifiers.width import fold

UNITS = {"": Decimal(1), "元": Decimal(1), "千": Decimal(1000), "千元": Decimal(1000),
         "万": Decimal(10_000), "万元": Decimal(10_000), "亿": Decimal(100_000_000),
         "亿元": Decimal(100_000_000)}
NUMBER = (r"([0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
          r"\s*(亿元|万元|千元|亿|万|千|元)?")
_ONE = re.compile(rf"^{NUMBER}$")
_RANGE = re.compile(rf"^{NUMBER}\s*(?:-|~|—|–|至|到)\s*{NUMBER}$")
LOWER_WORDS = (">=", "≥", "大于等于", "不少于", "不低于", "至少", ">", "大于", "超过", "高于",
               "多于")
UPPER_WORDS = ("<=", "≤", "小于等于", "不超过", "不高于", "不多于", "至多", "<", "小于", "低于",
               "少于")
LOWER_TAILS = ("以上", "及以上", "或以上", "起")
UPPER_TAILS = ("以下", "及以下", "或以下", "以内")
PREFIXES = ("未履行金额", "执行标的", "标的额", "标的", "金额")
AMOUNT_HINT = re.compile(r"[0-9].*(万|亿|元|千)|[0-9]{1,3}(,[0-9]{3})+|[≥≤><~]|以上|以下")


class AmountError(ValueError):
    """An amount that cannot be read; the message (Chinese) says what to type instead."""


@dataclass(frozen=True)
class AmountRange:
    low: Decimal | None = None
    high: Decimal | None = None
    assumed_lower: bool = False  # a bare amount, read as "at least"

    def describe(self) -> str:
        def yuan(v: Decimal) -> str:
            return f"{v:,.2f} 元"
        if self.low is not None and self.high is not None:
            return f"未履行金额 {yuan(self.low)} 至 {yuan(self.high)}"
        if self.low is not None:
            note = "（未写“以上/以下”，按“以上”理解）" if self.assumed_lower else ""
            return f"未履行金额 ≥ {yuan(self.low)}{note}"
        return f"未履行金额 ≤ {yuan(self.high or Decimal(0))}"


def _value(number: str, unit: str | None) -> Decimal:
    try:
        return (Decimal(number.replace(",", "")) * UNITS[unit or ""]).quantize(Decimal("0.01"))
    except InvalidOperation as exc:
        raise AmountError(f"无法识别的金额“{number}”") from exc


def _strip(text: str, words: tuple[str, ...], at_start: bool) -> tuple[str, bool]:
    for word in sorted(words, key=len, reverse=True):
        if at_start and text.startswith(word):
            return text[len(word):].strip(), True
        if not at_start and text.endswith(word):
            return text[:-len(word)].strip(), True
    return text, False


def parse_amount(raw: str) -> AmountRange:
    """One amount expression; raises ``AmountError`` (Chinese) when it is not one."""
    text = fold(raw).replace("，", ",").replace("～", "~").strip()
    text, _ = _strip(text, PREFIXES, at_start=True)
    text, lower = _strip(text, LOWER_WORDS, at_start=True)
    text, upper = _strip(text, UPPER_WORDS, at_start=True) if not lower else (text, False)
    text, lower_tail = _strip(text, LOWER_TAILS, at_start=False)
    text, upper_tail = _strip(text, UPPER_TAILS, at_start=False) if not lower_tail else (text,
                                                                                          False)
    if (match := _RANGE.match(text)) and not (lower or upper or lower_tail or upper_tail):
        low, high = _value(match.group(1), match.group(2) or match.group(4)), _value(
            match.group(3), match.group(4))
        return AmountRange(min(low, high), max(low, high))
    match = _ONE.match(text)
    if match is None:
        raise AmountError(f"无法识别的金额“{raw}”：可写 10万、100,000、≥50万、10万以上、"
                          "50万-100万")
    value = _value(match.group(1), match.group(2))
    if upper or upper_tail:
        return AmountRange(high=value)
    return AmountRange(low=value, assumed_lower=not (lower or lower_tail))


def looks_like_amount(token: str) -> bool:
    """A unit, a thousands separator, a comparison or 以上/以下: the user meant an amount."""
    return AMOUNT_HINT.search(fold(token)) is not None


def combine(ranges: list[AmountRange]) -> AmountRange | None:
    """Several amount conditions together (all must hold)."""
    if not ranges:
        return None
    lows = [r.low for r in ranges if r.low is not None]
    highs = [r.high for r in ranges if r.high is not None]
    assumed = len(ranges) == 1 and ranges[0].assumed_lower
    return AmountRange(max(lows) if lows else None, min(highs) if highs else None, assumed)
