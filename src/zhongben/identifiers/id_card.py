"""居民身份证号码 (GB 11643-1999): check digit, 15→18 conversion, birth date, sex, region, masks."""

from __future__ import annotations

import re
from datetime import date

from zhongben.identifiers.result import IdResult
from zhongben.identifiers.width import ascii_upper, fold, remove_blanks

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"  # indexed by (Σ digit × weight) mod 11
MIN_BIRTH_YEAR = 1800

ID18_RE = re.compile(r"[0-9]{17}[0-9X]")
ID15_RE = re.compile(r"[0-9]{15}")
# Shaped like an 18-digit 身份证号 of someone born 1900–2099 (whether or not its check digit is
# right).
PERSON_SHAPED = "[0-9]{6}(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X]"
PERSON_SHAPED_RE = re.compile(PERSON_SHAPED)
# A masked number as shown on public lists: digits, a run of mask characters, digits (18 long).
MASKED_RE = re.compile(r"[0-9]{2,}[*×X]{2,}[0-9]*X?")


def check_digit(first17: str) -> str:
    """The 18th character for the first 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(f"需要17位数字：{first17}")
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def birth_date(id18: str) -> date | None:
    """The birth date encoded in positions 7–14, or ``None`` when it is not a real date."""
    try:
        born = date(int(id18[6:10]), int(id18[10:12]), int(id18[12:14]))
    except ValueError:
        return None
    return born if born.year >= MIN_BIRTH_YEAR else None


def is_valid(id18: str) -> bool:
    """18 characters, the check digit right and the birth date a real date."""
    if not ID18_RE.fullmatch(id18):
        return False
    return check_digit(id18[:17]) == id18[17] and birth_date(id18) is not None


def sex(id18: str) -> str:
    """'男' or '女' from the parity of the 17th digit."""
    return "男" if int(id18[16]) % 2 else "女"


def region_code(id18: str) -> str:
    """The six-digit administrative division code of the place of first registration."""
    return id18[:6]


def upgrade_15(id15: str) -> str:
    """A 15-digit (pre-1999) number as 18 digits: '19' before the birth year, check digit added."""
    if not ID15_RE.fullmatch(id15):
        raise ValueError(f"需要15位数字：{id15}")
    first17 = id15[:6] + "19" + id15[6:]
    return first17 + check_digit(first17)


def clean_id(raw: str) -> str:
    """Folded, blanks removed, ASCII upper-cased (``x`` → ``X``)."""
    return ascii_upper(remove_blanks(fold(raw)))


def is_masked(text: str) -> bool:
    """An 18-character number with a masked middle, e.g. 3306831990****1234, 330683********123X."""
    return len(text) == 18 and bool(MASKED_RE.fullmatch(text))


def person_shaped(text: str) -> bool:
    """An 18-character number with a plausible birth date: a mistyped 身份证号, when it fails its
    check digit (never read as a 统一社会信用代码 that happens to pass that code's check)."""
    return bool(PERSON_SHAPED_RE.fullmatch(text))


def looks_like(text: str) -> bool:
    """Shaped like a 身份证号 (18 or 15 digits), whether or not its check digit is right."""
    return bool(ID18_RE.fullmatch(text) or ID15_RE.fullmatch(text))


def normalise_person_id(raw: str | None) -> IdResult:
    """The normalised 18-digit number, or the cleaned text kept as invalid (or masked)."""
    text = clean_id(raw) if raw is not None else ""
    if not text:
        return IdResult(None)
    if ID15_RE.fullmatch(text):
        text18 = upgrade_15(text)
        return IdResult(text18) if is_valid(text18) else IdResult(None, text)
    if is_valid(text):
        return IdResult(text)
    return IdResult(None, text, masked=is_masked(text))
