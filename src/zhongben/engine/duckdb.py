"""DuckDB engine: runs compiled SQL on a workspace connection."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

import duckdb
import pyarrow as pa

from zhongben.rules.calendar import calendar_table
from zhongben.rules.macros import CALENDAR_TABLE


@lru_cache(maxsize=1)
def _calendar() -> pa.Table:
    return calendar_table()


# DuckDB's default (80 % of RAM) lets a province screen hold ~19 GB of buffers; with a limit it
# spills to disk instead. Override with ZHONGBEN_MEMORY_LIMIT (e.g. "12GB"; "" keeps DuckDB's).
DEFAULT_MEMORY_LIMIT = "6GB"


class DuckDBEngine:
    dialect = "duckdb"

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def prepare(self) -> None:
        limit = os.environ.get("ZHONGBEN_MEMORY_LIMIT", DEFAULT_MEMORY_LIMIT).replace("'", "")
        if limit:
            self.con.execute(f"SET memory_limit = '{limit}'")
        exists = self.con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND temporary",
            [CALENDAR_TABLE],
        ).fetchall()
        if exists[0][0]:
            return
        self.con.register("zb_calendar_arrow", _calendar())
        self.con.execute(f'CREATE TEMP TABLE "{CALENDAR_TABLE}" AS SELECT * FROM zb_calendar_arrow')
        self.con.unregister("zb_calendar_arrow")

    def fetch(self, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        cursor = self.con.execute(sql)
        names = [d[0] for d in cursor.description or []]
        return names, cursor.fetchall()

    def materialise(self, name: str, sql: str) -> None:
        # a temporary table lives in memory and spills to the temp directory beyond memory_limit;
        # the same name stores the same query's rows: one left by an interrupted screen is replaced
        self.con.execute(f'CREATE OR REPLACE TEMP TABLE "{name}" AS {sql}')

    def release(self, name: str) -> None:
        self.con.execute(f'DROP TABLE IF EXISTS temp.main."{name}"')
