"""One debtor's leads and cases in the application database, within a jurisdiction.

A debtor's leads are the leads about them (``subject_id``) and the case-grain leads (no subject)
on the cases they are 被执行人 in — those cases read from the profile snapshot published with the
leads (``store.profiles``). A lead is visible when its office, or the office of the supervision
case it became, is one the viewer sees; a debtor is visible when one of their leads is."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_, select
from sqlalchemy.orm import Session

from zhongben.store.models import Lead, Matter, Profile


def court_cases(session: Session, entity: str) -> list[dict[str, Any]]:
    """The 执行 cases the debtor is 被执行人 in, as snapshotted at publication."""
    profile = session.get(Profile, entity)
    return list(profile.data.get("cases", [])) if profile else []


def _cases_of(session: Session, entities: set[str]) -> dict[str, set[str]]:
    """case_no → the given debtors who are 被执行人 in it."""
    out: dict[str, set[str]] = {}
    for profile in session.scalars(select(Profile).where(Profile.subject_id.in_(entities))):
        for case in profile.data.get("cases", []):
            if case.get("case_no"):
                out.setdefault(case["case_no"], set()).add(profile.subject_id)
    return out


def _visible(org_ids: list[int]) -> ColumnElement[bool]:
    if not org_ids:
        return false()
    matters = select(Matter.id).where(Matter.org_id.in_(org_ids))
    return or_(Lead.org_id.in_(org_ids), Lead.matter_id.in_(matters))


def _about(entities: Iterable[str], cases: Iterable[str]) -> ColumnElement[bool]:
    on_cases = sorted(cases)
    subject = Lead.subject_id.in_(sorted(entities))
    if not on_cases:
        return subject
    return or_(subject, and_(Lead.subject_id.is_(None), Lead.case_no.in_(on_cases)))


def debtor_leads(session: Session, org_ids: list[int], entity: str) -> list[Lead]:
    """Every visible lead of the debtor, any rule and status, newest screening first."""
    cases = _cases_of(session, {entity})
    query = (select(Lead).where(_visible(org_ids), _about({entity}, cases))
             .order_by(Lead.as_of.desc(), Lead.score.desc(), Lead.lead_key))
    return list(session.scalars(query))


def visible_debtors(session: Session, org_ids: list[int], entities: set[str]) -> set[str]:
    """Those of ``entities`` with at least one lead the viewer sees."""
    if not entities:
        return set()
    cases = _cases_of(session, entities)
    rows = session.execute(select(Lead.subject_id, Lead.case_no).distinct()
                           .where(_visible(org_ids), _about(entities, cases)))
    found: set[str] = set()
    for subject, case_no in rows:
        found |= {subject} if subject in entities else cases.get(case_no or "", set())
    return found


def debtor_matters(session: Session, org_ids: list[int], leads: list[Lead]) -> list[Matter]:
    """The supervision cases the leads became, in the viewer's offices."""
    ids = sorted({lead.matter_id for lead in leads if lead.matter_id})
    if not ids or not org_ids:
        return []
    return list(session.scalars(select(Matter).where(Matter.id.in_(ids),
                                                     Matter.org_id.in_(org_ids))
                                .order_by(Matter.opened_on.desc())))
