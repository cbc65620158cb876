"""Load one planned sheet into its contract table, inside the caller's transaction.

Steps, all in DuckDB SQL over the Arrow body: normalise every cell (``normalise.sql``), quarantine
rows with an unreadable value or a missing required field, drop exact repeats, quarantine rows that
repeat a natural key with other values, then insert (replacing stored rows of the same key).
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
        file=prov.file,
        sheet=prov.sheet,
        table=plan.table.name,
        rows_read=body.num_rows + len(unreadable),
    )
    con.register("_raw", body)
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE _norm AS {_normalise_select(plan)}")
        _fill_court_names(con, plan)
        cells = _quarantined(con, plan, prov) + [
            QuarantinedCell(prov.file, prov.sheet, row, "（整行）", None, reason)
            for row, reason in unreadable
        ]
        _keep_good_distinct(con, plan, load)
        cells += _key_conflicts(con, plan, prov)
        _store(con, plan, prov, load)
    finally:
        con.unregister("_raw")
    load.quarantined_rows = len({cell.row for cell in cells})
    return load, cells


# --- normalisation -------------------------------------------------------------------------------


def _raw_expr(mapped: MappedColumn) -> str:
    source = mapped.source
    expr = "CAST(NULL AS VARCHAR)" if source is None else f"_raw.{ident(source)}"
    if mapped.unit == "万" and mapped.column.kind is Kind.AMOUNT:
        expr = (
            f"CASE WHEN {expr} IS NULL OR regexp_matches({expr}, '[万元]') OR trim({expr}) = ''"
            f" THEN {expr} ELSE {expr} || '万' END"
        )
    if mapped.column.default is not None:
        expr = f"coalesce(nullif(trim({expr}), ''), {literal(mapped.column.default)})"
    return expr


def _normalise_select(plan: SheetPlan) -> str:
    parts = ["_raw._row AS _row"]
    for mapped in plan.columns:
        name, raw = mapped.column.name, _raw_expr(mapped)
        sql = column_sql(mapped.column, raw)
        parts.append(f"{sql.value} AS {ident(name)}")
        if mapped.source is not None:
            parts.append(f"{sql.error} AS {ident(name + '__e')}")
            parts.append(f"{raw} AS {ident(name + '__r')}")
        if sql.invalid is not None:
            parts.append(f"{sql.invalid} AS {ident(name + '_invalid')}")
    return "SELECT " + ",\n  ".join(parts) + "\nFROM _raw"


def _label(column: Column) -> str:
    return f"{column.zh}（{column.name}）"


def _problem_selects(plan: SheetPlan) -> list[str]:
    selects = []
    for mapped in plan.columns:
        column = mapped.column
        name, label = ident(column.name), literal(_label(column))
        if mapped.source is not None:
            selects.append(
                f"SELECT _row, {label} AS col, {ident(column.name + '__r')} AS value, "
                f"{ident(column.name + '__e')} AS reason FROM _norm "
                f"WHERE {ident(column.name + '__e')} IS NOT NULL"
            )
        if column.required:
            invalid = (
                f" AND {ident(column.name + '_invalid')} IS NULL" if column.invalid_column else ""
            )
            guard = f" AND {ident(column.name + '__e')} IS NULL" if mapped.source else ""
            selects.append(
                f"SELECT _row, {label}, NULL, '必填字段为空' FROM _norm "
                f"WHERE {name} IS NULL{guard}{invalid}"
            )
    return selects


def _quarantined(
    con: duckdb.DuckDBPyConnection, plan: SheetPlan, prov: Provenance
) -> list[QuarantinedCell]:
    selects = _problem_selects(plan)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _bad AS " + " UNION ALL ".join(selects)
        if selects
        else "CREATE OR REPLACE TEMP TABLE _bad AS SELECT 0 AS _row WHERE false"
    )
    rows = con.execute("SELECT * FROM _bad ORDER BY _row").fetchall() if selects else []
    return [QuarantinedCell(prov.file, prov.sheet, int(r[0]), r[1], r[2], r[3]) for r in rows]


# --- repeats and keys ----------------------------------------------------------------------------


def _value_columns(plan: SheetPlan) -> list[str]:
    names = []
    for mapped in plan.columns:
        names.append(mapped.column.name)
        if mapped.column.invalid_column:
            names.append(mapped.column.invalid_column)
    return names


def _keep_good_distinct(con: duckdb.DuckDBPyConnection, plan: SheetPlan, load: SheetLoad) -> None:
    values = ", ".join(ident(n) for n in _value_columns(plan))
    con.execute(f"""CREATE OR REPLACE TEMP TABLE _good AS
        SELECT * FROM _norm WHERE _row NOT IN (SELECT _row FROM _bad)
        QUALIFY row_number() OVER (PARTITION BY {values} ORDER BY _row) = 1""")
    good = _count(con, "SELECT count(*) FROM _norm WHERE _row NOT IN (SELECT _row FROM _bad)")
    load.duplicates += good - _count(con, "SELECT count(*) FROM _good")


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
            SELECT _row, min(_row) OVER (PARTITION BY {keys}) AS first_row FROM _good
            WHERE {complete})
        WHERE _row <> first_row"""
    rows = con.execute(later + " ORDER BY _row").fetchall()
    if not rows:
        return []
    con.execute(f"DELETE FROM _good WHERE _row IN (SELECT _row FROM ({later}))")
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


# --- storing -------------------------------------------------------------------------------------


def _same_row(values: list[str], left: str, right: str) -> str:
    return " AND ".join(
        f"{left}.{ident(v)} IS NOT DISTINCT FROM {right}.{ident(v)}" for v in values
    )


def _store(
    con: duckdb.DuckDBPyConnection, plan: SheetPlan, prov: Provenance, load: SheetLoad
) -> None:
    table, values = ident(plan.table.name), _value_columns(plan)
    con.execute(f"""CREATE OR REPLACE TEMP TABLE _new AS SELECT g.* FROM _good g
        WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE {_same_row(values, "t", "g")})""")
    load.duplicates += _count(con, "SELECT count(*) FROM _good") - _count(
        con, "SELECT count(*) FROM _new"
    )
    if plan.table.key:
        match = " AND ".join(f"t.{ident(k)} = n.{ident(k)}" for k in plan.table.key)
        load.replaced = _count(
            con,
            f"""SELECT count(*) FROM {table} t
            WHERE EXISTS (SELECT 1 FROM _new n WHERE {match})""",
        )
        con.execute(f"DELETE FROM {table} t WHERE EXISTS (SELECT 1 FROM _new n WHERE {match})")
    derived = _derived_exprs(plan)
    columns = values + list(derived) + ["_file", "_sheet", "_file_hash", "_row", "_batch"]
    exprs = (
        [ident(v) for v in values]
        + list(derived.values())
        + [
            literal(prov.file),
            literal(prov.sheet),
            literal(prov.file_hash),
            "_row",
            str(prov.batch),
        ]
    )
    con.execute(
        f"INSERT INTO {table} ({', '.join(ident(c) for c in columns)}) "
        f"SELECT {', '.join(exprs)} FROM _new ORDER BY _row"
    )
    load.loaded = _count(con, "SELECT count(*) FROM _new")
    invalid = [c.invalid_column for c in plan.table.columns if c.invalid_column]
    if invalid:
        any_invalid = " OR ".join(f"{ident(c)} IS NOT NULL" for c in invalid)
        load.invalid_ids = _count(con, f"SELECT count(*) FROM _new WHERE {any_invalid}")


def _fill_court_names(con: duckdb.DuckDBPyConnection, plan: SheetPlan) -> None:
    """A case without a court name gets the name of the court its case number designates."""
    if plan.table.name == "cases":
        code = case_no_parts_sql("_norm.case_no")["court_code"]
        con.execute(
            f"UPDATE _norm SET court = c.name FROM {COURTS_TABLE} c "
            f"WHERE _norm.court IS NULL AND c.code = {code}"
        )


def _derived_exprs(plan: SheetPlan) -> dict[str, str]:
    if plan.table.name != "cases":
        return {}
    parts = case_no_parts_sql(ident("case_no"))
    return {d.name: parts[d.name] for d in DERIVED["cases"]}


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    return int(con.execute(sql).fetchall()[0][0])
