"""The web app over HTTP (no browser): sign-in, CSRF, jurisdiction, masking, audit, exports."""

import io
import json
import re

import openpyxl
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from helpers import csrf_of, login
from sqlalchemy import select

from zhongben.store.models import AuditEntry, Lead, Org

LEAD_LINK = re.compile(r'href="/leads/([0-9a-f]{40})"')


def first_lead(client: TestClient) -> str:
    found = LEAD_LINK.search(client.get("/leads").text)
    assert found
    return found.group(1)


def test_visitors_get_the_login_page_and_nothing_else(web_app: FastAPI) -> None:
    client = TestClient(web_app)
    assert "登录" in client.get("/").text
    response = client.get("/leads", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/"
    token = csrf_of(client.get("/").text)
    bad = client.post("/login", data={"username": "jcg", "password": "x", "csrf_token": token})
    assert bad.status_code == 401 and "用户名或密码错误" in bad.text


def test_session_cookie_is_httponly_and_strict(web_app: FastAPI) -> None:
    client = TestClient(web_app)
    cookie = client.get("/").headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


def test_posts_without_the_csrf_token_are_refused(web_app: FastAPI) -> None:
    client = TestClient(web_app)
    login(client, "jcg")
    key = first_lead(client)
    assert client.post(f"/leads/{key}/open-case", data={}).status_code == 403
    assert client.post(f"/leads/{key}/open-case", data={"csrf_token": "x"}).status_code == 403


def test_a_county_cannot_reach_another_countys_lead_by_any_url(web_app: FastAPI) -> None:
    owner, other = TestClient(web_app), TestClient(web_app)
    token = login(owner, "jcg")
    key = first_lead(owner)
    case_url = owner.post(f"/leads/{key}/open-case", data={"csrf_token": token}).url.path
    doc = owner.post(f"{case_url}/documents/recommendation", data={"csrf_token": token})
    doc_url = doc.url.path
    assert re.fullmatch(r"/documents/\d+", doc_url)
    other_token = login(other, "jcg2")
    assert key not in other.get("/leads").text
    for url in (f"/leads/{key}", case_url, doc_url, f"{doc_url}/docx", f"{doc_url}/pdf"):
        assert other.get(url).status_code == 404, url
    for url, data in ((f"/leads/{key}/suppress", {"reason": "x", "until": "2030-01-01"}),
                      (f"/leads/{key}/transfer", {"target": "1", "mode": "移送"}),
                      (f"{case_url}/event", {"event": "accept"}),
                      (f"{case_url}/documents/recommendation", {}),
                      (f"{doc_url}/submit", {}), (f"{doc_url}/approve", {}),
                      (f"{doc_url}/return", {"reason": "x"}), (f"{doc_url}/issue", {}),
                      ("/leads/assign", {"keys": key, "assignee": "4"}),
                      ("/leads/open-case", {"keys": key})):
        assert other.post(url, data={**data, "csrf_token": other_token}).status_code == 404, url
    assert "已采纳" not in owner.get(case_url).text  # nothing the other county did stuck


def test_ids_are_masked_for_assistants_and_every_view_is_audited(web_app: FastAPI) -> None:
    full, masked = TestClient(web_app), TestClient(web_app)
    login(full, "jcg")
    login(masked, "zl")
    key = first_lead(full)
    with web_app.state.sessions() as s:
        subject = s.get(Lead, key).subject_id  # type: ignore[union-attr]
    assert subject in full.get(f"/leads/{key}").text
    page = masked.get(f"/leads/{key}").text
    assert subject not in page and subject[:6] + "********" + subject[-4:] in page
    with web_app.state.sessions() as s:
        views = s.scalars(select(AuditEntry).where(AuditEntry.action == "view_personal",
                                                   AuditEntry.object_id == key)).all()
        assert {v.username for v in views} == {"jcg", "zl"}
        assert [v.detail["masked"] for v in views if v.username == "zl"] == [True]


@pytest.mark.slow  # every step of a case over HTTP, with documents
def test_the_whole_workflow_over_http(web_app: FastAPI) -> None:
    client = TestClient(web_app)
    token = login(client, "jcg")
    key = first_lead(client)
    case = client.post(f"/leads/{key}/open-case", data={"csrf_token": token}).url.path
    skipped = client.post(f"{case}/event", data={"event": "court_received", "csrf_token": token})
    assert "不能" in skipped.text
    by_hand = client.post(f"{case}/event", data={"event": "issue_recommendation",
                                                 "csrf_token": token})
    assert "须通过签发经审批的文书完成" in by_hand.text
    for event in ("accept", "investigate"):
        page = client.post(f"{case}/event", data={"event": event, "csrf_token": token})
        assert 'class="error"' not in page.text, (event, page.text[:300])
    doc = client.post(f"{case}/documents/recommendation", data={"csrf_token": token}).url.path
    client.post(f"{doc}/submit", data={"csrf_token": token})
    for approver in ("fzr", "jcz"):
        other = TestClient(web_app)
        other_token = login(other, approver)
        assert "审批中" in other.post(f"{doc}/approve", data={"csrf_token": other_token}).text \
            or approver == "jcz"
    issued = client.post(f"{doc}/issue", data={"csrf_token": token})
    assert "已签发" in issued.text and "执监〔" in issued.text
    for event, extra in (("court_received", {}), ("extend_reply", {}),
                         ("court_adopted", {"text": "已恢复执行"}),
                         ("close", {"result": "纠正", "outcomes": ["执行款到位"],
                                    "amount": "1000"})):
        page = client.post(f"{case}/event", data={"event": event, "csrf_token": token, **extra})
        assert 'class="error"' not in page.text, (event, page.text[:300])
    assert "结案" in page.text and "无工作区，无法重跑" in page.text


def test_htmx_requests_get_only_the_table(web_app: FastAPI) -> None:
    client = TestClient(web_app)
    login(client, "fxy")
    partial = client.get("/leads?severity=high",
                         headers={"HX-Request": "true", "HX-Target": "lead-table"})
    assert "<html" not in partial.text and 'id="leads"' in partial.text
    assert "中</td>" not in partial.text


def test_every_table_exports_to_excel(web_app: FastAPI) -> None:
    client = TestClient(web_app)
    login(client, "fzr")
    for url, header in (("/leads/export.xlsx", "案号"), ("/cases/export.xlsx", "案件编号"),
                        ("/dashboard/export.xlsx?by=court", "法院"),
                        ("/rules/export.xlsx", "规则编号"), ("/reminders/export.xlsx", "截止日期"),
                        ("/audit/export.xlsx", "时间")):
        response = client.get(url + ("&" if "?" in url else "?") + "purpose=工作统计")
        assert response.status_code == 200, url
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        assert header in [c.value for c in sheet[1]], url
    export = client.get("/leads/export.xlsx?purpose=核查").content
    rows = openpyxl.load_workbook(io.BytesIO(export)).active
    with web_app.state.sessions() as s:
        county = s.scalars(select(Org.id).where(Org.name == "嵊州市人民检察院")).one()
        assert rows.max_row - 1 == len(s.scalars(select(Lead).where(Lead.org_id == county)).all())


def _audit_rows(client: TestClient) -> list[tuple[str | None, str | None, str | None]]:
    """(用户, 操作, 对象) of every entry in the audit export the client may see, in words."""
    export = client.get("/audit/export.xlsx?purpose=审计").content
    sheet = openpyxl.load_workbook(io.BytesIO(export)).active
    return [(r[1], r[2], r[3]) for r in sheet.iter_rows(min_row=2, values_only=True)]


def test_the_audit_log_shows_only_the_viewers_jurisdiction(web_app: FastAPI) -> None:
    other_county, stranger = TestClient(web_app), TestClient(web_app)
    login(other_county, "jcg2")
    token = csrf_of(stranger.get("/").text)
    for username in ("jcg2", "fzr", "nobody"):  # failed sign-ins: two known users, one unknown
        stranger.post("/login", data={"username": username, "password": "x",
                                      "csrf_token": token})
    head, admin = TestClient(web_app), TestClient(web_app)
    login(head, "fzr")  # 部门负责人 of the first county
    login(admin, "admin")  # 管理员 of the city office above both counties
    seen_by_head = _audit_rows(head)
    assert ("fzr", "登录") in [r[:2] for r in seen_by_head]
    assert ("（未登录）", "登录失败", "用户 用户名“fzr”") in seen_by_head
    assert not [r for r in seen_by_head if "jcg2" in str(r) or "nobody" in str(r)]
    assert "jcg2" not in head.get("/audit").text
    seen_by_admin = _audit_rows(admin)
    assert {("jcg2", "登录"), ("fzr", "登录")} <= {r[:2] for r in seen_by_admin}
    for name in ("jcg2", "nobody"):
        assert ("（未登录）", "登录失败", f"用户 用户名“{name}”") in seen_by_admin, name


def test_the_dashboard_chart_data_is_json_safe_inside_the_page(web_app: FastAPI) -> None:
    client = TestClient(web_app)
    login(client, "fzr")
    page = client.get("/dashboard?by=court").text
    found = re.search(r'<script type="application/json" id="chart-data">(.*?)</script>', page)
    assert found and "<" not in found.group(1)  # names from the data cannot close the script
    chart = json.loads(found.group(1))
    assert chart["keys"] and len(chart["series"]) == len(chart["keys"])
