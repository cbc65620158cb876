"""Keyed pseudonyms (脱敏): every original value maps, through HMAC-SHA256 with the office's key,
to a pseudonym of the same shape — a person ID with a valid check digit and the birth date moved
per person (``zhongben.anon.births``), a USCC with valid check characters, a plate, a phone,
an account with its Luhn digit, a name, an address of the same district. The same original
always gets the same pseudonym in one export (so joins and rules still work); without the key
nobody can recompute the mapping.

A candidate that is already taken, equals an original value, or (for names and addresses)
contains an original person's name is drawn again with the next counter, so no pseudonym can
be mistaken for — or leak — an original."""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from zhongben.identifiers import id_card, uscc

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = ("安邦昌德恩芬桂海宏惠佳健锦静俊凯坤岚乐莉良琳龙梅敏楠培琪"
         "秋蓉瑞珊盛舒顺泰婷薇文贤晓欣妍怡毅颖永哲振志卓")
POOL = "禾青川丰源泽康宁和润嘉恒信达盛远祥瑞安通隆泰华鑫茂诚德辉新兴"
LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
PLATE_RE = re.compile(r"[\u4e00-\u9fff][A-Z][A-Z0-9]{5,6}")
CASE_RE = re.compile(r"\((\d{4})\)(\D+?\d*\D+?)(\d+)号")
COMPANY_SUFFIX = re.compile(r"(股份有限公司|有限责任公司|有限公司|分公司|公司|合作社|厂|店|"
                            r"中心|商行|经营部|事务所|工作室|医院|学校|银行|支行)$")
ADDRESS_PREFIX = re.compile(r"^(?:[^省市县区]{1,7}省)?(?:[^省市县区]{1,7}市)?"
                            r"(?:[^省市县区]{1,7}[市县区])?")
ADDRESS_KEEP = frozenset("号幢室路街弄巷村组楼层道镇乡单元栋")
HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Pseudonymiser:
    key: bytes
    year_shift: int  # whole years every date (and an ID's birth date) moves back; 0 by default
    originals: set[str] = field(default_factory=set)
    person_names: set[str] = field(default_factory=set)
    memo: dict[str, str] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    births: dict[str, int] = field(default_factory=dict)  # ID -> days its birth date moves
    attempt: int = 0  # the draw being made; a short case serial widens after many collisions

    def stream(self, kind: str, value: str, attempt: int) -> Iterator[int]:
        counter = 0
        while True:
            yield from hmac.new(self.key, f"{kind}|{value}|{attempt}|{counter}".encode(),
                                hashlib.sha256).digest()
            counter += 1

    def map(self, kind: str, value: str) -> str:
        if value in self.memo:
            return self.memo[value]
        make = MAKERS.get(kind, _generic)
        for attempt in range(1000):
            self.attempt = attempt
            candidate = make(self, value, self.stream(kind, value, attempt))
            if self._free(kind, candidate, value):
                break
        self.memo[value] = candidate
        self.used.add(candidate)
        return candidate

    def _free(self, kind: str, candidate: str, value: str) -> bool:
        if candidate == value and not any(c.isalnum() for c in value):
            return True  # nothing to hide (punctuation only)
        if candidate in self.used or candidate in self.originals:
            return False
        # an ID that failed its check still fails it, one that passed passes: validation and
        # the 证件号无效 flags give the same result on the export
        if (id_card.is_valid(candidate) != id_card.is_valid(value)
                or uscc.is_valid(candidate) != uscc.is_valid(value)):
            return False
        if kind in ("name", "address") and self.person_names:
            return not quotes_name(generated_part(kind, candidate), self.person_names)
        return True

    def shift(self, day: date) -> date:
        try:
            return day.replace(year=day.year - self.year_shift)
        except ValueError:  # 29 February into a common year
            return day.replace(year=day.year - self.year_shift, day=28)


def generated_part(kind: str, value: str) -> str:
    """What a pseudonym draws: all of it, less an address's kept district (浙江省金华市金东区 is
    geography, not a person called 金东)."""
    if kind != "address":
        return value
    prefix = ADDRESS_PREFIX.match(value)
    return value[len(prefix.group(0)):] if prefix else value


def is_person_name(value: str) -> bool:
    return 2 <= len(value) <= 4 and all(HAN.match(c) for c in value) and not COMPANY_SUFFIX.search(
        value)


def quotes_name(text: str, names: set[str]) -> bool:
    """Whether any two to four characters of ``text`` are a person's name."""
    return any(text[i:j] in names for i in range(len(text))
               for j in range(i + 2, min(len(text), i + 4) + 1))


def _pick(chars: str, rnd: Iterator[int]) -> str:
    return chars[next(rnd) % len(chars)]


def _digits(n: int, rnd: Iterator[int]) -> str:
    return "".join(str(next(rnd) % 10) for _ in range(n))


def _shape(text: str, rnd: Iterator[int], keep: frozenset[str] = frozenset()) -> str:
    """Each digit, letter and Han character replaced by one of its kind; the rest kept."""
    out = []
    for ch in text:
        if ch in keep:
            out.append(ch)
        elif ch.isascii() and ch.isdigit():
            out.append(str(next(rnd) % 10))
        elif ch.isascii() and ch.isupper():
            out.append(_pick(LETTERS, rnd))
        elif ch.isascii() and ch.islower():
            out.append(_pick(LETTERS, rnd).lower())
        elif HAN.fullmatch(ch):
            out.append(_pick(POOL, rnd))
        else:
            out.append(ch)
    return "".join(out)


def _generic(p: Pseudonymiser, value: str, rnd: Iterator[int]) -> str:
    if id_card.is_valid(value):
        return _person_id(p, value, rnd)
    if uscc.is_valid(value):
        return _uscc(p, value, rnd)
    if PLATE_RE.fullmatch(value):
        return value[:2] + _shape(value[2:], rnd)
    if value.isascii() and value.isdigit():
        return _number(p, value, rnd)
    return _shape(value, rnd)


def _person_id(p: Pseudonymiser, value: str, rnd: Iterator[int]) -> str:
    born = id_card.birth_date(value)
    assert born is not None
    seq = _digits(2, rnd) + str((next(rnd) % 5) * 2 + int(value[16]) % 2)  # the sex kept
    moved = p.shift(born + timedelta(days=p.births.get(value, 0)))
    first17 = value[:6] + moved.strftime("%Y%m%d") + seq
    return first17 + id_card.check_digit(first17)


def _uscc(p: Pseudonymiser, value: str, rnd: Iterator[int]) -> str:
    body = _digits(8, rnd)
    total = sum(int(d) * w for d, w in zip(body, (3, 7, 9, 10, 5, 8, 4, 2), strict=True))
    check = 11 - total % 11
    org = body + {10: "X", 11: "0"}.get(check, str(check))  # GB 11714 check of the org code
    first17 = value[:8] + org
    return first17 + uscc.check_char(first17)


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _number(p: Pseudonymiser, value: str, rnd: Iterator[int]) -> str:
    """Accounts and other numbers: a phone keeps its 3-digit prefix, a long number its 6-digit
    bank code; a number that passed the Luhn check passes it again."""
    if len(value) == 11 and value.startswith("1"):
        return value[:3] + _digits(8, rnd)
    head = value[:6] if len(value) >= 12 else ""
    body = head + _digits(len(value) - len(head) - 1, rnd)
    if len(value) >= 12 and _luhn_ok(value):
        return next(body + str(d) for d in range(10) if _luhn_ok(body + str(d)))
    return body + _digits(1, rnd)


def _name(p: Pseudonymiser, value: str, rnd: Iterator[int]) -> str:
    suffix = COMPANY_SUFFIX.search(value)
    if suffix:
        stem = len(value) - len(suffix.group(1))
        return "".join(_pick(POOL, rnd) for _ in range(max(2, min(stem, 8)))) + suffix.group(1)
    if HAN.match(value) and len(value) <= 4:
        given = "".join(_pick(GIVEN, rnd) for _ in range(max(1, len(value) - 1)))
        return _pick(SURNAMES, rnd) + given
    return _shape(value, rnd)


def _address(p: Pseudonymiser, value: str, rnd: Iterator[int]) -> str:
    prefix = ADDRESS_PREFIX.match(value)
    head = prefix.group(0) if prefix else ""
    return head + _shape(value[len(head):], rnd, ADDRESS_KEEP)


def _case_no(p: Pseudonymiser, value: str, rnd: Iterator[int]) -> str:
    found = CASE_RE.fullmatch(value)
    if not found:
        return _shape(value, rnd)
    year, court, serial = found.groups()
    digits = str(1 + next(rnd) % 9) + _digits(len(serial) - 1 + p.attempt // 20, rnd)
    return f"({int(year) - p.year_shift}){court}{digits}号"


def _pinyin(p: Pseudonymiser, value: str, rnd: Iterator[int]) -> str:
    """Each word of a romanised name on its own, so "WANG LANHONG" and "WANG/LANHONG" agree."""
    return re.sub(r"[A-Za-z]+", lambda m: p.map("pinyin_word", m.group(0).upper()), value)


MAKERS = {"id": _generic, "name": _name, "address": _address, "case_no": _case_no,
          "pinyin": _pinyin, "pinyin_word": lambda p, v, r: _shape(v, r)}
