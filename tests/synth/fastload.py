"""Load a clean synthetic world straight into a workspace with DuckDB (typed per the contract),
bypassing the ingest pipeline: a check that every value parses as its contract type, and a quick
way to screen a world in tests."""

from __future__ import annotations

from pathlib import Path

import duckdb

from zhongben.contracts import TABLES, Kind
from zhongben.contracts.storage import storage_columns, unresolved_entities_sql
from zhongben.workspace import ensure_schema

CASE_NO_PARTS = {
    "case_year": r"regexp_extract(case_no, '^\((\d{4})\)', 1)::INTEGER",
    "court_code": r"regexp_extract(case_no, '^\(\d{4}\)(\D\d+)', 1)",
    "case_type": r"regexp_extract(case_no, '^\(\d{4}\)\D\d+(\D+)\d+号$', 1)",
}


def _expr(name: str, kind: Kind, sql_type: str) -> str:
    q = f'"{name}"'
    if kind == Kind.MONTH:
        return f"CAST(strptime({q} || '-01', '%Y-%m-%d') AS DATE)"
    return f"CAST({q} AS {sql_type})"


def load_world(folder: Path, con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Insert every ``<table>.csv`` of ``folder``; raise on any value that does not parse."""
    ensure_schema(con)
    counts: dict[str, int] = {}
    for name, table in TABLES.items():
        path = folder / f"{name}.csv"
        if not path.exists():
            continue
        stored = dict(storage_columns(table))
        select = [_expr(c.name, c.kind, c.sql_type) + f' AS "{c.name}"' for c in table.columns]
        if name == "cases":
            select += [f"{expr} AS {col}" for col, expr in CASE_NO_PARTS.items()]
        names = [c.name for c in table.columns] + (list(CASE_NO_PARTS) if name == "cases" else [])
        cols = ", ".join(f'"{n}"' for n in names)
        con.execute(
            f'INSERT INTO "{name}" ({cols}, _file, _row) SELECT {", ".join(select)}, '
            f"'{path.name}', row_number() OVER () + 1 FROM read_csv('{path}', header=true, "
            "all_varchar=true)"
        )
        counts[name] = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]  # type: ignore[index]
        assert set(stored) >= set(names)
    for sql in unresolved_entities_sql():  # what ingest stores before any resolution
        con.execute(sql)
    return counts
