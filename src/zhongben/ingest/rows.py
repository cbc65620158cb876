"""The rows one sheet load stored, and which of them stay: a load inserts every row it read, then
sets aside (deletes again, inside the same transaction) quarantined rows and repeats, and replaces
stored rows of the same natural key.

Repeats and natural-key conflicts are found through 64-bit hashes first, in one aggregation over
the rows; only when two hashes match are rows compared value by value, so a file without repeats
or conflicts pays one pass.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from zhongben.contracts import Column, Table
from zhongben.ingest.plan import SheetPlan
from zhongben.ingest.sql_text import ident, literal


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    return int(con.execute(sql).fetchall()[0][0])


class Loaded:
    """The rows of ``table`` stored by one load (its batch, file hash and sheet)."""

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        table: Table,
        batch: int,
        file_hash: str,
        sheet: str | None,
    ) -> None:
        self.con, self.name = con, ident(table.name)
        self.mine = (
            f"(_batch = {batch} AND _file_hash = {literal(file_hash)} "
            f"AND _sheet IS NOT DISTINCT FROM {literal(sheet)})"
        )
        self.set_aside_rows = 0

    @property
    def sql(self) -> str:
        return f"(SELECT * FROM {self.name} WHERE {self.mine})"

    @property
    def others(self) -> str:
        """The rows stored before this load."""
        return f"(SELECT * FROM {self.name} WHERE NOT {self.mine})"

    def set_aside(self, rows_sql: str) -> int:
        """Delete the rows of this load whose ``_row`` ``rows_sql`` selects; how many."""
        count = _count(
            self.con, f"DELETE FROM {self.name} WHERE {self.mine} AND _row IN ({rows_sql})"
        )
        self.set_aside_rows += count
        return count


@dataclass(frozen=True)
class Shape:
    keyed: int  # rows with every natural-key part present
    distinct_keys: int  # distinct key hashes among them
    unkeyed: int  # the other rows (all rows of a table without a natural key)
    distinct_unkeyed: int  # distinct row hashes among them

    @property
    def repeats_possible(self) -> bool:
        """Two keyed rows with one key, or two other rows alike (or a hash collision)."""
        return self.distinct_keys < self.keyed or self.distinct_unkeyed < self.unkeyed


def value_columns(plan: SheetPlan) -> list[str]:
    """The stored value columns a sheet fills (contract columns and their ``_invalid``)."""
    names = []
    for mapped in plan.columns:
        names.append(mapped.column.name)
        if mapped.column.invalid_column:
            names.append(mapped.column.invalid_column)
    return names


def label(column: Column) -> str:
    return f"{column.zh}（{column.name}）"


def _hash(columns: list[str], alias: str) -> str:
    return "hash(" + ", ".join(f"{alias}.{ident(c)}" for c in columns) + ")"


def _complete(key: tuple[str, ...], alias: str) -> str:
    return " AND ".join(f"{alias}.{ident(k)} IS NOT NULL" for k in key) or "false"


def shape(plan: SheetPlan, loaded: Loaded) -> Shape:
    """Counts that tell, in one pass, whether the rows can hold a repeat or a key conflict: keyed
    rows are told apart by their key alone (an exact repeat repeats the key too)."""
    key = plan.table.key
    keyed = _complete(key, "g")
    key_hash = _hash(list(key), "g") if key else "NULL"
    row = loaded.con.execute(
        f"""SELECT count(*) FILTER (WHERE {keyed}),
            count(DISTINCT CASE WHEN {keyed} THEN {key_hash} END),
            count(*) FILTER (WHERE NOT ({keyed})),
            count(DISTINCT CASE WHEN NOT ({keyed}) THEN {_hash(value_columns(plan), "g")} END)
        FROM {loaded.sql} g"""
    ).fetchall()[0]
    return Shape(*(int(v) for v in row))


def set_aside_repeats(
    plan: SheetPlan, loaded: Loaded, stored_before: bool
) -> tuple[int, list[tuple[int, str, None, str]]]:
    """Set aside exact repeats (of an earlier row of the file or, when the table held rows before
    this load, of a stored row) and rows repeating the natural key of an earlier row with other
    values. Returns the number of repeats and the key conflicts as (row, column label, value,
    reason)."""
    found = shape(plan, loaded)
    repeats = 0
    conflicts: list[tuple[int, str, None, str]] = []
    if found.repeats_possible:
        repeats = _repeats_in_file(plan, loaded)
        if plan.table.key:
            conflicts = _key_conflicts(plan, loaded)
    if stored_before:
        repeats += _stored_repeats(plan, loaded)
    return repeats, conflicts


def _repeats_in_file(plan: SheetPlan, loaded: Loaded) -> int:
    values = ", ".join(ident(v) for v in value_columns(plan))
    return loaded.set_aside(
        f"""SELECT _row FROM {loaded.sql} g
        QUALIFY row_number() OVER (PARTITION BY {values} ORDER BY _row) > 1"""
    )


def _key_conflicts(plan: SheetPlan, loaded: Loaded) -> list[tuple[int, str, None, str]]:
    """Rows repeating the natural key of an earlier row with other values. A key with a null part
    (e.g. an ID that failed its checksum) identifies nothing and never conflicts."""
    key = plan.table.key
    keys = ", ".join(ident(k) for k in key)
    later = f"""SELECT _row, first_row FROM (
            SELECT _row, min(_row) OVER (PARTITION BY {keys}) AS first_row FROM {loaded.sql} g
            WHERE {_complete(key, "g")})
        WHERE _row <> first_row"""
    rows = loaded.con.execute(later + " ORDER BY _row").fetchall()
    if not rows:
        return []
    loaded.set_aside(f"SELECT _row FROM ({later})")
    names = "、".join(label(plan.table.column(k)) for k in key)
    reason = "主键重复：与第 {} 行的" + names + "相同但其他内容不同，请核对后只保留一行"
    return [(int(row), names, None, reason.format(int(first))) for row, first in rows]


def _stored_repeats(plan: SheetPlan, loaded: Loaded) -> int:
    """Rows identical to a row stored before (loaded earlier from another file)."""
    values = value_columns(plan)
    same = " AND ".join(f"t.{ident(v)} IS NOT DISTINCT FROM g.{ident(v)}" for v in values)
    stored = f"""SELECT g._row FROM {loaded.sql} g
        JOIN (SELECT {_hash(values, "t")} AS h, * FROM {loaded.others} t) t
          ON t.h = {_hash(values, "g")} AND {same}"""
    return loaded.set_aside(f"SELECT DISTINCT _row FROM ({stored})")


def replace_stored(plan: SheetPlan, loaded: Loaded) -> int:
    """Delete rows stored before with the natural key of a row of this load; how many."""
    if not plan.table.key:
        return 0
    match = " AND ".join(f"t.{ident(k)} = g.{ident(k)}" for k in plan.table.key)
    return _count(
        loaded.con,
        f"DELETE FROM {loaded.name} t WHERE NOT {loaded.mine} "
        f"AND EXISTS (SELECT 1 FROM {loaded.sql} g WHERE {match})",
    )


def count_invalid_ids(plan: SheetPlan, loaded: Loaded) -> int:
    invalid = [c.invalid_column for c in plan.table.columns if c.invalid_column]
    if not invalid:
        return 0
    any_invalid = " OR ".join(f"{ident(c)} IS NOT NULL" for c in invalid)
    return _count(loaded.con, f"SELECT count(*) FROM {loaded.sql} g WHERE {any_invalid}")
