"""The SQL fast path of ingest normalisation: one DuckDB expression per contract column.

``column_sql(column, raw)`` gives, for a raw VARCHAR expression, the typed value, the Chinese error
reason (NULL when fine; set = quarantine the row) and, for ID columns, the value kept as written
when it failed its check. The expressions equal the Python reference (``reference.normalise``) on
every input; ``tests/ingest/normalise`` checks it. Call ``register(con)`` once per connection.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from zhongben.contracts.model import Column, Kind
from zhongben.identifiers.courts import zhejiang_courts
from zhongben.ingest.normalise import sql_dates, sql_ids, sql_numbers
from zhongben.ingest.normalise.enums import enum_lookup
from zhongben.ingest.normalise.sql_case_no import case_no_parts_sql, case_no_sql
from zhongben.ingest.normalise.sql_text import clean_sql, code_sql, lit

__all__ = ["ColumnSQL", "case_no_parts_sql", "column_sql", "register"]

COURTS_TABLE = "zb_courts"


@dataclass(frozen=True)
class ColumnSQL:
    value: str  # the typed normalised value (contracts.SQL_TYPES) or NULL
    error: str  # NULL when fine, else a Chinese reason: the row is quarantined
    invalid: str | None  # ID kinds: the value as written when it failed its check, else NULL


_DATE_KINDS = {
    Kind.DATE: (sql_dates.date_sql, "date"),
    Kind.TIMESTAMP: (sql_dates.timestamp_sql, "timestamp"),
    Kind.MONTH: (sql_dates.month_sql, "month"),
}
_NUMBER_KINDS = {
    Kind.AMOUNT: (sql_numbers.amount_sql, "无法识别的金额："),
    Kind.NUMBER: (sql_numbers.number_sql, "无法识别的数值："),
    Kind.INTEGER: (sql_numbers.integer_sql, "无法识别的整数："),
}
_ID_KINDS = {
    Kind.PERSON_ID: sql_ids.person_id_sql,
    Kind.USCC: sql_ids.uscc_sql,
    Kind.PARTY_ID: sql_ids.party_id_sql,
}


def column_sql(column: Column, raw: str) -> ColumnSQL:
    """SQL expressions normalising the raw VARCHAR expression ``raw`` for ``column``."""
    kind = column.kind
    if kind in _DATE_KINDS:
        build, name = _DATE_KINDS[kind]
        value = build(raw)
        return ColumnSQL(value, sql_dates.error_sql(raw, value, name), None)
    if kind in _NUMBER_KINDS:
        build, reason = _NUMBER_KINDS[kind]
        value = build(raw)
        return ColumnSQL(value, sql_numbers.error_sql(raw, value, reason), None)
    if kind in _ID_KINDS:
        value, invalid = _ID_KINDS[kind](raw)
        return ColumnSQL(value, "CAST(NULL AS VARCHAR)", invalid)
    if kind is Kind.ENUM:
        return enum_sql(column, raw)
    if kind is Kind.CASE_NO:
        return ColumnSQL(case_no_sql(raw), "CAST(NULL AS VARCHAR)", None)
    if kind is Kind.CODE:
        return ColumnSQL(code_sql(raw), "CAST(NULL AS VARCHAR)", None)
    return ColumnSQL(clean_sql(raw), "CAST(NULL AS VARCHAR)", None)


def _uncased(key: str) -> bool:
    return all(c.isascii() or (c.upper() == c and c.lower() == c) for c in key)


def enum_sql(column: Column, raw: str) -> ColumnSQL:
    """Lookup through a CASE on the cleaned value upper-cased (the keys have no non-ASCII cased
    letter, so ``upper`` and the reference's ASCII-only upper-casing agree on every match)."""
    text = clean_sql(raw)
    lookup = enum_lookup(column)
    if not all(_uncased(key) for key in lookup):
        raise ValueError(f"{column.name}: 取值同义词含有非ASCII大小写字母")
    arms = " ".join(f"WHEN {lit(key)} THEN {lit(value)}" for key, value in lookup.items())
    otherwise = text if column.open_values else "NULL"
    value = f"CASE upper({text}) {arms} ELSE {otherwise} END" if arms else otherwise
    error = (
        f"CASE WHEN ({value}) IS NULL AND {text} IS NOT NULL "
        f"THEN '不在允许取值之内：' || {text} END"
    )
    return ColumnSQL(value, error, None)


def register(con: duckdb.DuckDBPyConnection) -> None:
    """Python fallback UDFs (Chinese-numeral dates) and the ``zb_courts`` lookup table
    (code, name, kind, division, current) of the Zhejiang courts."""
    sql_dates.register_udfs(con)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {COURTS_TABLE} "
        "(code VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR, division VARCHAR, current BOOLEAN)"
    )
    con.executemany(
        f"INSERT INTO {COURTS_TABLE} VALUES (?, ?, ?, ?, ?)",
        [(c.code, c.name, c.kind, c.division, c.current) for c in zhejiang_courts().values()],
    )
