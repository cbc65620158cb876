"""DuckDB engine: runs compiled SQL on a workspace connection."""

from __future__ import annotations

import os
from typing import Any

import duckdb
import pyarrow as pa

from zhongben.contracts import TABLES
from zhongben.contracts.storage import create_table_sql, upgrade_sql

# DuckDB's default (80 % of RAM) lets a province screen hold ~19 GB of buffers; with a limit it
# spills to disk instead. Override with ZHONGBEN_MEMORY_LIMIT (e.g. "12GB"; "" keeps DuckDB's).
DEFAULT_MEMORY_LIMIT = "6GB"


class DuckDBEngine:
    dialect = "duckdb"

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    @classmethod
    def in_memory(cls) -> DuckDBEngine:
        """An engine on a fresh in-memory database holding nothing (rule tests)."""
        return cls(duckdb.connect())

    def close(self) -> None:
        self.con.close()

    def prepare(self) -> None:
        limit = os.environ.get("ZHONGBEN_MEMORY_LIMIT", DEFAULT_MEMORY_LIMIT).replace("'", "")
        if limit:
            self.con.execute(f"SET memory_limit = '{limit}'")

    def fetch(self, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        cursor = self.con.execute(sql)
        names = [d[0] for d in cursor.description or []]
        return names, cursor.fetchall()

    def put(self, name: str, rows: pa.Table) -> None:
        staged = f"zb_put_{name}"
        self.con.register(staged, rows)
        try:
            self.con.execute(f'CREATE OR REPLACE TEMP TABLE "{name}" AS SELECT * FROM "{staged}"')
        finally:
            self.con.unregister(staged)

    def materialise(self, name: str, sql: str) -> None:
        # a temporary table lives in memory and spills to the temp directory beyond memory_limit;
        # the same name stores the same query's rows: one left by an interrupted screen is replaced
        self.con.execute(f'CREATE OR REPLACE TEMP TABLE "{name}" AS {sql}')

    def release(self, name: str) -> None:
        self.con.execute(f'DROP TABLE IF EXISTS temp.main."{name}"')

    def has_table(self, name: str) -> bool:
        found = self.con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? "
            "AND (temporary OR (schema_name = 'main' AND database_name = current_database()))",
            [name],
        ).fetchall()
        return bool(found[0][0])


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every contract table in its stored form, if missing (one catalogue query when all
    are there: a workspace is opened by every command)."""
    present = {
        name
        for (name,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' "
            "AND database_name = current_database()"
        ).fetchall()
    }
    missing = [create_table_sql(t) for name, t in TABLES.items() if name not in present]
    missing += _upgrades(con, present)
    if missing:  # one transaction: a commit per table would double the time of a first open
        con.execute("BEGIN;\n" + ";\n".join(missing) + ";\nCOMMIT")


def _upgrades(con: duckdb.DuckDBPyConnection, present: set[str]) -> list[str]:
    """Columns a workspace written by an older version lacks (e.g. the entity columns), added
    in place: the stored rows stay. One catalogue query when nothing is missing."""
    columns = {t: c for t, c in stored_columns(con).items() if t in present and t in TABLES}
    return [sql for name, cols in columns.items() for sql in upgrade_sql(TABLES[name], cols)]


def stored_columns(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """The workspace's own tables and their columns, as stored (what a model package checks its
    contract tables against)."""
    rows = con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'main' "
        "AND database_name = current_database()"
    ).fetchall()
    columns: dict[str, set[str]] = {}
    for table, column in rows:
        columns.setdefault(table, set()).add(column)
    return columns
