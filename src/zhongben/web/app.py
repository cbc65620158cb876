"""Assembling the web application: middleware (sessions, security headers), static assets, and
one router per page module."""

from __future__ import annotations

import importlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from zhongben.store.db import open_database
from zhongben.web.deps import LoginRequired, render
from zhongben.web.exports import PurposeNeeded, ask_purpose

PAGES = ("auth", "inbox", "lead", "flows", "cases", "documents", "rules_page", "dashboard",
         "reminders", "audit_page", "reveal", "approvals", "entities")
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
    app.add_middleware(SessionMiddleware, secret_key=secret, session_cookie="zhongben_session",
                       max_age=SESSION_HOURS * 3600, same_site="strict",
                       https_only=settings.secure_cookies)
    app.middleware("http")(_security_headers)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for name in PAGES:
        app.include_router(importlib.import_module(f"zhongben.web.{name}").router)
    app.add_exception_handler(LoginRequired, _to_login)
    app.add_exception_handler(PurposeNeeded, ask_purpose)
    for error in (OverflowError, DataError):  # an id or number no column can hold
        app.add_exception_handler(error, _out_of_range)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    return app


async def _security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
    response: Response = await call_next(request)
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "script-src 'self'")
    return response


async def _to_login(request: Request, exc: Exception) -> Response:
    if request.headers.get("hx-request") == "true":
        return Response(status_code=401, headers={"HX-Redirect": "/"})
    return RedirectResponse("/", status_code=303)


async def _out_of_range(request: Request, exc: Exception) -> Response:
    response: HTMLResponse = render(request, "error.html", {
        "status": 400, "message": "请求中的编号或数值超出范围"}, status_code=400)
    return response


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    messages = {403: "没有权限", 404: "未找到（或不在本院管辖范围内）"}
    detail = exc.detail if isinstance(exc.detail, str) and exc.status_code != 404 else ""
    response: HTMLResponse = render(request, "error.html", {
        "status": exc.status_code, "message": detail or messages.get(exc.status_code, "出错了")},
        status_code=exc.status_code)
    return response
