"""Engines that run compiled rule SQL: DuckDB by default; Spark later (lazy, optional)."""

from zhongben.engine.base import Engine, Materialising
from zhongben.engine.duckdb import DuckDBEngine

__all__ = ["DuckDBEngine", "Engine", "Materialising"]
