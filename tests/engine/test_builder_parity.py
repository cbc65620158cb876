"""A rule saved by the no-code builder finds the same leads on DuckDB and on Spark: every
condition kind, alone and combined, from the saved file the local library loads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.engine.test_spark_parity import facts
from tests.rules.builder_world import AS_OF, COURT, DC, C, world

from zhongben.engine.duckdb import DuckDBEngine
from zhongben.engine.spark import SparkEngine
from zhongben.rules.builder.library import Marked, check_tests, checked_rule, make_tests, save
from zhongben.rules.builder.spec import parse_spec
from zhongben.rules.loader import load_library
from zhongben.rules.testing import load_rows, run_on_rows, run_tests

pytestmark = [pytest.mark.xdist_group("spark"), pytest.mark.spark]

CONDITIONS: list[list[dict[str, Any]]] = [
    [{"kind": "asset_after_termination", "source": "vehicles_new"}],
    [{"kind": "asset_after_termination", "source": "vehicles_held"}],
    [{"kind": "payment_over", "source": "bank_out", "amount": "50000"}],
    [{"kind": "travel_in_window", "mode": "任意", "days": 200}],
    [{"kind": "travel_in_window", "mode": "铁路", "window": "restricted"}],
    [{"kind": "missing_step", "step": "网络查控"}],
    [{"kind": "travel_in_window", "mode": "航班", "days": 30},
     {"kind": "missing_step", "step": "网络查控"}],
]


@pytest.mark.parametrize("conditions", CONDITIONS, ids=lambda c: "+".join(x["kind"] for x in c))
def test_saved_builder_rule_same_leads_on_both_engines(spark: SparkEngine, tmp_path: Path,
                                                       conditions: list[dict[str, Any]]) -> None:
    spec = parse_spec({"name": "一致性", "population": {"courts": [COURT],
                                                       "closed_from": "2023-01-01"},
                       "conditions": conditions})
    rule, _ = checked_rule(spec, "ZD-01")
    workspace = DuckDBEngine.in_memory()
    load_rows(workspace, world())
    hits = run_on_rows(rule, world(), AS_OF)
    assert hits, "the world plants a lead for every condition"
    marks = [Marked(str(h.case_no), str(h.subject_id), "right") for h in hits]
    tests = make_tests(workspace, rule, spec, AS_OF, marks)
    check_tests(rule, tests)
    save(tmp_path / "ws.models", spec, "ZD-01", tests)
    saved = load_library(tmp_path / "ws.models")["ZD-01"]
    on_spark = run_on_rows(saved, world(), AS_OF, engine=spark)
    on_duckdb = run_on_rows(saved, world(), AS_OF)
    assert facts(on_spark) == facts(on_duckdb)
    assert [x.key for x in on_duckdb] == [x.key for x in hits]
    assert all(o.passed for o in run_tests(saved, engine=spark)), "its saved tests pass on Spark"


def test_the_combined_rule_finds_the_planted_flight() -> None:
    spec = parse_spec({"name": "航班", "conditions": CONDITIONS[-1]})
    rule, _ = checked_rule(spec)
    assert [(x.case_no, x.subject_id) for x in run_on_rows(rule, world(), AS_OF)] == [(C, DC)]
