"""Reading what a prosecutor types into the search box: 案号 in any form (full-width brackets,
blanks, without the year, the old 字第 scheme), names (whole or part), 身份证号 (full, or the
last 4–6 characters after a name), 统一社会信用代码, 号牌, courts, and amounts (``amounts``).
Every word is either understood — and said back in Chinese — or reported, never dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zhongben.identifiers.case_no import CaseNoError, parse_case_no
from zhongben.identifiers.courts import COURT_CODE_PATTERN, court_name
from zhongben.identifiers.id_card import is_valid as valid_id
from zhongben.identifiers.id_card import upgrade_15
from zhongben.identifiers.uscc import is_valid as valid_uscc
from zhongben.identifiers.width import clean_code, fold
from zhongben.store.amounts import (
    AmountError,
    AmountRange,
    combine,
    looks_like_amount,
    parse_amount,
)
from zhongben.store.search_terms import YEAR, normal_name

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
PLATE = re.compile(rf"^[{PROVINCES}][A-Z][A-Z0-9]{{4,6}}$")
PERSON_ID = re.compile(r"^[0-9]{17}[0-9X]$|^[0-9]{15}$")
USCC = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$")
TAIL = re.compile(r"^[0-9]{3,5}[0-9X]$")
NAME_TAIL = re.compile(r"^(.*?[^0-9A-Za-z])([0-9]{3,5}[0-9Xx])$")
CASE_HINT = re.compile(r"[0-9].*(执|字第|号)|^[(（〔\[【]")
COURT_CODE = re.compile(f"^{COURT_CODE_PATTERN}$")
HAN_NAME = re.compile(r"^[\u3400-\u9fff·()（）]+$")
SPLIT = re.compile(r"[\s;；、]+|(?<![0-9])[,，]|[,，](?![0-9]{3})")


@dataclass
class Criteria:
    """A parsed query: each list is ANDed; ``said`` and ``problems`` are shown on the page."""

    cases: list[str] = field(default_factory=list)  # canonical, or without the year
    names: list[str] = field(default_factory=list)  # whole or part of a name
    ids: list[str] = field(default_factory=list)
    tails: list[str] = field(default_factory=list)  # name#last digits
    plates: list[str] = field(default_factory=list)
    courts: list[str] = field(default_factory=list)  # parts of court names
    amount: AmountRange | None = None
    words: list[str] = field(default_factory=list)  # text searched in attachments and comments
    said: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.cases or self.names or self.ids or self.tails or self.plates
                    or self.courts or self.amount)


def tokens(text: str) -> list[str]:
    return [t for t in SPLIT.split(fold(text).strip()) if t]


MAX_CASE_PIECES = 7  # a 案号 typed with blanks: （ 2024 ） 浙0683 执 3382 号


def _case_span(words: list[str], start: int) -> int:
    """How many words from ``start`` make one 案号 typed with blanks inside (0: none)."""
    for end in range(min(len(words), start + MAX_CASE_PIECES), start + 1, -1):
        joined = "".join(words[start:end])
        for text in (joined, "(2000)" + joined):
            try:
                parse_case_no(text)
                return end - start
            except CaseNoError:
                continue
    return 0


def parse_query(text: str) -> Criteria:
    found = Criteria()
    amounts: list[AmountRange] = []
    pending: list[str] = []  # 4–6 digit tails waiting for a name
    words, index = tokens(text), 0
    while index < len(words):
        span = _case_span(words, index)
        token = "".join(words[index:index + span]) if span else words[index]
        index += span or 1
        if (pair := NAME_TAIL.match(token)) and len(pair.group(1)) >= 2 \
                and HAN_NAME.match(pair.group(1)):
            _name(found, pair.group(1), pending)
            _tail(found, pair.group(2).upper(), pending)
        elif not _identifier(found, token, pending):
            _other(found, token, amounts, pending)
    _finish_tails(found, pending)
    found.amount = combine(amounts)
    if found.amount is not None:
        found.said.append(found.amount.describe())
    return found


def _identifier(found: Criteria, token: str, pending: list[str]) -> bool:
    """案号, ID, USCC, plate, ID tail, court code: True when the token was one of them."""
    code = clean_code(token.replace("·", "").replace("•", "")) or ""
    if CASE_HINT.search(token) and not looks_like_amount(token.replace("号", "")):
        return _case(found, token)
    if PERSON_ID.match(code) or (USCC.match(code) and not code.isdigit()):
        _id(found, upgrade_15(code) if len(code) == 15 else code)
    elif PLATE.match(code):
        found.plates.append(code)
        found.said.append(f"号牌 {code}")
    elif TAIL.match(code):
        _tail(found, code, pending)
    elif COURT_CODE.match(code) and (court := court_name(code)):
        found.courts.append(court)
        found.said.append(f"法院 {court}")
    else:
        return False
    return True


def _case(found: Criteria, token: str) -> bool:
    try:
        found.cases.append(parse_case_no(token).canonical)
        found.said.append(f"案号 {found.cases[-1]}")
        return True
    except CaseNoError:
        pass
    try:  # without the year: (2000) stands in for it and is dropped again
        body = YEAR.sub("", parse_case_no("(2000)" + token).canonical)
    except CaseNoError:
        found.problems.append(f"“{token}”像是案号，但无法识别：请输入完整案号，如"
                              "（2024）浙0683执3382号，或省略年份：浙0683执3382号")
        return True
    found.cases.append(body)
    found.said.append(f"案号 {body}（任何年份）")
    return True


def _id(found: Criteria, code: str) -> None:
    valid = valid_id(code) if code[:17].isdigit() else valid_uscc(code)
    kind = "身份证号" if code[:17].isdigit() else "统一社会信用代码"
    found.ids.append(code)
    found.said.append(f"{kind} {code}" + ("" if valid else "（校验位不正确，仍按原样检索）"))


def _other(found: Criteria, token: str, amounts: list[AmountRange],
           pending: list[str]) -> None:
    if looks_like_amount(token):
        try:
            amounts.append(parse_amount(token))
        except AmountError as exc:
            found.problems.append(str(exc))
    elif token.endswith("法院") or token.endswith("院"):
        part = token.removesuffix("人民法院").removesuffix("法院").removesuffix("院")
        found.courts.append(part or token)
        found.said.append(f"法院名称含“{part or token}”")
    elif HAN_NAME.match(token) and len(token) >= 2:
        _name(found, token, pending)
    elif HAN_NAME.match(token):
        found.problems.append(f"“{token}”只有一个字，无法按姓名或名称检索：请至少输入两个字")
    elif token.isdigit():
        found.problems.append(f"“{token}”是一串数字，含义不明：金额请加单位（{token}元、"
                              f"{token}万），身份证号后4至6位请紧跟姓名（如 张三{token[-4:]}）")
    else:
        found.problems.append(f"无法识别“{token}”：可检索案号、姓名或名称、身份证号、"
                              "统一社会信用代码、号牌、法院、金额")


def _name(found: Criteria, token: str, pending: list[str]) -> None:
    name = normal_name(token) or token
    found.names.append(name)
    found.words.append(name)
    found.said.append(f"当事人或企业名称含“{name}”")
    while pending:  # ID tails typed before the name go with it
        _tail(found, pending.pop(0), pending)


def _tail(found: Criteria, tail: str, pending: list[str]) -> None:
    """An ID's last 4–6 characters go with the name typed just before (or just after) them;
    that name is then checked with its tail, not on its own."""
    if not found.names:
        pending.append(tail)
        return
    name = found.names.pop()
    found.said.remove(f"当事人或企业名称含“{name}”")
    found.tails.append(f"{name}#{tail}")
    found.said.append(f"{name}，证件号码末{len(tail)}位 {tail}")


def _finish_tails(found: Criteria, pending: list[str]) -> None:
    for tail in pending:
        found.problems.append(f"“{tail}”：身份证号后4至6位须与姓名一起输入（如 张三{tail}）")
