"""IDOR, route by route: every route whose path names an object (a lead, case, document,
attachment, user, comment target) is requested by users of another county with the ids of one
county's objects — guessed ids, as an attacker would. Every answer must be 403 or 404 and nothing
may change. Routes are enumerated from the app's router: a new route with a path parameter this
file does not know fails the test until it is added here."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from helpers import login
from sqlalchemy import select
from test_attack_routes import _routes

from zhongben.store.accounts import add_user
from zhongben.store.collab_models import Attachment
from zhongben.store.demo import DEMO_PASSWORD
from zhongben.store.models import AuditEntry, Document, Matter, Org, User

# form fields a route may ask for, filled so that a refusal is the jurisdiction check's, not
# the form validation's (a 422 fails the test)
FORM = {"reason": "x", "until": "2030-01-01", "target": "1", "mode": "移送", "event": "accept",
        "body": "越权评论", "text": "越权", "tag": "越权", "remove": "", "role": "检察官",
        "password": "Xq7!越权改密码2026", "decision": "same", "note": "x", "content": "x",
        "keys": "", "assignee": "1", "title": "x", "back": "/", "disabled": "", "name": "x",
        "display_name": "x", "paragraphs": "x", "comment": "x", "summary": "x", "version": "1",
        "on": "2026-01-05", "signed_on": "2026-01-05", "org_id": "1", "amount": "", "result": "",
        "confirm": "", "outcomes": ""}
# Entity review pairs are pairs of mentions in the shared workspace, not objects of one county:
# who may decide them is a role check (tests/web/test_entity_review.py).
NOT_COUNTY_OWNED = {"/entities/review/{pair_key}"}


def _objects(web_app: FastAPI, owner: TestClient, token: str) -> dict[str, str]:
    inbox = owner.get("/leads").text
    lead = re.search(r'href="/leads/([^"/?]+)"', inbox)
    debtor = re.search(r'href="/debtors/([^"/?]+)"', inbox)  # a debtor page's opaque address
    assert lead and debtor
    key = lead.group(1)
    case = owner.post(f"/leads/{key}/open-case", data={"csrf_token": token}).url.path
    matter_id = case.rsplit("/", 1)[1]
    owner.post(f"{case}/documents/recommendation", data={"csrf_token": token})
    owner.post(f"{case}/attachments", data={"csrf_token": token},
               files={"file": ("笔录.txt", "调查笔录".encode(), "text/plain")})
    with web_app.state.sessions() as s:
        doc = s.scalar(select(Document.id).where(Document.matter_id == int(matter_id)))
        attachment = s.scalar(select(Attachment.id).where(Attachment.object_id == matter_id))
        user = s.scalar(select(User.id).where(User.username == "zl"))
    assert doc and attachment and user
    return {"key": key, "matter_id": matter_id, "document_id": str(doc),
            "attachment_id": str(attachment), "user_id": str(user), "kind": "", "oid": "",
            "ref": debtor.group(1), "_lead": key}


def _urls(route: APIRoute, ids: dict[str, str]) -> list[str]:
    names = re.findall(r"{(\w+)}", route.path)
    unknown = [n for n in names if n not in ids]
    assert not unknown, f"{route.path}: add the object behind {unknown} to this test"
    if "kind" in names and "oid" in names:
        return [route.path.replace("{kind}/{oid}", f"{kind}/{oid}").format(**ids)
                for kind, oid in (("leads", ids["_lead"]), ("cases", ids["matter_id"]))]
    if "kind" in names:  # /cases/{matter_id}/documents/{kind}
        return [route.path.format(**{**ids, "kind": kind})
                for kind in ("recommendation", "notice", "report")]
    return [route.path.format(**ids)]


def _form(route: APIRoute) -> tuple[dict[str, str], dict[str, Any]]:
    fields = [p.name for p in route.dependant.body_params]
    files = {n: ("x.docx", b"PK\x03\x04", "application/octet-stream") for n in fields
             if n == "file"}
    return {n: FORM.get(n, "x") for n in fields if n != "file"}, files


def _attack(client: TestClient, token: str, routes: list[APIRoute],
            ids: dict[str, str]) -> list[str]:
    wrong = []
    for route in routes:
        for url in _urls(route, ids):
            for method in sorted((route.methods or set()) & {"GET", "POST"}):
                if method == "GET":
                    answer = client.get(url, follow_redirects=False)
                else:
                    data, files = _form(route)
                    answer = client.post(url, data={**data, "csrf_token": token},
                                         files=files or None, follow_redirects=False)
                if answer.status_code not in (403, 404):
                    wrong.append(f"{method} {url} → {answer.status_code}")
    return wrong


@pytest.mark.slow  # > 1 s on an idle machine (CI durations, 2026-12-04)
def test_no_object_of_one_county_is_reachable_from_another(web_app: FastAPI) -> None:
    owner = TestClient(web_app)
    ids = _objects(web_app, owner, login(owner, "jcg"))
    with web_app.state.sessions.begin() as s:
        other_county = s.scalar(select(User.org_id).where(User.username == "jcg2"))
        add_user(s, "gly2", DEMO_PASSWORD, "管理员", s.get(Org, other_county))
    routes = [r for r in _routes(web_app.routes)
              if "{" in r.path and r.path not in NOT_COUNTY_OWNED]
    assert len(routes) >= 25
    with web_app.state.sessions() as s:
        before = s.scalar(select(Matter.state).where(Matter.id == int(ids["matter_id"])))
        audit_before = s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
    for username in ("jcg2", "gly2"):
        attacker = TestClient(web_app)
        wrong = _attack(attacker, login(attacker, username), routes, ids)
        assert wrong == [], (username, wrong)
    with web_app.state.sessions() as s:
        assert s.scalar(select(Matter.state).where(Matter.id == int(ids["matter_id"]))) == before
        done = s.scalars(select(AuditEntry.action).where(AuditEntry.id > (audit_before or 0),
                                                         AuditEntry.username.in_(
                                                             ["jcg2", "gly2"]))).all()
    assert set(done) <= {"login", "view_list"}, set(done)  # the inbox after signing in
