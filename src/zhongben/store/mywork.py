"""A user's own work, for the navigation and the home page: my leads, my cases, deadlines overdue
or due within 7 days (with a notification for each, once), unread notifications, and the slot
for approvals waiting for me (counted by issue 13's approval chain)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zhongben.store.audit import Actor
from zhongben.store.leads import CLOSED_STATUSES
from zhongben.store.models import Lead, Matter
from zhongben.store.notify import notify, unread_count


class Reminder(Protocol):
    """A running deadline of a case (``zhongben.workflow.reminders.Reminder``)."""

    @property
    def matter(self) -> Matter: ...

    @property
    def deadline(self) -> Any: ...

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
    approvals: int | None = None  # drafts waiting for my step; None for roles that approve none


def my_leads(session: Session, user_id: int) -> int:
    query = select(func.count()).select_from(Lead).where(
        Lead.assignee_id == user_id, Lead.status.not_in(CLOSED_STATUSES))
    return int(session.scalar(query) or 0)


def my_cases(session: Session, user_id: int) -> int:
    query = select(func.count(Matter.id)).where(Matter.owner_id == user_id,
                                                Matter.state.not_in(FINAL_STATES))
    return int(session.scalar(query) or 0)


def my_work(session: Session, actor: Actor, running: Sequence[Reminder],
            approvals: int | None = None) -> MyWork:
    """The counts; ``running`` are the user's running deadlines (``workflow.reminders``),
    ``approvals`` the drafts waiting for the user's step (``workflow.approvals``, counted by the
    caller: the store does not import the workflow). Read only: deadline notices are written by
    ``notify_deadlines``."""
    return MyWork(my_leads(session, actor.user_id), my_cases(session, actor.user_id),
                  sum(r.deadline.overdue for r in running),
                  sum(r.deadline.near for r in running), unread_count(session, actor.user_id),
                  approvals)


def deadline_notice_due(session: Session, actor: Actor) -> bool:
    """Whether the user's deadlines are to be checked for notices now (at most hourly)."""
    marker = (str(session.get_bind().engine.url), actor.user_id)
    if time.monotonic() - _NOTIFIED.get(marker, -DEADLINE_NOTICE_SECONDS) < \
            DEADLINE_NOTICE_SECONDS:
        return False
    _NOTIFIED[marker] = time.monotonic()
    return True


def notify_deadlines(session: Session, actor: Actor, running: Sequence[Reminder]) -> None:
    """One notification per deadline of the user's that is overdue or near; committed at once
    (called before a request changes anything)."""
    for item in running:
        d, m = item.deadline, item.matter
        if not (d.overdue or d.near):
            continue
        state = f"已超期 {-d.days_left} 天" if d.overdue else f"剩余 {d.days_left} 天"
        notify(session, actor.user_id, "deadline",
               f"{m.number}：{d.label}期限 {d.due.isoformat()}（{state}）", f"/cases/{m.id}",
               key=f"deadline:{m.id}:{d.label}:{d.due.isoformat()}:{'o' if d.overdue else 'n'}")
    session.commit()
