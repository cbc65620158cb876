"""Nothing after as_of is visible; tables with nothing after it are read without a view."""

from __future__ import annotations

import datetime as dt

import duckdb
from tests.screening import screen_on as screen

from zhongben.engine.duckdb import DuckDBEngine
from zhongben.rules.screen import unchanged_tables
from zhongben.rules.testing import insert_rows
from zhongben.workspace import ensure_schema


def test_tables_with_later_rows_keep_their_view_and_results_agree() -> None:
    con = duckdb.connect()
    ensure_schema(con)
    insert_rows(con, "cases", [
        {"case_no": "A", "filed_on": dt.date(2024, 1, 10), "closed_on": dt.date(2024, 2, 10),
         "close_method": "终结本次执行程序"},
        {"case_no": "B", "filed_on": dt.date(2024, 1, 10), "closed_on": dt.date(2024, 3, 10),
         "close_method": "终结本次执行程序"},
    ])  # fmt: skip
    late = dt.date(2024, 3, 31)
    assert "cases" in unchanged_tables(DuckDBEngine(con), late)
    early_day = dt.date(2024, 3, 1)  # B closes after as_of
    assert "cases" not in unchanged_tables(DuckDBEngine(con), early_day)
    early = screen(con, dt.date(2024, 3, 1), ["ZB-01"], store=False).leads
    assert [lead.case_no for lead in early] == ["A"]
    assert [lead.case_no for lead in screen(con, late, ["ZB-01"], store=False).leads] == ["A", "B"]
