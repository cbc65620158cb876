"""The lead inbox: search and filters (said back in Chinese), sort, pages (out-of-range pages
clamped), the assignee column and filter, bulk assignment of the selected leads or of every lead
the filter finds (confirmed by what was assigned to whom), opening a (class) case from selected
leads, and export to Excel."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from zhongben.protect.mark import ExportMark
from zhongben.store.accounts import users_of
from zhongben.store.audit import record
from zhongben.store.comments import known_tags
from zhongben.store.leads import (
    CLOSED_STATUSES,
    PAGE_SIZE,
    LeadFilter,
    all_leads,
    clamped_page,
    filter_choices,
    lift_expired_suppressions_hourly,
    visible_lead,
)
from zhongben.store.models import Lead, User
from zhongben.store.notify import notify
from zhongben.store.petition_models import sources_of
from zhongben.store.search import understand
from zhongben.store.security import LEAD_ADMIN_ROLES, WORKFLOW_ROLES
from zhongben.web.deps import Viewer, check_csrf, current_user, db, flash, is_htmx, render
from zhongben.web.exports import export_mark
from zhongben.web.lead_export import leads_workbook
from zhongben.workflow.service import WorkflowError, open_matter
from zhongben.workflow.triage import assign

router = APIRouter()
STATUSES = ("待核查", "核查中", "成案", "调查核实", "检察建议已制发", "待法院回复", "已采纳",
            "未采纳", "跟进监督", "提请上级院", "结案", "不成案", "已屏蔽")
MAX_BULK = 5000


def viewer_filter(params: object, viewer: Viewer) -> LeadFilter:
    """The filter as typed, with ``assignee=me`` read as the signed-in user."""
    flt = LeadFilter.from_params(params)
    return replace(flt, assignee=str(viewer.actor.user_id)) if flt.assignee == "me" else flt


@router.get("/leads")
def inbox(request: Request, page: int = 1, viewer: Viewer = Depends(current_user),
          session: Session = Depends(db)) -> Response:
    lift_expired_suppressions_hourly(session)
    typed = LeadFilter.from_params(request.query_params)
    flt = viewer_filter(request.query_params, viewer)
    rows, total, page = clamped_page(session, viewer.org_ids, flt, page)
    pages = max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    record(session, viewer.actor, "view_list", "leads", None, shown=len(rows), page=page)
    session.commit()
    users = users_of(session, viewer.org_ids)
    context = {"viewer": viewer, "rows": rows, "total": total, "page": page, "pages": pages,
               "flt": typed, "query": urlencode(typed.as_params()),
               "understood": understand(typed.q, typed.min_amount, typed.max_amount),
               "names": {u.id: u.display_name for u in users}, "closed": CLOSED_STATUSES,
               "can_assign": viewer.actor.role in LEAD_ADMIN_ROLES,
               "can_open": viewer.actor.role in WORKFLOW_ROLES,
               "sourced": set(sources_of(session, [r.lead_key for r in rows]))}
    if is_htmx(request) and request.headers.get("hx-target") == "lead-table":
        return render(request, "_lead_table.html", context)
    context.update(choices=filter_choices(session, viewer.org_ids), users=users,
                   statuses=STATUSES, search_q=typed.q, tags=known_tags(session, "lead"))
    return render(request, "inbox.html", context)


def _selected(session: Session, viewer: Viewer, keys: list[str]) -> list[Lead]:
    leads = [visible_lead(session, viewer.org_ids, k) for k in keys]
    if any(lead is None for lead in leads):
        raise HTTPException(status_code=404)
    return [lead for lead in leads if lead is not None]


def _chosen(session: Session, viewer: Viewer, keys: list[str], every: str,
            filter_query: str) -> list[Lead]:
    """The ticked leads, or (``every``) all the leads the inbox's filter finds."""
    if every != "1":
        return _selected(session, viewer, keys)
    params = {k: v[-1] for k, v in parse_qs(filter_query).items()}
    leads = all_leads(session, viewer.org_ids, viewer_filter(params, viewer))
    if len(leads) > MAX_BULK:
        raise HTTPException(status_code=400, detail=f"一次最多批量处理 {MAX_BULK} 条线索，"
                                                    f"当前筛选结果 {len(leads)} 条，请缩小范围")
    return leads


def _back(filter_query: str) -> str:
    return f"/leads?{filter_query}" if filter_query else "/leads"


@router.post("/leads/assign", dependencies=[Depends(check_csrf)])
def bulk_assign(request: Request, keys: list[str] = Form(default=[]), assignee: int = Form(...),
                every: str = Form(""), filter_query: str = Form(""),
                viewer: Viewer = Depends(current_user),
                session: Session = Depends(db)) -> Response:
    user = session.get(User, assignee)
    if user is None or user.org_id not in viewer.org_ids:
        raise HTTPException(status_code=404)
    leads = _chosen(session, viewer, keys, every, filter_query)
    if not leads:
        flash(request, "未选择任何线索，没有分派")
        return RedirectResponse(_back(filter_query), status_code=303)
    try:
        count = assign(session, viewer.actor, leads, user)
    except WorkflowError as exc:
        raise HTTPException(status_code=403, detail=str(exc)) from exc
    named = "、".join(x.case_no or x.party_names or x.rule_id for x in leads[:5])
    more = f"等 {count} 条" if count > 5 else f"共 {count} 条"
    if user.id != viewer.actor.user_id:
        notify(session, user.id, "assign", f"{viewer.display_name}向您分派了 {count} 条线索："
               f"{named}{'等' if count > 5 else ''}", "/leads?assignee=me")
    session.commit()
    flash(request, f"已将 {count} 条线索分派给 {user.display_name}（{user.role}）：{named}{more}")
    return RedirectResponse(_back(filter_query), status_code=303)


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
    flt = viewer_filter(request.query_params, viewer)
    leads = all_leads(session, viewer.org_ids, flt)
    record(session, viewer.actor, "export", "leads", None, rows=len(leads), **flt.as_params(),
           **mark.audit_detail())
    session.commit()
    names = {u.id: u.display_name for u in users_of(session, viewer.org_ids)}
    return leads_workbook(leads, names, viewer, mark)
