"""The same rules on DuckDB and on Spark give the same leads — every rule's YAML cases, and a
synthetic world screened whole through the Parquet lake. A difference fails; nothing skips."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from tests.synth.fastload import load_world

from zhongben.engine.duckdb import DuckDBEngine
from zhongben.engine.lake import export_lake
from zhongben.engine.opener import open_read, open_write
from zhongben.engine.spark import SparkEngine, register_lake
from zhongben.leads.model import Lead
from zhongben.leads.store import WorkspaceLeads
from zhongben.rules.loader import load_library
from zhongben.rules.screen import screen
from zhongben.rules.testing import _merge, compare, read_tests, run_on_rows
from zhongben.synth import generate

pytestmark = [pytest.mark.xdist_group("spark"), pytest.mark.spark]
RULES = load_library()
AS_OF = dt.date(2026, 6, 30)


def facts(leads: list[Lead]) -> dict[str, dict[str, Any]]:
    """Every field of every lead, with each value's type beside it (Decimal vs float matters)."""
    out = {}
    for lead in leads:
        fields = dataclasses.asdict(lead)
        out[lead.key] = {k: (v, type(v).__name__) for k, v in fields.items()}
    return out


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_yaml_case_gives_the_same_leads_on_spark(spark: SparkEngine, rule_id: str) -> None:
    rule = RULES[rule_id]
    tests = read_tests(rule.test_path)
    for case in tests.tests:
        rows = _merge(tests.input, case.input)
        day, params = case.as_of or tests.as_of, {**tests.params, **case.params}
        on_spark = run_on_rows(rule, rows, day, params, spark)
        assert compare(on_spark, case.expect) == [], f"{rule_id}「{case.name}」在 Spark 上不通过"
        on_duckdb = run_on_rows(rule, rows, day, params)
        assert facts(on_spark) == facts(on_duckdb), f"{rule_id}「{case.name}」两引擎结果不同"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A small synthetic world with every kind of planted lead: its workspace and its lake."""
    root = tmp_path_factory.mktemp("spark_world")
    generate(seed=7, scale="tiny", out=root / "csv", plants=2, as_of=AS_OF)
    with open_write(root / "ws.duckdb") as con:
        load_world(root / "csv", con)
        export_lake(con, root / "lake")
    return root / "ws.duckdb", root / "lake"


def test_a_world_screened_on_both_engines_gives_identical_leads(
    spark: SparkEngine, world: tuple[Path, Path]
) -> None:
    workspace, lake = world
    with open_read(workspace) as con:
        on_duckdb = screen(DuckDBEngine(con), RULES, AS_OF)
    register_lake(spark, lake)
    on_spark = screen(spark, RULES, AS_OF)
    assert len(on_duckdb.leads) > 20 and on_spark.per_rule == on_duckdb.per_rule
    assert [lead.key for lead in on_spark.leads] == [lead.key for lead in on_duckdb.leads]
    assert facts(on_spark.leads) == facts(on_duckdb.leads)


def test_a_failed_spark_run_leaves_the_leads_store_unchanged(
    spark: SparkEngine, world: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import zhongben.rules.screen as screen_module

    workspace, lake = world
    register_lake(spark, lake)

    def failing(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("测试：Spark 任务失败")

    with open_write(workspace) as con:
        store = WorkspaceLeads(con)
        screen(spark, RULES, AS_OF, ["ZB-01"], leads_store=store)
        before = con.execute("SELECT count(*), max(run_id) FROM screen_runs").fetchall()
        monkeypatch.setattr(screen_module, "run_rule", failing)
        with pytest.raises(RuntimeError):
            screen(spark, RULES, AS_OF, ["ZB-01", "DC-01"], leads_store=store)
        assert con.execute("SELECT count(*), max(run_id) FROM screen_runs").fetchall() == before


def _csv(workspace: Path, *engine: str) -> list[dict[str, str]]:
    from typer.testing import CliRunner

    from zhongben.cli.main import app

    out = workspace.parent / f"leads-{'spark' if engine else 'duckdb'}.csv"
    args = ["screen", "--db", str(workspace), "--as-of", AS_OF.isoformat(), "--format", "csv",
            "--out", str(out), "--no-publish", *engine]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))


def test_screen_csv_on_spark_gives_the_lead_keys_scores_and_amounts_of_duckdb(
    spark: SparkEngine, world: tuple[Path, Path]
) -> None:
    """The CLI as a user runs it (tiny world: the county world takes minutes on two cores):
    ``screen --format csv`` with ``--engine spark --lake`` against the default DuckDB engine."""
    workspace, lake = world
    on_duckdb = _csv(workspace)
    on_spark = _csv(workspace, "--engine", "spark", "--lake", str(lake))
    assert len(on_duckdb) > 20 and list(on_spark[0]) == list(on_duckdb[0])
    keys = "\n".join(row["lead_key"] for row in on_duckdb).encode()
    assert "\n".join(row["lead_key"] for row in on_spark).encode() == keys
    for name in ("score", "unpaid_amount", "evidence"):
        assert [row[name] for row in on_spark] == [row[name] for row in on_duckdb], name


def test_a_bad_lake_on_the_spark_cli_is_a_chinese_error_and_stores_nothing(
    spark: SparkEngine, world: tuple[Path, Path]
) -> None:
    from typer.testing import CliRunner

    from zhongben.cli.main import app

    workspace, lake = world
    broken = workspace.parent / "broken-lake"
    shutil.copytree(lake, broken)
    shutil.rmtree(broken / "cases")  # a missing table
    before = _runs(workspace)
    bad = ((broken, "湖中缺少数据表 cases"), (workspace.parent / "nowhere", "湖目录不可读"))
    for folder, words in bad:
        result = CliRunner().invoke(app, [
            "screen", "--db", str(workspace), "--as-of", AS_OF.isoformat(), "--no-publish",
            "--engine", "spark", "--lake", str(folder)])
        assert result.exit_code != 0 and words in result.output, result.output
    assert _runs(workspace) == before


def _runs(workspace: Path) -> list[Any]:
    """The stored screen runs (none before the first screen creates the leads store's tables)."""
    with open_read(workspace) as con:
        found = con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        if ("screen_runs",) not in found:
            return []
        return con.execute("SELECT run_id, as_of FROM screen_runs ORDER BY run_id").fetchall()
