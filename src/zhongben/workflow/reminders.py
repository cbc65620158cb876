"""The reminder list: every case of a user (or, for a 部门负责人, of the office) with a deadline
running, nearest first, overdue highlighted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhongben.store.audit import Actor
from zhongben.store.models import Matter
from zhongben.workflow.deadlines import Deadline, current_deadlines

RUNNING = ("pending", "reviewing", "opened", "investigating", "awaiting_reply")


@dataclass(frozen=True)
class Reminder:
    matter: Matter
    deadline: Deadline


def reminders(session: Session, actor: Actor, org_ids: list[int], today: date) -> list[Reminder]:
    query = select(Matter).where(Matter.state.in_(RUNNING), Matter.org_id.in_(org_ids))
    if actor.role != "部门负责人":
        query = query.where(Matter.owner_id == actor.user_id)
    found: list[Reminder] = []
    for matter in session.scalars(query):
        found.extend(Reminder(matter, d) for d in current_deadlines(matter, today))
    return sorted(found, key=lambda r: r.deadline.due)
