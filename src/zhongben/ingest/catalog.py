"""The workspace's own bookkeeping tables: load batches, loaded files, quarantined cells."""

from __future__ import annotations

import duckdb

DDL = (
    """CREATE TABLE IF NOT EXISTS _batches (
        batch INTEGER PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP, paths VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS _files (
        file_hash VARCHAR, sheet VARCHAR, file VARCHAR, "table" VARCHAR, batch INTEGER,
        rows_read INTEGER, loaded INTEGER, quarantined INTEGER, loaded_at TIMESTAMP)""",
    """CREATE TABLE IF NOT EXISTS _quarantine (
        batch INTEGER, file VARCHAR, sheet VARCHAR, "row" INTEGER, "column" VARCHAR,
        value VARCHAR, reason VARCHAR)""",
)


def ensure_catalog(con: duckdb.DuckDBPyConnection) -> None:
    for ddl in DDL:
        con.execute(ddl)


def start_batch(con: duckdb.DuckDBPyConnection, paths: str) -> int:
    batch = int(con.execute("SELECT coalesce(max(batch), 0) + 1 FROM _batches").fetchall()[0][0])
    con.execute("INSERT INTO _batches VALUES (?, now(), NULL, ?)", [batch, paths])
    return batch


def finish_batch(con: duckdb.DuckDBPyConnection, batch: int) -> None:
    con.execute("UPDATE _batches SET finished_at = now() WHERE batch = ?", [batch])


def already_loaded(con: duckdb.DuckDBPyConnection, file_hash: str, sheet: str | None) -> bool:
    rows = con.execute(
        "SELECT count(*) FROM _files WHERE file_hash = ? AND sheet IS NOT DISTINCT FROM ?",
        [file_hash, sheet],
    ).fetchall()
    return bool(rows[0][0])
