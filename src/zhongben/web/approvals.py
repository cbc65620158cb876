"""待我审批 (drafts waiting for the signed-in user's step) and the office's document settings
(文号 patterns, approval chains, objection period, 抄送, contact)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from zhongben.documents.drafts import STATUS_NAMES
from zhongben.documents.office import (
    CHAIN_STEPS,
    DEFAULT_PATTERN,
    Office,
    pattern_from_zh,
    pattern_zh,
)
from zhongben.documents.settings import office_for, save_office
from zhongben.store.audit import record
from zhongben.store.models import Matter
from zhongben.web.deps import Viewer, check_csrf, current_user, db, render
from zhongben.workflow.approvals import current_step, pending_for
from zhongben.workflow.errors import WorkflowError
from zhongben.workflow.register import issued_numbers

router = APIRouter()
SETTINGS_ROLES = frozenset({"部门负责人", "检察长", "管理员"})
SENT = ("检察建议书", "说明案件执行情况通知书")


@router.get("/approvals")
def approvals_page(request: Request, viewer: Viewer = Depends(current_user),
                   session: Session = Depends(db)) -> Response:
    rows = [(d, session.get(Matter, d.matter_id), current_step(session, d))
            for d in pending_for(session, viewer.actor, viewer.org_ids)]
    return render(request, "approvals.html", {"viewer": viewer, "rows": rows,
                                              "status": STATUS_NAMES})


def _may_configure(viewer: Viewer) -> None:
    if viewer.actor.role not in SETTINGS_ROLES:
        raise HTTPException(status_code=403,
                            detail="只有部门负责人、检察长或管理员可以修改本院文书设置")


@router.get("/settings/documents")
def settings_route(request: Request, viewer: Viewer = Depends(current_user),
                   session: Session = Depends(db)) -> Response:
    # No ``error`` from the query string: a link could show any text as the system's message.
    return settings_page(request, "", viewer, session)


def settings_page(request: Request, error: str, viewer: Viewer, session: Session) -> Response:
    _may_configure(viewer)
    office = office_for(session, viewer.actor.org_id)
    return render(request, "office_settings.html", {
        "viewer": viewer, "office": office, "kinds": SENT, "steps": CHAIN_STEPS,
        "default_pattern": pattern_zh(DEFAULT_PATTERN), "pattern_zh": pattern_zh,
        "numbers": issued_numbers(session, viewer.actor.org_id)[:50],
        "error": error})


@router.post("/settings/documents", dependencies=[Depends(check_csrf)])
def save_settings(request: Request, short_name: str = Form(""),
                  pattern_recommendation: str = Form(""), pattern_notice: str = Form(""),
                  chain_recommendation: str = Form(""), chain_notice: str = Form(""),
                  objection_days: int = Form(15), cc: str = Form(""), contact: str = Form(""),
                  viewer: Viewer = Depends(current_user),
                  session: Session = Depends(db)) -> Response:
    _may_configure(viewer)
    office = Office(name="", short_name=short_name.strip(),
                    patterns={"检察建议书": _pattern(pattern_recommendation),
                              "说明案件执行情况通知书": _pattern(pattern_notice)},
                    chains={"检察建议书": _steps(chain_recommendation),
                            "说明案件执行情况通知书": _steps(chain_notice), "调查核实报告": []},
                    objection_days=objection_days,
                    cc=[x.strip() for x in cc.replace("，", ",").split(",") if x.strip()],
                    contact=contact.strip())
    try:
        save_office(session, viewer.actor.org_id, office)
        record(session, viewer.actor, "office.settings", "org", str(viewer.actor.org_id),
               short_name=office.short_name, patterns=office.patterns, chains=office.chains,
               objection_days=office.objection_days, cc=office.cc)
    except WorkflowError as exc:
        session.rollback()
        return settings_page(request, str(exc), viewer, session)
    session.commit()
    return RedirectResponse("/settings/documents", status_code=303)


def _pattern(text: str) -> str:
    return pattern_from_zh(text.strip()) or DEFAULT_PATTERN


def _steps(text: str) -> list[str]:
    return [s for s in text.replace("→", ",").replace("，", ",").split(",") if s.strip()]
