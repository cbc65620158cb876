"""案号: parse, normalise and re-render case numbers of both schemes.

New scheme (2016–): ``(2023)浙0683执1234号``, ``(2024)浙06执异5号``, ``(2023)浙0683执恢12号之一``.
Old scheme: ``(2015)绍嵊执民字第123号`` (year, court abbreviation, 字号, 字第, number).
Input is folded (full-width, 〔〕［］【】 → ()), blanks removed; brackets around the year and the
final 号 may be missing. The canonical form has both and no leading zeros in the number.

The patterns are written for both Python ``re`` and RE2 (DuckDB), with the same leftmost-first
semantics, so ``ingest.normalise.sql`` uses them unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zhongben.identifiers.case_types import CASE_TYPES, LEGACY_TYPES, by_length
from zhongben.identifiers.courts import COURT_CODE_PATTERN
from zhongben.identifiers.width import fold, fold_brackets, remove_blanks

HAN = "[一-鿿]"
SUFFIX = "(之[一二三四五六七八九十]+)?"
NEW_PATTERN = (
    rf"\(?([0-9]{{4}})\)?({COURT_CODE_PATTERN})({'|'.join(by_length(CASE_TYPES))})"
    rf"([0-9]+)号?{SUFFIX}"
)
LEGACY_PATTERN = (
    rf"\(?([0-9]{{4}})\)?({HAN}{{1,4}}?)({'|'.join(by_length(LEGACY_TYPES))})"
    rf"字第?([0-9]+)号?{SUFFIX}"
)
# The same grammar with the type as any run of Han characters, checked against the tables after
# the match: equal results (the digits end the type; exactly one 字 can precede 第/the number),
# much faster in Python's backtracking engine than a 600-way alternation.
_NEW_RE = re.compile(rf"\(?([0-9]{{4}})\)?({COURT_CODE_PATTERN})({HAN}+)([0-9]+)号?{SUFFIX}")
_LEGACY_RE = re.compile(rf"\(?([0-9]{{4}})\)?({HAN}{{2,}})字第?([0-9]+)号?{SUFFIX}")
MAX_ABBREVIATION = 4


class CaseNoError(ValueError):
    """A case number that cannot be parsed; the message is the Chinese reason."""


@dataclass(frozen=True)
class CaseNo:
    year: int
    court_code: str  # new scheme: 法院代字 (浙0683); old scheme: the court abbreviation (绍嵊)
    type_code: str  # 类型代字 (执, 执恢 …) or, in the old scheme, the 字号 without 字 (执民)
    seq: int
    suffix: str  # '' or 之一, 之二 …
    legacy: bool

    @property
    def canonical(self) -> str:
        if self.legacy:
            body = f"{self.court_code}{self.type_code}字第{self.seq}号"
        else:
            body = f"{self.court_code}{self.type_code}{self.seq}号"
        return f"({self.year}){body}{self.suffix}"


def fold_case_no(raw: str) -> str:
    """The folded text of a case number: what is kept when it cannot be parsed."""
    return remove_blanks(fold_brackets(fold(raw)))


def parse_case_no(raw: str) -> CaseNo:
    """Parse a case number of either scheme; raise ``CaseNoError`` with a Chinese reason."""
    text = fold_case_no(raw)
    if not text:
        raise CaseNoError("案号为空")
    match = _NEW_RE.fullmatch(text)
    if match is not None and match.group(3) in CASE_TYPES:
        year, court, type_code, seq, suffix = match.groups()
        return CaseNo(int(year), court, type_code, int(seq), suffix or "", legacy=False)
    match = _LEGACY_RE.fullmatch(text)
    if match is not None:
        year, run, seq, suffix = match.groups()
        for cut in range(1, min(MAX_ABBREVIATION, len(run) - 1) + 1):
            if run[cut:] in LEGACY_TYPES:
                return CaseNo(int(year), run[:cut], run[cut:], int(seq), suffix or "", legacy=True)
    raise CaseNoError(f"无法识别的案号：{text}")


def normalise_case_no(raw: str | None) -> str | None:
    """Canonical form when it parses, else the folded text; empty is ``None``."""
    if raw is None:
        return None
    try:
        return parse_case_no(raw).canonical
    except CaseNoError:
        return fold_case_no(raw) or None
