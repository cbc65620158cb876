"""Assembling the web application: middleware (sessions, security headers), static assets, and
one router per page module."""

from __future__ import annotations

import importlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import DataError
from starlette.datastructures import MutableHeaders
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from zhongben.store.db import open_database
from zhongben.web.auth import login_url
from zhongben.web.debtor_ref import ref_key
from zhongben.web.deps import LoginRequired, PasswordChangeRequired, is_htmx
from zhongben.web.errors import answer, install_error_handlers
from zhongben.web.exports import PurposeNeeded, ask_purpose

PAGES = ("auth", "inbox", "lead", "flows", "profile", "debtor", "cases", "documents", "rules_page",
         "dashboard", "reminders", "audit_page", "reveal", "search", "collab", "notifications",
         "users_page",
         "approvals", "entities", "models_page", "builder_page")
STATIC = Path(__file__).parent / "static"
SESSION_HOURS = 8


@dataclass(frozen=True)
class Settings:
    db: str
    workspace: str | None = None
    secret_key: str = ""
    secure_cookies: bool = False


def create_app(settings: Settings) -> FastAPI:
    app = FastAPI(title="终本案件检察监督平台", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.sessions = open_database(settings.db)
    app.state.settings = settings
    secret = settings.secret_key or os.environ.get("ZHONGBEN_SECRET_KEY") or secrets.token_hex(32)
    app.state.ref_key = ref_key(secret)
    app.add_middleware(SessionMiddleware, secret_key=secret, session_cookie="zhongben_session",
                       max_age=SESSION_HOURS * 3600, same_site="strict",
                       https_only=settings.secure_cookies)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for name in PAGES:
        app.include_router(importlib.import_module(f"zhongben.web.{name}").router)
    app.add_exception_handler(LoginRequired, _to_login)
    app.add_exception_handler(PasswordChangeRequired, _to_password)
    app.add_exception_handler(PurposeNeeded, ask_purpose)
    install_error_handlers(app)
    _load_local_rules(settings.workspace)
    for error in (OverflowError, DataError):  # an id or number no column can hold
        app.add_exception_handler(error, _out_of_range)
    return app


def _load_local_rules(workspace: str | None) -> None:
    """The workspace's local rules loaded once, so lead pages label their leads in Chinese
    (``leads.output.labels``); a local library that does not load leaves only the built-in."""
    if not workspace:
        return
    from zhongben.rules.local import library_of

    try:
        library_of(workspace)
    except Exception:  # the rules page shows the catalogue without them
        return


SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"),
}


class SecurityHeaders:
    """The security headers on every HTTP response. Plain ASGI rather than ``@app.middleware``
    (Starlette's BaseHTTPMiddleware), which runs each request in an extra task and streams the
    body through a memory channel: under load that was a large share of the event loop's time."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, with_headers)


def _here(request: Request) -> str:
    """The page the visitor asked for (the page an htmx request came from)."""
    if request.headers.get("hx-request") == "true":
        current = request.headers.get("hx-current-url", "")
        return "/" + current.split("://", 1)[-1].split("/", 1)[-1] if current else "/"
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


async def _to_login(request: Request, exc: Exception) -> Response:
    target = login_url(_here(request)) if request.method == "GET" or is_htmx(request) else "/"
    if is_htmx(request):
        return Response(status_code=401, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


async def _to_password(request: Request, exc: Exception) -> Response:
    target = f"/password?next={quote(_here(request), safe='/')}"
    if is_htmx(request):
        return Response(status_code=401, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


async def _out_of_range(request: Request, exc: Exception) -> Response:
    return answer(request, 400, "请求中的编号或数值超出范围")
