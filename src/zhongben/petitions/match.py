"""Matching a petition to its enforcement case.

In this order: the 案号 it names (folded: full-width/half-width brackets and digits, blanks);
else the applicant's ID (its entity where resolved) among the parties of the cases; else the
applicant's name (with the other party's name when given). A match is kept only when it names
exactly one case (the petition's court, when given, narrows the candidates); otherwise the
petition is left for manual matching with its candidates. A name that belongs to more than one
person (different IDs among the parties) never matches by itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from zhongben.engine.base import Engine
from zhongben.identifiers.case_no import normalise_case_no

BY_CASE_NO = "案号"
BY_ID = "证件号码"
BY_NAME = "姓名"
AMBIGUOUS = "待人工确认"
UNMATCHED = "未匹配"


@dataclass(frozen=True)
class Party:
    case_no: str
    role: str
    name: str
    entity: str | None


@dataclass(frozen=True)
class Petition:
    petition_no: str
    applicant_name: str
    applicant_entity: str | None = None
    case_no: str | None = None
    party_name: str | None = None
    court: str | None = None


@dataclass
class Match:
    petition_no: str
    method: str
    case_no: str | None = None
    candidates: list[str] = field(default_factory=list)
    note: str = ""

    @property
    def linked(self) -> bool:
        return self.case_no is not None


class CaseIndex:
    """The cases and parties a petition can match, indexed by case, entity and name."""

    def __init__(self, courts: dict[str, str | None], parties: Iterable[Party]) -> None:
        self.courts = courts
        self.by_case: dict[str, list[Party]] = {}
        self.by_entity: dict[str, set[str]] = {}
        self.by_name: dict[str, list[Party]] = {}
        for party in parties:
            self.by_case.setdefault(party.case_no, []).append(party)
            if party.entity:
                self.by_entity.setdefault(party.entity, set()).add(party.case_no)
            self.by_name.setdefault(_name(party.name), []).append(party)

    def narrowed(self, cases: set[str], court: str | None) -> list[str]:
        """``cases`` of the petition's court when that leaves any, sorted."""
        if court:
            local = {c for c in cases if (self.courts.get(c) or "") == court}
            cases = local or cases
        return sorted(cases)

    def named(self, name: str | None) -> list[Party]:
        return self.by_name.get(_name(name), []) if name else []


def _name(value: str | None) -> str:
    return "".join((value or "").split()).replace("（", "(").replace("）", ")")


def match_one(petition: Petition, index: CaseIndex) -> Match:
    number = normalise_case_no(petition.case_no) if petition.case_no else None
    if number and number in index.courts:
        return Match(petition.petition_no, BY_CASE_NO, number, [number], "案号与执行案件台账一致")
    missing = f"所填案号 {number} 不在执行案件台账中；" if number else ""
    if petition.applicant_entity and petition.applicant_entity in index.by_entity:
        cases = index.by_entity[petition.applicant_entity]
        cases = _with_party(cases, petition.party_name, index) or cases
        return _decide(petition, BY_ID, index.narrowed(cases, petition.court), missing)
    if petition.applicant_entity:
        missing += "申请人证件号不在当事人中；"
    people = [p for p in index.named(petition.applicant_name)  # another ID: another person
              if not (petition.applicant_entity and p.entity)]
    cases = {p.case_no for p in people}
    if petition.party_name:
        cases = _with_party(cases, petition.party_name, index)
    people = [p for p in people if p.case_no in cases]
    persons = {p.entity for p in people if p.entity}
    if len(persons) > 1:
        return Match(petition.petition_no, AMBIGUOUS, None, index.narrowed(cases, None),
                     f"{missing}申请人姓名对应 {len(persons)} 个不同证件号的当事人，需人工核对")
    return _decide(petition, BY_NAME, index.narrowed(cases, petition.court), missing)


def _with_party(cases: set[str], party_name: str | None, index: CaseIndex) -> set[str]:
    """The cases among ``cases`` where ``party_name`` is also a party."""
    if not party_name:
        return set()
    return {p.case_no for p in index.named(party_name)} & cases


def _decide(petition: Petition, method: str, cases: Sequence[str], missing: str) -> Match:
    if len(cases) == 1:
        return Match(petition.petition_no, method, cases[0], list(cases),
                     f"{missing}按{method}匹配到唯一案件")
    if cases:
        return Match(petition.petition_no, AMBIGUOUS, None, list(cases),
                     f"{missing}按{method}对应 {len(cases)} 件案件，需人工确认")
    return Match(petition.petition_no, UNMATCHED, None, [],
                 f"{missing}未找到对应案件，请人工匹配")


def load_index(engine: Engine) -> CaseIndex:
    _, cases = engine.fetch("SELECT case_no, court FROM cases")
    _, parties = engine.fetch("SELECT case_no, role, name, id_no_entity FROM parties")
    return CaseIndex({str(c): (str(court) if court else None) for c, court in cases},
                     (Party(str(c), str(r), str(n or ""), e) for c, r, n, e in parties))


def load_petitions(engine: Engine) -> list[Petition]:
    _, rows = engine.fetch(
        "SELECT petition_no, applicant_name, applicant_id_entity, case_no, party_name, court "
        "FROM petitions ORDER BY received_on, petition_no")
    return [Petition(*row) for row in rows]


def match_all(engine: Engine) -> list[Match]:
    index = load_index(engine)
    return [match_one(p, index) for p in load_petitions(engine)]
