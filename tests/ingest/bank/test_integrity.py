"""Integrity checks report balance breaks, date gaps and duplicated rows — and change nothing."""

from __future__ import annotations

import duckdb
import pytest

from zhongben.ingest.bank import integrity_issues
from zhongben.workspace import ensure_schema

Row = tuple[
    str, str, float, str, float | None, int, str
]  # account, at, amount, dir, bal, row, file


@pytest.fixture()
def con() -> duckdb.DuckDBPyConnection:
    c = duckdb.connect()
    ensure_schema(c)
    return c


def load(con: duckdb.DuckDBPyConnection, rows: list[Row], batch: int = 1) -> None:
    for account, at, amount, direction, balance, row, file in rows:
        con.execute(
            "INSERT INTO transactions (account_no, txn_at, amount, direction, balance, _row,"
            " _file, _batch, counterparty_account, summary) VALUES (?,?,?,?,?,?,?,?,NULL,'转账')",
            [account, at, amount, direction, balance, row, file, batch],
        )


GOOD: list[Row] = [
    ("A1", "2023-05-01 09:00:00", 100, "in", 1100, 2, "a.xlsx"),
    ("A1", "2023-05-02 09:00:00", 50, "out", 1050, 3, "a.xlsx"),
    ("A1", "2023-05-03 09:00:00", 25, "in", 1075, 4, "a.xlsx"),
]


def test_a_clean_statement_has_no_issues(con: duckdb.DuckDBPyConnection) -> None:
    load(con, GOOD)
    assert integrity_issues(con, 1) == []


def test_newest_first_statement_is_read_backwards(con: duckdb.DuckDBPyConnection) -> None:
    load(con, [(a, at, amt, d, b, 10 - r, f) for a, at, amt, d, b, r, f in GOOD])
    assert integrity_issues(con, 1) == []


def test_same_day_rows_follow_file_order(con: duckdb.DuckDBPyConnection) -> None:
    load(
        con,
        [(a, at[:10], amt, d, b, r, f) for a, at, amt, d, b, r, f in GOOD[:2]]
        + [("A1", "2023-05-02", 25, "in", 1075, 4, "a.xlsx")],
    )
    assert integrity_issues(con, 1) == []


def test_balance_break_is_reported_not_fixed(con: duckdb.DuckDBPyConnection) -> None:
    load(con, [*GOOD, ("A1", "2023-05-04 09:00:00", 10, "out", 900, 5, "a.xlsx")])
    [issue] = integrity_issues(con, 1)
    assert (issue.account_no, issue.kind, issue.rows) == ("A1", "balance", (4, 5))
    assert issue.label == "余额不连续"
    assert "应余 1,065.00" in issue.message and "实际余额 900.00" in issue.message
    assert con.execute("SELECT count(*) FROM transactions").fetchone() == (4,)


def test_gap_says_whether_balance_carries_over(con: duckdb.DuckDBPyConnection) -> None:
    load(
        con,
        [
            *GOOD,
            ("A1", "2023-09-01 09:00:00", 25, "in", 1100, 5, "a.xlsx"),
            ("A1", "2024-01-01 09:00:00", 10, "in", 5000, 6, "a.xlsx"),
        ],
    )
    issues = integrity_issues(con, 1, gap_days=60)
    gaps = [i for i in issues if i.kind == "gap"]
    assert [g.rows for g in gaps] == [(4, 5), (5, 6)]
    assert "可能确无交易" in gaps[0].message and "可能缺失" in gaps[1].message
    assert [i.rows for i in issues if i.kind == "balance"] == [(5, 6)]


def test_duplicates_across_overlapping_exports(con: duckdb.DuckDBPyConnection) -> None:
    load(con, [*GOOD, ("A1", "2023-05-02 09:00:00", 50, "out", 1050, 2, "b.xlsx")])
    issues = integrity_issues(con, 1)
    assert [(i.kind, i.rows) for i in issues] == [("duplicate", (3, 2))]
    assert "a.xlsx、b.xlsx" in issues[0].message or "b.xlsx、a.xlsx" in issues[0].message


def test_only_the_given_batch_is_checked(con: duckdb.DuckDBPyConnection) -> None:
    load(con, [("A1", "2023-05-04 09:00:00", 10, "out", 900, 5, "x.xlsx")], batch=1)
    load(con, GOOD, batch=2)
    assert integrity_issues(con, 2) == []


def test_a_break_across_two_files_names_both(con: duckdb.DuckDBPyConnection) -> None:
    load(con, [*GOOD, ("A1", "2023-05-04 09:00:00", 10, "out", 900, 2, "b.xlsx")])
    [issue] = integrity_issues(con, 1)
    assert "a.xlsx 第 4 行余额 1,075.00，b.xlsx 第 2 行发生额 -10.00" in issue.message
