"""Load one planned sheet into its contract table, inside the caller's transaction.

All in DuckDB SQL over the Arrow body. The normalised rows (``cells``: typed values, the
case-number parts, court names) go straight into the table — a copy in between would cost as
much as normalising — and then, over the rows of this load (``rows.Loaded``):
1. rows with a cell that cannot be read or a required value missing are quarantined
   (``quarantine``);
2. exact repeats within the file or of stored rows are counted and not kept, rows repeating a
   natural key of an earlier row with other values are quarantined;
3. stored rows of the same natural key are replaced.
Rows not kept are deleted again; the caller's transaction makes the load all or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pyarrow as pa

from zhongben.contracts.storage import DERIVED
from zhongben.ingest.cells import clean_free_text, normalise_select
from zhongben.ingest.plan import SheetPlan
from zhongben.ingest.quarantine import quarantine
from zhongben.ingest.report import QuarantinedCell, SheetLoad
from zhongben.ingest.rows import (
    Loaded,
    count_invalid_ids,
    replace_stored,
    set_aside_repeats,
    value_columns,
)
from zhongben.ingest.sql_text import ident, literal
from zhongben.ingest.strict_ids import invalid_id_problems

PROVENANCE_COLUMNS = ("_file", "_sheet", "_file_hash", "_row", "_batch")
BATCH_ROWS = 1 << 16


@dataclass(frozen=True)
class Provenance:
    file: str
    sheet: str | None
    file_hash: str
    batch: int


def load_sheet(
    con: duckdb.DuckDBPyConnection,
    plan: SheetPlan,
    body: pa.Table,
    unreadable: list[tuple[int, str]],
    prov: Provenance,
) -> tuple[SheetLoad, list[QuarantinedCell]]:
    """Load ``body`` (strings + ``_row``) per ``plan``; returns the report line and the
    quarantined cells."""
    load = SheetLoad(
        prov.file, prov.sheet, plan.table.name, rows_read=body.num_rows + len(unreadable)
    )
    table = ident(plan.table.name)
    stored_before = bool(con.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchall())
    loaded = Loaded(con, plan.table, prov.batch, prov.file_hash, prov.sheet)
    con.register("_raw", _in_batches(clean_free_text(plan, body)))
    try:
        inserted = _insert(con, plan, prov)
        problems = quarantine(con, plan, loaded)
        if plan.strict_ids:
            problems += invalid_id_problems(con, plan, loaded)
    finally:
        con.unregister("_raw")
    cells = [QuarantinedCell(prov.file, prov.sheet, *p) for p in problems]
    cells += [
        QuarantinedCell(prov.file, prov.sheet, row, "（整行）", None, reason)
        for row, reason in unreadable
    ]
    load.duplicates, conflicts = set_aside_repeats(plan, loaded, stored_before)
    cells += [QuarantinedCell(prov.file, prov.sheet, *c) for c in conflicts]
    if stored_before:
        load.replaced = replace_stored(plan, loaded)
    load.loaded = inserted - loaded.set_aside_rows
    load.invalid_ids = count_invalid_ids(plan, loaded)
    load.quarantined_rows = len({cell.row for cell in cells})
    con.execute("DROP TABLE IF EXISTS _suspect; DROP TABLE IF EXISTS _norm;")
    con.execute("DROP TABLE IF EXISTS _problems")
    return load, cells


def _in_batches(body: pa.Table) -> pa.Table:
    """The body in record batches of at most ``BATCH_ROWS``: DuckDB scans an Arrow table one
    batch per thread, and a workbook sheet arrives as one batch."""
    return pa.Table.from_batches(body.to_batches(max_chunksize=BATCH_ROWS), body.schema)


def _insert(con: duckdb.DuckDBPyConnection, plan: SheetPlan, prov: Provenance) -> int:
    """Insert every row of ``_raw``, normalised, with its provenance; how many."""
    derived = [d.name for d in DERIVED.get(plan.table.name, ())]
    values = value_columns(plan) + derived
    columns = values + list(PROVENANCE_COLUMNS)
    exprs = [ident(v) for v in values] + [
        literal(prov.file),
        literal(prov.sheet),
        literal(prov.file_hash),
        "_row",
        str(prov.batch),
    ]
    inserted = con.execute(
        f"INSERT INTO {ident(plan.table.name)} ({', '.join(ident(c) for c in columns)}) "
        f"SELECT {', '.join(exprs)} FROM ({normalise_select(plan)})"
    ).fetchall()
    return int(inserted[0][0])
