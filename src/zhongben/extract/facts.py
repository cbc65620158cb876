"""Field extractors that read one fact each from the cleaned text: court, dates, amounts, the
execution basis, the judge. Each returns a ``Field`` (value, source span, confidence) or
``None``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from zhongben.extract import ids
from zhongben.extract.casenos import CaseNo, find_all
from zhongben.extract.layout import SIGNATURE_RE, CleanText
from zhongben.extract.model import Field
from zhongben.extract.numerals import AMOUNT_RE, DATE_RE, parse_amount_match, parse_date_match
from zhongben.identifiers import courts

COURT_RE = re.compile(r"[\u4e00-\u9fff]{2,24}?人民法院")
COURT_LINE_RE = re.compile(r"^\s*([\u4e00-\u9fff]{2,24}人民法院)\s*$", re.M)
FILED_RE = re.compile(r"(立案|受理|立案执行|立案受理)")
FILED_LABEL_RE = re.compile(r"立案(?:日期|时间)\s*[:：]?\s*$")
CLAIM_RE = re.compile(r"(申请执行标的(?:额|金额)?|执行标的(?:额|金额)?|标的(?:额|金额)|"
                      r"申请执行金额|"
                      r"应(?:当)?(?:给付|支付|履行)(?:的)?(?:金额|款项|义务)?|(?:给付|支付|偿还)申请执行人)")
PAID_RE = re.compile(r"(执行到位(?:金额|款项|款)?|已执行(?:到位)?|实际执行到位(?:金额)?|"
                     r"已(?:履行|给付|支付)"
                     r"(?:了)?|到位(?:金额|款))")
OUTSTANDING_RE = re.compile(r"(尚欠|未履行(?:金额|部分|款项)?|剩余(?:未履行)?(?:金额|款项)?|"
                            r"未执行到位(?:金额|款项)?|尚余|仍欠)")
OUTSTANDING_AFTER_RE = re.compile(r"尚有\s*(?:人民币)?\s*$")
NO_PAYMENT_RE = re.compile(r"(未执行到位任何|分文未|未履行任何|均未履行|执行到位金额?为?0元|"
                           r"未到位任何)")
BASIS_RE = re.compile(r"(执行依据|发生法律效力的|生效的|依据)")
JUDGE_RE = re.compile(r"^(审判长|审判员|执行员|代理审判员|执行长)\s*[:：]?\s*"
                      r"(?P<name>[\u4e00-\u9fff×*]{2,4})$", re.M)
SEAL_RE = re.compile(r"\s|[(（]?(?:院印|印章|盖章)[)）]?")
WINDOW = 40


def court(clean: CleanText, own: CaseNo | None) -> Field | None:
    """A line that is only a court's name in the header; else the court code of the case number;
    else the first court named in the text."""
    head = clean.body[:400]
    line = COURT_LINE_RE.search(head)
    if line:
        name = canonical_court(line.group(1))
        return Field("court", name, line.start(1), line.end(1), line.group(1),
                     0.97 * clean.score(line.start(1), line.end(1)))
    if own is not None and own.court_code:
        coded = ids.court_name(own.court_code)
        if coded:
            return Field("court", coded, own.start, own.end, clean.text[own.start : own.end], 0.9)
    for match in COURT_RE.finditer(clean.body):
        after = clean.body[match.end() : match.end() + 2]
        if "本院" not in match.group() and not match.group().startswith("最高") and \
                after != "关于":  # a court, not the title of a judicial interpretation
            name = canonical_court(match.group())
            return Field("court", name, match.start(), match.end(), match.group(), 0.6)
    return None


def canonical_court(name: str) -> str:
    """The registry's name of a court when the written name ends with it (浙江省桐乡市人民法院 →
    桐乡市人民法院); the written name otherwise."""
    for known in _court_names():
        if name.endswith(known):
            return known
    return name


@cache
def _court_names() -> tuple[str, ...]:
    names = {court.name for court in courts.all_courts().values()}
    return tuple(sorted(names, key=len, reverse=True))


def dates(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[str, int, int]]:
    for match in DATE_RE.finditer(text, start, len(text) if end is None else end):
        value = parse_date_match(match)
        if value:
            yield value, match.start(), match.end()


def filed_on(clean: CleanText) -> Field | None:
    text = clean.body
    for value, start, end in dates(text):
        after = text[end : end + 14]
        before = text[max(0, start - 10) : start]
        if (FILED_RE.search(after) and "结案" not in after[:6]) or FILED_LABEL_RE.search(before):
            return Field("filed_on", value, start, end, text[start:end],
                         0.95 * clean.score(start, end))
    return None


def ruled_on(clean: CleanText) -> Field | None:
    """The date under the signature: the last date standing on a line of its own in the body."""
    text = clean.body
    best: tuple[str, int, int] | None = None
    for value, start, end in dates(text):
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        if not text[line_start:start].strip() and not SEAL_RE.sub("", text[end:line_end]):
            best = (value, start, end)
    if best is None:
        return None
    value, start, end = best
    return Field("ruled_on", value, start, end, text[start:end], 0.97 * clean.score(start, end))


def closed_on_notice(clean: CleanText) -> Field | None:
    """For a 结案通知书: the date the case was closed (于…结案 / 结案日期)."""
    text = clean.body
    for value, start, end in dates(text):
        after = text[end : end + 30]
        closing = after.find("结案")
        if (closing >= 0 and not DATE_RE.search(after[:closing])) or \
                "结案日期" in text[max(0, start - 8) : start]:
            return Field("closed_on", value, start, end, text[start:end],
                         0.93 * clean.score(start, end))
    return None


def _amount_after(text: str, keyword: re.Pattern[str], name: str, clean: CleanText,
                  window: int = WINDOW) -> Field | None:
    for key in keyword.finditer(text):
        match = AMOUNT_RE.search(text, key.end(), key.end() + window)
        if match and not _crosses_sentence(text, key.end(), match.start()):
            value = parse_amount_match(match)
            return Field(name, value, match.start(), match.end(), text[key.start() : match.end()],
                         0.93 * clean.score(match.start(), match.end()))
    return None


def _crosses_sentence(text: str, start: int, end: int) -> bool:
    return any(ch in "。;；\n" for ch in text[start:end])


def claim_amount(clean: CleanText) -> Field | None:
    return _amount_after(clean.body, CLAIM_RE, "claim_amount", clean)


def paid_amount(clean: CleanText) -> Field | None:
    found = _amount_after(clean.body, PAID_RE, "paid_amount", clean, 24)
    if found is not None:
        return found
    match = NO_PAYMENT_RE.search(clean.body)
    if match:
        return Field("paid_amount", 0.0, match.start(), match.end(), match.group(), 0.8)
    return None


def outstanding_amount(clean: CleanText) -> Field | None:
    found = _amount_after(clean.body, OUTSTANDING_RE, "outstanding_amount", clean, 24)
    if found is not None:
        return found
    text = clean.body
    for match in AMOUNT_RE.finditer(text):
        if OUTSTANDING_AFTER_RE.search(text[max(0, match.start() - 8) : match.start()]) and \
                re.match(r"\s*(?:未|没有)", text[match.end() : match.end() + 6]):
            return Field("outstanding_amount", parse_amount_match(match), match.start(),
                         match.end(), text[match.start() - 2 : match.end() + 4], 0.9)
    return None


def basis_no(clean: CleanText, own: CaseNo | None) -> Field | None:
    """The judgment enforced: a non-execution case number after 执行依据 / 发生法律效力的; else the
    first non-execution number in the body."""
    text = clean.body
    numbers = [n for n in find_all(text) if not n.is_execution and (own is None or
                                                                      n.case_no != own.case_no)]
    for number in numbers:
        if BASIS_RE.search(text[max(0, number.start - 40) : number.start]):
            return Field("basis_no", number.case_no, number.start, number.end,
                         text[number.start : number.end],
                         0.95 * clean.score(number.start, number.end))
    if numbers:
        first = numbers[0]
        return Field("basis_no", first.case_no, first.start, first.end,
                     text[first.start : first.end], 0.75)
    return None


def original_case_no(clean: CleanText, own: CaseNo | None) -> Field | None:
    """For a resumed case (执恢): the execution case it resumes."""
    if own is None or "恢" not in own.type_code:
        return None
    text = clean.body
    for number in find_all(text):
        if number.is_execution and "恢" not in number.type_code and number.case_no != own.case_no:
            return Field("original_case_no", number.case_no, number.start, number.end,
                         text[number.start : number.end], 0.93)
    return None


def judge(clean: CleanText) -> Field | None:
    text = clean.body
    for match in JUDGE_RE.finditer(text):
        if SIGNATURE_RE.match(match.group()):
            return Field("judge", match.group("name"), match.start("name"), match.end("name"),
                         match.group(), 0.95 * clean.score(match.start(), match.end()))
    return None
