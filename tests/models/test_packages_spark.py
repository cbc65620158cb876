"""The same package runs on Spark: an imported rule screens the workspace on Spark (the command's
path: the workspace exported to a lake) with the leads DuckDB finds, and its own YAML tests pass
on the shared ``local[2]`` session."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from tests.models.package_kit import RENAMES, cli, copy_workspace

from zhongben.engine.spark import SparkEngine
from zhongben.rules.config import ScreenConfig
from zhongben.rules.local import workspace_library
from zhongben.rules.testing import run_tests
from zhongben.workspace import Workspace

pytestmark = [pytest.mark.xdist_group("spark"), pytest.mark.spark]
AS_OF = dt.date(2026, 6, 30)
IMPORTED = list(RENAMES.values())


def test_an_imported_package_finds_the_same_leads_on_spark(
    spark: SparkEngine, template: Path, package: Path, tmp_path: Path
) -> None:
    workspace = copy_workspace(template, tmp_path / "ws.duckdb")
    assert cli("models", "import", package, "--db", workspace).exit_code == 0
    config = ScreenConfig(rules=IMPORTED)
    on_duckdb = Workspace(workspace).screen(AS_OF, config)
    on_spark = Workspace(workspace).screen(AS_OF, config, engine="spark",
                                           spark_master="local[2]")
    assert sorted(on_spark.rules) == IMPORTED and len(on_duckdb.leads) == 2
    assert [dataclasses.asdict(x) for x in on_spark.leads] == [
        dataclasses.asdict(x) for x in on_duckdb.leads]
    library = workspace_library(workspace)
    for rule_id in IMPORTED:
        outcomes = run_tests(library[rule_id], engine=spark)
        assert outcomes and all(o.passed for o in outcomes), [o.failures for o in outcomes]
