"""Spark engine: runs the compiled Spark SQL of the rules on a Spark session.

Tables are temporary views of the session: the contract tables read from a Parquet lake
(``engine.lake``), helper tables and test input put from Arrow. Rows come back to Python through
Arrow, as the same Python values DuckDB gives (str, int, float, Decimal, date, naive datetime).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from zhongben.contracts import TABLES
from zhongben.contracts.storage import storage_columns
from zhongben.engine.lake import check_lake
from zhongben.engine.spark_steps import split_shared

if TYPE_CHECKING:
    from pyspark.sql import SparkSession


class SparkEngine:
    dialect = "spark"

    def __init__(self, session: SparkSession) -> None:
        self.session = session
        self._put: set[str] = set()
        self._stored: dict[str, Any] = {}

    def prepare(self) -> None:
        """Nothing per screen: the session carries the settings (``engine.spark_session``)."""

    def fetch(self, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        steps, query = split_shared(sql)
        try:
            for name, step in steps:
                self._store(name, step)
            frame = self.session.sql(query)
            table = frame.toArrow()
        finally:
            for name, _ in steps:
                self.release(name)
        names = list(frame.columns)
        columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
        return names, list(zip(*columns, strict=True)) if columns else []

    def put(self, name: str, rows: pa.Table) -> None:
        frame = self.session.createDataFrame(rows)
        if name in self._put:
            self.session.catalog.dropTempView(name)
        frame.createOrReplaceTempView(name)
        self._put.add(name)

    def materialise(self, name: str, sql: str) -> None:
        steps, query = split_shared(sql)
        try:
            for step, text in steps:
                self._store(step, text)
            self._store(name, query)
        finally:
            for step, _ in steps:
                self.release(step)

    def _store(self, name: str, sql: str) -> None:
        # computed once, here (eager), and cut from its lineage: what reads ``name`` reads the
        # stored rows (a leaf of its plan), and dropping a view it was computed from leaves it
        # readable (``engine.spark_steps``: why a CTE read twice is stored so)
        frame = self.session.sql(sql).localCheckpoint(eager=True)
        frame.createOrReplaceTempView(name)
        self._stored[name] = frame

    def release(self, name: str) -> None:
        frame = self._stored.pop(name, None)
        self.session.catalog.dropTempView(name)
        if frame is not None:
            frame.unpersist()
        self._put.discard(name)

    def has_table(self, name: str) -> bool:
        return bool(self.session.catalog.tableExists(name))


SPARK_TYPES = {"VARCHAR": "STRING", "TIMESTAMP": "TIMESTAMP_NTZ", "INTEGER": "INT"}


def spark_schema(columns: Sequence[tuple[str, str]]) -> str:
    """A Spark DDL schema for (name, SQL type) columns of the type contract."""
    return ", ".join(f"`{name}` {SPARK_TYPES.get(kind.upper(), kind.upper())}"
                     for name, kind in columns)


def register_lake(engine: SparkEngine, lake: str | Path, tables: list[str] | None = None) -> None:
    """Every (or the given) contract table of the lake as a view of the engine's session, read
    with the contract's schema; the lake is checked first (``engine.lake.check_lake``)."""
    root = Path(lake)
    for name in check_lake(root, tables):
        reader = engine.session.read.schema(spark_schema(storage_columns(TABLES[name])))
        frame = reader.option("recursiveFileLookup", "true").parquet(str(root / name))
        frame.createOrReplaceTempView(name)
