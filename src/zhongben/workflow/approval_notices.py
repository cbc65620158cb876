"""In-app notifications of the approval chain (issue 14's ``store.notify``): a submitted draft
tells the users whose step it now waits for; an approval, a return and the issue tell the people
who worked on the draft (its submitter and the case's 承办人). Written in the transaction of the
decision, so a refused or rolled-back step notifies nobody; the actor is never told of their own
step."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhongben.store.audit import Actor
from zhongben.store.models import Document, DocumentApproval, Matter, Org, User
from zhongben.store.notify import notify


def step_users(session: Session, org_id: int, role: str) -> list[int]:
    """The active users of ``role`` in the case's office, or, where it has none, in the nearest
    office above it (a county without its own 检察长 on the platform)."""
    current: int | None = org_id
    while current is not None:
        users = list(session.scalars(select(User.id).where(
            User.org_id == current, User.role == role, User.active.is_(True)).order_by(User.id)))
        if users:
            return users
        current = session.scalar(select(Org.parent_id).where(Org.id == current))
    return []


def workers(session: Session, document: Document, matter: Matter) -> list[int]:
    """Who worked on the draft: everyone who submitted it, and the case's 承办人."""
    submitters = session.scalars(select(DocumentApproval.user_id).where(
        DocumentApproval.document_id == document.id, DocumentApproval.decision == "提交"))
    ids = [*submitters, matter.owner_id]
    return list(dict.fromkeys(i for i in ids if i is not None))


def announce(session: Session, actor: Actor, document: Document, text: str,
             users: list[int]) -> None:
    matter = session.get(Matter, document.matter_id)
    number = matter.number if matter else ""
    for user_id in users:
        if user_id != actor.user_id:
            notify(session, user_id, "approval", f"{number} {document.kind}：{text}",
                   f"/documents/{document.id}")


def after_step(session: Session, actor: Actor, document: Document, step: str | None,
               step_role: str | None, reason: str = "") -> None:
    """After submit / approve / return: the next approvers, or the draft's workers."""
    matter = session.get(Matter, document.matter_id)
    if matter is None:
        return
    if document.status == "submitted" and step and step_role:
        by = session.get(User, actor.user_id)
        who = f"，提交人 {by.display_name}" if by and by.display_name else ""
        announce(session, actor, document, f"待您审批（{step}）{who}",
                 step_users(session, matter.org_id, step_role))
    elif document.status in ("approved", "returned"):
        text = "已审批同意，可以签发" if document.status == "approved" else f"被退回：{reason}"
        announce(session, actor, document, text, workers(session, document, matter))


def after_issue(session: Session, actor: Actor, document: Document) -> None:
    matter = session.get(Matter, document.matter_id)
    if matter is not None:
        number = f"，文号 {document.doc_no}" if document.doc_no else ""
        announce(session, actor, document, f"已签发{number}", workers(session, document, matter))
