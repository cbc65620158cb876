"""The DuckDB backend of entity resolution (``zhongben.identity.backend.Backend``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import duckdb
import pyarrow as pa


class DuckDBEntityBackend:
    dialect = "duckdb"

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.con.execute(sql, list(params))

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, list(params)).fetchall()

    def arrow(self, sql: str, params: Sequence[Any] = ()) -> pa.Table:
        result = self.con.execute(sql, list(params)).to_arrow_table()
        return result if isinstance(result, pa.Table) else pa.Table.from_batches(result)

    def put(self, name: str, table: pa.Table) -> None:
        self.con.register("_zb_arrow_in", table)
        try:
            self.con.execute(f'CREATE OR REPLACE TEMP TABLE "{name}" AS SELECT * FROM _zb_arrow_in')
        finally:
            self.con.unregister("_zb_arrow_in")

    def tables(self) -> set[str]:
        rows = self.con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
            "OR temporary"
        ).fetchall()
        return {r[0] for r in rows}

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def splink_api(self) -> Any:
        from splink import DuckDBAPI

        return DuckDBAPI(self.con)
