"""A few cases at different stages, so screenshots and demos show the whole 后半程: one closed
after its recommendation went through the approval chain and the court replied, one waiting for
the court's reply, one class case (类案监督) just opened. Every step goes through the same
services (roles, dates, approvals, 文号, PDF) a user's does, on today's date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from zhongben.documents.drafts import create_draft
from zhongben.documents.issue import issue
from zhongben.store.audit import Actor
from zhongben.store.models import Document, Lead, Matter, User
from zhongben.workflow.approvals import approve, submit
from zhongben.workflow.recheck import recheck_matter
from zhongben.workflow.service import StepInput, apply_event, open_matter
from zhongben.workflow.steps import recheck_persists


def _actor(session: Session, username: str) -> Actor | None:
    user = session.scalar(select(User).where(User.username == username))
    return Actor(user.id, user.username, user.role, user.org_id) if user else None


def play_story(sessions: sessionmaker[Session], username: str = "jcg",
               workspace: str | None = None) -> int:
    """Returns the number of cases opened (0 when the users or enough leads are missing)."""
    with sessions.begin() as session:
        actor, head, chief = (_actor(session, u) for u in (username, "fzr", "jcz"))
        if actor is None or head is None or chief is None:
            return 0
        leads = _unopened(session, actor, 200)
        if len(leads) < 4:
            return 0
        today = date.today()
        closed = _recommend(session, (actor, head, chief), leads[0], today)
        for event, data in (("court_received", StepInput()),
                            ("court_adopted", StepInput(text="已恢复执行并扣划存款"))):
            apply_event(session, actor, closed, event, data, today)
        recheck_matter(session, closed, workspace)
        result = "未纠正" if recheck_persists(closed) else "纠正"
        apply_event(session, actor, closed, "close", StepInput(
            result=result, outcomes=["恢复执行", "执行款到位"], amount=Decimal("86500.00")),
            today)
        waiting = _recommend(session, (actor, head, chief), leads[1], today)
        apply_event(session, actor, waiting, "court_received", StepInput(), today)
        group = [x for x in leads[2:] if (x.rule_id, x.court) == (leads[2].rule_id,
                                                                 leads[2].court)][:3]
        open_matter(session, actor, group, today)
        return 3


def draft_cases(sessions: sessionmaker[Session], username: str, count: int) -> int:
    """``count`` cases opened by ``username`` from the office's best unopened leads, each
    investigated and holding a 检察建议书 draft (the load benchmark's cases). Returns how many."""
    with sessions.begin() as session:
        actor = _actor(session, username)
        if actor is None:
            return 0
        leads = _unopened(session, actor, count)
        for lead in leads:
            _drafted(session, actor, lead, date.today())
        return len(leads)


def _unopened(session: Session, actor: Actor, count: int) -> list[Lead]:
    return list(session.scalars(select(Lead).where(Lead.org_id == actor.org_id,
                                                   Lead.matter_id.is_(None))
                                .order_by(Lead.score.desc()).limit(count)))


def _drafted(session: Session, actor: Actor, lead: Lead, today: date) -> Document:
    matter = open_matter(session, actor, [lead], today)
    for event in ("accept", "investigate"):
        apply_event(session, actor, matter, event, StepInput(), today)
    return create_draft(session, actor, matter, "检察建议书", today)


def _recommend(session: Session, people: tuple[Actor, Actor, Actor], lead: Lead,
               today: date) -> Matter:
    actor, head, chief = people
    document = _drafted(session, actor, lead, today)
    matter = session.get(Matter, document.matter_id)
    assert matter is not None
    submit(session, actor, document)
    approve(session, head, document)
    approve(session, chief, document)
    issue(session, actor, document, today, today)
    return matter
