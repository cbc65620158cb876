"""The stable command line: screen (json, csv, xlsx), evaluate, rules."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from zhongben.cli.main import app
from zhongben.ingest.catalog import ensure_catalog, finish_batch, start_batch

RUNNER = CliRunner()
SCREEN = ["screen", "--as-of", "2024-12-31", "--rules", "ZB-01,DC-01"]


def test_screen_json_has_the_contract_fields(db_path: str) -> None:
    result = RUNNER.invoke(app, [*SCREEN, "--db", db_path, "--format", "json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert {lead["rule_id"] for lead in body["leads"]} == {"ZB-01", "DC-01"}
    assert body["as_of"] == "2024-12-31"


@pytest.mark.slow  # > 1 s on an idle machine (CI durations, 2026-12-04)
def test_screen_xlsx_csv_and_parameter_overrides(db_path: str, tmp_path: Path) -> None:
    out = tmp_path / "leads.xlsx"
    result = RUNNER.invoke(app, [*SCREEN, "--db", db_path, "--format", "xlsx", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert CalamineWorkbook.from_path(str(out)).sheet_names[0] == "汇总"
    csv_out = tmp_path / "leads.csv"
    args = [*SCREEN, "--db", db_path, "--format", "csv", "--out", str(csv_out), "--court", "浙0683"]
    assert RUNNER.invoke(app, args).exit_code == 0
    assert csv_out.read_text(encoding="utf-8").count("\n") == 2  # header + the ZB-01 lead


def test_bad_parameter_is_refused_in_chinese(db_path: str) -> None:
    result = RUNNER.invoke(app, [*SCREEN, "--db", db_path, "--param", "ZB-01.nothing=3"])
    assert result.exit_code == 2
    assert "没有参数" in result.output


def test_evaluate_json(db_path: str, tmp_path: Path) -> None:
    truth = tmp_path / "truth.csv"
    truth.write_text("rule_id,case_no,subject_id\nZB-01,(2024)浙0683执1号,\n", encoding="utf-8")
    args = ["evaluate", "--db", db_path, "--truth", str(truth), "--as-of", "2024-12-31",
            "--rules", "ZB-01,DC-01", "--format", "json"]  # fmt: skip
    result = RUNNER.invoke(app, args)
    assert result.exit_code == 0, result.output
    scores = {r["rule_id"]: r for r in json.loads(result.stdout)["rules"]}
    assert scores["ZB-01"]["precision"] == 1.0 and scores["ZB-01"]["recall"] == 1.0
    assert scores["DC-01"]["false_positives"] == 1


def test_rules_list_show_test() -> None:
    assert "ZB-01" in RUNNER.invoke(app, ["rules", "list"]).output
    shown = RUNNER.invoke(app, ["rules", "show", "DC-01"]).output
    assert "终本规定 第1条第3项" in shown and "zb_evidence" in shown
    tested = RUNNER.invoke(app, ["rules", "test", "ZB-01"])
    assert tested.exit_code == 0 and "通过" in tested.output


@pytest.mark.slow  # > 1 s on an idle machine (CI durations, 2026-12-04)
def test_screen_publishes_only_into_an_existing_application_database(
    db_path: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zhongben.store.db import open_database
    from zhongben.store.models import Lead
    from zhongben.workspace import Workspace

    monkeypatch.delenv("ZHONGBEN_APP_DB", raising=False)
    app_db = Workspace(db_path).app_database()
    assert RUNNER.invoke(app, [*SCREEN, "--db", db_path]).exit_code == 0
    assert not Path(app_db).exists()  # a CLI-only user gets no application database
    sessions = open_database(app_db)  # the office runs the web app: the database exists
    result = RUNNER.invoke(app, [*SCREEN, "--db", db_path])
    assert result.exit_code == 0, result.output
    assert "已发布到应用数据库：新增 2 条" in result.output
    with sessions() as session:
        assert {lead.rule_id for lead in session.query(Lead)} == {"ZB-01", "DC-01"}


@pytest.mark.slow  # > 1 s on an idle machine (CI durations, 2026-12-04)
def test_incremental_screen_on_the_command_line(db_path: str) -> None:
    refused = RUNNER.invoke(app, [*SCREEN, "--db", db_path, "--incremental"])
    assert refused.exit_code == 2 and "--incremental 只用于" in refused.output
    plain = ["screen", "--as-of", "2024-12-31", "--db", db_path, "--incremental"]
    no_batch = RUNNER.invoke(app, plain)
    assert no_batch.exit_code == 2 and "没有已完成的导入批次" in no_batch.output
    with duckdb.connect(db_path) as con:
        ensure_catalog(con)
        finish_batch(con, start_batch(con, "x"))
    first = RUNNER.invoke(app, [*plain, "--format", "json", "--no-publish"])
    assert first.exit_code == 0, first.output
    assert {lead["rule_id"] for lead in json.loads(first.stdout)["leads"]} >= {"ZB-01", "DC-01"}
