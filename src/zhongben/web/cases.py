"""Supervision cases: the list, and a case's page with its leads, timeline, running deadlines,
the workflow actions its state allows, documents and the post-reply recheck."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from zhongben.documents.drafts import STATUS_NAMES
from zhongben.documents.model import KINDS
from zhongben.protect.mark import ExportMark
from zhongben.store.accounts import users_of
from zhongben.store.audit import record
from zhongben.store.export import xlsx_response
from zhongben.store.models import Document, Lead, Matter, MatterEvent, User
from zhongben.store.security import WORKFLOW_ROLES
from zhongben.web.collab import collab_context
from zhongben.web.debtor_ref import debtor_href
from zhongben.web.deps import Viewer, check_csrf, current_user, db, render
from zhongben.web.exports import export_mark
from zhongben.workflow.deadlines import current_deadline, current_deadlines
from zhongben.workflow.machine import EVENT_LABELS, NOT_CASE_REASONS, OUTCOMES, STATE_NAMES
from zhongben.workflow.recheck import recheck_matter
from zhongben.workflow.service import (
    StepInput,
    WorkflowError,
    apply_event,
    close_choices,
    needs_recheck,
    offered_events,
)

router = APIRouter()
CASE_HEADERS = ("案件编号", "类型", "案件名称", "法院", "规则", "状态", "立案日期", "成案日期",
                "说明通知发出", "法院说明", "制发日期", "法院签收", "当前期限", "剩余天数",
                "结案结果", "办理成效", "执行款到位金额")


def visible_matter(session: Session, viewer: Viewer, matter_id: int) -> Matter:
    matter = session.get(Matter, matter_id)
    if matter is None or matter.org_id not in viewer.org_ids:
        raise HTTPException(status_code=404)
    return matter


def _cases(session: Session, viewer: Viewer, owner: str = "") -> list[Matter]:
    query = select(Matter).where(Matter.org_id.in_(viewer.org_ids)).order_by(Matter.id.desc())
    if owner == "me":  # 我的案件
        query = query.where(Matter.owner_id == viewer.actor.user_id)
    return list(session.scalars(query))


@router.get("/cases")
def case_list(request: Request, owner: str = "", viewer: Viewer = Depends(current_user),
              session: Session = Depends(db)) -> Response:
    today = date.today()
    rows = [(m, current_deadline(m, today)) for m in _cases(session, viewer, owner)]
    owners = {u.id: u.display_name for u in users_of(session, viewer.org_ids)}
    return render(request, "cases.html", {"viewer": viewer, "rows": rows, "owner": owner,
                                          "owners": owners})


@router.get("/cases/export.xlsx")
def export_cases(owner: str = "", viewer: Viewer = Depends(current_user),
                 session: Session = Depends(db),
                 mark: ExportMark = Depends(export_mark)) -> Response:
    today = date.today()
    rows = []
    for m in _cases(session, viewer, owner):
        d = current_deadline(m, today)
        rows.append((m.number, m.kind, m.title, m.court, m.rule_id, STATE_NAMES[m.state],
                     m.opened_on, m.decided_on, m.explanation_requested_on,
                     m.explanation_received_on, m.sent_on, m.received_on,
                     d.due if d else None, d.days_left if d else None,
                     m.result or "", "、".join(m.outcomes or []), m.recovered_amount))
    record(session, viewer.actor, "export", "cases", None, rows=len(rows), **mark.audit_detail())
    session.commit()
    return xlsx_response("监督案件", CASE_HEADERS, rows, mark)


@router.get("/cases/{matter_id}")
def case_route(request: Request, matter_id: int, viewer: Viewer = Depends(current_user),
               session: Session = Depends(db)) -> Response:
    # No ``error`` from the query string: a link could show any text as the system's message.
    return case_page(request, matter_id, "", viewer, session)


def case_page(request: Request, matter_id: int, error: str, viewer: Viewer,
              session: Session) -> Response:
    matter = visible_matter(session, viewer, matter_id)
    viewer = viewer.for_object("matter", matter.id)
    leads = list(session.scalars(select(Lead).where(Lead.matter_id == matter.id)))
    record(session, viewer.actor, "view_personal", "matter", str(matter.id),
           leads=[x.lead_key for x in leads])
    session.commit()
    events = session.execute(
        select(MatterEvent, User.display_name).join(User, User.id == MatterEvent.user_id,
                                                    isouter=True)
        .where(MatterEvent.matter_id == matter.id).order_by(MatterEvent.id)).all()
    documents = session.execute(select(Document.id, Document.kind, Document.filename,
                                       Document.created_at, Document.status, Document.doc_no,
                                       Document.version)
                                .where(Document.matter_id == matter.id)
                                .order_by(Document.id)).all()
    return render(request, "case.html", {
        "viewer": viewer, "matter": matter, "leads": leads, "events": events,
        "debtors": case_debtors(request, leads, viewer),
        "documents": documents, "kinds": KINDS, "doc_status": STATUS_NAMES,
        "deadlines": current_deadlines(matter, date.today()),
        "actions": [(e, EVENT_LABELS[e]) for e in offered_events(matter, viewer.actor)],
        "results": close_choices(matter), "outcomes": OUTCOMES, "reasons": NOT_CASE_REASONS,
        "error": error, "can_workflow": viewer.actor.role in WORKFLOW_ROLES,
        **collab_context(session, viewer, "matter", str(matter.id))})


def case_debtors(request: Request, leads: list[Lead], viewer: Viewer) -> list[dict[str, Any]]:
    """The debtors of the case's leads — each lead's subject and the 被执行人 among its case's
    parties — once each, with their page's address (from the ID before it is masked)."""
    seen: dict[str, dict[str, Any]] = {}
    for lead in leads:
        parties = [p for p in (lead.detail.parties if lead.detail else [])
                   if p.get("role") == "被执行人"]
        for entity, name in [(lead.subject_id, lead.subject_name)] + [
                (p.get("id_no"), p.get("name")) for p in parties]:
            href = debtor_href(request, entity)
            if href and entity and entity not in seen:
                seen[entity] = {"name": name or "（姓名未登记）",
                                "id_no": viewer.id_no(entity), "href": href}
    return list(seen.values())


def _amount(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "")) if text.strip() else None
    except InvalidOperation as exc:
        raise WorkflowError("金额格式不正确") from exc


@router.post("/cases/{matter_id}/event", dependencies=[Depends(check_csrf)])
def case_event(request: Request, matter_id: int, event: str = Form(...),
               on: date | None = Form(None), reason: str = Form(""), text: str = Form(""),
               outcomes: list[str] = Form(default=[]), amount: str = Form(""),
               result: str = Form(""), confirm: str = Form(""),
               viewer: Viewer = Depends(current_user),
               session: Session = Depends(db)) -> Response:
    matter = visible_matter(session, viewer, matter_id)
    try:
        data = StepInput(on=on, reason=reason.strip(), text=text.strip(), outcomes=outcomes,
                         amount=_amount(amount), result=result, confirm=confirm == "1")
        apply_event(session, viewer.actor, matter, event, data, date.today())
    except WorkflowError as exc:
        session.rollback()
        return case_page(request, matter_id, str(exc), viewer, session)
    if needs_recheck(matter):
        _recheck(request, session, viewer, matter)
    session.commit()
    return RedirectResponse(f"/cases/{matter.id}", status_code=303)


def _recheck(request: Request, session: Session, viewer: Viewer, matter: Matter) -> None:
    found = recheck_matter(session, matter, request.app.state.settings.workspace)
    record(session, viewer.actor, "matter.recheck", "matter", str(matter.id),
           summary=found["summary"])


@router.post("/cases/{matter_id}/recheck", dependencies=[Depends(check_csrf)])
def case_recheck(request: Request, matter_id: int, viewer: Viewer = Depends(current_user),
                 session: Session = Depends(db)) -> Response:
    """Re-run the originating rule now (e.g. during 跟进监督, after the court acted)."""
    matter = visible_matter(session, viewer, matter_id)
    if matter.state not in ("adopted", "not_adopted", "following_up", "escalated"):
        return case_page(request, matter_id, "法院回复后方可重跑规则", viewer, session)
    _recheck(request, session, viewer, matter)
    session.commit()
    return RedirectResponse(f"/cases/{matter.id}#recheck", status_code=303)
