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

from zhongben.store.accounts import visible_org_ids
from zhongben.store.audit import Actor
from zhongben.store.leads import SEVERITY_NAMES
from zhongben.store.models import User
from zhongben.store.security import UNMASKED_ROLES, mask_id, mask_phone, may_reveal
from zhongben.workflow.machine import EVENT_LABELS, STATE_NAMES

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.filters["severity"] = lambda v: SEVERITY_NAMES.get(v, v or "")
TEMPLATES.env.filters["state"] = lambda v: STATE_NAMES.get(v, v or "")
TEMPLATES.env.filters["event"] = lambda v: EVENT_LABELS.get(v, v or "")
TEMPLATES.env.filters["money"] = lambda v: "" if v is None else f"{float(v):,.2f}"
TEMPLATES.env.filters["basis_status"] = lambda v: {"V": "已核实", "S": "待复核",
                                                   "U": "待核实"}.get(v, v or "")


def _column_names() -> dict[str, str]:
    from zhongben.contracts import TABLES

    names = {c.name: c.zh for t in TABLES.values() for c in t.columns}
    names.update({"month": "月份", "inflow": "流入（元）", "outflow": "流出（元）", "n": "笔数",
                  "id_no": "证件号码", "company_uscc": "企业统一社会信用代码"})
    return names


COLUMN_NAMES = _column_names()


def column_zh(name: str, table: str | None = None) -> str:
    """The Chinese name of a column, of ``table`` when given (names repeat across tables)."""
    from zhongben.contracts import TABLES

    spec = TABLES.get(table or "")
    for col in spec.columns if spec else ():
        if col.name == name:
            return col.zh
    return COLUMN_NAMES.get(name, name)


TEMPLATES.env.filters["zh"] = column_zh


ID_IN_TEXT = re.compile(r"(?<![0-9A-Z])[0-9]{17}[0-9Xx](?![0-9A-Z])|"
                        r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])")


class LoginRequired(Exception):
    """Raised by ``current_user``; the app answers it with a redirect to the login page."""


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


def current_user(request: Request, session: Session = Depends(db)) -> Viewer:
    user_id = request.session.get("user_id")
    user = session.get(User, user_id) if user_id else None
    if user is None or not user.active:
        raise LoginRequired()
    client = request.client.host if request.client else None
    actor = Actor(user.id, user.username, user.role, user.org_id, client)
    return Viewer(actor, user.display_name, visible_org_ids(session, user.org_id),
                  frozenset(active_grants(request)) if may_reveal(user.role) else frozenset())


REVEAL_KEY = "reveal"


def active_grants(request: Request) -> dict[str, float]:
    """The signed-in user's reveals still running (object key → expiry, epoch seconds)."""
    now = time.time()
    grants = request.session.get(REVEAL_KEY) or {}
    return {k: v for k, v in grants.items() if isinstance(v, int | float) and v > now}


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
        raise HTTPException(status_code=403, detail="CSRF 校验失败，请刷新页面后重试")


def render(request: Request, name: str, context: dict[str, Any],
           status_code: int = 200) -> HTMLResponse:
    context = {"request": request, "csrf": csrf_token(request), "today": date.today(),
               **context}
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status_code)


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"
