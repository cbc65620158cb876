"""The narrow interface everything above the engine needs from it: the rule runner, the shared
views, the scope, the enrichment of leads and the rule tests. DuckDB (``engine.duckdb``) and
Spark (``engine.spark``) implement it; nothing above this line knows which one runs."""

from __future__ import annotations

from typing import Any, Protocol

import pyarrow as pa


class Engine(Protocol):
    dialect: str  # the SQLGlot dialect the engine reads ("duckdb", "spark")

    def prepare(self) -> None:
        """Engine settings for a screen (memory limit, time zone …); idempotent."""

    def fetch(self, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run a query; column names and rows (Python values: str, int, Decimal, date …)."""

    def put(self, name: str, rows: pa.Table) -> None:
        """Make ``rows`` readable as the table ``name`` for the rest of the session (replacing
        what ``name`` held in the session): helper tables, lead keys, test input."""

    def materialise(self, name: str, sql: str) -> None:
        """Store the rows of ``sql`` under ``name``, readable like a table (a temporary table on
        DuckDB; a cached temporary view on Spark) for several rules to read."""

    def release(self, name: str) -> None:
        """Forget what ``name`` stores (nothing when it stores nothing)."""

    def has_table(self, name: str) -> bool:
        """Whether ``name`` can be read (a stored table, a lake table or a session table)."""


Materialising = Engine  # every engine can keep rows for a session (the name the runner used)
