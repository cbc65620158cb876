"""Attack: stored cross-site scripting. Party names, court names, explanations and evidence come
from court ledgers and agency files an attacker can write into; every page that shows them must
show the text, never run it."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from helpers import login
from sqlalchemy import select

from zhongben.store.models import Lead, LeadDetail
from zhongben.store.testing import actor_of

SCRIPT = '<script>alert("终本")</script>'
ATTRIBUTE = '" onmouseover="alert(1)'
IMAGE = "<img src=x onerror=alert(1)>"


def _plant(web_app: FastAPI) -> tuple[str, int]:
    from zhongben.workflow.service import open_matter

    with web_app.state.sessions.begin() as s:
        jcg = actor_of(s, "jcg")
        lead = s.scalars(select(Lead).where(Lead.org_id == jcg.org_id)).first()
        assert lead is not None and lead.as_of is not None
        lead.subject_name = f"张三{SCRIPT}"
        lead.party_names = f"李四{ATTRIBUTE}"
        lead.court = f"嵊州市人民法院{IMAGE}"
        detail = s.get(LeadDetail, lead.lead_key)
        assert detail is not None
        detail.explanation = f"被执行人名下车辆{SCRIPT}"
        detail.evidence = [{"table": "vehicles", "row": 2, "text": IMAGE, "plate": SCRIPT}]
        detail.parties = [{"name": SCRIPT, "id_no": "330683199001011234", "role": "被执行人"}]
        matter = open_matter(s, jcg, [lead], lead.as_of)
        return lead.lead_key, matter.id


@pytest.mark.slow  # > 1 s on an idle machine (CI durations, 2026-12-04)
def test_planted_markup_is_shown_as_text_on_every_page_that_carries_it(web_app: FastAPI) -> None:
    key, matter_id = _plant(web_app)
    client = TestClient(web_app)
    login(client, "jcg")
    pages = [f"/leads/{key}", "/leads", "/leads?q=张三", f"/cases/{matter_id}", "/cases",
             f"/leads/{key}/print", f"/cases/{matter_id}/print", "/search?q=张三"]
    seen = 0
    for path in pages:
        answer = client.get(path)
        if answer.status_code == 404:
            continue
        assert answer.status_code == 200, path
        text = answer.text
        for raw in (SCRIPT, IMAGE, ATTRIBUTE):
            assert raw not in text, (path, raw)
        seen += "&lt;script&gt;" in text or "&lt;img" in text
    assert seen >= 3  # the planted texts were on the pages, escaped


def test_markup_typed_into_the_document_editor_is_kept_as_text(web_app: FastAPI) -> None:
    """The editor's paragraphs are rendered as markup the server built (bold, paragraphs):
    what a user typed — or pasted from a ledger — must come back as text, in the page and in the
    saved version."""
    import re

    key, matter_id = _plant(web_app)
    client = TestClient(web_app)
    token = login(client, "jcg")
    page = client.post(f"/cases/{matter_id}/documents/recommendation",
                       data={"csrf_token": token})
    doc_url = page.url.path
    sections = sorted(set(re.findall(r'name="(section-[\w-]+)"', page.text)))
    assert sections, "the draft has editable sections"
    typed = {name: f"<p>本院认为{SCRIPT}</p><p>{IMAGE}<b>加粗</b>{ATTRIBUTE}</p>"
             for name in sections}
    saved = client.post(f"{doc_url}/edit", data={**typed, "note": SCRIPT, "csrf_token": token})
    assert saved.status_code == 200
    for answer in (saved, client.get(doc_url)):
        assert SCRIPT not in answer.text and IMAGE not in answer.text
        # a quote in a paragraph's text is text; inside a tag it would be an attribute
        assert not re.search(r"<[^<>]*\s(onmouseover|onerror)\s*=", answer.text)
        assert "<script>alert" not in answer.text
    assert key
