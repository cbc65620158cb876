"""After ``petitions match`` and publication, the app shows each petitioned lead's source (lead
page and inbox, which filters by it) and the petitions' deadlines among the 提醒."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from petition_world import AS_OF, B, build
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from zhongben.store.petition_models import LeadSource, PetitionRecord
from zhongben.store.publish import publish
from zhongben.store.setup import prepare_demo
from zhongben.store.testing import app_db, app_sessions, migrated_sqlite  # noqa: F401
from zhongben.web.app import Settings, create_app


@pytest.fixture
def client(tmp_path: Path, app_sessions: sessionmaker[Session],  # noqa: F811
           app_db: str) -> TestClient:  # noqa: F811
    workspace = build(tmp_path)
    workspace.match_petitions(AS_OF)
    prepare_demo(app_sessions, workspace.path)
    publish(workspace.path, app_sessions)
    return TestClient(create_app(Settings(db=app_db, secret_key="test-secret")))


def _login(client: TestClient, username: str = "jcg") -> None:
    from helpers import login  # tests/web/helpers.py (conftest puts it on the path)

    login(client, username)


def test_the_lead_page_and_inbox_show_and_filter_the_source(
    client: TestClient, app_sessions: sessionmaker[Session],  # noqa: F811
) -> None:
    with app_sessions() as session:
        sources = session.scalars(select(LeadSource)).all()
        petitions = {p.petition_no: p for p in session.scalars(select(PetitionRecord))}
    assert {s.petition_no for s in sources} == {"P1", "P2", "P3", "P6"}
    assert petitions["P3"].case_no == B and petitions["P4"].case_no is None
    _login(client)
    key = next(s.lead_key for s in sources if s.petition_no == "P2")
    page = client.get(f"/leads/{key}").text
    assert "来源 12309" in page and "P2" in page and "来信" in page
    sourced = client.get("/leads", params={"source": "12309申请"}).text
    screened = client.get("/leads", params={"source": "模型筛查"}).text
    assert key in sourced and key not in screened
    assert "来源 12309" in sourced and "来源 12309" not in screened.split("<tbody>", 1)[-1]


def test_the_petition_deadlines_are_among_the_reminders(client: TestClient) -> None:
    _login(client)  # a 嵊州 prosecutor: the petitions matched to 嵊州 cases
    table = client.get("/reminders").text.split('id="petition-reminders"', 1)[1]
    assert "作出受理决定" in table and "发送受理通知书" in table
    assert "P1" in table and "P6" not in table  # P6's case is 新昌's
    if dt.date.today() > dt.date(2026, 6, 15):  # received in June 2026, nothing accepted since
        assert "已超期" in table
