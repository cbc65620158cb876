"""A few cases at different stages, so screenshots and demos show the whole 后半程: one closed with
money recovered, one waiting for the court's reply, one class case (类案监督) just opened."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from zhongben.store.audit import Actor
from zhongben.store.models import Lead, Matter, User
from zhongben.workflow.recheck import recheck_matter
from zhongben.workflow.service import StepInput, apply_event, open_matter

CLOSED_PATH = (("accept", StepInput()), ("investigate", StepInput()),
               ("issue_recommendation", StepInput()), ("court_received", StepInput()),
               ("court_adopted", StepInput(text="已恢复执行并扣划存款")),
               ("close", StepInput(outcomes=["恢复执行", "执行款到位"],
                                   amount=Decimal("86500.00"))))
WAITING_PATH = CLOSED_PATH[:4]


def play_story(sessions: sessionmaker[Session], username: str = "jcg",
               workspace: str | None = None) -> int:
    """Returns the number of cases opened (0 when the user or enough leads are missing)."""
    with sessions.begin() as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            return 0
        actor = Actor(user.id, user.username, user.role, user.org_id)
        leads = list(session.scalars(select(Lead).where(Lead.org_id == user.org_id,
                                                        Lead.matter_id.is_(None))
                                     .order_by(Lead.score.desc()).limit(200)))
        if len(leads) < 4:
            return 0
        today = date.today()
        closed = _walk(session, actor, [leads[0]], CLOSED_PATH, today - timedelta(days=100))
        recheck_matter(session, closed, workspace)
        _walk(session, actor, [leads[1]], WAITING_PATH, today - timedelta(days=85))
        group = [x for x in leads[2:] if (x.rule_id, x.court) == (leads[2].rule_id,
                                                                 leads[2].court)][:3]
        open_matter(session, actor, group, today)
        return 3


def _walk(session: Session, actor: Actor, leads: list[Lead],
          steps: tuple[tuple[str, StepInput], ...], start: date) -> Matter:
    matter = open_matter(session, actor, leads, start)
    for offset, (event, data) in enumerate(steps, start=1):
        day = start + timedelta(days=offset * 3)
        step = StepInput(on=day, reason=data.reason, text=data.text, outcomes=data.outcomes,
                         amount=data.amount)
        apply_event(session, actor, matter, event, step, day)
    return matter
