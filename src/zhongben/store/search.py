"""Searching: a parsed query (``search_parse``) as conditions on published leads, read from the
search-term index; and the global search over cases, attachments (their text, OCR included) and
comments within the viewer's jurisdiction."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, String, and_, cast, false, or_, select
from sqlalchemy.orm import Session

from zhongben.store.amounts import AmountError, AmountRange, parse_amount
from zhongben.store.collab_models import Attachment, Comment, LeadTerm, NameSuffix
from zhongben.store.models import Lead, Matter, User
from zhongben.store.search_parse import Criteria, parse_query

MAX_HITS = 50


def _keys(kind: str, term: str) -> Any:
    return select(LeadTerm.lead_key).where(LeadTerm.kind == kind, LeadTerm.term == term)


def _after(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix``."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _name_keys(part: str) -> Any:
    names = select(NameSuffix.name).where(NameSuffix.suffix >= part,
                                          NameSuffix.suffix < _after(part))
    return select(LeadTerm.lead_key).where(LeadTerm.kind == "name", LeadTerm.term.in_(names))


def term_conditions(found: Criteria) -> list[ColumnElement[bool]]:
    """Every condition of the query on ``Lead`` (all must hold)."""
    found_keys = [_keys("case", c) for c in found.cases] + [_keys("id", i) for i in found.ids]
    found_keys += [_keys("tail", t) for t in found.tails] + [_keys("plate", p)
                                                             for p in found.plates]
    found_keys += [_name_keys(n) for n in found.names]
    conditions: list[ColumnElement[bool]] = [Lead.lead_key.in_(k) for k in found_keys]
    conditions += [Lead.court.like(f"%{part}%") for part in found.courts]
    return conditions + amount_conditions(found.amount)


def amount_conditions(amount: AmountRange | None) -> list[ColumnElement[bool]]:
    if amount is None:
        return []
    out: list[ColumnElement[bool]] = []
    if amount.low is not None:
        out.append(Lead.unpaid_amount >= amount.low)
    if amount.high is not None:
        out.append(Lead.unpaid_amount <= amount.high)
    return out


@dataclass
class Understood:
    """The search and the amount fields of a filter as conditions, said back in Chinese."""

    conditions: list[ColumnElement[bool]] = field(default_factory=list)
    said: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def understand(q: str, min_amount: str = "", max_amount: str = "") -> Understood:
    out = Understood()
    if q.strip():
        found = parse_query(q)
        # nothing understood: no results (and the page says why), never the whole inbox
        out.conditions += term_conditions(found) or [false()]
        out.said += found.said
        out.problems += found.problems
    for label, text, low in (("≥", min_amount, True), ("≤", max_amount, False)):
        if not text.strip():
            continue
        try:
            typed = parse_amount(text)
        except AmountError as exc:
            out.problems.append(f"未履行金额 {label} 栏：{exc}")
            continue
        value = (typed.low if typed.low is not None else typed.high) if low else (
            typed.high if typed.high is not None else typed.low)
        bound = AmountRange(low=value) if low else AmountRange(high=value)
        out.conditions += amount_conditions(bound)
        out.said.append(bound.describe())
    return out


def search_matters(session: Session, org_ids: list[int], q: str) -> list[Matter]:
    """Cases whose number or title holds a word of the query, or holding a lead it finds."""
    found = parse_query(q)
    lead_conditions = term_conditions(found)
    words = found.words + found.cases
    matches: list[ColumnElement[bool]] = [Matter.number.like(f"%{w}%") for w in words]
    matches += [Matter.title.like(f"%{w}%") for w in words]
    if lead_conditions and not found.amount:
        hits = select(Lead.matter_id).where(Lead.matter_id.is_not(None), *lead_conditions)
        matches.append(Matter.id.in_(hits))
    if not matches:
        return []
    query = (select(Matter).where(Matter.org_id.in_(org_ids), or_(*matches))
             .order_by(Matter.id.desc()).limit(MAX_HITS))
    return list(session.scalars(query))


def _visible_object(org_ids: list[int], kind: Any, object_id: Any) -> ColumnElement[bool]:
    leads = select(Lead.lead_key).where(Lead.org_id.in_(org_ids))
    matters = select(cast(Matter.id, String)).where(Matter.org_id.in_(org_ids))
    return or_(and_(kind == "lead", object_id.in_(leads)),
               and_(kind == "matter", object_id.in_(matters)))


def search_texts(session: Session, org_ids: list[int], q: str) -> dict[str, list[Any]]:
    """Attachments (file name or text read from it) and comments holding every word typed."""
    found = parse_query(q)
    words = found.words + found.cases + found.ids + found.plates
    words = words or ([q.strip()] if q.strip() else [])
    if not words:
        return {"attachments": [], "comments": []}
    attachments = (select(Attachment.id, Attachment.object_type, Attachment.object_id,
                          Attachment.filename, Attachment.text, Attachment.at)
                   .where(_visible_object(org_ids, Attachment.object_type, Attachment.object_id),
                          *[or_(Attachment.text.like(f"%{w}%"), Attachment.filename.like(f"%{w}%"))
                            for w in words]).order_by(Attachment.id.desc()).limit(MAX_HITS))
    comments = (select(Comment, User.display_name).join(User, User.id == Comment.user_id)
                .where(_visible_object(org_ids, Comment.object_type, Comment.object_id),
                       *[Comment.body.like(f"%{w}%") for w in words])
                .order_by(Comment.id.desc()).limit(MAX_HITS))
    return {"attachments": list(session.execute(attachments)),
            "comments": list(session.execute(comments))}

