"""The parties: the formal list at the head of the document (role, name, ID, address), else the
names in the opening sentence (申请执行人甲与被执行人乙…一案) and the addressee of a notice.
Masked names and IDs are recognised as masked."""

from __future__ import annotations

import re

from zhongben.extract import ids
from zhongben.extract.causes import split_cause
from zhongben.extract.layout import CleanText
from zhongben.extract.model import Party

ROLE_WORDS = {"申请执行人": "申请执行人", "申请人": "申请执行人", "被执行人": "被执行人",
              "被申请人": "被执行人", "案外人": "案外人", "第三人": "案外人"}
PARTY_LINE_RE = re.compile(
    r"^(?P<role>申请执行人|被执行人|被申请人|申请人|案外人|第三人)(?:\([^)]{0,12}\))?\s*[:：]?\s*"
    r"(?P<name>[^,，。;；:：()\s]{2,40})"
)
BODY_START_RE = re.compile(r"一案|^本院|^本案|^经查|^你|^在执行")
MASK_CHARS = "*×＊Xx"
PERSON_ID_RE = re.compile(r"(?<![0-9A-Za-z])([0-9]{6}[0-9*×＊]{8,11}[0-9Xx*×＊]|[0-9]{15})"
                          r"(?![0-9A-Za-z])")
MASKED_ONLY_RE = re.compile(r"(?:身份证|身份号码|证件号码|身份证号码|公民身份号码)"
                            r"[^,，。;；0-9]{0,4}?"
                            r"[:：]?\s*([*×＊xX]{3,}|[0-9]{0,6}[*×＊]{4,}[0-9Xx]{0,4})")
USCC_RE = re.compile(r"(?:统一社会信用代码|信用代码|社会信用代码)\s*[:：为]?\s*([0-9A-Z*×＊]{18})")
ADDRESS_RE = re.compile(r"(?:住所地|住所|住址|地址|住)\s*[:：]?\s*(?P<addr>[^,，。;；\n]{4,60})")
ORG_RE = re.compile(r"(公司|银行|支行|分行|合作社|集团|研究院|学校|医院|委员会|中心|"
                    r"事务所|协会|厂)$")
UNINCORPORATED_RE = re.compile(r"(经营部|商行|个体工商户|门市部|店|合伙企业|工作室|农家乐|超市)$")
PERSON_HINT_RE = re.compile(r"[男女],|出生|族,|民族")
OPENING_RE = re.compile(r"申请执行人(?P<app>[^,，。;；与]{2,60}?)与(?:被执行人)?"
                        r"(?P<debt>[^,，。;；]{1,100}?)"
                        r"一案")


def _mask_flag(value: str) -> bool:
    return any(ch in value for ch in "*×＊") or "某" in value


def _party_type(name: str, paragraph: str, id_no: str | None) -> str | None:
    if ORG_RE.search(name) or USCC_RE.search(paragraph):
        return "法人"
    if UNINCORPORATED_RE.search(name):
        return "非法人组织"
    if PERSON_HINT_RE.search(paragraph) or (id_no and len(id_no) == 18 and id_no[:17].isdigit()):
        return "自然人"
    return "自然人" if len(name) <= 4 else None


def _id(paragraph: str) -> tuple[str | None, bool]:
    """(ID as written and normalised where possible, masked?)."""
    uscc = USCC_RE.search(paragraph)
    found = uscc.group(1) if uscc else None
    if found is None:
        person = PERSON_ID_RE.search(paragraph)
        found = person.group(1) if person else None
    if found is None:
        masked = MASKED_ONLY_RE.search(paragraph)
        return (masked.group(1), True) if masked else (None, False)
    if _mask_flag(found.replace("X", "").replace("x", "")):
        return found, True
    result = ids.normalise_party_id(found)
    if result.value is not None:
        return result.value, False
    return found.upper(), result.masked


def header_parties(clean: CleanText) -> list[Party]:
    """Parties from the formal list: one paragraph per role line, up to the first body line."""
    text = clean.body
    parties: list[Party] = []
    for start, end in clean.lines():
        if start >= len(text):
            break
        line = text[start:end]
        if BODY_START_RE.search(line[:60]) and (parties or "一案" in line[:60]):
            break
        match = PARTY_LINE_RE.match(line)
        if match is None:
            if parties and parties[-1].end == start - 1 and not line.startswith(("法定", "委托")):
                parties[-1].end = end  # a wrapped continuation of the party's paragraph
            continue
        parties.append(_party(match, line, start, end, clean))
    return [_finish(p, text) for p in parties]


def _party(match: re.Match[str], line: str, start: int, end: int, clean: CleanText) -> Party:
    name = match.group("name").rstrip("、")
    role = ROLE_WORDS[match.group("role")]
    return Party(role=role, name=name, start=start, end=end,
                 name_masked=_mask_flag(name), confidence=0.97 * clean.score(start, end))


def _finish(party: Party, text: str) -> Party:
    paragraph = text[party.start : party.end]
    rest = paragraph.split(party.name, 1)[-1]
    party.id_no, party.id_masked = _id(rest)
    address = ADDRESS_RE.search(rest)
    party.address = address.group("addr") if address else None
    party.party_type = _party_type(party.name, rest, party.id_no)
    return party


Opening = tuple[re.Match[str] | None, list[str], str | None, float]


def opening(text: str, known: list[str]) -> Opening:
    """The opening sentence: (match, debtor names, cause, confidence of the split)."""
    match = OPENING_RE.search(text)
    if match is None:
        return None, [], None, 0.0
    names_part, cause, confidence = split_cause(match.group("debt"), known)
    names = [n.strip() for n in re.split(r"、", names_part) if n.strip().strip("等")]
    return match, [n.strip("等") for n in names], cause, confidence


def opening_parties(text: str) -> list[Party]:
    """Parties named in the opening sentence (for notices without a formal list)."""
    match, debtors, _, confidence = opening(text, [])
    if match is None:
        return []
    parties = []
    applicants = [n.strip() for n in re.split(r"、", match.group("app")) if n.strip()]
    for role, names, group in (("申请执行人", applicants, "app"), ("被执行人", debtors, "debt")):
        for name in names:
            if 2 <= len(name) <= 40 and name not in {"你", "你单位", "你方", "你公司"}:
                parties.append(Party(role=role, name=name, start=match.start(group),
                                     end=match.end(group), name_masked=_mask_flag(name),
                                     party_type=_party_type(name, "", None),
                                     confidence=0.85 * max(confidence, 0.6)))
    return parties


ADDRESSEE_RE = re.compile(r"^(?:被执行人)?(?P<name>[^\s:：,，。;；()]{2,40})[:：]$")


def addressee(clean: CleanText) -> Party | None:
    """The line a notice is addressed to (``张三：``) before its first body line."""
    text = clean.body
    for start, end in clean.lines(20):
        line = text[start:end].strip()
        if BODY_START_RE.search(line[:60]) or "一案" in line:
            return None
        match = ADDRESSEE_RE.match(line)
        if match and not PARTY_LINE_RE.match(line) and "法院" not in line:
            name = match.group("name")
            return Party(role="被执行人", name=name, start=start + match.start("name"),
                         end=start + match.end("name"), name_masked=_mask_flag(name),
                         party_type=_party_type(name, "", None),
                         confidence=0.9 * clean.score(start, end))
    return None
