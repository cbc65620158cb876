"""Quarantine of a loaded sheet: the rows with a cell that could not be read or a required value
that is missing, each problem with its row, column, the value as written and the reason.

The rows were stored with their normalised values (``rows.Loaded``), and a row that may hold a
problem with its ``_row`` negated (``cells``: a NULL value from a cell that is not empty, or a
required value missing). Only those rows (usually none or few) are read again from the raw body
and normalised again, this time with reasons, into ``_norm``; then every stored row gets its own
row number back and the rows with a problem are set aside.
"""

from __future__ import annotations

import duckdb

from zhongben.ingest.cells import normalise_select
from zhongben.ingest.plan import SheetPlan
from zhongben.ingest.rows import Loaded, label
from zhongben.ingest.sql_text import ident, literal

Problem = tuple[int, str, str | None, str]  # row, column label, value as written, reason
STRICT_REASON = (
    "证件号码未通过校验（位数、校验位或出生日期不正确，或为打码号码）；身份登记中的对应关系"
    "只能使用完整有效的号码，请核对原始登记后重新导入该行"
)


def quarantine(con: duckdb.DuckDBPyConnection, plan: SheetPlan, loaded: Loaded) -> list[Problem]:
    """The problems of the rows just loaded from the raw body ``_raw``; their rows are set
    aside."""
    flagged = f"SELECT -_row FROM {loaded.sql} WHERE _row < 0"
    if not con.execute(f"SELECT count(*) FROM ({flagged})").fetchall()[0][0]:
        return []
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE _suspect AS SELECT * FROM _raw WHERE _row IN ({flagged})"
    )
    con.execute(f"UPDATE {loaded.name} SET _row = -_row WHERE {loaded.mine} AND _row < 0")
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _norm AS "
        + normalise_select(plan, reasons=True, body="_suspect")
    )
    con.execute("CREATE OR REPLACE TEMP TABLE _problems AS " + " UNION ALL ".join(_selects(plan)))
    loaded.set_aside("SELECT DISTINCT _row FROM _problems")
    rows = con.execute("SELECT * FROM _problems ORDER BY _row, ord").fetchall()
    return [(int(r[0]), r[1], r[2], r[3]) for r in rows]


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
        if column.strict_id and mapped.source is not None:
            selects.append(
                f"SELECT n._row, {shown}, r.{ident(mapped.source)}, {literal(STRICT_REASON)}, "
                f"{2 * i + 1} FROM _norm n JOIN _suspect r ON r._row = n._row "
                f"WHERE n.{name} IS NULL AND n.{ident(column.name + '_invalid')} IS NOT NULL"
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
