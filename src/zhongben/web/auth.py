"""Login page (``/`` for a visitor who is not signed in) and logout."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from zhongben.store.accounts import authenticate
from zhongben.store.audit import Actor, record
from zhongben.web.deps import check_csrf, db, render

router = APIRouter()


@router.get("/")
def home(request: Request) -> Response:
    if request.session.get("user_id"):
        return RedirectResponse("/leads", status_code=303)
    return render(request, "login.html", {"error": ""})


@router.post("/login", dependencies=[Depends(check_csrf)])
def login(request: Request, username: str = Form(...), password: str = Form(...),
          session: Session = Depends(db)) -> Response:
    user = authenticate(session, username.strip(), password)
    client = request.client.host if request.client else None
    if user is None:
        record(session, None, "login_failed", "user", username[:64], client=client)
        session.commit()
        return render(request, "login.html", {"error": "用户名或密码错误"}, status_code=401)
    request.session.clear()
    request.session.update({"user_id": user.id, "csrf": secrets.token_urlsafe(32)})
    record(session, Actor(user.id, user.username, user.role, user.org_id, client), "login",
           "user", str(user.id))
    session.commit()
    return RedirectResponse("/leads", status_code=303)


@router.post("/logout", dependencies=[Depends(check_csrf)])
def logout(request: Request) -> Response:
    request.session.clear()
    return RedirectResponse("/", status_code=303)
