"""Load one planned sheet into its contract table, inside the caller's transaction.

All in DuckDB SQL over the Arrow body, with one materialised copy (``_norm``):
1. normalise every cell (``normalise.sql``), derive the case-number parts and fill missing court
   names;
2. set aside (``_skip``) rows with an unreadable value or a missing required field (quarantined),
   exact repeats within the file or of stored rows (counted, not stored again), and rows repeating
   a natural key with other values (quarantined);
3. replace stored rows of the same natural key and insert the rest.
Repeats are found through a 64-bit row hash first; only rows whose hash matches are compared
value by value, so a file without repeats pays one hash aggregation.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pyarrow as pa

from zhongben.contracts import Column, Kind
from zhongben.contracts.storage import DERIVED
from zhongben.ingest.normalise.sql import COURTS_TABLE, case_no_parts_sql, column_sql
from zhongben.ingest.plan import MappedColumn, SheetPlan
from zhongben.ingest.report import QuarantinedCell, SheetLoad
from zhongben.ingest.sql_text import ident, literal

PROVENANCE_COLUMNS = ("_file", "_sheet", "_file_hash", "_row", "_batch")


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
    con.register("_raw", body)
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE _norm AS {_normalise_select(plan)}")
    finally:
        con.unregister("_raw")
    cells = _quarantined(con, plan, prov)
    cells += [
        QuarantinedCell(prov.file, prov.sheet, row, "（整行）", None, reason)
        for row, reason in unreadable
    ]
    load.duplicates = _skip_repeats(con, plan)
    cells += _key_conflicts(con, plan, prov)
    load.duplicates += _skip_stored_repeats(con, plan)
    _store(con, plan, prov, load)
    load.quarantined_rows = len({cell.row for cell in cells})
    return load, cells


# --- normalisation -------------------------------------------------------------------------------


def _input_expr(mapped: MappedColumn) -> str | None:
    """The cell the normaliser reads, when it differs from the raw cell: an amount in a 万元
    column without a unit of its own gets one; an empty cell takes the column's default."""
    expr = f"_raw.{ident(mapped.source)}" if mapped.source else "CAST(NULL AS VARCHAR)"
    wrapped = expr
    if mapped.unit == "万" and mapped.column.kind is Kind.AMOUNT:
        wrapped = (
            f"CASE WHEN {expr} IS NULL OR regexp_matches({expr}, '[万元]') OR trim({expr}) = ''"
            f" THEN {expr} ELSE {expr} || '万' END"
        )
    if mapped.column.default is not None:
        wrapped = f"coalesce(nullif(trim({wrapped}), ''), {literal(mapped.column.default)})"
    return wrapped if wrapped != expr else None


def _cell_select(plan: SheetPlan) -> str:
    """Normalise each cell. Wrapped inputs (unit, default) are computed once in an inner select:
    the normaliser expressions read their input many times."""
    inner = ["_raw._row AS _row"]
    parts = ["_row"]
    for i, mapped in enumerate(plan.columns):
        name = mapped.column.name
        raw = ident(name + "__r")
        if mapped.source is not None:
            inner.append(f"_raw.{ident(mapped.source)} AS {raw}")
        wrapped = _input_expr(mapped)
        if wrapped is not None:
            inner.append(f"{wrapped} AS {ident(f'_in{i}')}")
        source = ident(f"_in{i}") if wrapped else raw if mapped.source else "CAST(NULL AS VARCHAR)"
        sql = column_sql(mapped.column, source)
        parts.append(f"{sql.value} AS {ident(name)}")
        if mapped.source is not None:
            parts.extend((f"{sql.error} AS {ident(name + '__e')}", raw))
        if sql.invalid is not None:
            parts.append(f"{sql.invalid} AS {ident(name + '_invalid')}")
    inner_sql = "SELECT " + ", ".join(inner) + " FROM _raw"
    return "SELECT " + ",\n  ".join(parts) + f"\nFROM ({inner_sql})"


def _normalise_select(plan: SheetPlan) -> str:
    """The normalised cells, plus for cases the derived case-number parts and the court name
    (from the court code) where the file gives none."""
    cells = _cell_select(plan)
    if plan.table.name not in DERIVED:
        return cells
    parts = case_no_parts_sql("c.case_no")
    derived = ", ".join(f"{parts[d.name]} AS {ident(d.name)}" for d in DERIVED[plan.table.name])
    return f"""SELECT d.* REPLACE (coalesce(d.court, k.name) AS court)
        FROM (SELECT c.*, {derived} FROM ({cells}) c) d
        LEFT JOIN {COURTS_TABLE} k ON k.code = d.court_code"""


def _label(column: Column) -> str:
    return f"{column.zh}（{column.name}）"


def _problem_selects(plan: SheetPlan) -> list[str]:
    selects = []
    for mapped in plan.columns:
        column = mapped.column
        name, label = ident(column.name), literal(_label(column))
        error = ident(column.name + "__e")
        if mapped.source is not None:
            selects.append(
                f"SELECT _row, {label} AS col, {ident(column.name + '__r')} AS value, "
                f"{error} AS reason FROM _norm WHERE {error} IS NOT NULL"
            )
        if column.required:
            invalid = (
                f" AND {ident(column.name + '_invalid')} IS NULL" if column.invalid_column else ""
            )
            guard = f" AND {error} IS NULL" if mapped.source else ""
            selects.append(
                f"SELECT _row, {label}, NULL, '必填字段为空' FROM _norm "
                f"WHERE {name} IS NULL{guard}{invalid}"
            )
    return selects


def _quarantined(
    con: duckdb.DuckDBPyConnection, plan: SheetPlan, prov: Provenance
) -> list[QuarantinedCell]:
    """Cells that could not be read or required cells that are empty; their rows go to _skip."""
    con.execute("CREATE OR REPLACE TEMP TABLE _skip (_row INTEGER, why VARCHAR)")
    selects = _problem_selects(plan)
    if not selects:
        return []
    rows = con.execute(" UNION ALL ".join(selects) + " ORDER BY 1").fetchall()
    if rows:
        con.executemany("INSERT INTO _skip VALUES (?, 'bad')", [[r] for r in {r[0] for r in rows}])
    return [QuarantinedCell(prov.file, prov.sheet, int(r[0]), r[1], r[2], r[3]) for r in rows]


# --- repeats and keys ----------------------------------------------------------------------------


def _value_columns(plan: SheetPlan) -> list[str]:
    names = []
    for mapped in plan.columns:
        names.append(mapped.column.name)
        if mapped.column.invalid_column:
            names.append(mapped.column.invalid_column)
    return names


GOOD = "(SELECT * FROM _norm n WHERE NOT EXISTS (SELECT 1 FROM _skip s WHERE s._row = n._row))"


def _row_hash(plan: SheetPlan, alias: str) -> str:
    return "hash(" + ", ".join(f"{alias}.{ident(v)}" for v in _value_columns(plan)) + ")"


def _same_row(values: list[str], left: str, right: str) -> str:
    return " AND ".join(
        f"{left}.{ident(v)} IS NOT DISTINCT FROM {right}.{ident(v)}" for v in values
    )


def _skip_repeats(con: duckdb.DuckDBPyConnection, plan: SheetPlan) -> int:
    """Exact repeats of an earlier row of the same file: set aside, counted."""
    hashes = con.execute(
        f"SELECT count(*) - count(DISTINCT {_row_hash(plan, 'g')}) FROM {GOOD} g"
    ).fetchall()[0][0]
    if not hashes:
        return 0
    values = ", ".join(ident(v) for v in _value_columns(plan))
    repeats = f"""SELECT _row FROM {GOOD} g
        QUALIFY row_number() OVER (PARTITION BY {values} ORDER BY _row) > 1"""
    return _skip(con, repeats, "dup")


def _skip(con: duckdb.DuckDBPyConnection, rows_sql: str, why: str) -> int:
    before = _count(con, "SELECT count(*) FROM _skip")
    con.execute(f"INSERT INTO _skip SELECT _row, {literal(why)} FROM ({rows_sql})")
    return _count(con, "SELECT count(*) FROM _skip") - before


def _key_conflicts(
    con: duckdb.DuckDBPyConnection, plan: SheetPlan, prov: Provenance
) -> list[QuarantinedCell]:
    """Rows repeating the natural key of an earlier row with other values. A key with a null part
    (e.g. an ID that failed its checksum) identifies nothing and never conflicts."""
    key = plan.table.key
    if not key:
        return []
    keys = ", ".join(ident(k) for k in key)
    complete = " AND ".join(f"{ident(k)} IS NOT NULL" for k in key)
    later = f"""SELECT _row, first_row FROM (
            SELECT _row, min(_row) OVER (PARTITION BY {keys}) AS first_row FROM {GOOD} g
            WHERE {complete})
        WHERE _row <> first_row"""
    rows = con.execute(later + " ORDER BY _row").fetchall()
    if not rows:
        return []
    con.executemany("INSERT INTO _skip VALUES (?, 'key')", [[r[0]] for r in rows])
    label = "、".join(_label(plan.table.column(k)) for k in key)
    return [
        QuarantinedCell(
            prov.file,
            prov.sheet,
            int(row),
            label,
            None,
            f"主键重复：与第 {int(first)} 行的{label}相同但其他内容不同，请核对后只保留一行",
        )
        for row, first in rows
    ]


def _skip_stored_repeats(con: duckdb.DuckDBPyConnection, plan: SheetPlan) -> int:
    """Rows identical to a row already stored (loaded earlier from another file)."""
    table = ident(plan.table.name)
    if not _count(con, f"SELECT count(*) FROM (SELECT 1 FROM {table} LIMIT 1)"):
        return 0
    values = _value_columns(plan)
    stored = f"""SELECT g._row FROM {GOOD} g
        JOIN (SELECT {_row_hash(plan, "t")} AS h, * FROM {table} t) t
          ON t.h = {_row_hash(plan, "g")} AND {_same_row(values, "t", "g")}"""
    return _skip(con, f"SELECT DISTINCT _row FROM ({stored})", "dup")


# --- storing -------------------------------------------------------------------------------------


def _store(
    con: duckdb.DuckDBPyConnection, plan: SheetPlan, prov: Provenance, load: SheetLoad
) -> None:
    table, values = ident(plan.table.name), _value_columns(plan)
    if plan.table.key:
        match = " AND ".join(f"t.{ident(k)} = g.{ident(k)}" for k in plan.table.key)
        replaced = f"SELECT 1 FROM {GOOD} g WHERE {match}"
        load.replaced = _count(con, f"SELECT count(*) FROM {table} t WHERE EXISTS ({replaced})")
        if load.replaced:
            con.execute(f"DELETE FROM {table} t WHERE EXISTS ({replaced})")
    derived = [d.name for d in DERIVED.get(plan.table.name, ())]
    columns = values + derived + list(PROVENANCE_COLUMNS)
    exprs = [ident(v) for v in values + derived] + [
        literal(prov.file),
        literal(prov.sheet),
        literal(prov.file_hash),
        "_row",
        str(prov.batch),
    ]
    con.execute(
        f"INSERT INTO {table} ({', '.join(ident(c) for c in columns)}) "
        f"SELECT {', '.join(exprs)} FROM {GOOD} g"
    )
    load.loaded = _count(con, f"SELECT count(*) FROM {GOOD} g")
    invalid = [c.invalid_column for c in plan.table.columns if c.invalid_column]
    if invalid:
        any_invalid = " OR ".join(f"{ident(c)} IS NOT NULL" for c in invalid)
        load.invalid_ids = _count(con, f"SELECT count(*) FROM {GOOD} g WHERE {any_invalid}")


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    return int(con.execute(sql).fetchall()[0][0])
