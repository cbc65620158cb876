"""The data horizon: each table's reach is known after ingest; a screen past it warns per table
and rule (CLI, stored run, each lead), and the rules firing on an absence count only the time
the data covers — screening the world months after its data finds no more of their leads."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from zhongben.cli.main import app
from zhongben.ingest.horizon import SLACK_DAYS, Connection, table_horizons
from zhongben.ingest.report import LoadReport
from zhongben.rules.loader import load_library
from zhongben.workspace import Workspace, ensure_schema

from .conftest import AS_OF

LATE = date(2027, 3, 31)


@pytest.fixture(scope="module")
def loaded(world: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Workspace, LoadReport]:
    folder = tmp_path_factory.mktemp("horizon")
    workspace = Workspace(folder / "w.duckdb")
    return workspace, workspace.ingest([world], quarantine_dir=folder / "q")


def test_streams_registries_months_and_empty_tables() -> None:
    con = duckdb.connect()
    ensure_schema(con)
    con.execute("INSERT INTO actions (case_no, action, acted_on) "
                "VALUES ('a', '查询', '2026-06-30')")
    con.execute(f"INSERT INTO payments (case_no, received_on) VALUES ('a', "
                f"DATE '2026-06-30' - INTERVAL {SLACK_DAYS - 1} DAY)")  # a quiet month
    con.execute("INSERT INTO documents (case_no, ruled_on) VALUES ('a', '2025-12-31')")  # stopped
    con.execute("INSERT INTO vehicles (plate, owner_id, registered_on) VALUES ('浙D1', 'x', "
                "'2019-05-01')")  # a registry extract: current, though its last event is old
    con.execute("INSERT INTO social_insurance (person_id, month) VALUES ('x', '2026-06-01')")
    found = table_horizons(Connection(con))
    assert found["actions"].latest == found["payments"].latest == date(2026, 6, 30)
    assert found["documents"].latest == date(2025, 12, 31)
    assert found["vehicles"].latest == date(2026, 6, 30)
    assert found["vehicles"].last_event == date(2019, 5, 1)
    assert found["social_insurance"].latest == date(2026, 6, 30)
    assert found["travel"].rows == 0 and found["travel"].latest is None


@pytest.mark.slow
def test_ingest_stores_and_reports_each_tables_reach(loaded: tuple[Workspace, LoadReport]) -> None:
    workspace, report = loaded
    assert f"执行措施 {AS_OF.isoformat()}" in report.horizons
    with workspace.connect(read_only=True) as con:
        stored = dict(con.execute("SELECT table_name, latest_on FROM data_horizons").fetchall())
    assert stored["actions"] == AS_OF and stored["cases"] == AS_OF


@pytest.mark.slow
def test_a_screen_past_the_data_warns_and_absence_rules_do_not_grow(
        loaded: tuple[Workspace, LoadReport]) -> None:
    workspace, _ = loaded
    own = workspace.screen(AS_OF)
    assert own.warnings == []
    late = workspace.screen(LATE)
    absence = {r.id for r in load_library().values() if r.header.absence_of}
    assert {"HF-01", "QX-01", "ZK-01", "HF-03"} <= absence
    before, after = Counter(x.rule_id for x in own.leads), Counter(x.rule_id for x in late.leads)
    for rule_id in absence:
        assert after[rule_id] <= before[rule_id], rule_id
    assert after["HF-01"] == before["HF-01"] > 0
    warned = {w.table: w for w in late.warnings}
    assert warned["actions"].latest == AS_OF and "HF-01" in warned["actions"].absence_rules
    assert "2027-03-31" in warned["actions"].message(LATE)
    noted = [x.explanation for x in late.leads if x.rule_id == "HF-01"]
    assert all("执行措施截至2026-06-30" in text for text in noted)
    with workspace.connect(read_only=True) as con:
        (stored,) = con.execute("SELECT horizon_warnings FROM screen_runs WHERE run_id = ?",
                                [late.run_id]).fetchone() or (None,)
    assert {w["table"] for w in json.loads(stored)} == set(warned)


@pytest.mark.slow
def test_the_cli_prints_the_warning(loaded: tuple[Workspace, LoadReport]) -> None:
    workspace, _ = loaded
    result = CliRunner().invoke(app, ["screen", "--db", str(workspace.path), "--as-of",
                                      LATE.isoformat(), "--format", "json", "--no-publish"])
    assert result.exit_code == 0, result.output
    assert "数据截止警告" in result.stderr and "HF-01" in result.stderr
    body = json.loads(result.stdout)
    assert any(w["table"] == "actions" for w in body["horizon_warnings"])


def test_an_absence_rule_on_an_empty_table_is_not_run(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "w.duckdb")
    with workspace.connect() as con:
        con.execute("INSERT INTO cases (case_no, court, filed_on, closed_on, close_method) VALUES "
                    "('(2020)浙0683执1号', '嵊州市人民法院', '2020-01-02', '2020-03-01', "
                    "'终结本次执行程序')")
    result = workspace.screen(date(2026, 6, 30), _rules("HF-01"))
    assert result.leads == []
    assert any("执行措施" in w and "未运行" in w for w in result.warning_lines())


def _rules(*ids: str):  # type: ignore[no-untyped-def]
    from zhongben.rules.config import ScreenConfig

    return ScreenConfig(rules=list(ids))
