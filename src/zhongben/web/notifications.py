"""The user's notifications: assignments, @mentions, approvals and deadlines, newest first;
opening the page or a notification marks them read."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from zhongben.store.audit import record
from zhongben.store.notify import KINDS, mark_read, recent
from zhongben.web.deps import Viewer, check_csrf, current_user, db, render

router = APIRouter()


@router.get("/notifications")
def notifications(request: Request, viewer: Viewer = Depends(current_user),
                  session: Session = Depends(db)) -> Response:
    items = recent(session, viewer.actor.user_id)
    return render(request, "notifications.html", {"viewer": viewer, "items": items,
                                                  "kinds": KINDS})


@router.post("/notifications/read", dependencies=[Depends(check_csrf)])
def read(request: Request, ids: list[int] = Form(default=[]), go: str = Form(""),
         viewer: Viewer = Depends(current_user), session: Session = Depends(db)) -> Response:
    count = mark_read(session, viewer.actor.user_id, ids or None)
    record(session, viewer.actor, "notification.read", "user", str(viewer.actor.user_id),
           count=count)
    session.commit()
    target = go if go.startswith("/") and not go.startswith("//") else "/notifications"
    return RedirectResponse(target, status_code=303)
