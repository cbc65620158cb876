"""What happens to a lead before it becomes a case: assignment, suppression with a reason and an
expiry, and transfer to another procuratorate (交办 downwards / 移送 sideways or upwards) with its
history kept."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhongben.store.audit import Actor, record
from zhongben.store.models import Lead, LeadEvent, Org, User
from zhongben.store.security import LEAD_ADMIN_ROLES
from zhongben.workflow.service import WorkflowError

TRANSFER_MODES = ("交办", "移送")


def _event(session: Session, actor: Actor, lead: Lead, action: str, **note: str) -> None:
    session.add(LeadEvent(lead_key=lead.lead_key, at=datetime.now(), user_id=actor.user_id,
                          action=action, note=note))
    record(session, actor, f"lead.{action}", "lead", lead.lead_key, **note)


def _require(actor: Actor) -> None:
    if actor.role not in LEAD_ADMIN_ROLES:
        raise WorkflowError(f"角色“{actor.role}”不能分派、屏蔽或移送线索")


def assign(session: Session, actor: Actor, leads: list[Lead], assignee: User) -> int:
    _require(actor)
    for lead in leads:
        lead.assignee_id = assignee.id
        _event(session, actor, lead, "assign", assignee=assignee.display_name)
    return len(leads)


def suppress(session: Session, actor: Actor, lead: Lead, reason: str, until: date) -> None:
    _require(actor)
    if not reason.strip():
        raise WorkflowError("屏蔽线索须写明理由")
    if lead.matter_id is not None:
        raise WorkflowError("已纳入监督案件的线索不能屏蔽")
    lead.status, lead.suppress_reason, lead.suppressed_until = "已屏蔽", reason, until
    _event(session, actor, lead, "suppress", reason=reason, until=until.isoformat())


def unsuppress(session: Session, actor: Actor, lead: Lead) -> None:
    _require(actor)
    lead.status, lead.suppressed_until = "待核查", None
    _event(session, actor, lead, "unsuppress")


def transfer(session: Session, actor: Actor, lead: Lead, target: Org, mode: str,
             note: str) -> None:
    _require(actor)
    if mode not in TRANSFER_MODES:
        raise WorkflowError("移交方式须为“交办”或“移送”")
    if lead.matter_id is not None:
        raise WorkflowError("已纳入监督案件的线索不能移交")
    source = session.get(Org, lead.org_id) if lead.org_id else None
    lead.org_id, lead.assignee_id = target.id, None
    _event(session, actor, lead, "transfer", mode=mode, note=note,
           from_org=source.name if source else "", to_org=target.name)


def history(session: Session, lead: Lead) -> list[tuple[LeadEvent, str]]:
    query = (select(LeadEvent, User.display_name).join(User, User.id == LeadEvent.user_id,
                                                       isouter=True)
             .where(LeadEvent.lead_key == lead.lead_key).order_by(LeadEvent.id))
    return [(event, name or "") for event, name in session.execute(query)]
