"""The web app as a prosecutor's daily tool (issue 14) over HTTP: the deep link through login,
pages clamped, closed and suppressed leads out of the default inbox, bulk assignment of the whole
filtered set with its confirmation and notification, buttons by role (and the server refusing),
Chinese errors, comments with @mentions, tags, attachments found by search, every change
audited."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from helpers import csrf_of, login
from sqlalchemy import select

from zhongben.store.collab_models import Attachment, Notification
from zhongben.store.demo import DEMO_PASSWORD
from zhongben.store.models import AuditEntry, Lead, User

LEAD_LINK = re.compile(r'href="/leads/([0-9a-f]{40})"')
SCAN = Path(__file__).parents[1] / "extract" / "corpus" / "00-resume.scan.pdf"


def leads_on(page: str) -> list[str]:
    return list(dict.fromkeys(LEAD_LINK.findall(page)))


def total(page: str) -> int:
    found = re.search(r'id="lead-total">(\d+)<', page)
    assert found, page[:500]
    return int(found.group(1))


def actions(web_app: FastAPI, action: str) -> list[AuditEntry]:
    with web_app.state.sessions() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_a_deep_link_survives_the_login_and_no_other_site_is_reached(web_app: FastAPI) -> None:
    client = TestClient(web_app)
    key = leads_on(_signed_in(web_app, "jcg").get("/leads").text)[0]
    asked = client.get(f"/leads/{key}?tab=1", follow_redirects=False)
    assert asked.status_code == 303
    assert asked.headers["location"] == f"/?next=/leads/{key}%3Ftab%3D1"
    page = client.get(asked.headers["location"]).text
    done = client.post("/login", data={"username": "jcg", "password": DEMO_PASSWORD,
                                       "csrf_token": csrf_of(page), "next": f"/leads/{key}?tab=1"})
    assert str(done.url).endswith(f"/leads/{key}?tab=1") and "线索说明" in done.text
    other = TestClient(web_app)
    token = csrf_of(other.get("/").text)
    away = other.post("/login", data={"username": "jcg", "password": DEMO_PASSWORD,
                                      "csrf_token": token, "next": "//evil.example/x"},
                      follow_redirects=False)
    assert away.headers["location"] == "/leads"


def _signed_in(web_app: FastAPI, username: str) -> TestClient:
    client = TestClient(web_app)
    login(client, username)
    return client


@pytest.mark.slow  # > 1 s on an idle machine (CI durations, 2026-12-04)
def test_pages_are_clamped_and_closed_or_suppressed_leads_leave_the_default_inbox(
        web_app: FastAPI) -> None:
    client = _signed_in(web_app, "jcg")
    token = csrf_of(client.get("/leads").text)
    everything = total(client.get("/leads").text)
    last = client.get("/leads?page=999").text
    assert "第 <b id=\"lead-page\">1</b>/1 页" in last and leads_on(last)
    assert "第 <b id=\"lead-page\">1</b>" in client.get("/leads?page=-3").text
    key = leads_on(client.get("/leads").text)[0]
    client.post(f"/leads/{key}/suppress", data={"reason": "重复线索", "until": "2099-01-01",
                                                "csrf_token": token})
    assert total(client.get("/leads").text) == everything - 1
    assert key not in client.get("/leads").text
    assert key in client.get("/leads?status=已屏蔽").text
    assert total(client.get("/leads?status=全部").text) == everything


def test_bulk_assignment_of_every_filtered_lead_is_confirmed_and_notified(
        web_app: FastAPI) -> None:
    head = _signed_in(web_app, "fzr")
    page = head.get("/leads?severity=high").text
    high = total(page)
    with web_app.state.sessions() as s:
        jcg = s.scalars(select(User).where(User.username == "jcg")).one()
    done = head.post("/leads/assign", data={
        "csrf_token": csrf_of(page), "assignee": str(jcg.id), "every": "1",
        "filter_query": "severity=high"})
    assert f"已将 {high} 条线索分派给 张检察官" in done.text and "severity=high" in str(done.url)
    assert done.text.count("张检察官</td>") == high
    prosecutor = _signed_in(web_app, "jcg")
    mine = prosecutor.get("/leads?assignee=me").text
    assert total(mine) == high and f'我的线索 <b class="count">{high}</b>' in mine
    notes = prosecutor.get("/notifications").text
    assert f"王主任向您分派了 {high} 条线索" in notes
    assert len(actions(web_app, "lead.assign")) == high


def test_buttons_a_role_cannot_use_are_not_shown_and_the_server_refuses(
        web_app: FastAPI) -> None:
    analyst, assistant, admin = (_signed_in(web_app, u) for u in ("fxy", "zl", "admin"))
    key = leads_on(analyst.get("/leads").text)[0]
    page = analyst.get(f"/leads/{key}").text
    assert 'id="open-case"' not in page and 'id="bulk-open"' not in analyst.get("/leads").text
    refused = analyst.post(f"/leads/{key}/open-case", data={"csrf_token": csrf_of(page)})
    assert refused.status_code == 400 and "不能办理监督案件" in refused.text
    page = assistant.get("/leads").text
    assert 'id="bulk-assign"' not in page and 'id="bulk-open"' in page
    refused = assistant.post("/leads/assign", data={"csrf_token": csrf_of(page), "keys": key,
                                                    "assignee": "1"})
    assert refused.status_code in (403, 404)
    admin_page = admin.get(f"/leads/{key}").text
    assert 'id="lead-actions"' not in admin_page and "用户管理" in admin_page
    assert "用户管理" not in analyst.get("/leads").text
    assert analyst.get("/users").status_code == 403
    assert analyst.post("/users", data={"csrf_token": csrf_of(page), "username": "x",
                                        "role": "管理员", "org_id": "1"}).status_code == 403


def test_errors_are_in_chinese_as_pages_and_as_json(web_app: FastAPI) -> None:
    client = _signed_in(web_app, "jcg")
    page = client.get("/cases/abc")
    assert page.status_code == 404 and "未找到" in page.text
    data = client.get("/cases/abc", headers={"Accept": "application/json"})
    assert data.status_code == 404 and data.json()["detail"].startswith("未找到")
    key = leads_on(client.get("/leads").text)[0]
    token = csrf_of(client.get("/leads").text)
    bad = client.post(f"/leads/{key}/suppress", data={"reason": "x", "until": "明天",
                                                      "csrf_token": token},
                      headers={"Accept": "application/json"})
    assert bad.status_code == 400 and "屏蔽期限" in bad.json()["detail"]
    assert "屏蔽期限" in client.post(f"/leads/{key}/suppress",
                                 data={"reason": "x", "csrf_token": token}).text
    assert client.get("/nowhere").status_code == 404


def test_user_management_and_the_forced_password_change(web_app: FastAPI) -> None:
    admin = _signed_in(web_app, "admin")
    page = admin.get("/users").text
    org = re.search(r'<option value="(\d+)">嵊州市人民检察院</option>', page)
    assert org
    made = admin.post("/users", data={"csrf_token": csrf_of(page), "username": "xjcg",
                                      "display_name": "新检察官", "role": "检察官",
                                      "org_id": org.group(1), "password": "Start-2026-x"})
    assert "已创建用户 xjcg" in made.text
    short = admin.post("/users", data={"csrf_token": csrf_of(page), "username": "y",
                                       "display_name": "y", "role": "检察官",
                                       "org_id": org.group(1), "password": "short"})
    assert short.status_code == 400 and "密码至少 10 位" in short.text
    newcomer = TestClient(web_app)
    token = csrf_of(newcomer.get("/").text)
    first = newcomer.post("/login", data={"username": "xjcg", "password": "Start-2026-x",
                                          "csrf_token": token})
    assert "/password" in str(first.url) and "请先设置新密码" in first.text
    assert "/password" in str(newcomer.get("/leads").url)  # every page waits for the change
    changed = newcomer.post("/password", data={"csrf_token": csrf_of(first.text),
                                               "current": "Start-2026-x", "new": "Mine-2026-y",
                                               "again": "Mine-2026-y", "next": "/leads"})
    assert str(changed.url).endswith("/leads") and "密码已修改" in changed.text
    with web_app.state.sessions() as s:
        user = s.scalars(select(User).where(User.username == "xjcg")).one()
    admin.post(f"/users/{user.id}", data={"csrf_token": csrf_of(page), "role": "检察官助理",
                                          "org_id": org.group(1), "active": "0",
                                          "display_name": "新检察官"})
    assert "/leads" not in str(newcomer.get("/leads").url)  # disabled: signed out
    for action in ("user.create", "user.update", "user.change_password"):
        assert actions(web_app, action), action


def test_comments_mentions_tags_and_attachments_found_by_search(web_app: FastAPI) -> None:
    prosecutor = _signed_in(web_app, "jcg")
    key = leads_on(prosecutor.get("/leads").text)[0]
    page = prosecutor.get(f"/leads/{key}").text
    token = csrf_of(page)
    posted = prosecutor.post(f"/leads/{key}/comments", data={
        "csrf_token": token, "body": "车辆去向需核实，请 @王主任 看一下，@无此人"})
    assert "已通知 王主任" in posted.text and "未找到可查看本页的用户“@无此人”" in posted.text
    assert "车辆去向需核实" in posted.text
    prosecutor.post(f"/leads/{key}/tags", data={"csrf_token": token, "tag": "重点"})
    assert '<span class="tag user-tag">重点</span>' in prosecutor.get(f"/leads/{key}").text
    tagged = prosecutor.get("/leads?tag=重点").text
    assert leads_on(tagged) == [key] and total(tagged) == 1
    head = _signed_in(web_app, "fzr")
    assert "在线索" in head.get("/notifications").text and "提到了您" in \
        head.get("/notifications").text
    reply = "嵊州市人民法院回函：已依法扣划被执行人存款。".encode()
    uploaded = prosecutor.post(f"/leads/{key}/attachments", data={"csrf_token": token},
                               files={"file": ("法院回函.txt", reply, "text/plain")})
    assert "已上传“法院回函.txt”" in uploaded.text
    found = prosecutor.get("/search?q=扣划被执行人存款").text
    assert "法院回函.txt" in found and "已依法扣划" in found
    with web_app.state.sessions() as s:
        item = s.scalars(select(Attachment)).one()
    download = prosecutor.get(f"/attachments/{item.id}")
    assert download.content == reply
    assert _signed_in(web_app, "jcg2").get(f"/attachments/{item.id}").status_code == 404
    refused = prosecutor.post(f"/leads/{key}/attachments", data={"csrf_token": token},
                              files={"file": ("宏.exe", b"MZ", "application/octet-stream")})
    assert "不支持的文件类型" in refused.text
    for action in ("comment.add", "tag.add", "attachment.add"):
        assert actions(web_app, action), action
    with web_app.state.sessions() as s:
        assert {n.kind for n in s.scalars(select(Notification))} == {"mention"}


@pytest.mark.slow  # OCR
def test_a_scanned_pdf_is_read_by_ocr_and_found_by_its_text(web_app: FastAPI) -> None:
    prosecutor = _signed_in(web_app, "jcg")
    key = leads_on(prosecutor.get("/leads").text)[0]
    token = csrf_of(prosecutor.get(f"/leads/{key}").text)
    done = prosecutor.post(f"/leads/{key}/attachments", data={"csrf_token": token},
                           files={"file": ("扫描件.pdf", SCAN.read_bytes(), "application/pdf")})
    assert "扫描件文字识别 1 页" in done.text
    found = prosecutor.get("/search?q=（2022）浙0483执恢568号").text
    assert "扫描件.pdf" in found
    assert "扫描件.pdf" in prosecutor.get("/search?q=恢复执行通知书").text


def test_the_score_shown_is_the_product_of_the_terms_shown(web_app: FastAPI) -> None:
    client = _signed_in(web_app, "jcg")
    with web_app.state.sessions() as s:
        for lead in s.scalars(select(Lead)):
            product = 1.0
            for term in lead.score_terms:
                product *= float(term["points"])
            assert round(product, 2) == round(lead.score, 2), lead.lead_key
        key = next(iter(s.scalars(select(Lead.lead_key).where(Lead.org_id == 2))))
    page = client.get(f"/leads/{key}").text
    shown = re.search(r'id="score-total">([0-9.]+)<', page)
    formula = re.search(r"<th colspan=\"2\">([0-9.× ]+) ＝</th>", page)
    assert shown and formula
    product = 1.0
    for factor in formula.group(1).split("×"):
        product *= float(factor)
    assert f"{product:.2f}" == shown.group(1)


def test_excel_exports_hold_numbers_and_dates_with_filters_and_a_notes_sheet(
        web_app: FastAPI) -> None:
    import datetime as dt
    import io

    import openpyxl

    client = _signed_in(web_app, "fzr")
    book = openpyxl.load_workbook(io.BytesIO(client.get("/leads/export.xlsx?purpose=核查").content))
    sheet, notes = book["线索清单"], book["说明"]
    header = [c.value for c in sheet[1]]
    amount, day = header.index("未履行金额（元）") + 1, header.index("筛查日期") + 1
    cell = sheet.cell(row=2, column=amount)
    assert isinstance(cell.value, int | float) and cell.number_format == "#,##0.00"
    assert isinstance(sheet.cell(row=2, column=day).value, dt.datetime)
    assert sheet.cell(row=2, column=day).number_format == "yyyy-mm-dd"
    assert sheet.auto_filter.ref and sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["D"].width > 8  # as wide as the rule names
    explained = {str(r[0]): str(r[1]) for r in notes.iter_rows(min_row=2, values_only=True)}
    assert any(k.startswith("ZB-01") and "法律依据" in v for k, v in explained.items())
    assert all("{" not in v for v in explained.values())  # templates read in words
    for url in ("/cases/export.xlsx?", "/reminders/export.xlsx?", "/rules/export.xlsx?",
                "/dashboard/export.xlsx?by=month&", "/audit/export.xlsx?"):
        content = client.get(url + "purpose=核查").content
        assert "说明" in openpyxl.load_workbook(io.BytesIO(content)).sheetnames


def test_monthly_statistics_count_each_stage_in_the_month_of_its_event(
        web_app: FastAPI) -> None:
    import datetime as dt

    from zhongben.store.models import Matter, MatterEvent
    from zhongben.store.stats import funnel
    from zhongben.store.testing import actor_of
    from zhongben.workflow.service import apply_event
    from zhongben.workflow.steps import StepInput

    client = _signed_in(web_app, "jcg")
    key = leads_on(client.get("/leads").text)[0]
    token = csrf_of(client.get("/leads").text)
    case = client.post(f"/leads/{key}/open-case", data={"csrf_token": token}).url.path
    matter_id = int(case.rsplit("/", 1)[1])
    with web_app.state.sessions.begin() as s:  # opened in July (steps may not precede it)
        opened = s.get(Matter, matter_id)
        assert opened is not None
        opened.opened_on = dt.date(2025, 7, 1)
        for step in s.scalars(select(MatterEvent).where(MatterEvent.matter_id == matter_id)):
            step.note = {**(step.note or {}), "on": "2025-07-01"}
    done = client.post(f"{case}/event", data={"event": "accept", "on": "2025-08-10",
                                              "csrf_token": token})
    assert done.status_code == 200
    with web_app.state.sessions.begin() as s:  # a recommendation is issued by its document
        matter = s.get(Matter, matter_id)
        assert matter is not None and matter.state == "opened"
        apply_event(s, actor_of(s, "jcg"), matter, "issue_recommendation",
                    StepInput(on=dt.date(2025, 9, 2)), dt.date.today(), by_document=True)
    with web_app.state.sessions() as s:
        matter = s.get(Matter, matter_id)
        assert matter is not None and matter.state == "recommended"
        rows = {r.key: r.counts for r in funnel(s, [1, 2, 3], "month")}
    assert rows["2025-08"][1] == 1 and rows["2025-09"][2] == 1  # 成案 in August, 检察建议 Sept.
    assert rows.get(dt.date.today().strftime("%Y-%m"), [0, 0, 0])[1:3] == [0, 0]
    assert list(rows) == sorted(rows)


def test_overdue_deadlines_show_on_the_home_page_and_in_the_navigation_and_notify(
        web_app: FastAPI, monkeypatch: object) -> None:
    import datetime as dt

    from zhongben.store import mywork
    from zhongben.store.models import Matter

    monkeypatch.setattr(mywork, "DEADLINE_NOTICE_SECONDS", 0.0)  # type: ignore[attr-defined]
    client = _signed_in(web_app, "jcg")
    key = leads_on(client.get("/leads").text)[0]
    token = csrf_of(client.get("/leads").text)
    case = client.post(f"/leads/{key}/open-case", data={"csrf_token": token}).url.path
    with web_app.state.sessions.begin() as s:  # opened four months ago, still under review
        matter = s.get(Matter, int(case.rsplit("/", 1)[1]))
        assert matter is not None
        matter.opened_on = dt.date.today() - dt.timedelta(days=120)
    home = client.get("/leads").text
    assert 'id="deadline-alert"' in home and "<b>1</b> 个办案期限<b>已超期</b>" in home
    assert '<b class="badge overdue" title="已超期">超期 1</b>' in home
    assert '我的案件 <b class="count">1</b>' in home
    notes = client.get("/notifications").text
    assert "审查终结（成案或不成案）期限" in notes and "已超期" in notes
    client.get("/leads")
    with web_app.state.sessions() as s:  # once per deadline, however often pages are opened
        assert len(s.scalars(select(Notification).where(Notification.kind == "deadline"))
                   .all()) == 1
