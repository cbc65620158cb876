"""A workspace copied row by row into a new file, for files that leave the office (the anonymised
export). DuckDB keeps the bytes of updated or deleted values in a file's blocks until they are
reused, so a file whose rows were rewritten in place still holds the old values; a fresh copy
holds only what its tables hold now. Strings are written uncompressed, so a scan of the raw
bytes sees every string the file stores (dictionary and FSST compression would hide them)."""

from __future__ import annotations

from pathlib import Path

import duckdb


def sql_path(path: Path) -> str:
    """``path`` as a SQL string literal (a quote in a folder name stays a quote)."""
    return "'" + str(path).replace("'", "''") + "'"


def fresh_copy(source: Path, out: Path) -> None:
    """Every table, view and sequence of ``source`` into the new file ``out``."""
    if out.exists():
        raise FileExistsError(out)
    con = duckdb.connect()
    try:
        con.execute("set force_compression = 'uncompressed'")
        con.execute(f"attach {sql_path(source)} as copy_from (read_only)")
        con.execute(f"attach {sql_path(out)} as copy_to")
        con.execute("copy from database copy_from to copy_to")
        con.execute("detach copy_to")
    finally:
        con.close()
