"""How contract tables are laid out in the analytical workspace (DuckDB today, Parquet for Spark).

Each contract table is stored under its canonical name with:
- the contract columns, typed (see ``Kind``); an ID column holds only values that passed their
  checksum (or are of no checksummed type), so a join on it never matches a bad ID as if valid;
- ``<col>_invalid`` beside each ID column: the value as written when it failed its checksum;
- derived columns (``DERIVED``), e.g. the court code parsed from ``cases.case_no``, and beside
  each ID column ``<col>_entity``: the entity the mention belongs to (docs/reference/entities.md)
  — at ingest the column's own valid value, rewritten by ``zhongben entities resolve``;
- provenance: ``_file`` (source path), ``_sheet`` (sheet name of a workbook), ``_file_hash``
  (sha256 of the file's bytes), ``_row`` (the row number as a user sees it in a spreadsheet or
  editor: the header is row 1, the first data row is row 2), ``_batch`` (load batch id).
"""

from __future__ import annotations

from dataclasses import dataclass

from zhongben.contracts import TABLES
from zhongben.contracts.model import ID_KINDS, Table

PROVENANCE: tuple[tuple[str, str], ...] = (
    ("_file", "VARCHAR"),
    ("_sheet", "VARCHAR"),
    ("_file_hash", "VARCHAR"),
    ("_row", "INTEGER"),
    ("_batch", "INTEGER"),
)


@dataclass(frozen=True)
class DerivedColumn:
    name: str
    sql_type: str
    doc: str
    source: str | None = None  # the ID column an entity column belongs to; None: from case_no


ENTITY_SUFFIX = "_entity"


def entity_column(column: str) -> str:
    """The entity column beside an ID column: ``owner_id`` → ``owner_id_entity``."""
    return column + ENTITY_SUFFIX


def _entity_columns(table: Table) -> tuple[DerivedColumn, ...]:
    return tuple(
        DerivedColumn(
            entity_column(c.name), "VARCHAR",
            f"entity id of the {c.name} mention (its valid ID until resolved)", source=c.name,
        )
        for c in table.columns
        if c.kind in ID_KINDS
    )


CASE_NO_PARTS: tuple[DerivedColumn, ...] = (
    DerivedColumn("court_code", "VARCHAR", "法院代字 from case_no, e.g. 浙0683"),
    DerivedColumn("case_year", "INTEGER", "收案年度 from case_no"),
    DerivedColumn("case_type", "VARCHAR", "类型代字 from case_no, e.g. 执, 执恢, 执保"),
)

DERIVED: dict[str, tuple[DerivedColumn, ...]] = {
    "cases": CASE_NO_PARTS,
    **{name: cols for name, t in TABLES.items() if (cols := _entity_columns(t))},
}


def entity_columns(table: str) -> tuple[DerivedColumn, ...]:
    """The entity columns of a table (one per ID column), in column order."""
    return tuple(d for d in DERIVED.get(table, ()) if d.source is not None)


def case_no_parts(table: str) -> tuple[DerivedColumn, ...]:
    """The columns derived from ``case_no`` (only ``cases`` has them)."""
    return tuple(d for d in DERIVED.get(table, ()) if d.source is None)


def storage_columns(table: Table) -> list[tuple[str, str]]:
    """(name, SQL type) of every stored column of a contract table, in order."""
    cols: list[tuple[str, str]] = []
    for column in table.columns:
        cols.append((column.name, column.sql_type))
        if column.invalid_column:
            cols.append((column.invalid_column, "VARCHAR"))
    cols.extend((d.name, d.sql_type) for d in DERIVED.get(table.name, ()))
    cols.extend(PROVENANCE)
    return cols


def create_table_sql(table: Table) -> str:
    """DuckDB DDL for the stored form of a contract table (idempotent)."""
    body = ",\n  ".join(f'"{name}" {sql_type}' for name, sql_type in storage_columns(table))
    return f'CREATE TABLE IF NOT EXISTS "{table.name}" (\n  {body}\n)'


def upgrade_sql(table: Table, present: set[str]) -> list[str]:
    """DDL adding the stored columns a table created by an older version lacks; a new entity
    column starts as its ID column's value (what ingest would have stored)."""
    sources = {d.name: d.source for d in DERIVED.get(table.name, ()) if d.source}
    out = []
    for name, sql_type in storage_columns(table):
        if name in present:
            continue
        out.append(f'ALTER TABLE "{table.name}" ADD COLUMN "{name}" {sql_type}')
        if name in sources and sources[name] in present:
            out.append(f'UPDATE "{table.name}" SET "{name}" = "{sources[name]}"')
    return out


def unresolved_entities_sql() -> list[str]:
    """Statements giving every mention without an entity its own valid ID as entity (what ingest
    stores): for rows written into the stored tables by other means than ingest."""
    out = []
    for table, derived in DERIVED.items():
        pairs = [(d.name, d.source) for d in derived if d.source]
        if pairs:
            sets = ", ".join(f'"{e}" = coalesce("{e}", "{s}")' for e, s in pairs)
            out.append(f'UPDATE "{table}" SET {sets}')
    return out
