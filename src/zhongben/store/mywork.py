"""A user's own work, for the navigation and the home page: my leads, my cases, deadlines overdue
or due within 7 days (with a notification for each, once), unread notifications, and the slot
for approvals waiting for me (issue 13 provides the count)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zhongben.store.audit import Actor
from zhongben.store.leads import CLOSED_STATUSES
from zhongben.store.models import Lead, Matter
from zhongben.store.notify import notify, unread_count
from zhongben.workflow.reminders import reminders

FINAL_STATES = ("closed", "not_a_case")
DEADLINE_NOTICE_SECONDS = 3600.0
_NOTIFIED: dict[tuple[str, int], float] = {}


@dataclass(frozen=True)
class MyWork:
    leads: int
    cases: int
    overdue: int
    near: int
    unread: int
    approvals: int | None = None  # None until the approval chain exists (issue 13)


def my_leads(session: Session, user_id: int) -> int:
    query = select(func.count()).select_from(Lead).where(
        Lead.assignee_id == user_id, Lead.status.not_in(CLOSED_STATUSES))
    return int(session.scalar(query) or 0)


def my_cases(session: Session, user_id: int) -> int:
    query = select(func.count(Matter.id)).where(Matter.owner_id == user_id,
                                                Matter.state.not_in(FINAL_STATES))
    return int(session.scalar(query) or 0)


def my_work(session: Session, actor: Actor, org_ids: list[int], today: date) -> MyWork:
    """The counts (read only: deadline notices are written by ``notify_deadlines``)."""
    running = reminders(session, actor, org_ids, today)
    return MyWork(my_leads(session, actor.user_id), my_cases(session, actor.user_id),
                  sum(r.deadline.overdue for r in running),
                  sum(r.deadline.near for r in running), unread_count(session, actor.user_id))


def notify_deadlines(session: Session, actor: Actor, org_ids: list[int], today: date) -> None:
    """One notification per deadline of the user's that is overdue or near, checked at most
    hourly per user; committed at once (called before a request changes anything)."""
    marker = (str(session.get_bind().engine.url), actor.user_id)
    if time.monotonic() - _NOTIFIED.get(marker, -DEADLINE_NOTICE_SECONDS) < \
            DEADLINE_NOTICE_SECONDS:
        return
    _NOTIFIED[marker] = time.monotonic()
    for item in reminders(session, actor, org_ids, today):
        d, m = item.deadline, item.matter
        if not (d.overdue or d.near):
            continue
        state = f"已超期 {-d.days_left} 天" if d.overdue else f"剩余 {d.days_left} 天"
        notify(session, actor.user_id, "deadline",
               f"{m.number}：{d.label}期限 {d.due.isoformat()}（{state}）", f"/cases/{m.id}",
               key=f"deadline:{m.id}:{d.label}:{d.due.isoformat()}:{'o' if d.overdue else 'n'}")
    session.commit()
