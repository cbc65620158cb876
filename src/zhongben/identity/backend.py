"""What entity resolution needs from the engine that holds the workspace: run SQL, move small
Arrow tables in and out, one transaction, and a Splink database API on the same data.

DuckDB implements it (``zhongben.engine.entities``); the SQL the resolver sends is written in the
DuckDB dialect and kept to what SQLGlot transpiles, and the Splink settings are engine-neutral, so
a Spark backend can follow."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

import pyarrow as pa


class Backend(Protocol):
    dialect: str

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Run a statement."""

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a query; its rows."""

    def arrow(self, sql: str, params: Sequence[Any] = ()) -> pa.Table:
        """Run a query; its rows as Arrow."""

    def put(self, name: str, table: pa.Table) -> None:
        """Store ``table`` as a temporary table ``name`` (replacing one of that name)."""

    def tables(self) -> set[str]:
        """Names of the workspace's tables (persistent and temporary)."""

    def transaction(self) -> AbstractContextManager[None]:
        """All or nothing: commit at the end, roll back on an exception."""

    def write_csv(self, sql: str, path: Path) -> int:
        """Write a query's rows to a CSV file (UTF-8 with BOM, header); how many rows."""

    def splink_api(self) -> Any:
        """A Splink database API reading and writing this engine's tables."""


def batched(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
