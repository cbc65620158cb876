"""The one façade over the analytical workspace. CLI, web and notebooks call only this.

Each capability lives in its own package (``ingest``, ``rules``, ``leads`` …); the methods here are
thin entry points that open the workspace and delegate.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from zhongben.contracts import TABLES
from zhongben.contracts.storage import create_table_sql

if TYPE_CHECKING:
    from zhongben.ingest.report import LoadReport

DEFAULT_DB = "zhongben.duckdb"


class Workspace:
    """An analytical workspace: one DuckDB file holding the ingested tables and the leads."""

    def __init__(self, path: str | Path = DEFAULT_DB) -> None:
        self.path = Path(path)

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection with every contract table present (created empty when missing)."""
        if read_only and self.path.exists():
            con = duckdb.connect(str(self.path), read_only=True)
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            con = duckdb.connect(str(self.path))
            ensure_schema(con)
        try:
            yield con
        finally:
            con.close()

    @property
    def quarantine_dir(self) -> Path:
        """Where quarantine lists are written by default: beside the workspace file."""
        return self.path.with_name(self.path.name + ".quarantine")

    def ingest(self, paths: Sequence[str | Path], quarantine_dir: Path | None = None) -> LoadReport:
        """Load files and folders into the workspace (see ``zhongben.ingest``)."""
        from zhongben.ingest.load import ingest_paths

        with self.connect() as con:
            return ingest_paths(con, [Path(p) for p in paths], quarantine_dir=quarantine_dir)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every contract table in its stored form, if missing."""
    for table in TABLES.values():
        con.execute(create_table_sql(table))
