"""Login page (``/`` for a visitor who is not signed in), keeping the deep link the visitor came
from (``/?next=/leads/…``) through the sign-in; logout; changing one's password (required at
the next sign-in after a 管理员 reset it)."""

from __future__ import annotations

import secrets
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from zhongben.store.accounts import authenticate
from zhongben.store.audit import Actor, record
from zhongben.store.models import User
from zhongben.store.throttle import login_refusal
from zhongben.store.users_admin import UserError, change_password
from zhongben.web.deps import (
    SESSION_VERSION,
    Viewer,
    check_csrf,
    current_user,
    db,
    flash,
    render,
    session_current,
)

router = APIRouter()
HOME = "/leads"


def safe_next(target: str | None) -> str:
    """A local path to go to after signing in (never another site)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return HOME
    return target if not target.startswith("/login") else HOME


def login_url(target: str) -> str:
    return "/" if safe_next(target) == HOME else f"/?next={quote(target, safe='/')}"


@router.get("/")
def home(request: Request, next: str = "", session: Session = Depends(db)) -> Response:
    user_id = request.session.get("user_id")
    user = session.get(User, user_id) if user_id else None
    if user is not None and user.active and session_current(request, user):
        return RedirectResponse(safe_next(next), status_code=303)
    if user_id:  # disabled or removed since signing in
        request.session.clear()
    return render(request, "login.html", {"error": "", "next": safe_next(next)})


@router.post("/login", dependencies=[Depends(check_csrf)])
def login(request: Request, username: str = Form(...), password: str = Form(...),
          next: str = Form(""), session: Session = Depends(db)) -> Response:
    client = request.client.host if request.client else None
    refusal = login_refusal(session, username.strip(), client)
    if refusal:
        record(session, None, "login_locked", "user", username[:64], client=client)
        session.commit()
        return render(request, "login.html", {"error": refusal, "next": safe_next(next)},
                      status_code=429)
    user = authenticate(session, username.strip(), password)
    if user is None:
        record(session, None, "login_failed", "user", username[:64], client=client)
        session.commit()
        return render(request, "login.html", {"error": "用户名或密码错误", "next": safe_next(next)},
                      status_code=401)
    request.session.clear()
    request.session.update({"user_id": user.id, "csrf": secrets.token_urlsafe(32),
                            SESSION_VERSION: user.session_version})
    record(session, Actor(user.id, user.username, user.role, user.org_id, client), "login",
           "user", str(user.id))
    session.commit()
    if user.must_change_password:
        return RedirectResponse(f"/password?next={quote(safe_next(next), safe='/')}",
                                status_code=303)
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/logout", dependencies=[Depends(check_csrf)])
def logout(request: Request, session: Session = Depends(db)) -> Response:
    """Ends the user's sessions everywhere: a copied or replayed cookie stops working."""
    user_id = request.session.get("user_id")
    user = session.get(User, user_id) if user_id else None
    if user is not None:
        user.session_version += 1
        client = request.client.host if request.client else None
        record(session, Actor(user.id, user.username, user.role, user.org_id, client), "logout",
               "user", str(user.id))
        session.commit()
    request.session.clear()
    return RedirectResponse("/", status_code=303)


@router.get("/password")
def password_page(request: Request, next: str = "", viewer: Viewer = Depends(current_user),
                  session: Session = Depends(db)) -> Response:
    user = session.get(User, viewer.actor.user_id)
    return render(request, "password.html", {"viewer": viewer, "error": "",
                                             "forced": bool(user and user.must_change_password),
                                             "next": safe_next(next)})


@router.post("/password", dependencies=[Depends(check_csrf)])
def password_change(request: Request, current: str = Form(""), new: str = Form(""),
                    again: str = Form(""), next: str = Form(""),
                    viewer: Viewer = Depends(current_user),
                    session: Session = Depends(db)) -> Response:
    user = session.get(User, viewer.actor.user_id)
    try:
        if user is None:
            raise UserError("用户不存在")
        change_password(session, viewer.actor, user, current, new, again)
    except UserError as exc:
        session.rollback()
        return render(request, "password.html", {
            "viewer": viewer, "error": str(exc), "next": safe_next(next),
            "forced": bool(user and user.must_change_password)}, status_code=400)
    session.commit()
    request.session[SESSION_VERSION] = user.session_version  # this session goes on, others end
    flash(request, "密码已修改")
    return RedirectResponse(safe_next(next), status_code=303)
