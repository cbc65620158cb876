"""The whole workspace as a folder and back (``zhongben backup`` / ``restore``): DuckDB's
``EXPORT DATABASE`` (schema and one Parquet file per table, so a copy does not depend on the
DuckDB file format) read through the read-only opener, and ``IMPORT DATABASE`` into a file made
whole under another name and renamed only once complete."""

from __future__ import annotations

from pathlib import Path

import duckdb

from zhongben.engine.opener import open_read


def table_counts(workspace: Path) -> dict[str, int]:
    """Rows of every stored table of the workspace, by name."""
    with open_read(workspace) as con:
        names = [r[0] for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
            "AND NOT temporary ORDER BY table_name").fetchall()]
        counts = {}
        for name in names:
            (count,) = con.execute(f'SELECT count(*) FROM "{name}"').fetchall()[0]
            counts[name] = int(count)
        return counts


def export_workspace(workspace: Path, folder: Path) -> None:
    with open_read(workspace) as con:
        con.execute(f"EXPORT DATABASE '{_quoted(folder)}' (FORMAT PARQUET)")


def import_workspace(folder: Path, workspace: Path) -> None:
    """``folder`` (an export) into the new workspace file ``workspace`` (which must not exist)."""
    partial = workspace.with_name(workspace.name + ".restoring")
    partial.unlink(missing_ok=True)
    with duckdb.connect(str(partial)) as con:
        con.execute(f"IMPORT DATABASE '{_quoted(folder)}'")
    partial.rename(workspace)


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")
