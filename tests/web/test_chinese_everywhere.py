"""Chinese everywhere a user reads (issue 14 part 5): every page of the demo world — for each
role — every Excel export and every Word document, and the errors (as pages and as JSON), hold
no English word outside a short allow-list (``chinese.py``)."""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from chinese import docx_texts, english, page_text, pdf_text, xlsx_texts
from fastapi.testclient import TestClient
from helpers import csrf_of, login
from sqlalchemy import select

from zhongben.store.models import User
from zhongben.web.app import Settings, create_app

pytestmark = pytest.mark.slow
START = ("/leads", "/leads?assignee=me", "/leads?status=全部", "/cases", "/cases?owner=me",
         "/reminders", "/rules", "/dashboard", "/dashboard?by=court", "/dashboard?by=month",
         "/audit", "/users", "/notifications", "/password",
         "/search?q=（2024）浙0683执3382号 10万以上", "/search?q=张 嵊州法院", "/leads?q=张",
         "/leads?min_amount=十万", "/cases/abc", "/leads/none", "/nowhere", "/approvals",
         "/settings/documents", "/documents/abc", "/documents/999999")
LINK = re.compile(r'href="(/[^"#]*)"')
SKIP = ("/static/", "/logout", "/attachments/")
ROLES = ("fzr", "jcz", "zl", "fxy", "admin")


def _walk(client: TestClient, names: set[str]) -> tuple[dict[str, list[str]], int]:
    """Every page reachable from START; returns the English found per page, and how many
    pages and files were read."""
    seen, todo, found = set(), deque(START), {}
    while todo:
        url = todo.popleft()
        if url in seen or url.startswith(SKIP):
            continue
        seen.add(url)
        response = client.get(url)
        kind = response.headers.get("content-type", "")
        path = urlsplit(url).path
        texts = []
        if path.endswith((".xlsx", "/docx", "/pdf")) and "text/html" in kind:
            texts = [page_text(response.text)]  # the form asking the purpose, then the file
            response = client.get(url + ("&" if "?" in url else "?") + "purpose=核查")
            kind = response.headers.get("content-type", "")
        if path.endswith(".xlsx"):
            texts += [t for _, t in xlsx_texts(response.content)]
        elif path.endswith("/docx") and response.status_code == 200:
            texts += [t for _, t in docx_texts(response.content)]
        elif path.endswith("/pdf") and response.status_code == 200:
            texts += [pdf_text(response.content)]
        elif "text/html" in kind:
            texts = [page_text(response.text)]
            todo.extend(h.replace("&amp;", "&") for h in LINK.findall(response.text)
                        if urlsplit(h).path not in {urlsplit(s).path for s in seen}
                        or "?" in h)
        else:
            texts = [response.text]
        words = english(" ".join(texts), names)
        if words:
            found[url] = words
    return found, len(seen)


def _drafts(client: TestClient, token: str) -> None:
    """The department head drafts every kind on two cases and submits the recommendations:
    one waits for their own step (待我审批), the other, approved by them, for the 检察长's."""
    drafted = {}
    for case in ("/cases/1", "/cases/2"):
        for kind in ("notice", "recommendation", "investigation"):
            response = client.post(f"{case}/documents/{kind}", data={"csrf_token": token})
            drafted[case, kind] = urlsplit(str(response.url)).path
    for case, steps in (("/cases/1", ("submit",)), ("/cases/2", ("submit", "approve"))):
        document = drafted[case, "recommendation"]
        assert document.startswith("/documents/"), document
        for step in steps:
            assert client.post(f"{document}/{step}", data={"csrf_token": token}).status_code == 200
    assert client.get("/approvals").text.count('href="/documents/') >= 1


def test_every_page_and_export_of_the_demo_world_is_in_chinese(
        demo_workspace: Path, tmp_path: Path) -> None:
    from world import build_app_db

    db = str(tmp_path / "app.sqlite")
    sessions = build_app_db(demo_workspace, db)
    with sessions() as s:
        names = set(s.scalars(select(User.username))) | {"testclient"}  # the client's host
    app = create_app(Settings(db=db, workspace=str(demo_workspace), secret_key="t"))
    visitor = TestClient(app)
    assert not english(page_text(visitor.get("/").text), names)
    read, problems = 0, {}
    for role in ROLES:
        client = TestClient(app)
        token = login(client, role)
        if role == "fzr":  # drafts of every kind exist to be read, two waiting for approval
            _drafts(client, token)
        found, count = _walk(client, names)
        read += count
        problems.update({f"{role} {url}": words for url, words in found.items()})
    assert read > 150
    assert not problems, "\n".join(f"{url}: {' '.join(words)}" for url, words in problems.items())


def test_errors_in_json_are_in_chinese(demo_workspace: Path, tmp_path: Path) -> None:
    from world import build_app_db

    db = str(tmp_path / "app.sqlite")
    build_app_db(demo_workspace, db)
    client = TestClient(create_app(Settings(db=db, secret_key="t")))
    login(client, "jcg")
    json = {"Accept": "application/json"}
    token = csrf_of(client.get("/leads").text)
    for response in (client.get("/cases/abc", headers=json), client.get("/nowhere", headers=json),
                     client.post("/leads/assign", data={"csrf_token": token}, headers=json),
                     client.post("/leads/assign", data={"assignee": "1"}, headers=json),
                     client.get("/users", headers=json)):
        detail = response.json()["detail"]
        assert response.status_code >= 400 and isinstance(detail, str), detail
        assert not english(detail), detail
