"""The debtor page (/debtors/{ref}) over HTTP and in chromium: the county lead's debtor from
test_web_profile's planted workspace (a spouse, her company, a car after the debt, a flight under a
consumption restriction), a case-grain lead on the debtor's case, and a lead about the spouse so
that the graph has another debtor page to open."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import duckdb
import pytest
from chinese import english, page_text
from fastapi import FastAPI
from fastapi.testclient import TestClient
from helpers import drawn_relations, login, page_errors
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from test_web_flows import SPOUSE, Planted, county_lead
from test_web_profile import COMPANY, plant_profile

from zhongben.store.audit_words import Workflow, describe
from zhongben.store.leads import ALL_STATUSES
from zhongben.store.models import AuditEntry, Lead, Profile
from zhongben.store.testing import actor_of
from zhongben.web.app import Settings, create_app
from zhongben.web.browser import CHROMIUM, launch, open_page
from zhongben.web.debtor_ref import entity_of, ref_of
from zhongben.web.server import running
from zhongben.workflow.service import open_matter

CASE = "(2024)浙0683执77号"
CASE_LEAD = "debtor-case-grain-lead"
SPOUSE_LEAD = "debtor-spouse-lead"
HREF = re.compile(r'href="(/debtors/[A-Za-z0-9_-]+)"')


def _lead_like(like: Lead, key: str, **fields: object) -> Lead:
    return Lead(lead_key=key, rule_id=like.rule_id, rule_name=like.rule_name,
                family=like.family, org_id=like.org_id, court=like.court, as_of=like.as_of,
                score=1.5, severity="low", status="待核查", **fields)


def add_debtor_records(sessions: sessionmaker[Session], lead: Planted) -> None:
    """The debtor's 执行 case (profile snapshot), a case-grain lead on it that became a
    supervision case, and a lead about the spouse."""
    with sessions.begin() as s:
        like = s.get(Lead, lead.key)
        assert like is not None
        s.add(Profile(subject_id=lead.subject, data={"cases": [
            {"case_no": CASE, "court": "嵊州市人民法院", "filed_on": "2024-03-01",
             "close_method": "终结本次执行程序", "claim_amount": 300000.0}]}))
        case_lead = _lead_like(like, CASE_LEAD, case_no=CASE, party_names="某某")
        s.add_all([case_lead, _lead_like(like, SPOUSE_LEAD, subject_id=SPOUSE,
                                         subject_name="李梅", party_names="李梅")])
        s.flush()
        open_matter(s, actor_of(s, "jcg"), [case_lead], dt.date.today())


@pytest.fixture
def planted(seeded: sessionmaker[Session], tmp_path: Path) -> tuple[Planted, Path]:
    found = plant_profile(seeded, tmp_path)
    add_debtor_records(seeded, found[0])
    return found


@pytest.fixture
def debtor_app(planted: tuple[Planted, Path], app_db: str) -> FastAPI:
    return create_app(Settings(db=app_db, secret_key="test-secret", workspace=str(planted[1])))


def _href(app: FastAPI, entity: str) -> str:
    return f"/debtors/{ref_of(app.state.ref_key, entity)}"


def _part(page: str, marker: str) -> str:
    start = page.index(marker)
    return page[start:page.index("</table>", start) if "</table>" in page[start:] else None]


def test_the_reference_is_opaque_and_refuses_what_the_app_did_not_make(
        debtor_app: FastAPI) -> None:
    key = debtor_app.state.ref_key
    ref = ref_of(key, SPOUSE)
    assert SPOUSE not in ref and SPOUSE[-4:] not in ref and entity_of(key, ref) == SPOUSE
    assert ref_of(key, SPOUSE) == ref  # one debtor, one address
    tampered = ref[:-1] + ("A" if ref[-1] != "A" else "B")
    assert entity_of(key, tampered) is None and entity_of(key, SPOUSE) is None
    assert entity_of(b"another app" * 3, ref) is None and entity_of(key, "<script>") is None
    assert all(entity_of(key, "A" * n) is None for n in range(18, 60))  # no length breaks it


def test_the_debtor_page_shows_timeline_assessment_leads_and_cases(
        debtor_app: FastAPI, planted: tuple[Planted, Path]) -> None:
    lead = planted[0]
    client = TestClient(debtor_app)
    login(client, "jcg")
    href = _href(debtor_app, lead.subject)
    lead_page = client.get(f"/leads/{lead.key}").text
    assert f'id="debtor-link" href="{href}"' in lead_page
    assert f'id="debtor-link" href="{href}"' in client.get(f"/leads/{lead.key}/profile").text
    response = client.get(href)
    assert response.status_code == 200
    page = response.text
    assert lead.subject in page  # a 检察官 sees the number in full
    kinds = set(re.findall(r"<tr><td>[0-9-]+</td><td>(\w+)</td>", _part(page, 'id="timeline"')))
    assert {"案件", "限制", "出行", "流水"} <= kinds, kinds
    terms = _part(page, 'id="assessment-terms"')
    assert "被限制消费后出行：航班 公务舱 杭州—三亚" in terms and "+3" in terms
    assert "债务形成后配偶取得车辆：浙D8K888 保时捷卡宴" in terms
    assert "失信：有履行能力而拒不履行" in page
    leads = _part(page, 'id="debtor-leads"')
    assert f"/leads/{lead.key}" in leads and f"/leads/{CASE_LEAD}" in leads
    assert SPOUSE_LEAD not in leads
    assert CASE in _part(page, 'id="debtor-cases"') and "300,000.00" in page
    matters = page[page.index('id="debtor-matters"'):]
    assert 'href="/cases/' in matters.split("</ul>")[0]
    related = page[page.index('id="related-debtors"'):].split("</ul>")[0]
    assert f'href="{_href(debtor_app, SPOUSE)}"' in related and "李梅" in related
    assert f'data-src="{href}/relations.json"' in page
    assert not english(page_text(page), {"jcg"})


def test_the_debtor_relations_json_links_the_debtors_one_may_open(
        debtor_app: FastAPI, planted: tuple[Planted, Path]) -> None:
    lead = planted[0]
    client = TestClient(debtor_app)
    login(client, "jcg")
    data = client.get(_href(debtor_app, lead.subject) + "/relations.json").json()
    nodes = {n["name"]: n for n in data["nodes"]}
    assert {"李梅", "嵊州某某贸易有限公司"} <= set(nodes)
    assert nodes["李梅"]["href"] == _href(debtor_app, SPOUSE)
    assert "href" not in nodes["嵊州某某贸易有限公司"]  # no lead: no page to open
    assert {"配偶", "法定代表人", "持股 70%"} <= {link["value"] for link in data["links"]}
    lead_data = client.get(f"/leads/{lead.key}/relations.json").json()
    assert _href(debtor_app, SPOUSE) in {n.get("href") for n in lead_data["nodes"]}


def test_an_assistant_sees_ids_masked_and_every_view_is_audited(
        debtor_app: FastAPI, planted: tuple[Planted, Path]) -> None:
    lead = planted[0]
    assistant = TestClient(debtor_app)
    login(assistant, "zl")
    inbox = assistant.get("/leads", params={"status": ALL_STATUSES}).text
    hrefs = set(HREF.findall(inbox)) | set(HREF.findall(
        assistant.get(f"/leads/{lead.key}").text))
    assert _href(debtor_app, lead.subject) in hrefs
    href = _href(debtor_app, lead.subject)
    page = assistant.get(href).text
    data = assistant.get(href + "/relations.json").text
    for text in (page, data, " ".join(hrefs)):
        assert lead.subject not in text and SPOUSE not in text
    masked = lead.subject[:6] + "********" + lead.subject[-4:]
    assert masked in page and SPOUSE[:6] + "********" + SPOUSE[-4:] in data
    with debtor_app.state.sessions() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.username == "zl",
                                                     AuditEntry.object_type.like("debtor%")))
        seen = {(e.object_type, e.object_id, e.detail.get("masked"), e.detail.get("subject"))
                for e in entries}
    ref = href.rsplit("/", 1)[1]
    assert {("debtor", ref, True, masked), ("debtor_relations", ref, True, masked)} <= seen


def test_another_county_gets_404_for_a_copied_or_guessed_address(
        debtor_app: FastAPI, planted: tuple[Planted, Path]) -> None:
    lead = planted[0]
    stranger = TestClient(debtor_app)
    login(stranger, "jcg2")
    href = _href(debtor_app, lead.subject)
    for url in (href, href + "/relations.json", f"/debtors/{lead.subject}",
                _href(debtor_app, SPOUSE), href[:-2] + "xy", href + "A",
                "/debtors/E-0123456789ABCDEF"):
        response = stranger.get(url)
        assert response.status_code == 404 and "李梅" not in response.text, url
    assert "未找到（或不在本院管辖范围内）" in stranger.get(href).text
    jcg = TestClient(debtor_app)
    login(jcg, "jcg")
    assert jcg.get(f"/debtors/{lead.subject}").status_code == 404  # an ID is not an address


def test_search_results_link_to_the_debtor_page(
        debtor_app: FastAPI, planted: tuple[Planted, Path]) -> None:
    lead = planted[0]
    client = TestClient(debtor_app)
    login(client, "jcg")
    page = client.get("/search", params={"q": lead.subject}).text
    results = _part(page, 'id="search-leads"')
    href = _href(debtor_app, lead.subject)
    assert f'href="{href}"' in results
    assert client.get(href).status_code == 200


def test_a_party_named_script_stays_text(debtor_app: FastAPI,
                                         planted: tuple[Planted, Path]) -> None:
    lead, workspace = planted
    evil = "<script>alert(1)</script>"
    with debtor_app.state.sessions.begin() as s:
        row = s.get(Lead, lead.key)
        assert row is not None
        row.subject_name, row.party_names = evil, evil
    con = duckdb.connect(str(workspace))
    con.execute("UPDATE companies SET name = ? WHERE uscc = ?", [evil, COMPANY])
    con.close()
    client = TestClient(debtor_app)
    login(client, "jcg")
    href = _href(debtor_app, lead.subject)
    for url in (href, f"/leads?status={ALL_STATUSES}", f"/leads/{lead.key}/profile"):
        page = client.get(url).text
        assert evil not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page, url
    data = client.get(href + "/relations.json").json()
    assert evil in {n["name"] for n in data["nodes"]}  # JSON text; relations.js escapes it


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium")
@pytest.mark.parametrize("app_db", ["sqlite"], indirect=True)
def test_the_graph_on_the_debtor_page_opens_another_debtor_page(
        debtor_app: FastAPI, planted: tuple[Planted, Path]) -> None:
    from playwright.sync_api import sync_playwright

    lead = planted[0]
    with running(debtor_app) as base, sync_playwright() as pw:
        browser = launch(pw)
        page = open_page(browser)
        errors = page_errors(page)
        drawn = drawn_relations(page, base, lead.key, "#debtor-link")
        first = page.url
        page.locator("#relation-chart").scroll_into_view_if_needed()
        x, y = _node_on_screen(page, "李梅")
        page.mouse.click(x, y)
        page.wait_for_url(base + _href(debtor_app, SPOUSE))
        name = page.text_content("#debtor-name")
        page.wait_for_selector("#relation-chart[data-drawn]")
        browser.close()
    assert first == base + _href(debtor_app, lead.subject)
    assert drawn == 3 and name == "李梅" and not errors, errors


def _node_on_screen(page: Any, name: str) -> tuple[float, float]:
    """Where ECharts drew the named node, in the viewport's coordinates."""
    point = page.evaluate("""(name) => {
        const box = document.getElementById("relation-chart");
        const chart = echarts.getInstanceByDom(box);
        const data = chart.getModel().getSeriesByIndex(0).getData();
        const layout = data.getItemLayout(data.indexOfName(name));
        const at = chart.convertToPixel({seriesIndex: 0}, layout);
        const r = box.getBoundingClientRect();
        return [r.left + at[0], r.top + at[1]];
    }""", name)
    return float(point[0]), float(point[1])


def test_the_debtor_page_on_the_demo_world(demo_workspace: Path, tmp_path: Path) -> None:
    """Published leads and profile snapshots as the pipeline writes them: every debtor linked
    from the county's inbox opens, lists the lead it was linked from, and reads in Chinese."""
    from world import build_app_db

    db = f"sqlite:///{tmp_path / 'app.db'}"
    sessions = build_app_db(demo_workspace, db)
    app = create_app(Settings(db=db, workspace=str(demo_workspace), secret_key="t"))
    client = TestClient(app)
    login(client, "jcg")
    lead = county_lead(sessions)
    page = client.get(f"/leads/{lead.key}").text
    href = HREF.search(page[page.index('id="debtor-link"') - 200:])
    assert href is not None
    response = client.get(href.group(1))
    assert response.status_code == 200
    debtor = response.text
    assert f"/leads/{lead.key}" in _part(debtor, 'id="debtor-leads"')
    assert 'id="verdict"' in debtor and 'id="profile-unavailable"' not in debtor
    assert not english(page_text(debtor), {"jcg"})
    assert client.get(href.group(1) + "/relations.json").status_code == 200
    with app.state.sessions() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.object_type == "debtor")).one()
        said = describe(s, [entry], Workflow({}, {}))[0]
    assert entry.username == "jcg" and said.target == "被执行人页面"
    assert said.details.startswith("证件号码：")


def test_the_lead_and_case_pages_link_each_debtor_card_to_the_debtor_page(
        debtor_app: FastAPI, planted: tuple[Planted, Path]) -> None:
    lead = planted[0]
    href = _href(debtor_app, lead.subject)
    with debtor_app.state.sessions.begin() as s:
        matter = open_matter(s, actor_of(s, "jcg"), [s.get(Lead, lead.key)], dt.date.today())
        matter_id = matter.id
    assistant = TestClient(debtor_app)
    login(assistant, "zl")
    page = assistant.get(f"/leads/{lead.key}").text
    cards = page[page.index('class="card profile"'):]
    assert f'class="debtor-page" href="{href}"' in cards
    case = assistant.get(f"/cases/{matter_id}").text
    debtors = case[case.index('id="case-debtors"'):]
    debtors = debtors[:debtors.index("</dd>")]
    assert f'href="{href}"' in debtors
    assert lead.subject not in case and lead.subject[:6] + "********" in debtors
    assert assistant.get(href).status_code == 200
