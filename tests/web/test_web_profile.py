"""The debtor profile (画像) and relation graph pages: a real DuckDB workspace planted around a
county lead's debtor (a spouse, her company, a car she bought after the debt, a flight under a
consumption restriction), the real app over HTTP, and chromium drawing the graph under the CSP;
plus the pages on the demo world."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest
from chinese import english, page_text
from fastapi import FastAPI
from fastapi.testclient import TestClient
from helpers import drawn_relations, login, page_errors
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from test_web_flows import SPOUSE, Planted, county_lead, plant_flows
from world import build_app_db

from zhongben.contracts.storage import unresolved_entities_sql
from zhongben.store.models import AuditEntry, Lead
from zhongben.web.app import Settings, create_app
from zhongben.web.browser import CHROMIUM, launch, open_page
from zhongben.web.server import running

COMPANY = "91330683MA2B000009"


def plant_circle(path: Path, debtor: str, as_of: dt.date) -> None:
    con = duckdb.connect(str(path))
    filed = as_of - dt.timedelta(days=200)
    con.execute("INSERT INTO companies (uscc, name, legal_rep_name, legal_rep_id) VALUES "
                "(?, '嵊州某某贸易有限公司', '李梅', ?)", [COMPANY, SPOUSE])
    con.execute("INSERT INTO shareholdings (company_uscc, holder_name, holder_id, ratio) VALUES "
                "(?, '被执行人', ?, 0.7)", [COMPANY, debtor])
    con.execute("INSERT INTO vehicles (plate, owner_name, owner_id, registered_on, model, "
                "est_value) VALUES ('浙D8K888', '李梅', ?, ?, '保时捷卡宴', 820000)",
                [SPOUSE, filed + dt.timedelta(days=30)])
    con.execute("INSERT INTO restrictions (subject_id, name, kind, start_on) VALUES "
                "(?, '被执行人', '限制消费', ?)", [debtor, filed + dt.timedelta(days=10)])
    con.execute("INSERT INTO travel (person_id, mode, travelled_on, seat_class, origin, "
                "destination) VALUES (?, '航班', ?, '公务舱', '杭州', '三亚')",
                [debtor, filed + dt.timedelta(days=40)])
    for sql in unresolved_entities_sql():
        con.execute(sql)
    con.close()


@pytest.fixture
def planted(seeded: sessionmaker[Session], tmp_path: Path) -> tuple[Planted, Path]:
    return plant_profile(seeded, tmp_path)


def plant_profile(seeded: sessionmaker[Session], tmp_path: Path) -> tuple[Planted, Path]:
    """The county lead's debtor with money flows and a circle of relations in a workspace."""
    lead = county_lead(seeded)
    with seeded() as s:
        name = s.get(Lead, lead.key).subject_name  # type: ignore[union-attr]
    workspace = tmp_path / "ws.duckdb"
    plant_flows(workspace, lead.subject, name or "某某", lead.as_of)
    plant_circle(workspace, lead.subject, lead.as_of)
    return lead, workspace


@pytest.fixture
def profile_app(planted: tuple[Planted, Path], app_db: str) -> FastAPI:
    return create_app(Settings(db=app_db, secret_key="test-secret", workspace=str(planted[1])))


def test_the_profile_lists_the_assessment_term_by_term(
        profile_app: FastAPI, planted: tuple[Planted, Path]) -> None:
    client = TestClient(profile_app)
    login(client, "jcg")
    key = planted[0].key
    assert f'href="/leads/{key}/profile"' in client.get(f"/leads/{key}").text
    response = client.get(f"/leads/{key}/profile")
    assert response.status_code == 200
    page = response.text
    assert "失信：有履行能力而拒不履行" in page
    terms = page[page.index('id="assessment-terms"'):page.index("</table>",
                                                             page.index('id="assessment-terms"'))]
    assert "被限制消费后出行：航班 公务舱 杭州—三亚" in terms and "+3" in terms
    assert "债务形成后配偶取得车辆：浙D8K888 保时捷卡宴" in terms and "+2" in terms
    assert "出行记录" in terms and "机动车登记" in terms  # each term names its source table
    late = page[page.index('id="late-assets"'):]
    assert "820,000.00 元" in late and "配偶" in late
    assert "嵊州某某贸易有限公司" in page and "70.0%" in page  # controlled through its stake
    timeline = page[page.index('id="timeline"'):]
    assert "立案" in timeline and "出行" in timeline and "流水" in timeline
    assert 'data-src="/leads/' + key + '/relations.json"' in page
    assert not english(page_text(page), {"jcg"})
    data = client.get(f"/leads/{key}/relations.json").json()
    names = {n["name"] for n in data["nodes"]}
    assert {"李梅", "嵊州某某贸易有限公司"} <= names
    assert {"配偶", "法定代表人", "持股 70%"} <= {link["value"] for link in data["links"]}


def test_another_county_gets_404_and_an_assistant_sees_masked_ids(
        profile_app: FastAPI, planted: tuple[Planted, Path]) -> None:
    lead = planted[0]
    stranger = TestClient(profile_app)
    login(stranger, "jcg2")
    for url in (f"/leads/{lead.key}/profile", f"/leads/{lead.key}/relations.json"):
        response = stranger.get(url)
        assert response.status_code == 404 and "李梅" not in response.text, url
    assistant = TestClient(profile_app)
    login(assistant, "zl")
    page = assistant.get(f"/leads/{lead.key}/profile").text
    data = assistant.get(f"/leads/{lead.key}/relations.json").text
    for text in (page, data):
        assert lead.subject not in text and SPOUSE not in text
    assert SPOUSE[:6] + "********" + SPOUSE[-4:] in data
    with profile_app.state.sessions() as s:
        seen = {(e.username, e.object_type, e.detail.get("masked")) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.object_id == lead.key)).all()}
    assert {("zl", "profile", True), ("zl", "relations", True)} <= seen


def test_the_profile_on_the_demo_world(demo_workspace: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'app.db'}"
    sessions = build_app_db(demo_workspace, db)
    app = create_app(Settings(db=db, workspace=str(demo_workspace), secret_key="t"))
    client = TestClient(app)
    login(client, "jcg")
    lead = county_lead(sessions)
    for url in (f"/leads/{lead.key}/profile", f"/leads/{lead.key}/relations.json"):
        response = client.get(url)
        assert response.status_code == 200, url
    page = client.get(f"/leads/{lead.key}/profile").text
    assert "时间线" in page and 'id="verdict"' in page
    assert 'id="profile-unavailable"' not in page
    assert not english(page_text(page), {"jcg"})


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium")
@pytest.mark.parametrize("app_db", ["sqlite"], indirect=True)
def test_the_relation_graph_draws_in_a_browser_under_the_csp(
        profile_app: FastAPI, planted: tuple[Planted, Path]) -> None:
    from playwright.sync_api import sync_playwright

    lead = planted[0]
    with running(profile_app) as base, sync_playwright() as pw:
        browser = launch(pw)
        page = open_page(browser)
        errors = page_errors(page)
        drawn = drawn_relations(page, base, lead.key, "#profile-link")
        browser.close()
    assert drawn == 3 and not errors, errors  # the debtor, the spouse, the company


HELPER = "6230520000088889999"  # an account the lead cites, not the debtor's
ONWARD = "6230520000011112222"


def test_the_flow_report_traces_from_the_accounts_the_lead_cites(
        profile_app: FastAPI, planted: tuple[Planted, Path]) -> None:
    """A FL lead citing another person's account: the report opened from it traces that account
    too (before, it started only from the debtor's own accounts and showed none of it)."""
    from tests.graph.conftest import transfer

    from zhongben.store.models import LeadDetail

    lead, workspace = planted
    con = duckdb.connect(str(workspace))
    con.execute("INSERT INTO bank_accounts (account_no, holder_id, holder_name) VALUES "
                "(?, '330683196605056666', '赵某'), (?, '330683196707077777', '钱某')",
                [HELPER, ONWARD])
    for sql in unresolved_entities_sql():
        con.execute(sql)
    transfer(con, HELPER, ONWARD, f"{lead.as_of - dt.timedelta(days=50):%Y-%m-%d} 09:00",
             95_000, {HELPER, ONWARD})
    con.close()
    client = TestClient(profile_app)
    login(client, "jcg")
    assert ONWARD not in client.get(f"/leads/{lead.key}/flows").text  # the lead cites nothing
    with profile_app.state.sessions.begin() as s:
        detail = s.get(LeadDetail, lead.key)
        assert detail is not None
        detail.evidence = [*detail.evidence, {"table": "transactions", "file": "t.csv", "row": 2,
                                              "batch": 1, "fields": {"account_no": HELPER}}]
    page = client.get(f"/leads/{lead.key}/flows").text
    scope = page[page.index('id="flow-scope"'):page.index("</p>", page.index('id="flow-scope"'))]
    assert "线索所指账户" in scope and HELPER in scope
    paths = page[page.index('id="flow-paths"'):]
    assert f"赵某（线索所指账户）（{HELPER}）" in paths and ONWARD in paths
    assert "95,000.00" in paths
