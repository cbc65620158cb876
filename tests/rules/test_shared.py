"""Shared views and other rules' rows (``uses:``): loaded, validated like rules, inlined on every
engine, and read on the screening date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest
import sqlglot
from tests.rules.test_validate import HEADER

from zhongben.rules.compile import compile_rule
from zhongben.rules.loader import LIBRARY, load_library, load_views
from zhongben.rules.problems import RuleError
from zhongben.rules.shared import SHARED, inline_used, resolve_uses
from zhongben.rules.testing import run_on_rows
from zhongben.workspace import ensure_schema

RULES = load_library()
VIEWS, VIEW_PROBLEMS = load_views()

RULE_SQL = """SELECT c.case_no, CAST(NULL AS VARCHAR) AS subject_id, zb_evidence(c, case_no)
FROM {source} AS c
"""
VIEW = """/*
view: {name}
description: 测试视图
tables:
  cases: [case_no, {column}]
uses: [{uses}]
*/
SELECT k.case_no, k._file, k._row, k._batch, 'cases' AS _table FROM {source} AS k
WHERE zb_days_between(k.filed_on, k.closed_on) > :days
"""


def library(tmp_path: Path, uses: str, source: str, views: dict[str, tuple[str, str, str]]) -> Path:
    (tmp_path / "preconditions").mkdir()
    (tmp_path / SHARED).mkdir()
    header = HEADER.replace("explanation:", f"uses: [{uses}]\nexplanation:")
    text = header + RULE_SQL.format(source=source)
    (tmp_path / "preconditions" / "ZB-99.sql").write_text(text, encoding="utf-8")
    for name, (column, view_uses, view_source) in views.items():
        text = VIEW.format(name=name, column=column, uses=view_uses, source=view_source)
        (tmp_path / SHARED / f"{name}.sql").write_text(text, encoding="utf-8")
    return tmp_path


def problems(root: Path) -> list[str]:
    with pytest.raises(RuleError) as info:
        load_library(root)
    return [p.message for p in info.value.problems]


def test_the_library_views_load_and_each_is_used() -> None:
    assert VIEW_PROBLEMS == []
    used = {u.name for rule in RULES.values() for u in rule.used}
    assert set(VIEWS) <= used
    assert {"xg_01", "dc_05"} <= {u.name for u in RULES["XJ-02"].used}


@pytest.mark.parametrize("name", sorted(VIEWS))
@pytest.mark.parametrize("dialect", ["duckdb", "spark"])
def test_each_view_compiles_and_runs(name: str, dialect: str) -> None:
    used, found = resolve_uses(LIBRARY, [name], VIEWS, RULES)
    assert found == []
    tree = inline_used(sqlglot.parse_one(f"SELECT * FROM {name}", read="duckdb"), used)
    sql = tree.sql(dialect=dialect)
    if dialect == "duckdb":
        con = duckdb.connect()
        ensure_schema(con)
        con.execute(sql).fetchall()


def test_a_rule_reads_a_view_with_its_own_parameters(tmp_path: Path) -> None:
    root = library(tmp_path, "late_closing", "late_closing",
                   {"late_closing": ("filed_on, closed_on", "", "cases")})  # fmt: skip
    rule = load_library(root)["ZB-99"]
    rows = {"cases": [{"case_no": "A", "filed_on": dt.date(2024, 1, 1),
                       "closed_on": dt.date(2024, 3, 1)},
                      {"case_no": "B", "filed_on": dt.date(2024, 1, 1),
                       "closed_on": dt.date(2024, 1, 5)}]}  # fmt: skip
    assert [lead.case_no for lead in run_on_rows(rule, rows, dt.date(2024, 12, 31))] == ["A"]
    assert run_on_rows(rule, rows, dt.date(2024, 12, 31), {"days": 100}) == []
    assert run_on_rows(rule, rows, dt.date(2024, 2, 1)) == []  # closed after as_of: open
    assert "late_closing AS (" in compile_rule(rule, "spark").sql


def test_views_use_views_in_order(tmp_path: Path) -> None:
    root = library(tmp_path, "outer_view", "outer_view", {
        "inner_view": ("filed_on, closed_on", "", "cases"),
        "outer_view": ("filed_on, closed_on", "inner_view", "inner_view"),
    })  # fmt: skip
    rule = load_library(root)["ZB-99"]
    assert [u.name for u in rule.used] == ["inner_view", "outer_view"]


def test_problems_of_uses_are_reported(tmp_path: Path) -> None:
    root = library(tmp_path, "a_view, nowhere", "a_view", {
        "a_view": ("filed_on, closed_on, bogus", "b_view", "b_view"),
        "b_view": ("filed_on, closed_on", "a_view", "a_view"),
    })  # fmt: skip
    found = problems(root)
    assert any("nowhere 既不是共用视图也不是规则编号" in p for p in found)
    assert any("循环引用" in p for p in found)
    assert any("cases.bogus 不在数据契约中" in p for p in found)


def test_what_a_view_reads_must_be_declared_by_the_rule(tmp_path: Path) -> None:
    root = library(tmp_path, "a_view", "a_view", {"a_view": ("filed_on, judge", "", "cases")})
    found = problems(root)
    assert any("a_view 读 cases.judge，须在头部 tables 中声明" in p for p in found)
