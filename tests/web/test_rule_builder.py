"""The no-code rule builder over HTTP: a 模型管理员 builds, previews (IDs masked), marks and saves
a rule into the workspace's local library; a 错 lead that still hits refuses the save until the
conditions exclude it; bad or forged values are refused in Chinese; other roles get 403."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from chinese import english, page_text
from fastapi.testclient import TestClient
from helpers import csrf_of, login
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from tests.rules.builder_world import AS_OF, COURT, DA, DC, A, C
from tests.web.builder_setup import BUILDER_USER, builder_workspace

from zhongben.rules.loader import load_library
from zhongben.rules.testing import run_tests
from zhongben.store.models import AuditEntry
from zhongben.web.app import Settings, create_app

MARK = re.compile(r'name="(mark-\d+)" value="(right\|[^"]+)"')


@pytest.fixture
def client(seeded: sessionmaker[Session], app_db: str, tmp_path: Path) -> TestClient:
    workspace = builder_workspace(tmp_path)
    return TestClient(create_app(Settings(db=app_db, workspace=str(workspace),
                                          secret_key="t")))


def form(token: str, mode: str = "任意", **extra: Any) -> dict[str, Any]:
    return {"csrf_token": token, "name": "终本后出行", "family": "D", "severity": "medium",
            "courts": [COURT], "as_of": AS_OF.isoformat(), "cond-0-kind": "travel_in_window",
            "cond-0-mode": mode, "cond-0-days": "200", **extra}


def marks(html: str) -> dict[str, str]:
    """case no → the 对 value of its row's radio."""
    return {value.split("|")[1]: value for _, value in MARK.findall(html)}


def test_build_preview_mark_save(client: TestClient, tmp_path: Path,
                                 seeded: sessionmaker[Session]) -> None:
    token = login(client, BUILDER_USER)
    assert 'id="open-builder"' in client.get("/rules").text
    page = client.get("/rules/builder")
    assert page.status_code == 200 and not english(page_text(page.text))
    added = client.post("/rules/builder", data={"csrf_token": token, "name": "x", "op": "add",
                                                "new_kind": "payment_over"})
    assert 'name="cond-0-amount" value="50000"' in added.text
    shown = client.post("/rules/builder", data={**form(token), "op": "preview"})
    assert shown.status_code == 200, page_text(shown.text)
    assert '<span id="hit-count">2</span>' in shown.text
    assert DA not in shown.text and DC not in shown.text  # masked for this role
    assert not english(page_text(shown.text)), english(page_text(shown.text))
    rows = marks(shown.text)
    wrong = rows[A].replace("right|", "wrong|", 1)
    refused = client.post("/rules/builder", data={**form(token), "op": "save",
                                                  "mark-0": wrong, "mark-1": rows[C]})
    assert refused.status_code == 400 and "多出线索" in refused.text
    assert DA not in refused.text  # the failure names the lead masked
    narrower = client.post("/rules/builder", data={**form(token, "航班"), "op": "preview",
                                                   "mark-0": wrong, "mark-1": rows[C]})
    assert '<span id="hit-count">1</span>' in narrower.text
    assert f'value="{wrong}"' in narrower.text  # the 错 mark is carried as a hidden field
    saved = client.post("/rules/builder", data={**form(token, "航班"), "op": "save",
                                                "mark-k0": wrong, "mark-0": rows[C]})
    assert saved.status_code == 200, page_text(saved.text)
    assert '<span id="saved-id">ZD-01</span>' in saved.text
    local = tmp_path / "县院.models"
    rule = load_library(local)["ZD-01"]
    assert rule.path == local / "after_termination" / "ZD-01.sql"
    outcomes = run_tests(rule)
    assert [o.case.kind for o in outcomes] == ["negative", "positive", "near_miss"]
    assert all(o.passed for o in outcomes)
    again = client.post("/rules/builder", data={**form(token, "航班"), "op": "save",
                                                "mark-0": rows[C]})
    assert '<span id="saved-id">ZD-02</span>' in again.text  # a new id, never overwritten
    with seeded() as session:
        actions = list(session.scalars(select(AuditEntry.action)
                                       .where(AuditEntry.username == BUILDER_USER)))
    assert actions.count("rule.build") == 2 and "rule.preview" in actions


@pytest.mark.parametrize(("fields", "message"), [
    ({"cond-0-days": "0"}, "条件1·天数：须不小于 1"),
    ({"cond-0-mode": "航班' OR 1=1 --"}, "出行方式不在可选范围内"),
    ({"courts": ["某某法院"]}, "法院「某某法院」不在工作库的案件中"),
    ({"basis": "随便写的依据"}, "法律依据不在可选范围内"),
    ({"cond-0-kind": "sql"}, "条件1：类型不在可选范围内"),
    ({"name": ""}, "规则名称须为 1–40 个字"),
])
def test_bad_values_refused_in_chinese(client: TestClient, fields: dict[str, Any],
                                       message: str, tmp_path: Path) -> None:
    token = login(client, BUILDER_USER)
    answer = client.post("/rules/builder", data={**form(token), "op": "preview", **fields})
    assert answer.status_code == 400 and message in answer.text, page_text(answer.text)
    assert not (tmp_path / "县院.models").exists()


def test_other_roles_are_refused(client: TestClient) -> None:
    for username in ("jcg", "admin", "fxy"):
        client.cookies.clear()
        token = login(client, username)
        assert 'id="open-builder"' not in client.get("/rules").text
        page = client.get("/rules/builder")
        assert page.status_code == 403 and "仅模型管理员" in page.text
        post = client.post("/rules/builder", data={**form(token), "op": "preview"})
        assert post.status_code == 403
    client.cookies.clear()
    page = client.get("/rules/builder")
    token = csrf_of(client.get("/").text)
    assert client.post("/rules/builder", data={**form(token), "op": "save"},
                       follow_redirects=False).status_code == 303  # to the login page
