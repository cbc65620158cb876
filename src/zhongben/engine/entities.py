"""The DuckDB backend of entity resolution (``zhongben.identity.backend.Backend``)."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv

from zhongben.engine.duckdb import DEFAULT_MEMORY_LIMIT


class DuckDBEntityBackend:
    dialect = "duckdb"

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        con.execute("SET enable_progress_bar = false")  # the CLI prints its own progress
        limit = os.environ.get("ZHONGBEN_MEMORY_LIMIT", DEFAULT_MEMORY_LIMIT).replace("'", "")
        if limit:  # as a screen: spill to disk beyond it rather than hold a province in memory
            con.execute(f"SET memory_limit = '{limit}'")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.con.execute(sql, list(params))

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, list(params)).fetchall()

    def arrow(self, sql: str, params: Sequence[Any] = ()) -> pa.Table:
        result = self.con.sql(sql, params=list(params) or None).to_arrow_table()
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

    def write_csv(self, sql: str, path: Path) -> int:
        reader = self.con.sql(sql).to_arrow_reader(1 << 16)
        assert reader is not None
        rows = 0
        with path.open("wb") as handle:
            handle.write(b"\xef\xbb\xbf")
            options = pacsv.WriteOptions(quoting_style="needed")
            with pacsv.CSVWriter(handle, reader.schema, write_options=options) as writer:
                for batch in reader:
                    writer.write_batch(batch)
                    rows += batch.num_rows
        return rows

    def splink_api(self) -> Any:
        from splink import DuckDBAPI

        return DuckDBAPI(self.con)
