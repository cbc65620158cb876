"""Finding 案号 in running text: new style ``(2023)浙0483执1234号``, legacy
``(2014)嘉桐执字第12号``, ``之一`` suffixes, any bracket style, blanks and line breaks inside
(a number split over two lines). Parsing and the canonical form are ``identifiers.case_no``'s."""

from __future__ import annotations

import re
from dataclasses import dataclass

from zhongben.extract import ids

OPEN = r"[(\[〔【（]"
CLOSE = r"[)\]〕】）]"
CASE_RE = re.compile(
    rf"{OPEN}\s*(?P<year>(?:19|20)\d\s*\d)\s*{CLOSE}\s*"
    r"(?P<body>[\u4e00-\u9fff][\u4e00-\u9fff\d\s]{0,18}?)\s*(?P<zi>字\s*第?)?\s*"
    r"(?P<num>\d{1,6})\s*号(?P<suffix>之\s*[一二三四五六七八九十—–\-－]+)?"
)
BLANKS_RE = re.compile(r"\s+")
# OCR reads the ideograph 一 as a dash; in a 之一 suffix it can only be 一.
DASH_AS_ONE = str.maketrans({"—": "一", "–": "一", "-": "一", "－": "一"})


@dataclass(frozen=True)
class CaseNo:
    """A case number found in text: ``doc_no`` keeps the 之一 suffix, ``case_no`` drops it."""

    doc_no: str
    case_no: str
    type_code: str  # 执, 执恢, 执保, 民初, 民终 … (legacy: the 字号, e.g. 执民)
    court_code: str | None  # 浙0483 for new-style numbers; None for legacy ones
    start: int
    end: int

    @property
    def is_execution(self) -> bool:
        return "执" in self.type_code


def _found(match: re.Match[str]) -> CaseNo | None:
    parts = match.group("year", "body", "zi", "num", "suffix")
    year, body, zi, num, suffix = (BLANKS_RE.sub("", p or "") for p in parts)
    text = f"({year}){body}{zi}{num}号{suffix.translate(DASH_AS_ONE)}"
    parsed = ids.case_no(text)
    if parsed is None:
        return None
    court = None if parsed.legacy else parsed.court_code
    return CaseNo(parsed.canonical, ids.without_suffix(parsed), parsed.type_code, court,
                  match.start(), match.end())


def find_all(text: str) -> list[CaseNo]:
    found = (_found(match) for match in CASE_RE.finditer(text))
    return [number for number in found if number is not None]


def own_number(text: str, header_end: int) -> CaseNo | None:
    """The document's own number: the first execution-type number in the header, else the first
    execution-type number anywhere, else the first number."""
    numbers = find_all(text)
    for number in numbers:
        if number.start < header_end and number.is_execution:
            return number
    for number in numbers:
        if number.is_execution:
            return number
    return numbers[0] if numbers else None
