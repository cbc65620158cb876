"""The lead inbox: filters, sort by score, pagination, bulk assignment, opening a (class) case
from selected leads, and export to Excel."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from zhongben.protect.mark import ExportMark
from zhongben.store.accounts import users_of
from zhongben.store.audit import record
from zhongben.store.export import xlsx_response
from zhongben.store.leads import (
    PAGE_SIZE,
    LeadFilter,
    all_leads,
    filter_choices,
    lift_expired_suppressions_hourly,
    page_of_leads,
    visible_lead,
)
from zhongben.store.models import Lead, User
from zhongben.web.deps import Viewer, check_csrf, current_user, db, is_htmx, render
from zhongben.web.exports import export_mark
from zhongben.workflow.service import WorkflowError, open_matter
from zhongben.workflow.triage import assign

router = APIRouter()
EXPORT_HEADERS = ("线索编号", "规则", "规则名称", "模型", "案号", "当事人", "法院", "风险等级",
                  "评分", "民生案件", "未履行金额", "状态", "筛查日期")


@router.get("/leads")
def inbox(request: Request, page: int = 1, viewer: Viewer = Depends(current_user),
          session: Session = Depends(db)) -> Response:
    lift_expired_suppressions_hourly(session)
    flt = LeadFilter.from_params(request.query_params)
    rows, total = page_of_leads(session, viewer.org_ids, flt, page)
    record(session, viewer.actor, "view_list", "leads", None, shown=len(rows), page=page)
    session.commit()
    pages = max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    context = {"viewer": viewer, "rows": rows, "total": total, "page": page, "pages": pages,
               "flt": flt, "query": urlencode(flt.as_params())}
    if is_htmx(request) and request.headers.get("hx-target") == "lead-table":
        return render(request, "_lead_table.html", context)
    context["choices"] = filter_choices(session, viewer.org_ids)
    context["users"] = users_of(session, viewer.org_ids)
    return render(request, "inbox.html", context)


def _selected(session: Session, viewer: Viewer, keys: list[str]) -> list[Lead]:
    leads = [visible_lead(session, viewer.org_ids, k) for k in keys]
    if any(lead is None for lead in leads):
        raise HTTPException(status_code=404)
    return [lead for lead in leads if lead is not None]


@router.post("/leads/assign", dependencies=[Depends(check_csrf)])
def bulk_assign(request: Request, keys: list[str] = Form(default=[]), assignee: int = Form(...),
                viewer: Viewer = Depends(current_user),
                session: Session = Depends(db)) -> Response:
    user = session.get(User, assignee)
    if user is None or user.org_id not in viewer.org_ids:
        raise HTTPException(status_code=404)
    try:
        count = assign(session, viewer.actor, _selected(session, viewer, keys), user)
    except WorkflowError as exc:
        raise HTTPException(status_code=403, detail=str(exc)) from exc
    session.commit()
    return RedirectResponse(f"/leads?assigned={count}", status_code=303)


@router.post("/leads/open-case", dependencies=[Depends(check_csrf)])
def open_case(request: Request, keys: list[str] = Form(default=[]),
              viewer: Viewer = Depends(current_user),
              session: Session = Depends(db)) -> Response:
    try:
        matter = open_matter(session, viewer.actor, _selected(session, viewer, keys),
                             date.today())
    except WorkflowError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
    session.commit()
    return RedirectResponse(f"/cases/{matter.id}", status_code=303)


@router.get("/leads/export.xlsx")
def export(request: Request, viewer: Viewer = Depends(current_user),
           session: Session = Depends(db), mark: ExportMark = Depends(export_mark)) -> Response:
    flt = LeadFilter.from_params(request.query_params)
    leads = all_leads(session, viewer.org_ids, flt)
    record(session, viewer.actor, "export", "leads", None, rows=len(leads), **flt.as_params(),
           **mark.audit_detail())
    session.commit()
    rows = [(x.lead_key[:12], x.rule_id, x.rule_name, x.family, x.case_no, x.subject_name,
             x.court, {"high": "高", "medium": "中", "low": "低"}.get(x.severity, x.severity),
             x.score, "是" if x.livelihood else "否", x.unpaid_amount, x.status, x.as_of)
            for x in leads]
    return xlsx_response("线索清单", EXPORT_HEADERS, rows, mark)
