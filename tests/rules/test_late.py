"""Late columns change how a rule's shown columns are read, never what a lead holds: every YAML
case of the library gives the same leads with tables read whole (late columns) and through their
as-of views."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import duckdb
import pytest
import sqlglot

from zhongben.engine.duckdb import DuckDBEngine
from zhongben.rules.late import LEAD_ROWS, late_columns
from zhongben.rules.loader import LIBRARY, load_library
from zhongben.rules.run import prepare, run_rule
from zhongben.rules.screen import unchanged_tables
from zhongben.rules.testing import insert_rows, read_tests
from zhongben.workspace import ensure_schema

RULES = load_library()


def _cases() -> list[tuple[str, int]]:
    out = []
    for path in sorted(LIBRARY.glob("*/*.test.yaml")):
        tests = read_tests(path)
        out += [(tests.rule, index) for index in range(len(tests.tests))]
    return out


def _leads(con: duckdb.DuckDBPyConnection, rule_id: str, as_of: dt.date, params: dict[str, Any],
           whole: frozenset[str]) -> list[dict[str, Any]]:  # fmt: skip
    engine = DuckDBEngine(con)
    prepare(engine)
    leads = run_rule(engine, RULES[rule_id], as_of, params, whole)
    return [dataclasses.asdict(lead) for lead in leads]


@pytest.mark.slow  # every YAML case of the library twice; test_library runs each once
@pytest.mark.parametrize(("rule_id", "index"), _cases())
def test_whole_tables_give_the_same_leads(rule_id: str, index: int) -> None:
    tests = read_tests(RULES[rule_id].test_path)
    case = tests.tests[index]
    as_of, params = case.as_of or tests.as_of, {**tests.params, **case.params}
    con = duckdb.connect()
    ensure_schema(con)
    for table in sorted(set(tests.input) | set(case.input)):
        insert_rows(con, table, [*tests.input.get(table, []), *case.input.get(table, [])])
    whole = unchanged_tables(DuckDBEngine(con), as_of)
    assert _leads(con, rule_id, as_of, params, whole) == _leads(
        con, rule_id, as_of, params, frozenset()
    )


def test_shown_columns_are_read_after_the_leads_are_found() -> None:
    sql = """
        SELECT c.case_no, CAST(NULL AS VARCHAR) AS subject_id, p.name AS subject_name,
               c._file AS f, p._row AS r
        FROM cases AS c LEFT JOIN parties AS p ON p.case_no = c.case_no AND p.role = '被执行人'
        WHERE c.close_method = '终结本次执行程序'"""
    tree = late_columns(sqlglot.parse_one(sql, read="duckdb"))
    assert tree.find(sqlglot.exp.CTE).alias == LEAD_ROWS
    con = duckdb.connect()
    ensure_schema(con)
    insert_rows(con, "cases", [{"case_no": "1", "close_method": "终结本次执行程序"},
                               {"case_no": "2", "close_method": "终结本次执行程序"}])  # fmt: skip
    insert_rows(con, "parties", [{"case_no": "1", "role": "被执行人", "name": "甲"}])
    expected = sorted(con.execute(sql).fetchall(), key=str)
    assert sorted(con.execute(tree.sql(dialect="duckdb")).fetchall(), key=str) == expected
    assert ("2", None, None, "cases.csv", None) in expected  # the outer join that found nothing


def test_grouped_selects_are_left_alone() -> None:
    sql = "SELECT c.case_no, COUNT(*) AS n FROM cases AS c GROUP BY c.case_no"
    tree = sqlglot.parse_one(sql, read="duckdb")
    assert late_columns(tree) is tree
