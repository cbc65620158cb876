"""The whole library compiles for every dialect; the compiled SQL is pinned in golden files.

Regenerate after an intended change:  ZHONGBEN_REGEN_GOLDEN=1 pytest tests/rules/test_golden.py
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
import sqlglot

from zhongben.rules.compile import compile_rule
from zhongben.rules.loader import load_library
from zhongben.rules.macros import DIALECTS

GOLDEN = Path(__file__).parent / "golden"
AS_OF = dt.date(2025, 6, 30)
RULES = load_library()
REGEN = os.environ.get("ZHONGBEN_REGEN_GOLDEN") == "1"


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_compiled_sql_matches_golden(rule_id: str, dialect: str) -> None:
    sql = compile_rule(RULES[rule_id], dialect, as_of=AS_OF).sql + "\n"
    sqlglot.parse_one(sql, read=dialect)  # the output is valid SQL of that dialect
    path = GOLDEN / dialect / f"{rule_id}.sql"
    if REGEN or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sql, encoding="utf-8")
        if not REGEN:
            pytest.fail(f"新建了 {path}，请检查后提交")
    assert sql == path.read_text(encoding="utf-8"), f"{path} 与编译结果不同"


@pytest.mark.parametrize("dialect", DIALECTS)
def test_no_golden_file_without_a_rule(dialect: str) -> None:
    stale = {p.stem for p in (GOLDEN / dialect).glob("*.sql")} - set(RULES)
    assert not stale, f"规则已删除但仍有 golden 文件：{sorted(stale)}"


def test_spark_output_has_no_duckdb_only_date_arithmetic() -> None:
    sql = compile_rule(RULES["ZB-01"], "spark", as_of=AS_OF).sql
    assert "ADD_MONTHS(" in sql and "DATEDIFF(" in sql
    assert "TO_MONTHS" not in sql and "INTERVAL" not in sql
