"""What Tier B compares, computed once per record or profile row in Python.

DuckDB's and Spark's string distances work on UTF-8 bytes, which says nothing about Chinese
names. So names are compared through what they sound like and are made of: folded to simplified
characters (OpenCC), read as toneless pinyin (pypinyin: a homophone slip 张伟/张玮 reads the same;
a ticket's ``ZHANG/WEI`` is already pinyin), and split into their characters. A 身份证号 — valid,
mistyped, 15-digit or masked — is split into the parts it is made of: region (6 digits, the first
4 when masked), birth date (8), the last 4 and the whole pattern with ``*`` where masked."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from opencc import OpenCC
from pypinyin import Style, lazy_pinyin

LATIN = re.compile(r"[A-Za-z]")
HAN = re.compile(r"[\u3400-\u9fff]")
COLUMNS = (
    "name_s", "name_py", "surname_py", "given_py", "chars", "region6", "region4", "county2",
    "birth8", "birth4", "tail4", "pattern", "visible",
)


@cache
def _t2s() -> OpenCC:
    return OpenCC("t2s")


@lru_cache(maxsize=65536)
def _pinyin(char: str) -> str:
    return lazy_pinyin(char, style=Style.NORMAL)[0]


@lru_cache(maxsize=1 << 20)
def name_features(name: str | None) -> dict[str, Any]:
    """Simplified name, its pinyin (whole, surname, given name) and its characters."""
    empty: dict[str, Any] = {"name_s": None, "name_py": None, "surname_py": None,
                             "given_py": None, "chars": None}
    if not name:
        return empty
    text = name.strip()
    if HAN.search(text):
        simple = "".join(c for c in str(_t2s().convert(text)) if HAN.match(c))
        if not simple:
            return empty
        syllables = [_pinyin(c) for c in simple]
        return {"name_s": simple, "name_py": "".join(syllables), "surname_py": syllables[0],
                "given_py": "".join(syllables[1:]) or None, "chars": sorted(set(simple))}
    if LATIN.search(text):
        parts = [p for p in re.split(r"[/,\s]+", text.lower()) if p]
        letters = "".join(parts)
        surname = parts[0] if parts else None
        return {"name_s": None, "name_py": letters or None, "surname_py": surname,
                "given_py": "".join(parts[1:]) or None, "chars": None}
    return empty


def id_features(value: str | None) -> dict[str, Any]:
    """The parts of an ID as written (valid, mistyped, 15-digit or masked); none for other
    document numbers."""
    out: dict[str, Any] = {"region6": None, "region4": None, "county2": None, "birth8": None,
                           "birth4": None, "tail4": None, "pattern": None, "visible": 0}
    if not value:
        return out
    text = value.upper()
    if re.fullmatch(r"[0-9]{15}", text):  # an old number that did not convert
        text = text[:6] + "19" + text[6:] + "*"
    if len(text) != 18 or not re.fullmatch(r"[0-9X*×]{18}", text):
        return out
    text = text.replace("×", "*")

    def part(start: int, end: int) -> str | None:
        piece = text[start:end]
        return None if "*" in piece else piece

    out.update(region6=part(0, 6), region4=part(0, 4), county2=part(4, 6), birth8=part(6, 14),
               birth4=part(6, 10), tail4=part(14, 18),
               pattern=text, visible=sum(c != "*" for c in text))
    return out


def compatible(a: str | None, b: str | None) -> bool:
    """Whether a masked number could be the other: every position known in both agrees. A
    masked number incompatible with another never links to it. Two full numbers are always
    "compatible" here: a mistyped digit is what Tier B weighs, not a rule."""
    if not a or not b or len(a) != len(b) or ("*" not in a and "*" not in b):
        return True
    return all(x == y or x == "*" or y == "*" for x, y in zip(a, b, strict=True))


def features(name: str | None, id_value: str | None) -> dict[str, Any]:
    return {**name_features(name), **id_features(id_value)}
