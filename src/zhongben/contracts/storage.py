"""How contract tables are laid out in the analytical workspace (DuckDB today, Parquet for Spark).

Each contract table is stored under its canonical name with:
- the contract columns, typed (see ``Kind``); an ID column holds only values that passed their
  checksum (or are of no checksummed type), so a join on it never matches a bad ID as if valid;
- ``<col>_invalid`` beside each ID column: the value as written when it failed its checksum;
- derived columns (``DERIVED``), e.g. the court code parsed from ``cases.case_no``;
- provenance: ``_file`` (source path), ``_sheet`` (sheet name of a workbook), ``_file_hash``
  (sha256 of the file's bytes), ``_row`` (the row number as a user sees it in a spreadsheet or
  editor: the header is row 1, the first data row is row 2), ``_batch`` (load batch id).
"""

from __future__ import annotations

from dataclasses import dataclass

from zhongben.contracts.model import Table

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


DERIVED: dict[str, tuple[DerivedColumn, ...]] = {
    "cases": (
        DerivedColumn("court_code", "VARCHAR", "法院代字 from case_no, e.g. 浙0683"),
        DerivedColumn("case_year", "INTEGER", "收案年度 from case_no"),
        DerivedColumn("case_type", "VARCHAR", "类型代字 from case_no, e.g. 执, 执恢, 执保"),
    ),
}


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
