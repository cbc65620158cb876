"""Quarantine of a loaded sheet: the rows with a cell that could not be read or a required value
that is missing, each problem with its row, column, the value as written and the reason.

The rows were stored with their normalised values (``rows.Loaded``). A cell can only have been
refused where its stored value is NULL while the cell it was read from is not empty, and a
required value is missing only where it is NULL, so only those rows (usually few) are normalised
again from the raw body, this time with reasons, into ``_norm``.
"""

from __future__ import annotations

import duckdb

from zhongben.ingest.cells import input_expr, may_be_unreadable, normalise_select, raw_cell
from zhongben.ingest.plan import MappedColumn, SheetPlan
from zhongben.ingest.rows import Loaded, label
from zhongben.ingest.sql_text import ident, literal

Problem = tuple[int, str, str | None, str]  # row, column label, value as written, reason


def quarantine(con: duckdb.DuckDBPyConnection, plan: SheetPlan, loaded: Loaded) -> list[Problem]:
    """The problems of the rows just loaded from the raw body ``_raw``; their rows are set
    aside."""
    suspect = _suspect(plan)
    if suspect is None or _all_nulls_from_empty_cells(con, plan, loaded):
        return []
    nulls = " OR ".join(f"{ident(m.column.name)} IS NULL" for m in _checked(plan))
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _suspect AS SELECT _raw.* FROM _raw
        JOIN (SELECT * FROM {loaded.sql} WHERE {nulls}) t ON t._row = _raw._row
        WHERE {suspect}"""
    )
    if not con.execute("SELECT count(*) FROM _suspect").fetchall()[0][0]:
        return []
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _norm AS "
        + normalise_select(plan, reasons=True, body="_suspect")
    )
    con.execute("CREATE OR REPLACE TEMP TABLE _problems AS " + " UNION ALL ".join(_selects(plan)))
    loaded.set_aside("SELECT DISTINCT _row FROM _problems")
    rows = con.execute("SELECT * FROM _problems ORDER BY _row, ord").fetchall()
    return [(int(r[0]), r[1], r[2], r[3]) for r in rows]


def _checked(plan: SheetPlan) -> list[MappedColumn]:
    """The columns whose NULL value may be a problem: required ones, and ones that can be
    refused."""
    return [m for m in plan.columns if m.column.required or may_be_unreadable(m)]


def _all_nulls_from_empty_cells(
    con: duckdb.DuckDBPyConnection, plan: SheetPlan, loaded: Loaded
) -> bool:
    """True when no checked value can be a problem: no required value is NULL, and each other
    checked column has as many NULL values as empty cells to read (an empty cell always gives
    NULL). Two counting scans instead of joining every row to the body; run before any row is
    set aside, while the stored rows are the body's."""
    checked = _checked(plan)
    nulls = ", ".join(f"count(*) FILTER (WHERE {ident(m.column.name)} IS NULL)" for m in checked)
    empty = []
    for mapped in checked:
        cell = input_expr(mapped) or raw_cell(mapped)
        blank = f"count(*) FILTER (WHERE {cell} IS NULL OR {cell} = '')"
        empty.append("0" if mapped.column.required else blank)
    stored = con.execute(f"SELECT {nulls} FROM {loaded.sql}").fetchall()[0]
    read = con.execute(f"SELECT {', '.join(empty)} FROM _raw").fetchall()[0]
    return stored == read


def _suspect(plan: SheetPlan) -> str | None:
    """Rows (stored as ``t``, raw as ``_raw``) that may hold a problem; None when none can."""
    terms = []
    for mapped in _checked(plan):
        value = f"t.{ident(mapped.column.name)}"
        if mapped.column.required:
            terms.append(f"{value} IS NULL")
        else:
            cell = input_expr(mapped) or raw_cell(mapped)
            terms.append(f"({value} IS NULL AND {cell} IS NOT NULL AND {cell} <> '')")
    return " OR ".join(terms) or None


def _selects(plan: SheetPlan) -> list[str]:
    """One SELECT (row, column label, raw value, reason, order) per kind of problem of a column:
    a value that cannot be read (its raw text comes from the body), a required value missing."""
    selects = []
    for i, mapped in enumerate(plan.columns):
        column = mapped.column
        name, shown = ident(column.name), literal(label(column))
        error = ident(column.name + "__e")
        if mapped.source is not None:
            selects.append(
                f"SELECT n._row, {shown} AS col, r.{ident(mapped.source)} AS value, "
                f"n.{error} AS reason, {2 * i} AS ord FROM _norm n "
                f"JOIN _suspect r ON r._row = n._row WHERE n.{error} IS NOT NULL"
            )
        if column.required:
            invalid = (
                f" AND {ident(column.name + '_invalid')} IS NULL" if column.invalid_column else ""
            )
            guard = f" AND {error} IS NULL" if mapped.source else ""
            selects.append(
                f"SELECT _row, {shown}, NULL, '必填字段为空', {2 * i + 1} FROM _norm "
                f"WHERE {name} IS NULL{guard}{invalid}"
            )
    return selects
