"""The date helpers mean the same on every engine: checked on DuckDB, compiled for Spark."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest
import sqlglot

from zhongben.engine.duckdb import DuckDBEngine
from zhongben.rules.calendar import calendar_table, is_workday
from zhongben.rules.macros import expand_macros
from zhongben.rules.run import prepare

D = dt.date


def evaluate(expression: str) -> object:
    con = duckdb.connect()
    prepare(DuckDBEngine(con))
    tree = expand_macros(sqlglot.parse_one(f"SELECT {expression}", read="duckdb"), "duckdb")
    return con.execute(tree.sql(dialect="duckdb")).fetchall()[0][0]


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2023, 1, 31), 1, D(2023, 2, 28)),
        (D(2023, 11, 30), 3, D(2024, 2, 29)),
        (D(2024, 1, 10), 3, D(2024, 4, 10)),
        (D(2024, 3, 31), -1, D(2024, 2, 29)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
    ],
)
def test_add_months_keeps_the_day_number_clamped(start: D, months: int, expected: D) -> None:
    assert evaluate(f"zb_add_months(DATE '{start}', {months})") == expected


def test_days_between_and_add_days() -> None:
    assert evaluate("zb_days_between(DATE '2024-01-10', DATE '2024-03-01')") == 51
    assert evaluate("zb_days_between(DATE '2024-03-01', TIMESTAMP '2024-03-02 23:59:00')") == 1
    assert evaluate("zb_add_days(DATE '2024-02-28', 2)") == D(2024, 3, 1)


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (D(2024, 9, 27), 1, D(2024, 9, 29)),  # Sunday 9-29 is a 调休 working day
        (D(2024, 9, 29), 1, D(2024, 9, 30)),
        (D(2024, 9, 30), 1, D(2024, 10, 8)),  # 国庆 10-1 … 10-7
        (D(2024, 10, 5), 3, D(2024, 10, 10)),  # from a holiday: the 3rd working day after
        (D(2030, 1, 4), 1, D(2030, 1, 7)),  # beyond the package's years: Monday–Friday
    ],
)
def test_add_workdays_follows_the_chinese_calendar(start: D, days: int, expected: D) -> None:
    assert evaluate(f"zb_add_workdays(DATE '{start}', {days})") == expected


def test_calendar_matches_the_package() -> None:
    import chinese_calendar

    table = calendar_table(D(2024, 1, 1), D(2024, 12, 31)).to_pylist()
    assert all(row["is_workday"] == chinese_calendar.is_workday(row["day"]) for row in table)
    assert is_workday(D(2024, 2, 4)) and not is_workday(D(2024, 2, 12))  # 春节 调休


def test_age_and_birth_date_from_id() -> None:
    assert evaluate("zb_id_birth('330683200602011234')") == D(2006, 2, 1)
    assert evaluate("zb_id_birth('91330683MA2A00001X')") is None  # not a date: null, no error
    assert evaluate("zb_age(DATE '2006-02-01', DATE '2024-01-31')") == 17
    assert evaluate("zb_age(DATE '2006-02-01', DATE '2024-02-01')") == 18


def test_spark_expansion_uses_spark_date_functions() -> None:
    tree = sqlglot.parse_one(
        "SELECT zb_add_months(d, 3), zb_days_between(a, b), zb_add_days(d, 1)", read="duckdb"
    )
    sql = expand_macros(tree, "spark").sql(dialect="spark")
    assert "ADD_MONTHS(d, 3)" in sql
    assert "DATEDIFF(CAST(b AS DATE), CAST(a AS DATE))" in sql
    assert "DATE_ADD(d, 1)" in sql
