"""Attack: stored cross-site scripting. Party names, court names, explanations and evidence come
from court ledgers and agency files an attacker can write into; every page that shows them must
show the text, never run it."""

from __future__ import annotations

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
