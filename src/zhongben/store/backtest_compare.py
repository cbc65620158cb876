"""Comparing two versions of one rule on the same history: the leads each version found (a lead
is the same finding when its case and subject are the same), with what became of them. A lead's
``versions`` lists every version that has found it, so a lead both found is 两版均发现."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhongben.store.backtest import outcome_of
from zhongben.store.models import Lead, Matter


@dataclass(frozen=True)
class ComparedLead:
    case_no: str
    subject_id: str
    court: str
    outcome_v1: str  # "" when that version did not find it
    outcome_v2: str


@dataclass
class Comparison:
    rule_id: str
    v1: int
    v2: int
    both: list[ComparedLead] = field(default_factory=list)
    only_v1: list[ComparedLead] = field(default_factory=list)
    only_v2: list[ComparedLead] = field(default_factory=list)


Identity = tuple[str, str]


def found_by(lead: Lead) -> set[int]:
    """Every version that has found ``lead`` (a lead published before versions were kept: the
    one that first found it and the latest that confirmed it)."""
    known = {int(v) for v in lead.versions or []}
    return known or {v for v in (lead.found_version, lead.rule_version) if v is not None}


def _leads(session: Session, rule_id: str,
           org_ids: list[int] | None) -> list[tuple[Lead, Matter | None]]:
    query = (select(Lead, Matter).outerjoin(Matter, Lead.matter_id == Matter.id)
             .where(Lead.rule_id == rule_id))
    if org_ids is not None:
        query = query.where(Lead.org_id.in_(org_ids))
    return [(lead, matter) for lead, matter in session.execute(query)]


def _found(rows: list[tuple[Lead, Matter | None]],
           version: int) -> dict[Identity, tuple[Lead, Matter | None]]:
    return {(lead.case_no or "", lead.subject_id or ""): (lead, matter)
            for lead, matter in rows if version in found_by(lead)}


def compare(session: Session, rule_id: str, v1: int, v2: int,
            org_ids: list[int] | None = None) -> Comparison:
    rows = _leads(session, rule_id, org_ids)
    first, second = (_found(rows, v) for v in (v1, v2))
    result = Comparison(rule_id, v1, v2)
    for identity in sorted(set(first) | set(second)):
        a, b = first.get(identity), second.get(identity)
        lead = (a or b)[0]  # type: ignore[index]
        item = ComparedLead(identity[0], identity[1], lead.court or "",
                            outcome_of(a[1]) if a else "", outcome_of(b[1]) if b else "")
        (result.both if a and b else result.only_v1 if a else result.only_v2).append(item)
    return result


def versions(session: Session, rule_id: str, org_ids: list[int] | None = None) -> list[int]:
    """The versions of ``rule_id`` that found leads (``org_ids``' offices; None: all)."""
    return sorted({v for lead, _ in _leads(session, rule_id, org_ids) for v in found_by(lead)})
