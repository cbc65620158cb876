"""The workspace tables of petition intake: ``petition_matches`` (each petition's case or why it
has none) and ``lead_sources`` (which petition a lead came from). Both are replaced per petition,
so matching again changes nothing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb
import pyarrow as pa

from zhongben.petitions.match import Match

SOURCE = "12309申请"  # = store.petition_models.PETITION_SOURCE
MATCHES_DDL = """
CREATE TABLE IF NOT EXISTS petition_matches (
  petition_no VARCHAR PRIMARY KEY, method VARCHAR, case_no VARCHAR, candidates VARCHAR,
  note VARCHAR, matched_at TIMESTAMP
)"""
SOURCES_DDL = """
CREATE TABLE IF NOT EXISTS lead_sources (
  lead_key VARCHAR, source VARCHAR, petition_no VARCHAR, channel VARCHAR, received_on DATE,
  applicant_name VARCHAR, claim_text VARCHAR, linked_at TIMESTAMP,
  PRIMARY KEY (lead_key, petition_no)
)"""


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(MATCHES_DDL)
    con.execute(SOURCES_DDL)


def save_matches(con: duckdb.DuckDBPyConnection, matches: Sequence[Match]) -> None:
    ensure_tables(con)
    staged = pa.table({
        "petition_no": [m.petition_no for m in matches],
        "method": [m.method for m in matches],
        "case_no": pa.array([m.case_no for m in matches], pa.string()),
        "candidates": ["；".join(m.candidates) for m in matches],
        "note": [m.note for m in matches],
    })
    con.register("zb_petition_matches", staged)
    try:
        con.execute("DELETE FROM petition_matches WHERE petition_no IN "
                    "(SELECT petition_no FROM zb_petition_matches)")
        con.execute("INSERT INTO petition_matches SELECT *, now() FROM zb_petition_matches")
    finally:
        con.unregister("zb_petition_matches")


def link_leads(con: duckdb.DuckDBPyConnection, petitions: Sequence[str]) -> int:
    """Link every active lead on a matched petition's case (or on a debtor of it) to the
    petition; the number of links."""
    ensure_tables(con)
    con.register("zb_petition_nos", pa.table({"petition_no": pa.array(petitions, pa.string())}))
    try:
        con.execute("DELETE FROM lead_sources WHERE petition_no IN "
                    "(SELECT petition_no FROM zb_petition_nos)")
        con.execute(f"""INSERT INTO lead_sources
            SELECT DISTINCT l.lead_key, '{SOURCE}', p.petition_no, p.channel, p.received_on,
                   p.applicant_name, p.claim_text, now()
            FROM petition_matches m JOIN petitions p USING (petition_no)
            JOIN leads l ON l.status = 'active' AND (l.case_no = m.case_no OR
              (l.case_no IS NULL AND l.subject_id IN (SELECT id_no_entity FROM parties
               WHERE case_no = m.case_no AND role = '被执行人')))
            WHERE m.case_no IS NOT NULL
              AND m.petition_no IN (SELECT petition_no FROM zb_petition_nos)""")
        rows = con.execute("SELECT count(*) FROM lead_sources WHERE petition_no IN "
                           "(SELECT petition_no FROM zb_petition_nos)").fetchall()
    finally:
        con.unregister("zb_petition_nos")
    return int(rows[0][0])


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()}


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def read_sources(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every lead-source link, for publishing (an older workspace has none)."""
    if "lead_sources" not in _tables(con):
        return []
    return _dicts(con.execute(
        "SELECT lead_key, source, petition_no, channel, received_on FROM lead_sources"))


def read_published(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every matched-or-not petition without names, for publishing (none before matching)."""
    if not {"petitions", "petition_matches"} <= _tables(con):
        return []
    return _dicts(con.execute("""SELECT p.petition_no, p.received_on, p.channel, m.method,
        m.case_no, p.accepted_on, p.notified_on, coalesce(c.court, p.court) AS court
        FROM petitions p JOIN petition_matches m USING (petition_no)
        LEFT JOIN cases c ON c.case_no = m.case_no"""))


def read_matches(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every petition with its match (unmatched ones first), for listing and publishing."""
    ensure_tables(con)
    cursor = con.execute("""SELECT p.petition_no, p.received_on, p.channel, p.applicant_name,
        p.case_no AS named_case_no, p.party_name, p.claim_text, p.court, p.accepted_on,
        p.notified_on, m.method, m.case_no,
        m.candidates, m.note FROM petitions p LEFT JOIN petition_matches m USING (petition_no)
        ORDER BY m.case_no IS NOT NULL, p.received_on, p.petition_no""")
    return _dicts(cursor)
