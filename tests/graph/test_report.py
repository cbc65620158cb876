"""``zhongben flows`` writes a picture, a page and the traced paths for one debtor."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest
from tests.graph.conftest import transfer
from typer.testing import CliRunner

from zhongben.cli.main import app
from zhongben.contracts.storage import unresolved_entities_sql
from zhongben.workspace import ensure_schema

DEBTOR, SPOUSE = "330683199001011234", "330683199203024321"


def world(path: Path) -> None:
    con = duckdb.connect(str(path))
    ensure_schema(con)
    con.execute("""
        INSERT INTO cases (case_no, filed_on, closed_on, close_method) VALUES
          ('(2024)浙0683执1号', DATE '2024-03-01', DATE '2024-08-30', '终结本次执行程序');
        INSERT INTO parties (case_no, role, name, id_no) VALUES
          ('(2024)浙0683执1号', '被执行人', '张三', '330683199001011234');
        INSERT INTO relations (person_a_id, person_b_id, relation) VALUES
          ('330683199001011234', '330683199203024321', '配偶');
        INSERT INTO bank_accounts (account_no, holder_id, holder_name) VALUES
          ('D1', '330683199001011234', '张三'), ('S1', '330683199203024321', '李梅'),
          ('W1', '330683197001015555', '王五');
    """).fetchall()
    for sql in unresolved_entities_sql():
        con.execute(sql)
    ok = {"D1", "S1", "W1"}
    transfer(con, "D1", "W1", "2024-02-01 10:00", 150_000, ok)
    transfer(con, "W1", "S1", "2024-02-10 10:00", 140_000, ok)  # reaches the spouse
    transfer(con, "D1", None, "2024-02-03 10:00", 20_000, ok, summary="ATM取现", channel="ATM")
    transfer(con, "D1", "X9", "2024-02-05 10:00", 60_000, ok)  # X9's statement not obtained
    con.close()


@pytest.mark.slow
def test_flows_command_writes_report(tmp_path: Path) -> None:
    db = tmp_path / "ws.duckdb"
    world(db)
    out = tmp_path / "report"
    result = CliRunner().invoke(
        app, ["flows", DEBTOR, "--out", str(out), "--db", str(db), "--as-of", "2024-12-31"]
    )
    assert result.exit_code == 0, result.output
    assert (out / "flows.png").stat().st_size > 10_000
    with (out / "paths.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    ends = {(r["序号"], r["链条终点"], r["终点说明"]) for r in rows}
    assert ("1", "李梅（配偶）（S1）", "流入被执行人亲属或关联方账户") in ends
    assert any(e[2].startswith("该账户流水未调取") and "X9" in e[1] for e in ends)
    assert any(e[2].startswith("取现") for e in ends)
    hop_rows = [r for r in rows if r["序号"] == "1"]
    assert [r["金额（元）"] for r in hop_rows] == ["150000.00", "140000.00"]
    assert hop_rows[0]["转出账户"] == "张三（本人）（D1）"
    page = (out / "flows.html").read_text(encoding="utf-8")
    assert "被执行人资金流向报告：张三" in page and "该账户流水未调取" in page
    assert (out / "echarts.min.js").exists() == ("echarts" in page)


def test_unknown_date_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "flows",
            DEBTOR,
            "--out",
            str(tmp_path),
            "--db",
            str(tmp_path / "x.duckdb"),
            "--as-of",
            "31/12/2024",
        ],
    )
    assert result.exit_code != 0
