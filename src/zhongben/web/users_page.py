"""User management (管理员): the users of the administrator's procuratorate and the offices
below it; create, disable/enable, role and procuratorate, password reset (changed at the next
sign-in). Other roles get 403, and the server refuses every change they send."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from zhongben.store.models import Org, User
from zhongben.store.security import ADMIN_ROLES, ROLES
from zhongben.store.users_admin import UserError, create, managed, reset_password, update
from zhongben.web.deps import Viewer, check_csrf, current_user, db, flash, render

router = APIRouter()


def _admin(viewer: Viewer) -> None:
    if viewer.actor.role not in ADMIN_ROLES:
        raise HTTPException(status_code=403, detail="仅管理员可以管理用户")


def _orgs(session: Session, viewer: Viewer) -> list[Org]:
    return [o for o in (session.get(Org, i) for i in sorted(viewer.org_ids)) if o is not None]


def _page(request: Request, viewer: Viewer, session: Session, error: str = "",
          status: int = 200) -> Response:
    orgs = _orgs(session, viewer)
    return render(request, "users.html", {
        "viewer": viewer, "users": managed(session, viewer.org_ids), "roles": ROLES,
        "orgs": orgs, "org_names": {o.id: o.name for o in orgs}, "error": error},
        status_code=status)


@router.get("/users")
def users(request: Request, viewer: Viewer = Depends(current_user),
          session: Session = Depends(db)) -> Response:
    _admin(viewer)
    return _page(request, viewer, session)


@router.post("/users", dependencies=[Depends(check_csrf)])
def create_user(request: Request, username: str = Form(""), display_name: str = Form(""),
                role: str = Form(""), org_id: int = Form(...), password: str = Form(""),
                viewer: Viewer = Depends(current_user),
                session: Session = Depends(db)) -> Response:
    _admin(viewer)
    try:
        user = create(session, viewer.actor, viewer.org_ids, username, display_name, role,
                      org_id, password)
    except UserError as exc:
        session.rollback()
        return _page(request, viewer, session, str(exc), 400)
    session.commit()
    flash(request, f"已创建用户 {user.username}（{user.display_name}，{user.role}），"
                   "首次登录须修改密码")
    return RedirectResponse("/users", status_code=303)


def _user(session: Session, viewer: Viewer, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None or user.org_id not in viewer.org_ids:
        raise HTTPException(status_code=404)
    return user


@router.post("/users/{user_id}", dependencies=[Depends(check_csrf)])
def update_user(request: Request, user_id: int, role: str = Form(""), org_id: int = Form(...),
                active: str = Form(""), display_name: str = Form(""),
                viewer: Viewer = Depends(current_user),
                session: Session = Depends(db)) -> Response:
    _admin(viewer)
    user = _user(session, viewer, user_id)
    try:
        changes = update(session, viewer.actor, viewer.org_ids, user, role, org_id,
                         active == "1", display_name)
    except UserError as exc:
        session.rollback()
        return _page(request, viewer, session, str(exc), 400)
    session.commit()
    flash(request, f"{user.username}：{'；'.join(changes) if changes else '没有改动'}")
    return RedirectResponse("/users", status_code=303)


@router.post("/users/{user_id}/password", dependencies=[Depends(check_csrf)])
def reset(request: Request, user_id: int, password: str = Form(""),
          viewer: Viewer = Depends(current_user), session: Session = Depends(db)) -> Response:
    _admin(viewer)
    user = _user(session, viewer, user_id)
    try:
        reset_password(session, viewer.actor, user, password)
    except UserError as exc:
        session.rollback()
        return _page(request, viewer, session, str(exc), 400)
    session.commit()
    flash(request, f"已重置 {user.username} 的密码，该用户下次登录须修改密码")
    return RedirectResponse("/users", status_code=303)
