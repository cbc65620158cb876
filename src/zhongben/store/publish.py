"""Publishing the workspace's leads into the application database, in one transaction, so the web
app never reads DuckDB while a screen may be writing it. A lead's review state here (status,
assignee, case, transfer) survives re-publication; its screening facts are refreshed, except the
version and date that first found it (``found_version``, ``found_as_of``: set once), while
``versions`` gains every version the workspace has seen find it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from zhongben.documents.sources import add_case_facts
from zhongben.engine.duckdb import DuckDBEngine
from zhongben.engine.opener import WorkspaceError, open_read
from zhongben.petitions.store import read_published, read_sources
from zhongben.store.accounts import court_owners, root_org_id
from zhongben.store.identity import read_identity, store_identity
from zhongben.store.models import Lead, LeadDetail, Profile
from zhongben.store.petition_publish import store_petitions
from zhongben.store.profiles import build_profiles
from zhongben.store.search_index import annotate, refresh_statistics, write_terms

JSON_COLUMNS = ("score_terms", "legal_basis", "evidence", "params")
DETAIL_COLUMNS = ("explanation", *JSON_COLUMNS, "parties", "related_cases")
SCREEN_COLUMNS = (
    "lead_key", "rule_id", "rule_version", "rule_name", "family", "case_no", "subject_id",
    "subject_name", "court", "court_code", "severity", "score", "score_terms", "livelihood",
    "unpaid_amount", "explanation", "legal_basis", "evidence", "params", "as_of", "status",
    "first_seen_at", "updated_at", "resolved_at",
)
# Added by issue 18; a workspace screened before has none (found by what the lead holds).
FOUND_COLUMNS = ("found_version", "found_as_of", "versions")
KEPT_ON_UPDATE = ("found_version", "found_as_of")


class PublishError(RuntimeError):
    pass


@dataclass(frozen=True)
class PublishReport:
    inserted: int
    updated: int
    profiles: int


def read_workspace_leads(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    tables = {r[0] for r in con.execute("select table_name from information_schema.tables")
              .fetchall()}
    if "leads" not in tables:
        raise PublishError("工作区中没有线索表（leads），请先运行 zhongben screen")
    present = {r[0] for r in con.execute(
        "select column_name from information_schema.columns where table_name = 'leads'")
        .fetchall()}
    found = [c for c in FOUND_COLUMNS if c in present]
    cursor = con.execute(f"select {', '.join((*SCREEN_COLUMNS, *found))} from leads")
    names = [d[0] for d in cursor.description]
    return [_row(dict(zip(names, values, strict=True))) for values in cursor.fetchall()]


def _found(raw: dict[str, Any]) -> None:
    versions = raw.get("versions")
    versions = json.loads(versions) if isinstance(versions, str) else versions
    raw["versions"] = sorted({int(v) for v in versions or []} | {int(raw["rule_version"])})
    if raw.get("found_version") is None:
        raw["found_version"] = raw["versions"][0]
    if raw.get("found_as_of") is None:
        raw["found_as_of"] = raw["as_of"]


def _row(raw: dict[str, Any]) -> dict[str, Any]:
    _found(raw)
    for name in JSON_COLUMNS:
        if isinstance(raw[name], str):
            raw[name] = json.loads(raw[name])
        raw[name] = raw[name] if raw[name] is not None else ([] if name != "params" else {})
    raw["screen_status"] = raw.pop("status") or "active"
    raw["livelihood"] = bool(raw["livelihood"])
    return raw


def publish(workspace: str | Path, sessions: sessionmaker[Session]) -> PublishReport:
    try:
        with open_read(workspace) as con:
            rows = read_workspace_leads(con)
            profiles = build_profiles(con, rows)
            add_case_facts(DuckDBEngine(con), rows, profiles)
            identity = read_identity(con)
            petitions, sources = read_published(con), read_sources(con)
    except WorkspaceError as exc:  # missing, damaged, or another process holds the writer
        raise PublishError(str(exc)) from exc
    courts = {k: v["cases"][-1]["court"] for k, v in profiles.items() if v.get("cases")}
    with sessions.begin() as session:
        inserted, updated = store_leads(session, rows, courts, profiles)
        store_profiles(session, profiles)
        store_identity(session, identity)  # the links leads rest on, the review band
        store_petitions(session, petitions, sources)  # 12309 applications, each lead's source
    refresh_statistics(sessions)
    return PublishReport(inserted, updated, len(profiles))


def store_leads(session: Session, rows: list[dict[str, Any]],
                subject_courts: dict[str, str] | None = None,
                profiles: dict[str, dict[str, Any]] | None = None) -> tuple[int, int]:
    """Upsert ``rows`` (dicts in the leads.md shape) with who they are about and their search
    terms. A new lead goes to the procuratorate of its court; a lead without a case (debtor
    grain) to that of the debtor's latest case's court."""
    existing = set(session.scalars(select(Lead.lead_key)))
    terms = annotate(rows, profiles or {})
    owners, fallback = court_owners(session), root_org_id(session)
    new = [r for r in rows if r["lead_key"] not in existing]
    old = _keep_found(session, [r for r in rows if r["lead_key"] in existing])
    subject_courts = subject_courts or {}
    for row in new:
        court = row.get("court") or subject_courts.get(row.get("subject_id") or "", "")
        row["org_id"] = owners.get(court, row.get("org_id") or fallback)
        row.setdefault("status", "待核查")
    for batch, statement in ((new, insert), (old, update)):
        if batch:
            narrow, details = _split(batch)
            session.execute(statement(Lead), narrow)
            session.execute(statement(LeadDetail), details)
    write_terms(session, terms, [r["lead_key"] for r in old])
    return len(new), len(old)


def _keep_found(session: Session, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` of published leads without what first found them (kept as published) and with
    ``versions`` the union of the published and the workspace's."""
    known: dict[str, tuple[int | None, list[Any]]] = {}
    keys = [r["lead_key"] for r in rows]
    for start in range(0, len(keys), 500):
        query = select(Lead.lead_key, Lead.found_version, Lead.versions).where(
            Lead.lead_key.in_(keys[start:start + 500]))
        known.update({key: (found, list(versions or []))
                      for key, found, versions in session.execute(query)})
    out = []
    for row in rows:
        found, versions = known.get(row["lead_key"], (None, []))
        if found is not None:  # published with what found it: that stays
            row = {k: v for k, v in row.items() if k not in KEPT_ON_UPDATE}
        row["versions"] = sorted({*row["versions"], *versions})
        out.append(row)
    return out


def _split(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    narrow = [{k: v for k, v in r.items() if k not in DETAIL_COLUMNS} for r in rows]
    details = [{"lead_key": r["lead_key"], **{k: r.get(k) for k in DETAIL_COLUMNS}}
               for r in rows]
    return narrow, details


def store_profiles(session: Session, profiles: dict[str, dict[str, Any]]) -> None:
    if not profiles:
        return
    keys = list(profiles)
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        session.execute(delete(Profile).where(Profile.subject_id.in_(chunk)))
    session.execute(insert(Profile), [{"subject_id": k, "data": v} for k, v in profiles.items()])
