"""Leads are stored by identity: re-running never duplicates, changes update, vanished resolve."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
from tests.screening import screen_on as screen

from zhongben.leads.model import lead_key
from zhongben.leads.scope import Scope

AS_OF = dt.date(2024, 12, 31)
DEBTOR = "330683199001012222"

RULES = ["ZB-01", "DC-01"]


def leads(con: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    return con.execute(
        "SELECT rule_id, case_no, subject_id, status, first_run, last_run, resolved_run "
        "FROM leads ORDER BY rule_id"
    ).fetchall()


def test_lead_identity_and_stored_fields(con: duckdb.DuckDBPyConnection) -> None:
    result = screen(con, AS_OF, RULES)
    assert leads(con) == [
        ("DC-01", "(2024)浙0602执2号", DEBTOR, "active", 1, 1, None),
        ("ZB-01", "(2024)浙0683执1号", None, "active", 1, 1, None),
    ]
    key, evidence, basis, court = con.execute(
        "SELECT lead_key, evidence, legal_basis, court FROM leads WHERE rule_id = 'DC-01'"
    ).fetchall()[0]
    assert key == lead_key("DC-01", "(2024)浙0602执2号", DEBTOR)
    assert court == "越城区人民法院"
    tables = sorted(item["table"] for item in json.loads(evidence))
    assert tables == ["cases", "parties", "vehicles"]
    assert {"file": "vehicles.csv", "row": 2, "batch": 1}.items() <= json.loads(evidence)[2].items()
    assert json.loads(basis)[0] == {"status": "V", "text": "终本规定 第1条第3项"}
    assert result.run_id == 1
    run = con.execute(
        "SELECT as_of, lead_count, finished_at IS NOT NULL FROM screen_runs"
    ).fetchall()
    assert run == [(AS_OF, 2, True)]


def test_rerun_does_not_duplicate_and_keeps_first_seen(con: duckdb.DuckDBPyConnection) -> None:
    screen(con, AS_OF, RULES)
    first = con.execute("SELECT lead_key, updated_at FROM leads ORDER BY 1").fetchall()
    screen(con, AS_OF, RULES)
    assert [row[3:6] for row in leads(con)] == [("active", 1, 2), ("active", 1, 2)]
    assert con.execute("SELECT lead_key, updated_at FROM leads ORDER BY 1").fetchall() == first


def test_changed_lead_is_updated(con: duckdb.DuckDBPyConnection) -> None:
    screen(con, AS_OF, RULES)
    con.execute(
        "INSERT INTO real_estate (unit_no, owner_id, acquired_on, _file, _row, _batch) "
        "VALUES ('U1', ?, DATE '2019-01-01', 'real_estate.csv', 2, 2)",
        [DEBTOR],
    )
    screen(con, AS_OF, RULES)
    explanation, updated, first = con.execute(
        "SELECT explanation, updated_at, first_seen_at FROM leads WHERE rule_id = 'DC-01'"
    ).fetchall()[0]
    assert "不动产U1" in explanation and "车辆浙D12345" in explanation
    assert updated > first
    assert con.execute("SELECT count(*) FROM leads").fetchall() == [(2,)]


def test_vanished_lead_is_resolved_never_deleted(con: duckdb.DuckDBPyConnection) -> None:
    screen(con, AS_OF, RULES)
    con.execute(
        "INSERT INTO actions (case_no, action, acted_on, target_id) "
        "VALUES ('(2024)浙0602执2号', '查封', DATE '2024-03-01', '浙D12345')"
    )
    screen(con, AS_OF, RULES)
    assert leads(con)[0] == ("DC-01", "(2024)浙0602执2号", DEBTOR, "resolved", 1, 1, 2)
    screen(con, AS_OF, ["ZB-01"])  # a run of other rules leaves resolved and active leads alone
    assert leads(con)[0][3] == "resolved" and leads(con)[1][3] == "active"


def test_scope_keeps_leads_of_its_courts_and_resolves_only_inside_it(
    con: duckdb.DuckDBPyConnection,
) -> None:
    screen(con, AS_OF, RULES)
    result = screen(con, AS_OF, RULES, scope=Scope(courts=["浙0683"]))
    assert [lead.rule_id for lead in result.leads] == ["ZB-01"]
    assert [row[3] for row in leads(con)] == ["active", "active"]  # DC-01 is outside the scope


def test_parameters_and_rule_version_are_recorded(con: duckdb.DuckDBPyConnection) -> None:
    screen(con, AS_OF, RULES)
    version, as_of = con.execute(
        "SELECT rule_version, as_of FROM leads WHERE rule_id = 'ZB-01'"
    ).fetchall()[0]
    assert (version, as_of) == (1, AS_OF)
