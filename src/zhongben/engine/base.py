"""The narrow interface the rule runner needs from an engine."""

from __future__ import annotations

from typing import Any, Protocol


class Engine(Protocol):
    dialect: str

    def prepare(self) -> None:
        """Register engine-side helper tables (the working-day calendar)."""

    def fetch(self, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run a query; column names and rows."""
