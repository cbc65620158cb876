"""The narrow interface the rule runner needs from an engine."""

from __future__ import annotations

from typing import Any, Protocol


class Engine(Protocol):
    dialect: str

    def prepare(self) -> None:
        """Register engine-side helper tables (the working-day calendar)."""

    def fetch(self, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run a query; column names and rows."""


class Materialising(Engine, Protocol):
    """An engine that can keep a query's rows for the rest of a session (a temporary table on
    DuckDB; a cached temporary view on Spark) for several rules to read."""

    def materialise(self, name: str, sql: str) -> None:
        """Store the rows of ``sql`` under ``name``, readable like a table."""

    def release(self, name: str) -> None:
        """Forget what ``name`` stores (nothing when it stores nothing)."""
