"""Upload attacks: a file over the size limit, a type the app does not read, a zip bomb dressed as
a Word document (as an attachment and as an edited 检察建议书), a .docx that is no zip. Each is
refused with a Chinese message before it is parsed, and nothing is stored."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from helpers import login
from sqlalchemy import func, select

from zhongben.protect.uploads import zip_problem
from zhongben.store.collab_models import Attachment
from zhongben.store.models import Document

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _bomb(expanded_mb: int = 40) -> bytes:
    """A .docx-shaped zip whose document.xml expands to ``expanded_mb`` MB of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            for _ in range(expanded_mb):
                member.write(b"0" * (1 << 20))
    return out.getvalue()


def _case(client: TestClient, token: str) -> str:
    key = re.search(r'href="/leads/([^"/?]+)"', client.get("/leads").text)
    assert key
    return client.post(f"/leads/{key.group(1)}/open-case", data={"csrf_token": token}).url.path


def _attachments(web_app: FastAPI) -> int:
    with web_app.state.sessions() as s:
        return s.scalar(select(func.count(Attachment.id))) or 0


def test_the_bomb_is_seen_from_the_directory() -> None:
    bomb = _bomb()
    assert len(bomb) < 1 << 20  # under a megabyte on the wire
    assert "疑似压缩炸弹" in (zip_problem(bomb, "a.docx") or "")
    assert "不是有效的 Word 文档" in (zip_problem(b"PK\x03\x04 truncated", "b.docx") or "")


def test_attachments_over_the_limit_of_a_strange_type_or_a_bomb_are_refused(
        web_app: FastAPI) -> None:
    client = TestClient(web_app)
    token = login(client, "jcg")
    case = _case(client, token)
    for name, content, kind, said in (
            ("大文件.pdf", b"%PDF-1.4\n" + b"0" * (20 << 20), "application/pdf", "超过 20 MB"),
            ("程序.exe", b"MZ\x90\x00", "application/octet-stream", "不支持的文件类型"),
            ("回复函.docx", _bomb(), DOCX, "疑似压缩炸弹")):
        page = client.post(f"{case}/attachments", data={"csrf_token": token},
                           files={"file": (name, content, kind)})
        assert said in page.text, name
    assert _attachments(web_app) == 0


@pytest.mark.slow  # > 1 s on an idle machine (CI durations, 2026-12-04)
def test_an_edited_document_that_is_a_bomb_or_no_docx_is_refused(web_app: FastAPI) -> None:
    client = TestClient(web_app)
    token = login(client, "jcg")
    case = _case(client, token)
    client.post(f"{case}/documents/recommendation", data={"csrf_token": token})
    with web_app.state.sessions() as s:
        doc = s.scalars(select(Document)).one()
        doc_id, version = doc.id, doc.version
    for name, content, said in (("检察建议书.docx", _bomb(), "疑似压缩炸弹"),
                                ("检察建议书.docx", b"not a zip", "不是有效的 Word 文档"),
                                ("检察建议书.docx", b"PK" + b"0" * (20 << 20), "超过 20 MB"),
                                ("检察建议书.doc", b"\xd0\xcf\x11\xe0", "不是 .docx 格式")):
        page = client.post(f"/documents/{doc_id}/upload", data={"csrf_token": token},
                           files={"file": (name, content, DOCX)})
        assert said in page.text, said
    with web_app.state.sessions() as s:
        assert s.get(Document, doc_id).version == version  # type: ignore[union-attr]
