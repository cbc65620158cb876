"""Load a *clean* synthetic world (canonical CSV headers, ISO dates, valid IDs) straight into the
stored schema with DuckDB's CSV reader — for benchmarks only: no normalisation, no quarantine,
so a province world is ready in minutes. Real data goes through ``zhongben ingest``.

    .venv/bin/zhongben synth --scale province --exact-ids --out WORLD_DIR
    .venv/bin/python benchmarks/fast_world.py WORLD_DIR DB

Only a world without identity noise (``--exact-ids``): its mistyped, masked and 15-digit IDs would
be stored as if valid. Every entity column holds its own ID, as ingest leaves it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb

from zhongben.contracts import TABLES
from zhongben.contracts.model import Kind
from zhongben.contracts.storage import case_no_parts, entity_columns
from zhongben.workspace import ensure_schema

CASE_NO = r"^\((\d{4})\)(.+?\d{2,4})(执[^\d]*)\d+号$"


def _value(name: str, kind: Kind) -> str:
    col = f'"{name}"'
    if kind is Kind.MONTH:
        return f"CAST({col} || '-01' AS DATE)"
    return f"CAST({col} AS {_sql_type(kind)})"


def _sql_type(kind: Kind) -> str:
    from zhongben.contracts.model import SQL_TYPES

    return SQL_TYPES[kind]


def load_table(con: duckdb.DuckDBPyConnection, name: str, path: Path) -> int:
    table = TABLES[name]
    header = con.execute(f"SELECT * FROM read_csv('{path}', header=true, all_varchar=true) LIMIT 0")
    present = {d[0] for d in header.description or []}
    columns = [c for c in table.columns if c.name in present]
    names = [c.name for c in columns]
    values = [_value(c.name, c.kind) for c in columns]
    if case_no_parts(name):
        names += ["court_code", "case_year", "case_type"]
        values += [f"regexp_extract(case_no, '{CASE_NO}', 2)",
                   f"TRY_CAST(regexp_extract(case_no, '{CASE_NO}', 1) AS INTEGER)",
                   f"regexp_extract(case_no, '{CASE_NO}', 3)"]  # fmt: skip
    for derived in entity_columns(name):  # a clean world: every ID is valid and its own entity
        if derived.source in present:
            names.append(derived.name)
            values.append(_value(derived.source, table.column(derived.source).kind))
    names += ["_file", "_row", "_batch"]
    values += [f"'{path}'", "CAST(row_number() OVER () + 1 AS INTEGER)", "1"]
    quoted = ", ".join(f'"{n}"' for n in names)
    con.execute(
        f'INSERT INTO "{name}" ({quoted}) SELECT {", ".join(values)} '
        f"FROM read_csv('{path}', header=true, all_varchar=true)"
    )
    return int(con.execute(f'SELECT count(*) FROM "{name}"').fetchall()[0][0])


def load_world(world: Path, db: Path) -> None:
    manifest = json.loads((world / "manifest.json").read_text(encoding="utf-8"))
    if not manifest.get("exact_ids", True):
        sys.exit(f"{world} carries identity noise: generate it with --exact-ids, or ingest it")
    con = duckdb.connect(str(db))
    ensure_schema(con)
    for name in TABLES:
        path = world / f"{name}.csv"
        if path.exists():
            print(f"{name:<20}{load_table(con, name, path):>14,}", flush=True)
    con.close()


if __name__ == "__main__":
    load_world(Path(sys.argv[1]), Path(sys.argv[2]))
