"""The fund-flow report of a lead's debtor in the web app: a real DuckDB workspace with planted
transfers, the real app, over HTTP."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import openpyxl
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from helpers import login, page_errors
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from tests.graph.conftest import transfer

from zhongben.contracts.storage import unresolved_entities_sql
from zhongben.graph.render import write_html
from zhongben.graph.report import PATH_COLUMNS, build_flow_report
from zhongben.store.demo import DEMO_PASSWORD
from zhongben.store.models import AuditEntry, Lead, Org
from zhongben.web.app import Settings, create_app
from zhongben.web.browser import CHROMIUM, launch, log_in, open_page
from zhongben.web.flows import NO_WORKSPACE
from zhongben.web.server import running
from zhongben.workspace import ensure_schema

OWN = "6222021200001234567"  # the debtor's account
MIDDLE = "6217001200005556666"  # 王五, statement obtained
SPOUSE_ACCOUNT = "6228481200007654321"
UNOBTAINED = "6222029999000011112"
SPOUSE = "330683199203024321"
OWN_MASKED = OWN[:6] + "*" * 9 + OWN[-4:]


@dataclass(frozen=True)
class Planted:
    key: str
    subject: str
    as_of: dt.date


def plant_flows(path: Path, debtor: str, name: str, as_of: dt.date) -> None:
    """The debtor's money: 150,000 to 王五, who passes 140,000 on to the debtor's spouse within
    days; 20,000 taken in cash; 60,000 to an account whose statement was not obtained; and a
    transfer after the screening date that the report must not show."""
    con = duckdb.connect(str(path))
    ensure_schema(con)
    filed = as_of - dt.timedelta(days=200)
    con.execute(
        "INSERT INTO cases (case_no, filed_on, closed_on, close_method) VALUES "
        "('(2024)浙0683执77号', ?, ?, '终结本次执行程序')", [filed, filed + dt.timedelta(days=90)]
    ).fetchall()
    con.execute("INSERT INTO parties (case_no, role, name, id_no) VALUES "
                "('(2024)浙0683执77号', '被执行人', ?, ?)", [name, debtor]).fetchall()
    con.execute("INSERT INTO relations (person_a_id, person_b_id, relation) VALUES (?, ?, '配偶')",
                [debtor, SPOUSE]).fetchall()
    con.execute("INSERT INTO bank_accounts (account_no, holder_id, holder_name) VALUES "
                "(?, ?, ?), (?, ?, '李梅'), (?, '330683197001015555', '王五')",
                [OWN, debtor, name, SPOUSE_ACCOUNT, SPOUSE, MIDDLE]).fetchall()
    for sql in unresolved_entities_sql():
        con.execute(sql)
    ok = {OWN, MIDDLE, SPOUSE_ACCOUNT}
    start = as_of - dt.timedelta(days=100)

    def at(days: int) -> str:
        return f"{start + dt.timedelta(days=days):%Y-%m-%d} 10:00"

    transfer(con, OWN, MIDDLE, at(0), 150_000, ok)
    transfer(con, MIDDLE, SPOUSE_ACCOUNT, at(9), 140_000, ok, summary=f"转{SPOUSE_ACCOUNT}")
    transfer(con, OWN, None, at(2), 20_000, ok, summary="ATM取现", channel="ATM")
    transfer(con, OWN, UNOBTAINED, at(4), 60_000, ok)
    transfer(con, OWN, MIDDLE, f"{as_of + dt.timedelta(days=5):%Y-%m-%d} 10:00", 880_000, ok)
    con.close()


def county_lead(sessions: sessionmaker[Session]) -> Planted:
    """The best lead of the first county (the one jcg and zl work in), with a debtor."""
    with sessions() as s:
        county = s.scalars(select(Org.id).where(Org.name == "嵊州市人民检察院")).one()
        lead = s.scalars(select(Lead).where(Lead.org_id == county, Lead.subject_id.is_not(None))
                         .order_by(Lead.score.desc())).first()
        assert lead is not None and lead.subject_id and lead.as_of
        return Planted(lead.lead_key, lead.subject_id, lead.as_of)


@pytest.fixture
def planted(seeded: sessionmaker[Session], tmp_path: Path) -> tuple[Planted, Path]:
    lead = county_lead(seeded)
    with seeded() as s:
        name = s.get(Lead, lead.key).subject_name  # type: ignore[union-attr]
    workspace = tmp_path / "ws.duckdb"
    plant_flows(workspace, lead.subject, name or "某某", lead.as_of)
    return lead, workspace


@pytest.fixture
def flows_app(planted: tuple[Planted, Path], app_db: str) -> FastAPI:
    return create_app(Settings(db=app_db, secret_key="test-secret", workspace=str(planted[1])))


def test_the_lead_page_links_to_the_report(flows_app: FastAPI,
                                           planted: tuple[Planted, Path]) -> None:
    client = TestClient(flows_app)
    login(client, "jcg")
    key = planted[0].key
    page = client.get(f"/leads/{key}").text
    assert f'href="/leads/{key}/flows"' in page and "资金流向报告" in page


def test_the_report_shows_each_traced_path_and_why_it_ends(
        flows_app: FastAPI, planted: tuple[Planted, Path]) -> None:
    client = TestClient(flows_app)
    login(client, "jcg")
    lead = planted[0]
    response = client.get(f"/leads/{lead.key}/flows")
    assert response.status_code == 200
    page = response.text
    paths = page[page.index('id="flow-paths"'):]
    row = re.search(r"<tr><td class=\"num\">1</td>.*?</tr>", paths, re.S)
    assert row and f"李梅（配偶）（{SPOUSE_ACCOUNT}）" in row.group(0)
    assert "流入被执行人亲属或关联方账户" in row.group(0)
    assert f"户名未知（{UNOBTAINED}）" in paths and "该账户流水未调取" in paths
    assert "取现，现金去向无法从流水继续追踪" in paths
    assert "150,000.00" in paths and "880,000.00" not in page  # nothing after the as_of date
    assert lead.subject in page and OWN in page  # a 检察官 sees the numbers in full
    assert 'id="flow-data"' in page and 'src="/static/flows.js"' in page
    assert 'href="/leads/' + lead.key + '/flows/export.xlsx"' in page
    scripts = re.findall(r"<script([^>]*)>", page)
    assert all("src=" in s or 'type="application/json"' in s for s in scripts), scripts
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert client.get("/static/flows.js").status_code == 200


def test_markup_in_names_and_summaries_is_text_in_the_report(
        seeded: sessionmaker[Session], tmp_path: Path, app_db: str) -> None:
    """Names and summaries come from statements an attacker can write: in the report's tables
    they are escaped, in its chart data no ``<`` survives to close the script element."""
    lead = county_lead(seeded)
    workspace = tmp_path / "ws.duckdb"
    plant_flows(workspace, lead.subject, '张三</script><script>alert("终本")</script>', lead.as_of)
    con = duckdb.connect(str(workspace))
    con.execute("UPDATE bank_accounts SET holder_name = '<img src=x onerror=alert(1)>' "
                "WHERE account_no = ?", [MIDDLE]).fetchall()
    con.close()
    app = create_app(Settings(db=app_db, secret_key="test-secret", workspace=str(workspace)))
    client = TestClient(app)
    login(client, "jcg")
    page = client.get(f"/leads/{lead.key}/flows").text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page  # the holder's name, shown as text
    data = page[page.index('id="flow-data">'):]
    data = data[:data.index("</script>")]
    assert "<" not in data.split(">", 1)[1] and "\\u003cimg" in data


def test_another_county_gets_404_on_both_urls(flows_app: FastAPI,
                                              planted: tuple[Planted, Path]) -> None:
    client = TestClient(flows_app)
    login(client, "jcg2")
    key = planted[0].key
    for url in (f"/leads/{key}/flows", f"/leads/{key}/flows/export.xlsx"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "李梅" not in response.text


def test_an_assistant_sees_masked_numbers_and_every_view_is_audited(
        flows_app: FastAPI, planted: tuple[Planted, Path]) -> None:
    full, masked = TestClient(flows_app), TestClient(flows_app)
    login(full, "jcg")
    login(masked, "zl")
    lead = planted[0]
    full.get(f"/leads/{lead.key}/flows")
    page = masked.get(f"/leads/{lead.key}/flows").text
    assert lead.subject not in page and lead.subject[:6] + "********" + lead.subject[-4:] in page
    for number in (OWN, SPOUSE_ACCOUNT, UNOBTAINED):
        assert number not in page, number  # in labels, chart data and summaries alike
    assert f"（{OWN_MASKED}）" in page
    book = openpyxl.load_workbook(io.BytesIO(
        masked.get(f"/leads/{lead.key}/flows/export.xlsx?purpose=核查").content))
    cells = [str(c) for row in book.active.iter_rows(values_only=True) for c in row]
    assert not [c for c in cells if OWN in c or SPOUSE_ACCOUNT in c]
    assert any(OWN_MASKED in c for c in cells)
    with flows_app.state.sessions() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.object_type == "flows",
                                                     AuditEntry.object_id == lead.key)).all()
    seen = {(e.username, e.action, e.detail.get("masked")) for e in entries}
    assert seen == {("jcg", "view_personal", False), ("zl", "view_personal", True),
                    ("zl", "export", True)}


def test_the_paths_export_to_excel(flows_app: FastAPI, planted: tuple[Planted, Path]) -> None:
    client = TestClient(flows_app)
    login(client, "jcg")
    response = client.get(f"/leads/{planted[0].key}/flows/export.xlsx?purpose=核查")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert tuple(c.value for c in sheet[1]) == PATH_COLUMNS
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    first = [r for r in rows if r[0] == 1]
    assert [r[6] for r in first] == [150_000, 140_000]
    assert first[-1][10] == f"李梅（配偶）（{SPOUSE_ACCOUNT}）"


def test_without_a_workspace_the_page_says_so(web_app: FastAPI, seeded: sessionmaker[Session],
                                              app_db: str, tmp_path: Path) -> None:
    key = county_lead(seeded).key
    gone = create_app(Settings(db=app_db, secret_key="test-secret",
                               workspace=str(tmp_path / "gone.duckdb")))
    for app, message in ((web_app, NO_WORKSPACE), (gone, "工作库不可用：找不到工作库文件")):
        client = TestClient(app)
        login(client, "jcg")
        response = client.get(f"/leads/{key}/flows")
        assert response.status_code == 200 and message in response.text
        assert 'id="flow-data"' not in response.text
        export = client.get(f"/leads/{key}/flows/export.xlsx?purpose=核查")
        assert export.status_code == 503 and message in export.text


def test_a_busy_workspace_is_named_not_an_error(flows_app: FastAPI,
                                                planted: tuple[Planted, Path]) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
         "print('locked', flush=True); sys.stdin.read()", str(planted[1])],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        client = TestClient(flows_app)
        login(client, "jcg")
        response = client.get(f"/leads/{planted[0].key}/flows")
        assert response.status_code == 200 and "工作库正被占用" in response.text
    finally:
        holder.communicate("")


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium")
@pytest.mark.parametrize("app_db", ["sqlite"], indirect=True)
def test_the_graph_draws_in_a_browser_under_the_csp(
        flows_app: FastAPI, planted: tuple[Planted, Path], tmp_path: Path) -> None:
    """From the lead page to the drawn graph; the offline file the CLI writes draws too."""
    from playwright.sync_api import sync_playwright

    lead = planted[0]
    with duckdb.connect(str(planted[1]), read_only=True) as con:
        offline = tmp_path / "offline" / "flows.html"
        offline.parent.mkdir()
        write_html(build_flow_report(con, lead.subject, lead.as_of), offline)
    with running(flows_app) as base, sync_playwright() as pw:
        browser = launch(pw)
        page = open_page(browser)
        errors = page_errors(page)
        log_in(page, base, "jcg", DEMO_PASSWORD)
        page.goto(f"{base}/leads/{lead.key}")
        page.click("#flow-report")
        page.wait_for_selector("#flow-chart canvas")
        assert "流入被执行人亲属或关联方账户" in page.inner_text("#flow-paths")
        page.goto(offline.as_uri())
        page.wait_for_selector("#flow-chart canvas")
        browser.close()
    assert not errors, errors
