"""The same rules on DuckDB and on Spark give the same leads — every rule's YAML cases, and a
synthetic world screened whole through the Parquet lake. A difference fails; nothing skips."""

from __future__ import annotations

import dataclasses
import datetime as dt
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
