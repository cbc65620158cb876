"""The approval chain of a draft, configurable per office and document kind (documents.office):
承办检察官 submits → 部门负责人 reviews → 检察长 (or 检察委员会, recorded by the 检察长) approves.
Each step may return the draft with a reason; only a draft every step approved can be issued."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zhongben.documents.drafts import STATUS_NAMES
from zhongben.documents.settings import office_for
from zhongben.store.audit import Actor, record
from zhongben.store.models import Document, DocumentApproval, Matter, User
from zhongben.workflow.approval_notices import after_step
from zhongben.workflow.errors import WorkflowError
from zhongben.workflow.permissions import PermissionDenied, require_decider

STEP_ROLES = {"部门负责人": "部门负责人", "检察长": "检察长", "检察委员会": "检察长"}
REQUIRED_FILLED = {"调查核实报告": ("finding", "opinion")}


def chain_of(session: Session, document: Document) -> list[str]:
    matter = session.get(Matter, document.matter_id)
    assert matter is not None
    return office_for(session, matter.org_id).chain(document.kind)


def current_step(session: Session, document: Document) -> str | None:
    chain = chain_of(session, document)
    if document.status != "submitted" or document.approval_step >= len(chain):
        return None
    return chain[document.approval_step]


def _log(session: Session, actor: Actor, document: Document, step: str, decision: str,
         reason: str = "") -> None:
    session.add(DocumentApproval(document_id=document.id, step=document.approval_step,
                                 step_name=step, decision=decision, reason=reason or None,
                                 user_id=actor.user_id, at=datetime.now(),
                                 version=document.version))
    action = {"提交": "submit", "同意": "approve"}.get(decision, "return")
    record(session, actor, f"document.{action}", "document", str(document.id), step=step,
           reason=reason, version=document.version)


def submit(session: Session, actor: Actor, document: Document) -> Document:
    require_decider(actor, "submit")
    if document.status not in ("draft", "returned"):
        raise WorkflowError(f"文书处于“{STATUS_NAMES[document.status]}”状态，不能提交审批")
    _check_filled(document)
    chain = chain_of(session, document)
    document.approval_step = 0
    _log(session, actor, document, "承办检察官", "提交")
    document.status = "submitted" if chain else "approved"
    _announce(session, actor, document)
    return document


def _announce(session: Session, actor: Actor, document: Document, reason: str = "") -> None:
    step = current_step(session, document)
    after_step(session, actor, document, step, STEP_ROLES.get(step or ""), reason)


def _check_filled(document: Document) -> None:
    sections = {s["key"]: s for s in document.sections or []}
    missing = [sections[k].get("heading") or k for k in REQUIRED_FILLED.get(document.kind, ())
               if k in sections and not any(p.strip() for p in sections[k]["paragraphs"])]
    if missing:
        raise WorkflowError(f"请先填写“{'”“'.join(missing)}”再提交")


def _require_step(session: Session, actor: Actor, document: Document) -> str:
    step = current_step(session, document)
    if step is None:
        raise WorkflowError(f"文书处于“{STATUS_NAMES[document.status]}”状态，没有待审批的环节")
    if actor.role != STEP_ROLES[step]:
        raise PermissionDenied(f"当前审批环节是“{step}”，须由{STEP_ROLES[step]}审批，"
                               f"“{actor.role}”不能审批")
    return step


def approve(session: Session, actor: Actor, document: Document, note: str = "") -> Document:
    step = _require_step(session, actor, document)
    _log(session, actor, document, step, "同意", note)
    document.approval_step += 1
    if document.approval_step >= len(chain_of(session, document)):
        document.status = "approved"
    _announce(session, actor, document)
    return document


def send_back(session: Session, actor: Actor, document: Document, reason: str) -> Document:
    step = _require_step(session, actor, document)
    if not reason.strip():
        raise WorkflowError("退回须写明理由")
    _log(session, actor, document, step, "退回", reason.strip())
    document.status, document.approval_step = "returned", 0
    _announce(session, actor, document, reason.strip())
    return document


def history(session: Session, document: Document) -> list[tuple[DocumentApproval, str | None]]:
    rows = session.execute(select(DocumentApproval, User.display_name).join(
        User, User.id == DocumentApproval.user_id, isouter=True).where(
        DocumentApproval.document_id == document.id).order_by(DocumentApproval.id)).all()
    return [(a, name) for a, name in rows]


def pending_for(session: Session, actor: Actor, org_ids: list[int]) -> list[Document]:
    """Drafts waiting for ``actor``'s approval (their role is the current step's) in their
    offices: the 待我审批 list."""
    query = (select(Document).join(Matter, Matter.id == Document.matter_id)
             .where(Document.status == "submitted", Matter.org_id.in_(org_ids))
             .order_by(Document.id))
    return [d for d in session.scalars(query)
            if STEP_ROLES.get(current_step(session, d) or "") == actor.role]


def pending_approval_count(session: Session, user_id: int) -> int:
    """How many drafts wait for this user's approval (for the navigation badge)."""
    from zhongben.store.accounts import visible_org_ids

    user = session.get(User, user_id)
    if user is None or user.role not in set(STEP_ROLES.values()):
        return 0
    submitted = session.scalar(select(func.count(Document.id)).where(
        Document.status == "submitted"))
    if not submitted:
        return 0
    actor = Actor(user.id, user.username, user.role, user.org_id)
    return len(pending_for(session, actor, visible_org_ids(session, user.org_id)))
