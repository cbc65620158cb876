"""The review band in the web app: pairs side by side (masked for roles that may not see IDs),
a reviewer's 是同一人 / 不是同一人 stored and audited, read back by resolution; and a lead
resting on an unconfirmed link cannot become a case until it is confirmed."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from helpers import login
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from zhongben.identity.decisions import ENTITY, Decision
from zhongben.store.identity import (
    IdentityRows,
    decide_pair,
    pending_links,
    read_decisions,
    store_identity,
)
from zhongben.store.models import AuditEntry, EntityDecision, EntityPair, Lead
from zhongben.store.testing import actor_of
from zhongben.workflow.service import StepInput, WorkflowError, apply_event, open_matter

ENTITY_ID = "330683198001011235"
RECORD = "6ae01d3567f4a238c41e2427b7354c89"
TODAY = date(2025, 7, 1)


def _pair(kind: str, key: str, probability: float) -> dict[str, object]:
    return {"pair_key": key, "record_key": RECORD, "other_kind": ENTITY, "other_key": ENTITY_ID,
            "probability": probability, "mentions": 1,
            "weights": {"姓名": {"level": "姓名相同", "weight": 9.5},
                        "号码末四位": {"level": "号码末四位差一位", "weight": 5.1}},
            "record": {"name": "张三", "raw": "330683198001011234", "tbl": "vehicles", "row": 7},
            "other": {"entity_id": ENTITY_ID, "names": ["张三"], "ids": [ENTITY_ID],
                      "phones": ["13812345678"]}}


@pytest.fixture
def reviewed(seeded: sessionmaker[Session]) -> tuple[sessionmaker[Session], str]:
    """A band pair and a link that a lead of 嵊州 rests on."""
    with seeded.begin() as s:
        lead = s.scalars(select(Lead).where(Lead.court == "嵊州市人民法院")
                         .order_by(Lead.lead_key)).first()
        assert lead is not None
        rows = IdentityRows(band=[_pair("band", "b" * 40, 0.7)],
                            links={"l" * 40: _pair("link", "l" * 40, 0.996)},
                            lead_pairs=[(lead.lead_key, "l" * 40)])
        assert store_identity(s, rows) == (1, 1)
        return seeded, lead.lead_key


def test_the_review_page_shows_both_sides_and_masks_for_assistants(
    web_app: FastAPI, reviewed: tuple[sessionmaker[Session], str]
) -> None:
    client = TestClient(web_app)
    login(client, "jcg")
    page = client.get("/entities/review").text
    assert "是同一人" in page and "不是同一人" in page and "号码末四位差一位" in page
    assert ENTITY_ID in page and "13812345678" in page
    assistant = TestClient(web_app)
    login(assistant, "zl")
    page = assistant.get("/entities/review").text
    assert ENTITY_ID not in page and "330683********1235" in page
    admin = TestClient(web_app)
    login(admin, "admin")
    assert admin.get("/entities/review").status_code == 403


def test_a_decision_is_stored_audited_and_read_by_resolution(
    web_app: FastAPI, reviewed: tuple[sessionmaker[Session], str]
) -> None:
    sessions, _ = reviewed
    client = TestClient(web_app)
    token = login(client, "jcg")
    done = client.post(f"/entities/review/{'b' * 40}", data={
        "decision": "different", "note": "出生日期不同", "csrf_token": token},
        follow_redirects=False)
    assert done.status_code == 303
    with sessions() as s:
        pair = s.get(EntityPair, "b" * 40)
        assert pair is not None and pair.status == "different"
        decision = s.scalars(select(EntityDecision)).one()
        assert not decision.same and decision.note == "出生日期不同"
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "entity.decide")).one()
        assert audit.object_id == "b" * 40 and audit.detail["decision"] == "不是同一人"
    assert read_decisions(sessions) == [Decision(RECORD, ENTITY, ENTITY_ID, same=False)]


def test_no_case_before_the_link_is_confirmed(
    reviewed: tuple[sessionmaker[Session], str]
) -> None:
    sessions, key = reviewed
    with sessions.begin() as s:
        actor = actor_of(s, "jcg")
        lead = s.get(Lead, key)
        assert lead is not None and pending_links(s, [key])
        matter = open_matter(s, actor, [lead], TODAY)
        with pytest.raises(WorkflowError, match="身份待确认"):
            apply_event(s, actor, matter, "accept", StepInput(), TODAY)
        decide_pair(s, actor, "l" * 40, same=True)
        assert not pending_links(s, [key])
        apply_event(s, actor, matter, "accept", StepInput(), TODAY)
        assert matter.state == "opened"


def test_publishing_again_keeps_decisions_and_retires_pairs(
    reviewed: tuple[sessionmaker[Session], str]
) -> None:
    sessions, key = reviewed
    with sessions.begin() as s:
        decide_pair(s, actor_of(s, "jcg"), "l" * 40, same=True)
        store_identity(s, IdentityRows(links={"l" * 40: _pair("link", "l" * 40, 0.996)},
                                       lead_pairs=[(key, "l" * 40)]))
    with sessions() as s:
        assert s.get(EntityPair, "l" * 40).status == "same"  # type: ignore[union-attr]
        assert s.get(EntityPair, "b" * 40).status == "gone"  # type: ignore[union-attr]
