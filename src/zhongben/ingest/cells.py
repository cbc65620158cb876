"""The SELECT that reads a sheet's raw text cells into contract values (``normalise.sql`` per
column), plus for ``cases`` the case-number parts and the court name from the court code.

The raw body is read from a table or view of raw text cells and ``_row`` (by default ``_raw``, the
registered Arrow body, its free-text columns cleaned by ``clean_free_text``). With ``reasons``
each column with a source also gets ``<name>__e``: NULL when fine, else the Chinese reason the
cell cannot be read.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pyarrow as pa

from zhongben.contracts import Kind
from zhongben.contracts.storage import case_no_parts, entity_columns
from zhongben.ingest.normalise.sql import (
    COURTS_TABLE,
    NO_ERROR,
    ColumnSQL,
    case_no_part,
    case_no_parts_sql,
    case_no_sql,
    column_sql,
)
from zhongben.ingest.normalise.sql_tiers import canonical_new
from zhongben.ingest.normalise.udfs import clean_array
from zhongben.ingest.plan import MappedColumn, SheetPlan
from zhongben.ingest.sql_text import ident, literal

PARTS_SOURCE = "case_no"  # the column the derived case-number parts are read from
CANONICAL = "_canonical"  # its cell is a canonical new-scheme number: one full match for both


def raw_cell(mapped: MappedColumn) -> str:
    return f"_raw.{ident(mapped.source)}" if mapped.source else "CAST(NULL AS VARCHAR)"


def input_expr(mapped: MappedColumn) -> str | None:
    """The cell the normaliser reads, when it differs from the raw cell: an amount in a 万元
    column without a unit of its own gets one; an empty cell takes the column's default."""
    expr = raw_cell(mapped)
    wrapped = expr
    if mapped.unit == "万" and mapped.column.kind is Kind.AMOUNT:
        wrapped = (
            f"CASE WHEN {expr} IS NULL OR regexp_matches({expr}, '[万元]') OR trim({expr}) = ''"
            f" THEN {expr} ELSE {expr} || '万' END"
        )
    if mapped.column.default is not None:
        wrapped = f"coalesce(nullif(trim({wrapped}), ''), {literal(mapped.column.default)})"
    return wrapped if wrapped != expr else None


def _free_text(mapped: MappedColumn) -> bool:
    return mapped.column.kind is Kind.TEXT and mapped.source is not None


def clean_free_text(plan: SheetPlan, body: pa.Table) -> pa.Table:
    """The body with its free-text cells folded and stripped (``width.clean``), a whole column at a
    time: numpy finds the few cells that need it. Free text needs nothing else, and the same work
    as a DuckDB UDF costs a Python call per 2,048 cells. Columns are cleaned on two threads
    (numpy and Arrow release the GIL)."""
    sources = [m.source for m in plan.columns if _free_text(m) and m.source is not None]
    with ThreadPoolExecutor(2) as pool:
        cleaned = list(pool.map(lambda name: clean_array(body.column(name)), sources))
    for name, column in zip(sources, cleaned, strict=True):
        body = body.set_column(body.schema.get_field_index(name), name, column)
    return body


def _column_sql(mapped: MappedColumn, source: str) -> ColumnSQL:
    if _free_text(mapped):  # cleaned already
        return ColumnSQL(source, NO_ERROR, None)
    return column_sql(mapped.column, source)


def may_be_unreadable(mapped: MappedColumn) -> bool:
    """Whether a cell of this column can be refused (typed and enumerated kinds can)."""
    return mapped.source is not None and column_sql(mapped.column, "x").error != NO_ERROR


def _shares_guard(plan: SheetPlan, mapped: MappedColumn) -> bool:
    """Whether this is the column the derived parts are read from, read as written: its value
    and its parts then share one full match of the cell."""
    return (
        bool(case_no_parts(plan.table.name))
        and mapped.column.name == PARTS_SOURCE
        and mapped.source is not None
        and input_expr(mapped) is None
    )


def _cells(plan: SheetPlan, reasons: bool, body: str) -> str:
    """Normalise each cell. Wrapped inputs (unit, default) are computed once in an inner select:
    the normaliser expressions read their input many times.

    Without ``reasons`` (the load itself) a row that may hold a problem gets its ``_row``
    negated, so the quarantine finds the few suspect rows without reading the body again: a
    NULL value from a cell that is not empty (a refused cell; an empty cell always gives NULL),
    or a required value missing."""
    inner = ["_raw._row AS _row"]
    parts = ["_row"]
    suspect: list[str] = []
    checks: list[str] = []
    for i, mapped in enumerate(plan.columns):
        name = mapped.column.name
        raw = ident(name + "__r")
        if mapped.source is not None:
            inner.append(f"{raw_cell(mapped)} AS {raw}")
        wrapped = input_expr(mapped)
        if wrapped is not None:
            inner.append(f"{wrapped} AS {ident(f'_in{i}')}")
        source = ident(f"_in{i}") if wrapped else raw if mapped.source else "CAST(NULL AS VARCHAR)"
        if _shares_guard(plan, mapped):
            inner.append(f"{canonical_new(raw_cell(mapped))} AS {CANONICAL}")
            parts.append(CANONICAL)
            sql = case_no_sql(source, CANONICAL)
        else:
            sql = _column_sql(mapped, source)
        parts.append(f"{sql.value} AS {ident(name)}")
        if reasons and mapped.source is not None:
            parts.append(f"{sql.error} AS {ident(name + '__e')}")
        if sql.invalid is not None:
            parts.append(f"{sql.invalid} AS {ident(name + '_invalid')}")
        if not reasons and mapped.column.required:
            suspect.append(f"{ident(name)} IS NULL")
        elif not reasons and mapped.column.strict_id:
            suspect.append(f"{ident(name + '_invalid')} IS NOT NULL")
        elif not reasons and may_be_unreadable(mapped):
            checks.append(ident(f"_chk{i}"))
            parts.append(f"{source} AS {checks[-1]}")
            suspect.append(f"({ident(name)} IS NULL AND {checks[-1]} <> '')")
    inner_sql = "SELECT " + ", ".join(inner) + f" FROM {body} _raw"
    cells = "SELECT " + ",\n  ".join(parts) + f"\nFROM ({inner_sql})"
    if not suspect:
        return cells
    flagged = f"CASE WHEN {' OR '.join(suspect)} THEN -_row ELSE _row END AS _row"
    exclude = f"EXCLUDE ({', '.join(checks)}) " if checks else ""
    return f"SELECT * {exclude}REPLACE ({flagged}) FROM ({cells})"


def normalise_select(plan: SheetPlan, reasons: bool = False, body: str = "_raw") -> str:
    """The normalised cells (and reasons), plus for cases the derived case-number parts and the
    court name (from the court code) where the file gives none, and beside each ID column its
    entity column: before resolution, the valid ID itself (docs/reference/entities.md)."""
    cells = _cells(plan, reasons, body)
    entities = entity_columns(plan.table.name)
    if entities:
        chosen = ", ".join(f"{ident(d.source or '')} AS {ident(d.name)}" for d in entities)
        cells = f"SELECT *, {chosen} FROM ({cells})"
    parts_of = case_no_parts(plan.table.name)
    if not parts_of:
        return cells
    derived = ", ".join(f"{case_no_part('p._parts', d.name)} AS {ident(d.name)}" for d in parts_of)
    shared = any(_shares_guard(plan, m) for m in plan.columns)
    parts = case_no_parts_sql(f"c.{PARTS_SOURCE}", f"c.{CANONICAL}" if shared else None)
    dropped = f"_parts, {CANONICAL}" if shared else "_parts"
    return f"""SELECT d.* REPLACE (coalesce(d.court, k.name) AS court)
        FROM (SELECT p.* EXCLUDE ({dropped}), {derived}
              FROM (SELECT c.*, {parts} AS _parts FROM ({cells}) c) p) d
        LEFT JOIN {COURTS_TABLE} k ON k.code = d.court_code"""
