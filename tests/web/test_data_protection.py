"""Data protection on the web: documents masked for roles that see numbers masked, reveal with a
reason (logged, limited to the object and the role), and every export asks its purpose and
carries the watermark (user, time, purpose, export number) that the audit log records."""

from __future__ import annotations

import html
import io
import re
import zipfile

import docx
import openpyxl
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from helpers import login
from sqlalchemy import select

from zhongben.store.models import AuditEntry, Lead

LEAD_LINK = re.compile(r'href="/leads/([0-9a-f]{40})"')


def _lead(client: TestClient) -> str:
    found = LEAD_LINK.search(client.get("/leads").text)
    assert found
    return found.group(1)


def _subject(app: FastAPI, key: str) -> str:
    with app.state.sessions() as s:
        lead = s.get(Lead, key)
        assert lead is not None and lead.subject_id
        return lead.subject_id


def _document(app: FastAPI) -> tuple[TestClient, str, str, str]:
    """A case with a 检察建议书 made by the 检察官: (his client, lead key, case URL, doc URL)."""
    owner = TestClient(app)
    token = login(owner, "jcg")
    key = _lead(owner)
    case_url = owner.post(f"/leads/{key}/open-case", data={"csrf_token": token}).url.path
    page = owner.post(f"{case_url}/documents/recommendation", data={"csrf_token": token}).text
    found = re.search(r'href="(/documents/\d+/docx)"', page)
    assert found
    return owner, key, case_url, found.group(1)


def _write_into(client: TestClient, page_url: str, paragraph: str) -> None:
    """Add ``paragraph`` to the first editable section of the draft through the editor form."""
    page = client.get(page_url).text
    found = re.search(r'<textarea name="(section-[^"]+)" hidden>(.*?)</textarea>', page, re.S)
    assert found
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token
    saved = client.post(f"{page_url}/edit", data={
        found.group(1): html.unescape(found.group(2)) + f"<p>{paragraph}</p>",
        "note": "补充身份信息", "csrf_token": token.group(1)})
    assert saved.status_code == 200 and paragraph in saved.text, saved.text[-500:]


def _text(content: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)


def test_the_document_is_masked_for_an_assistant_until_she_reveals_the_case(
        web_app: FastAPI) -> None:
    owner, key, case_url, doc_url = _document(web_app)
    subject = _subject(web_app, key)
    # The draft names the debtor with a masked number; a prosecutor's edit may write it in full.
    _write_into(owner, doc_url.removesuffix("/docx"), f"被执行人公民身份号码{subject}。")
    full = owner.get(doc_url + "?purpose=制发检察建议").content
    assert subject in _text(full)
    assistant = TestClient(web_app)
    token = login(assistant, "zl")
    masked = assistant.get(doc_url + "?purpose=核查事实").content
    assert subject not in _text(masked) and subject[:6] + "********" + subject[-4:] in _text(masked)
    assert 'id="reveal"' in assistant.get(case_url).text
    matter_id = case_url.rsplit("/", 1)[1]
    shown = assistant.post("/reveal", data={"kind": "matter", "object_id": matter_id,
                                            "reason": "核对被执行人身份", "csrf_token": token})
    assert shown.status_code == 200 and 'id="revealed"' in shown.text
    assert subject in _text(assistant.get(doc_url + "?purpose=核查事实").content)
    with web_app.state.sessions() as s:
        reveal = s.scalars(select(AuditEntry).where(AuditEntry.action == "reveal_personal")).one()
        views = s.scalars(select(AuditEntry).where(AuditEntry.object_type == "document",
                                                   AuditEntry.username == "zl")).all()
    assert reveal.detail["reason"] == "核对被执行人身份" and reveal.object_id == matter_id
    assert [(v.detail["masked"], v.detail["revealed"]) for v in views] == [(True, False),
                                                                          (False, True)]


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.mark.slow
def test_the_pdf_is_masked_for_an_assistant_and_watermarked(web_app: FastAPI) -> None:
    owner, key, _case_url, doc_url = _document(web_app)
    subject = _subject(web_app, key)
    page_url = doc_url.removesuffix("/docx")
    _write_into(owner, page_url, f"被执行人公民身份号码{subject}。")
    assert 'id="export-purpose"' in owner.get(f"{page_url}/pdf").text  # the purpose first
    full = _pdf_text(owner.get(f"{page_url}/pdf?purpose=核对文书").content)
    assert subject in full and "核对文书" in full
    assistant = TestClient(web_app)
    login(assistant, "zl")
    masked = _pdf_text(assistant.get(f"{page_url}/pdf?purpose=核查事实").content)
    assert subject not in masked and subject[:6] + "********" + subject[-4:] in masked
    assert "核查事实" in masked


def test_a_reveal_covers_one_lead_and_needs_a_reason_and_a_role_that_may(
        web_app: FastAPI) -> None:
    assistant, admin, other = TestClient(web_app), TestClient(web_app), TestClient(web_app)
    token = login(assistant, "zl")
    key = _lead(assistant)
    subject = _subject(web_app, key)
    form = {"kind": "lead", "object_id": key, "csrf_token": token}
    assert assistant.post("/reveal", data={**form, "reason": "看"}).status_code == 400
    assert subject not in assistant.get(f"/leads/{key}").text
    granted = assistant.post("/reveal", data={**form, "reason": "需要向车管所查询车辆"})
    assert granted.status_code == 200
    assert subject in assistant.get(f"/leads/{key}").text
    keys = LEAD_LINK.findall(assistant.get("/leads").text)
    another = next(k for k in keys if k != key and _subject(web_app, k) != subject)
    assert _subject(web_app, another) not in assistant.get(f"/leads/{another}").text
    admin_token = login(admin, "admin")
    refused = admin.post("/reveal", data={**form, "csrf_token": admin_token, "reason": "随便看看"})
    assert refused.status_code == 403
    other_token = login(other, "jcg2")  # another county: the lead does not exist for it
    assert other.post("/reveal", data={**form, "csrf_token": other_token,
                                       "reason": "随便看看"}).status_code == 404


def test_an_export_asks_its_purpose_then_carries_the_watermark(web_app: FastAPI) -> None:
    client = TestClient(web_app)
    login(client, "fzr")
    form = client.get("/leads/export.xlsx?severity=high")
    assert form.headers["content-type"].startswith("text/html")
    assert 'id="export-purpose"' in form.text and 'name="severity" value="high"' in form.text
    assert "至少" in client.get("/leads/export.xlsx?purpose=x").text
    response = client.get("/leads/export.xlsx?severity=high&purpose=向院领导汇报")
    assert response.headers["content-type"].startswith("application/vnd.openxml")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    comments = book.properties.description or ""
    assert "用途：向院领导汇报" in comments and "fzr" in comments
    assert "用途：向院领导汇报" in book.active.oddHeader.left.text
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert any(n.startswith("xl/media/") and n.endswith(".png") for n in names)  # background
    with web_app.state.sessions() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "export")).one()
    assert entry.detail["purpose"] == "向院领导汇报"
    assert entry.detail["export_id"] in comments and entry.detail["severity"] == "high"
