"""Reveal with reason: a role that sees personal data masked may, if allowed, see one lead's or
one case's full numbers for a while after giving a reason; the reason goes into the audit log and
every page shown unmasked under the grant is logged as such."""

from __future__ import annotations

import time

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from zhongben.store.audit import record
from zhongben.store.leads import visible_lead
from zhongben.store.security import REVEAL_MINUTES, may_reveal
from zhongben.web.cases import visible_matter
from zhongben.web.deps import REVEAL_KEY, Viewer, active_grants, check_csrf, current_user, db

router = APIRouter()


def _target(session: Session, viewer: Viewer, kind: str, object_id: str) -> str:
    if kind == "lead" and visible_lead(session, viewer.org_ids, object_id) is not None:
        return f"/leads/{object_id}"
    if kind == "matter" and object_id.isdigit() and len(object_id) < 10:
        return f"/cases/{visible_matter(session, viewer, int(object_id)).id}"
    raise HTTPException(status_code=404)


@router.post("/reveal", dependencies=[Depends(check_csrf)])
def reveal(request: Request, kind: str = Form(...), object_id: str = Form(...),
           reason: str = Form(""), viewer: Viewer = Depends(current_user),
           session: Session = Depends(db)) -> Response:
    back = _target(session, viewer, kind, object_id)
    if not may_reveal(viewer.actor.role):
        raise HTTPException(status_code=403, detail="本角色不能查看完整的个人信息")
    reason = " ".join(reason.split())
    if len(reason) < 4:
        raise HTTPException(status_code=400, detail="请说明查看完整号码的理由（至少 4 个字）")
    grants = active_grants(request)
    grants[f"{kind}:{object_id}"] = time.time() + REVEAL_MINUTES * 60
    request.session[REVEAL_KEY] = grants
    record(session, viewer.actor, "reveal_personal", kind, object_id, reason=reason[:200],
           minutes=REVEAL_MINUTES)
    session.commit()
    return RedirectResponse(back, status_code=303)
