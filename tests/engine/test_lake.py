"""The Parquet lake: every contract table in its stored form (types, derived columns,
provenance), cases partitioned by court code and year, and Chinese errors for a bad lake."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from zhongben.cli.main import app
from zhongben.contracts import TABLES
from zhongben.contracts.storage import storage_columns
from zhongben.engine.lake import LakeError, check_lake, read_manifest
from zhongben.engine.opener import open_write
from zhongben.engine.types import arrow_type
from zhongben.rules.testing import insert_rows


@pytest.fixture
def lake(tmp_path: Path) -> Path:
    workspace = tmp_path / "ws.duckdb"
    with open_write(workspace) as con:
        insert_rows(con, "cases", [
            {"case_no": "(2024)浙0683执1号", "court_code": "浙0683", "case_year": 2024,
             "filed_on": dt.date(2024, 1, 10), "claim_amount": 1234.5},
            {"case_no": "（无案号）"}])  # fmt: skip
        insert_rows(con, "transactions", [
            {"account_no": "6222", "txn_at": dt.datetime(2024, 3, 1, 23, 30), "amount": 10}])
    result = CliRunner().invoke(app, ["lake", "export", "--db", str(workspace),
                                      "--out", str(tmp_path / "lake")])
    assert result.exit_code == 0, result.output
    assert "已导出" in result.output
    return tmp_path / "lake"


def test_every_table_is_written_with_the_contract_types_and_provenance(lake: Path) -> None:
    files = check_lake(lake)
    assert set(files) == set(TABLES)
    for name in TABLES:
        schema = pq.read_schema(files[name][0])
        assert [(f.name, f.type) for f in schema] == [
            (c, arrow_type(t)) for c, t in storage_columns(TABLES[name])]
    assert read_manifest(lake)["tables"]["cases"]["rows"] == 2
    cases = pa.concat_tables([pq.read_table(f) for f in files["cases"]])
    assert sorted(cases.column("_file").to_pylist()) == ["cases.csv", "cases.csv"]
    assert {p.parent.name for p in files["cases"]} >= {"case_year=2024"}
    [txn] = pq.read_table(files["transactions"][0]).to_pylist()
    assert txn["txn_at"] == dt.datetime(2024, 3, 1, 23, 30) and txn["_row"] == 2


def test_a_missing_table_is_named(lake: Path) -> None:
    shutil.rmtree(lake / "vehicles")
    with pytest.raises(LakeError, match="湖中缺少数据表 vehicles"):
        check_lake(lake)


def test_a_wrong_type_names_the_file_and_column(lake: Path) -> None:
    [file] = list((lake / "vehicles").rglob("*.parquet"))
    table = pq.read_table(file)
    index = table.schema.get_field_index("registered_on")
    pq.write_table(table.set_column(index, "registered_on", table.column(index).cast(pa.string())),
                   file)
    with pytest.raises(LakeError, match="列 registered_on 的类型为 string，应为 date32"):
        check_lake(lake)


def test_an_unreadable_folder_is_a_chinese_error(tmp_path: Path) -> None:
    with pytest.raises(LakeError, match="湖目录不可读"):
        check_lake(tmp_path / "nowhere")


def test_the_export_never_overwrites_a_folder_that_is_not_a_lake(tmp_path: Path) -> None:
    workspace = tmp_path / "ws.duckdb"
    with open_write(workspace):
        pass
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("我的文件", encoding="utf-8")
    result = CliRunner().invoke(app, ["lake", "export", "--db", str(workspace),
                                      "--out", str(tmp_path / "mine")])
    assert result.exit_code == 2 and "不是湖目录" in result.output
    assert (tmp_path / "mine" / "notes.txt").read_text(encoding="utf-8") == "我的文件"
