"""The reminder list: every case of a user (or, for a 部门负责人, of the office) with a deadline
running, nearest first, overdue highlighted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhongben.petitions.deadlines import petition_deadlines, running
from zhongben.store.audit import Actor
from zhongben.store.models import Matter
from zhongben.store.petition_models import PetitionRecord
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


@dataclass(frozen=True)
class PetitionReminder:
    """A running deadline of a party's application (受理决定, 受理通知书, 审查终结)."""

    petition: PetitionRecord
    deadline: Deadline


def petition_reminders(session: Session, org_ids: list[int],
                       today: date) -> list[PetitionReminder]:
    """Every unmet deadline of the offices' published petitions, nearest first (a petition
    concerns the whole office until a case is opened, so every user of it sees them)."""
    found: list[PetitionReminder] = []
    for petition in session.scalars(select(PetitionRecord).where(
            PetitionRecord.org_id.in_(org_ids))):
        for d in running(petition_deadlines(petition.received_on, petition.accepted_on,
                                            petition.notified_on)):
            found.append(PetitionReminder(petition, Deadline(d.label, d.due_on, d.basis,
                                                             d.days_left(today))))
    return sorted(found, key=lambda r: r.deadline.due)
