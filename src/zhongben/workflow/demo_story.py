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
from zhongben.store.models import Lead, Matter, User
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
        leads = list(session.scalars(select(Lead).where(Lead.org_id == actor.org_id,
                                                        Lead.matter_id.is_(None))
                                     .order_by(Lead.score.desc()).limit(200)))
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


def _recommend(session: Session, people: tuple[Actor, Actor, Actor], lead: Lead,
               today: date) -> Matter:
    actor, head, chief = people
    matter = open_matter(session, actor, [lead], today)
    for event in ("accept", "investigate"):
        apply_event(session, actor, matter, event, StepInput(), today)
    document = create_draft(session, actor, matter, "检察建议书", today)
    submit(session, actor, document)
    approve(session, head, document)
    approve(session, chief, document)
    issue(session, actor, document, today, today)
    return matter
