"""Lead detail: the Chinese explanation, the score term by term, legal basis with verification
status, evidence rows with provenance, the debtor's profile, history and the triage actions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from zhongben.store.accounts import list_orgs
from zhongben.store.audit import record
from zhongben.store.identity import pending_links
from zhongben.store.leads import visible_lead
from zhongben.store.models import Lead, Matter, Org, Profile, User
from zhongben.store.petition_models import sources_of
from zhongben.store.security import LEAD_ADMIN_ROLES, WORKFLOW_ROLES
from zhongben.store.who import grain_note, is_id
from zhongben.web.collab import collab_context
from zhongben.web.debtor_ref import debtor_href
from zhongben.web.deps import Viewer, check_csrf, current_user, db, render
from zhongben.web.masking import mask_row
from zhongben.workflow.service import WorkflowError, open_matter
from zhongben.workflow.triage import history, suppress, transfer, unsuppress

router = APIRouter()
PROFILE_SECTIONS = {"cases": ("cases", "名下案件"), "real_estate": ("real_estate", "不动产"),
                    "vehicles": ("vehicles", "车辆"), "equity": ("shareholdings", "股权"),
                    "insurance": ("insurance_policies", "保险"),
                    "restrictions": ("restrictions", "限制措施"),
                    "travel": ("travel", "出行记录"), "flows": ("transactions", "资金流水（月）")}


def lead_or_404(session: Session, viewer: Viewer, key: str) -> Lead:
    lead = visible_lead(session, viewer.org_ids, key)
    if lead is None:
        raise HTTPException(status_code=404)
    return lead


def debtor_profiles(session: Session, lead: Lead, viewer: Viewer,
                    href: Callable[[str | None], str | None]) -> list[dict[str, Any]]:
    """One entry per debtor concerned: who they are, their masked profile sections and the
    address of their debtor page (from the ID before it is masked)."""
    people: list[dict[str, Any]] = []
    concerned = {p.get("id_no"): p for p in (lead.detail.parties if lead.detail else [])}
    if lead.subject_id and lead.subject_id in concerned:
        known = concerned[lead.subject_id]
        people.append({"name": lead.subject_name or known.get("name") or "（姓名未登记）",
                       "id_no": lead.subject_id, "role": known.get("role", "被执行人")})
    elif is_id(lead.subject_id):  # not a judge's lead (XJ-04): they have no debtor profile
        people.append({"name": lead.subject_name, "id_no": lead.subject_id})
    if lead.case_no and (case := session.get(Profile, f"case:{lead.case_no}")):
        people += [p for p in case.data.get("parties", []) if p.get("role") == "被执行人"
                   and p.get("id_no") not in {x["id_no"] for x in people}]
    for person in people:
        profile = session.get(Profile, person["id_no"]) if person.get("id_no") else None
        data = profile.data if profile else {}
        person["href"] = href(person.get("id_no"))
        person["sections"] = [
            (label, table, [mask_row(table, r, viewer.unmasked) for r in data.get(key, [])])
            for key, (table, label) in PROFILE_SECTIONS.items()]
        person.update(mask_row("parties", {k: person.get(k) for k in ("id_no", "phone",
                                                                     "address")},
                               viewer.unmasked))
    return people


@router.get("/leads/{key}")
def lead_detail(request: Request, key: str, viewer: Viewer = Depends(current_user),
                session: Session = Depends(db)) -> Response:
    lead = lead_or_404(session, viewer, key)
    viewer = viewer.for_object("lead", key)
    evidence = [{**e, "fields": mask_row(e.get("table", ""), e.get("fields", {}),
                                         viewer.unmasked)} for e in lead.evidence]
    record(session, viewer.actor, "view_personal", "lead", lead.lead_key,
           subject=viewer.id_no(lead.subject_id), case_no=lead.case_no,
           masked=not viewer.unmasked, revealed=viewer.revealed)
    session.commit()
    orgs = [o for o in list_orgs(session) if o.id != lead.org_id]
    detail = lead.detail
    return render(request, "lead.html", {
        "viewer": viewer, "lead": lead, "evidence": evidence,
        "parties": [{**p, "id_no": viewer.id_no(p.get("id_no")),
                     "href": debtor_href(request, p.get("id_no"))
                     if p.get("role") == "被执行人" else None}
                    for p in (detail.parties if detail else [])],
        "related_cases": detail.related_cases if detail else [],
        "grain_note": grain_note(lead.case_no, lead.subject_id, lead.party_names,
                                 lead.case_count),
        "can_assign": viewer.actor.role in LEAD_ADMIN_ROLES,
        "can_open": viewer.actor.role in WORKFLOW_ROLES,
        **collab_context(session, viewer, "lead", lead.lead_key),
        "people": debtor_profiles(session, lead, viewer, lambda e: debtor_href(request, e)),
        "history": history(session, lead),
        "matter": session.get(Matter, lead.matter_id) if lead.matter_id else None,
        "assignee": session.get(User, lead.assignee_id) if lead.assignee_id else None,
        "orgs": orgs, "org": session.get(Org, lead.org_id) if lead.org_id else None,
        "identity_pending": pending_links(session, [lead.lead_key]),
        "sources": sources_of(session, [lead.lead_key]).get(lead.lead_key, [])})


def _act(session: Session, fn: Any, *args: Any) -> None:
    try:
        fn(session, *args)
    except WorkflowError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
    session.commit()


@router.post("/leads/{key}/open-case", dependencies=[Depends(check_csrf)])
def open_case(key: str, viewer: Viewer = Depends(current_user),
              session: Session = Depends(db)) -> Response:
    lead = lead_or_404(session, viewer, key)
    try:
        matter = open_matter(session, viewer.actor, [lead], date.today())
    except WorkflowError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
    session.commit()
    return RedirectResponse(f"/cases/{matter.id}", status_code=303)


@router.post("/leads/{key}/suppress", dependencies=[Depends(check_csrf)])
def suppress_lead(key: str, reason: str = Form(""), until: date = Form(...),
                  viewer: Viewer = Depends(current_user),
                  session: Session = Depends(db)) -> Response:
    _act(session, suppress, viewer.actor, lead_or_404(session, viewer, key), reason, until)
    return RedirectResponse(f"/leads/{key}", status_code=303)


@router.post("/leads/{key}/unsuppress", dependencies=[Depends(check_csrf)])
def unsuppress_lead(key: str, viewer: Viewer = Depends(current_user),
                    session: Session = Depends(db)) -> Response:
    _act(session, unsuppress, viewer.actor, lead_or_404(session, viewer, key))
    return RedirectResponse(f"/leads/{key}", status_code=303)


@router.post("/leads/{key}/transfer", dependencies=[Depends(check_csrf)])
def transfer_lead(key: str, target: int = Form(...), mode: str = Form(...),
                  note: str = Form(""), viewer: Viewer = Depends(current_user),
                  session: Session = Depends(db)) -> Response:
    lead = lead_or_404(session, viewer, key)
    org = session.get(Org, target)
    if org is None:
        raise HTTPException(status_code=404)
    _act(session, transfer, viewer.actor, lead, org, mode, note)
    still_visible = lead.org_id in viewer.org_ids
    return RedirectResponse(f"/leads/{key}" if still_visible else "/leads", status_code=303)
