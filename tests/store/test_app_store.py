"""Migrations, jurisdictions, the inbox query and publishing from a real DuckDB workspace."""

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from zhongben.store.accounts import authenticate, visible_org_ids
from zhongben.store.db import open_database
from zhongben.store.demo import sample_leads, seed_demo
from zhongben.store.leads import LeadFilter, page_of_leads
from zhongben.store.models import Base, Lead, Org, Profile
from zhongben.store.publish import SCREEN_COLUMNS, publish
from zhongben.store.security import mask_id, mask_phone
from zhongben.workspace import Workspace


def test_migrations_create_exactly_the_models(app_sessions: sessionmaker[Session]) -> None:
    with app_sessions() as s:
        context = MigrationContext.configure(s.connection())
        assert compare_metadata(context, Base.metadata) == []


def test_counties_see_their_courts_and_the_city_sees_all(seeded: sessionmaker[Session]) -> None:
    with seeded() as s:
        city = s.scalars(select(Org).where(Org.level == "市级")).one()
        county = s.scalars(select(Org).where(Org.name == "嵊州市人民检察院")).one()
        _, city_total = page_of_leads(s, visible_org_ids(s, city.id), LeadFilter(), 1)
        rows, county_total = page_of_leads(s, visible_org_ids(s, county.id), LeadFilter(), 1)
        assert (city_total, county_total) == (40, 20)
        assert {r.court for r in rows} == {"嵊州市人民法院"}


def test_inbox_filters_and_sort(seeded: sessionmaker[Session]) -> None:
    with seeded() as s:
        orgs = visible_org_ids(s, s.scalars(select(Org.id).where(Org.level == "市级")).one())
        rows, total = page_of_leads(s, orgs, LeadFilter(severity="high", min_amount="100000"),
                                    1, 10)
        assert total > 0 and all(r.severity == "high" for r in rows)
        assert all(r.unpaid_amount is not None and r.unpaid_amount >= 100000 for r in rows)
        assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)
        _, livelihood = page_of_leads(s, orgs, LeadFilter(livelihood="1"), 1)
        assert 0 < livelihood < 40


def test_passwords_are_argon2_and_numbers_masked(seeded: sessionmaker[Session]) -> None:
    with seeded() as s:
        user = authenticate(s, "jcg", "zhongben-demo")
        assert user is not None and user.password_hash.startswith("$argon2")
        assert authenticate(s, "jcg", "wrong") is None
    assert mask_id("330683199001011234") == "330683********1234"
    assert mask_phone("13812345678") == "138****5678"


def workspace_with_leads(path: Path, rows: list[dict]) -> None:
    with Workspace(path).connect() as con:
        con.execute("""create table leads (lead_key varchar primary key, rule_id varchar,
            rule_version integer, rule_name varchar, family varchar, case_no varchar,
            subject_id varchar, subject_name varchar, court varchar, court_code varchar,
            severity varchar, score double, score_terms json, livelihood boolean,
            unpaid_amount decimal(18,2), explanation varchar, legal_basis json, evidence json,
            params json, as_of date, status varchar, first_run integer, last_run integer,
            resolved_run integer, first_seen_at timestamp, updated_at timestamp,
            resolved_at timestamp)""")
        for row in rows:
            values = {**row, "status": row.pop("screen_status", "active")}
            for name in ("score_terms", "legal_basis", "evidence", "params"):
                values[name] = json.dumps(values[name], ensure_ascii=False)
            con.execute(f"insert into leads ({', '.join(SCREEN_COLUMNS)}) values "
                        f"({', '.join('?' for _ in SCREEN_COLUMNS)})",
                        [values[c] for c in SCREEN_COLUMNS])
        con.execute("insert into cases (case_no, court, filed_on, claim_amount, paid_amount) "
                    "values (?, '嵊州市人民法院', date '2023-01-05', 100000, 0)",
                    [rows[0]["case_no"]])
        con.execute("insert into parties (case_no, role, name, id_no, phone) values "
                    "(?, '被执行人', '王某', ?, '13812345678')",
                    [rows[0]["case_no"], rows[0]["subject_id"]])
        con.execute("insert into vehicles (plate, owner_id, registered_on, status) values "
                    "('浙D12345', ?, date '2022-03-01', '正常')", [rows[0]["subject_id"]])


@pytest.mark.slow  # > 1 s on an idle machine (CI durations, 2026-12-04)
def test_publish_copies_leads_and_profiles_and_keeps_review_state(tmp_path: Path) -> None:
    ws = tmp_path / "ws.duckdb"
    courts = ["嵊州市人民法院", "新昌县人民法院"]
    workspace_with_leads(ws, sample_leads(6, courts))
    sessions = open_database(tmp_path / "app.sqlite")
    with sessions.begin() as s:
        seed_demo(s, courts)
    report = publish(ws, sessions)
    assert (report.inserted, report.updated) == (6, 0)
    first = sample_leads(1, courts)[0]
    with sessions.begin() as s:
        lead = s.get(Lead, first["lead_key"])
        assert lead is not None and lead.evidence[0]["file"] == "cases.xlsx"
        assert s.get(Org, lead.org_id).name == "嵊州市人民检察院"  # type: ignore[union-attr]
        lead.status = "核查中"
        profile = s.get(Profile, first["subject_id"])
        assert profile is not None and profile.data["vehicles"][0]["plate"] == "浙D12345"
        assert s.get(Profile, f"case:{first['case_no']}") is not None
    with duckdb.connect(str(ws)) as con:
        con.execute("update leads set score = 1.5 where lead_key = ?", [first["lead_key"]])
    assert publish(ws, sessions).updated == 6
    with sessions() as s:
        lead = s.get(Lead, first["lead_key"])
        assert lead is not None and (lead.status, lead.score) == ("核查中", 1.5)
        assert lead.as_of == date(2025, 6, 30)
