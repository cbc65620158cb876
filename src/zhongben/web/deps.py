"""What every page needs: the database session, the signed-in user (with jurisdiction), CSRF
checking and template rendering."""

from __future__ import annotations

import hmac
import re
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session, sessionmaker

from zhongben.leads.output.labels import field_zh
from zhongben.store.accounts import visible_org_ids
from zhongben.store.audit import Actor
from zhongben.store.leads import SEVERITY_NAMES
from zhongben.store.models import User
from zhongben.store.mywork import deadline_notice_due, my_work, notify_deadlines
from zhongben.store.security import UNMASKED_ROLES, mask_id, mask_phone, may_reveal
from zhongben.web.debtor_ref import debtor_href
from zhongben.web.formats import install as install_formats
from zhongben.workflow.approvals import STEP_ROLES, pending_approval_count
from zhongben.workflow.machine import EVENT_LABELS, STATE_NAMES
from zhongben.workflow.reminders import reminders

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.filters["severity"] = lambda v: SEVERITY_NAMES.get(v, v or "")
TEMPLATES.env.filters["state"] = lambda v: STATE_NAMES.get(v, v or "")
TEMPLATES.env.filters["event"] = lambda v: EVENT_LABELS.get(v, v or "")
TEMPLATES.env.filters["basis_status"] = lambda v: {"V": "已核实", "S": "待复核",
                                                   "U": "待核实"}.get(v, v or "")


column_zh = field_zh
TEMPLATES.env.filters["zh"] = field_zh
install_formats(TEMPLATES.env)


ID_IN_TEXT = re.compile(r"(?<![0-9A-Z])[0-9]{17}[0-9Xx](?![0-9A-Z])|"
                        r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])")


class LoginRequired(Exception):
    """Raised by ``current_user``; the app answers it with a redirect to the login page."""


class PasswordChangeRequired(Exception):
    """Raised by ``current_user`` for a user whose password a 管理员 reset: every page but the
    password page (and signing out) sends them there first."""


PASSWORD_FREE = ("/password", "/logout")


@dataclass(frozen=True)
class Viewer:
    """The signed-in user as a page sees them."""

    actor: Actor
    display_name: str
    org_ids: list[int]
    grants: frozenset[str] = frozenset()  # "lead:<key>" / "matter:<id>" revealed (web/reveal.py)
    revealed: bool = False

    @property
    def unmasked(self) -> bool:
        return self.actor.role in UNMASKED_ROLES or self.revealed

    @property
    def may_reveal(self) -> bool:
        return not self.unmasked and may_reveal(self.actor.role)

    def for_object(self, kind: str, object_id: object) -> Viewer:
        """This viewer on one lead's or case's page: unmasked there while a reveal runs."""
        return replace(self, revealed=f"{kind}:{object_id}" in self.grants)

    def id_no(self, value: str | None) -> str | None:
        return value if self.unmasked else mask_id(value)

    def phone(self, value: str | None) -> str | None:
        return value if self.unmasked else mask_phone(value)

    def text(self, value: str | None) -> str:
        """Free text (an explanation) with ID numbers masked for roles that may not see them."""
        if self.unmasked or not value:
            return value or ""
        return ID_IN_TEXT.sub(lambda m: mask_id(m.group(0)) or "", value)


def db(request: Request) -> Iterator[Session]:
    sessions: sessionmaker[Session] = request.app.state.sessions
    with sessions() as session:
        yield session


SESSION_VERSION = "sv"


def session_current(request: Request, user: User) -> bool:
    """False for a cookie issued before the user's last logout, password change or reset."""
    return bool(request.session.get(SESSION_VERSION, 0) == user.session_version)


def current_user(request: Request, session: Session = Depends(db)) -> Viewer:
    user_id = request.session.get("user_id")
    user = session.get(User, user_id) if user_id else None
    if user is None or not user.active or not session_current(request, user):
        if user_id:  # a stale sign-in; a visitor's session (its CSRF token) is left alone
            request.session.clear()
        raise LoginRequired()
    if user.must_change_password and request.url.path not in PASSWORD_FREE:
        raise PasswordChangeRequired()
    client = request.client.host if request.client else None
    actor = Actor(user.id, user.username, user.role, user.org_id, client)
    grants = frozenset(active_grants(request)) if may_reveal(user.role) else frozenset()
    viewer = Viewer(actor, user.display_name, visible_org_ids(session, user.org_id), grants)
    if deadline_notice_due(session, actor):
        notify_deadlines(session, actor, reminders(session, actor, viewer.org_ids, date.today()))
    return viewer


REVEAL_KEY = "reveal"


def active_grants(request: Request) -> dict[str, float]:
    """The signed-in user's reveals still running (object key → expiry, epoch seconds)."""
    now = time.time()
    grants = request.session.get(REVEAL_KEY) or {}
    return {k: v for k, v in grants.items() if isinstance(v, int | float) and v > now}


def viewer_or_none(request: Request) -> Viewer | None:
    """The signed-in user, or None (an error page shows the navigation when there is one)."""
    with request.app.state.sessions() as session:
        try:
            return current_user(request, session)
        except (LoginRequired, PasswordChangeRequired):
            return None


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return str(token)


async def check_csrf(request: Request) -> None:
    """Every POST carries the session's token, as a form field or the X-CSRF-Token header."""
    expected = request.session.get("csrf", "")
    sent = request.headers.get("x-csrf-token")
    if sent is None:
        form = await request.form()
        sent = str(form.get("csrf_token", ""))
    if not expected or not hmac.compare_digest(str(expected), sent):
        raise HTTPException(status_code=403, detail="页面已过期（表单校验失败），请刷新页面后重试")


def render(request: Request, name: str, context: dict[str, Any],
           status_code: int = 200) -> HTMLResponse:
    context = {"request": request, "csrf": csrf_token(request), "today": date.today(),
               "flash": request.session.pop("flash", None),
               "debtor_href": lambda entity: debtor_href(request, entity), **context}
    viewer = context.get("viewer")
    if isinstance(viewer, Viewer) and "nav" not in context and not name.startswith("_"):
        with request.app.state.sessions() as session:
            running = reminders(session, viewer.actor, viewer.org_ids, date.today())
            context["nav"] = my_work(session, viewer.actor, running, _approvals(session, viewer))
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status_code)


def _approvals(session: Session, viewer: Viewer) -> int | None:
    """待我审批 in the navigation: for the roles an approval step waits for, else no link."""
    if viewer.actor.role not in set(STEP_ROLES.values()):
        return None
    return pending_approval_count(session, viewer.actor.user_id)


def flash(request: Request, message: str) -> None:
    """A message shown once, on the next page (what a bulk action did)."""
    request.session["flash"] = message


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"
