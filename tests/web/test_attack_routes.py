"""Attacks on every route, enumerated from the app's router so a new route is covered without
editing this file: state changes without the CSRF token, system messages injected through the
query string, framing, and pages seen without leaving a trace in the audit log."""

from __future__ import annotations

import inspect
import re
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from helpers import login
from sqlalchemy import select

from zhongben.store.models import AuditEntry
from zhongben.web.deps import check_csrf

# Sign-in itself is CSRF-checked too (login CSRF); nothing that changes state is exempt.
MESSAGE_PARAMS = {"error", "message", "msg", "notice", "flash", "info"}
PLANTED = "系统通知：您的账号存在异常，请拨打4000000000核实"


def _routes(routes: list[Any]) -> list[APIRoute]:
    """Every API route, also inside included routers (FastAPI keeps those as wrappers)."""
    found: list[APIRoute] = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif hasattr(route, "original_router"):  # an included router (no prefix here)
            found += _routes(route.original_router.routes)
    return found


def _posts(app: FastAPI) -> list[APIRoute]:
    return [r for r in _routes(app.routes) if r.methods & {"POST", "PUT", "PATCH", "DELETE"}]


def _calls(dependant: object) -> set[object]:
    found = {getattr(dependant, "call", None)}
    for sub in getattr(dependant, "dependencies", []):
        found |= _calls(sub)
    return found


def test_every_state_changing_route_checks_the_csrf_token(web_app: FastAPI) -> None:
    unchecked = [r.path for r in _posts(web_app) if check_csrf not in _calls(r.dependant)]
    assert len(_posts(web_app)) > 20 and unchecked == []


def test_a_post_without_the_token_is_refused_on_every_route(web_app: FastAPI) -> None:
    client = TestClient(web_app)
    login(client, "jcg")
    for route in _posts(web_app):
        path = route.path
        for name in route.param_convertors:
            path = path.replace("{" + name + "}", "1")
        answer = client.post(path, data={"csrf_token": "forged"}, follow_redirects=False)
        assert answer.status_code == 403, (route.path, answer.status_code)
        assert "表单校验失败" in answer.text


def test_no_page_takes_its_message_from_the_query_string(web_app: FastAPI) -> None:
    offenders = [
        f"{r.path}: {name}" for r in _routes(web_app.routes)
        for name in inspect.signature(r.endpoint).parameters if name in MESSAGE_PARAMS]
    assert offenders == []
    client = TestClient(web_app)
    login(client, "jcz")
    page = client.get("/settings/documents", params={"error": PLANTED})
    assert page.status_code == 200 and PLANTED not in page.text


def test_pages_may_not_be_framed_and_scripts_come_from_the_site_only(web_app: FastAPI) -> None:
    policy = TestClient(web_app).get("/").headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";")[0]


def test_the_audit_log_and_the_reminders_are_audited_when_viewed(web_app: FastAPI) -> None:
    client = TestClient(web_app)
    login(client, "fzr")
    assert client.get("/audit").status_code == 200
    assert client.get("/reminders").status_code == 200
    with web_app.state.sessions() as s:
        seen = set(s.scalars(select(AuditEntry.object_type).where(
            AuditEntry.action == "view_list", AuditEntry.username == "fzr")))
    assert {"audit", "reminders"} <= seen


def _open_case(web_app: FastAPI) -> int:
    from datetime import date

    from zhongben.store.models import Lead
    from zhongben.store.testing import actor_of
    from zhongben.workflow.service import open_matter

    with web_app.state.sessions.begin() as s:
        jcg = actor_of(s, "jcg")
        lead = s.scalars(select(Lead).where(Lead.org_id == jcg.org_id)).first()
        assert lead is not None
        return open_matter(s, jcg, [lead], lead.as_of or date.today()).id


def test_roles_are_checked_on_the_server_whatever_the_page_shows(web_app: FastAPI) -> None:
    from sqlalchemy import func

    from zhongben.store.models import Document, Matter

    matter_id = _open_case(web_app)
    for username in ("fxy", "admin", "zl"):  # an assistant may draft, never decide
        client = TestClient(web_app)
        token = login(client, username)
        answers = [client.post(f"/cases/{matter_id}/event", data={"csrf_token": token,
                                                                   "event": "accept"})]
        if username != "zl":
            answers.append(client.post(f"/cases/{matter_id}/documents/检察建议书",
                                       data={"csrf_token": token}))
        for answer in answers:
            said = re.search(r'class="error"[^>]*>([^<]*)<', answer.text)
            assert answer.status_code == 404 or (said and re.search("无权|不能", said.group(1))), \
                (username, answer.status_code)
    with web_app.state.sessions() as s:
        assert s.get(Matter, matter_id).state == "reviewing"  # type: ignore[union-attr]
        assert s.scalar(select(func.count(Document.id))) == 0


def test_every_kind_of_response_carries_the_security_headers(web_app: FastAPI) -> None:
    client = TestClient(web_app)
    paths = ("/", "/static/app.css", "/leads", "/no-such-page")
    answers = [client.get(path, follow_redirects=False) for path in paths]
    login(client, "jcg")
    answers += [client.get(path) for path in ("/leads", "/cases/999999", "/leads?page=x")]
    assert [a.status_code for a in answers] == [200, 200, 303, 404, 200, 404, 400]
    for answer in answers:
        assert answer.headers["x-frame-options"] == "DENY"
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["referrer-policy"] == "same-origin"
        assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
        assert len(answer.headers.get_list("content-security-policy")) == 1
