"""The Parquet lake: the exchange format between a DuckDB workspace and Spark.

Layout: ``<lake>/<table>/…/*.parquet`` for every contract table, in its stored form (contract
columns, ``*_invalid`` companions, derived columns such as court codes or entity ids, provenance
``_file``/``_sheet``/``_file_hash``/``_row``/``_batch``) — generic over
``contracts.storage.storage_columns()``, never a hand list. A table with a court code and a year
is partitioned by them (``cases/court_code=浙0683/case_year=2024/``); the partition columns are
kept inside the files too, so every file is whole and typed. ``<lake>/_zhongben_lake.json``
(the manifest) names the tables, their columns and types and row counts.

Types are the engines' common contract (``engine.types``): DATE, naive TIMESTAMP, INTEGER/BIGINT,
DECIMAL(18,2), DOUBLE, VARCHAR. A lake is checked against it before Spark reads a row: a missing
table, a missing column or a wrong type is a Chinese error naming the table, file and column.

The export writes into a folder beside ``out`` and renames it into place when every table is
written: a failed export leaves the previous lake as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from zhongben.contracts import TABLES
from zhongben.contracts.storage import storage_columns
from zhongben.engine.types import arrow_type

MANIFEST = "_zhongben_lake.json"
FORMAT = 1
PARTITION_COLUMNS: tuple[tuple[str, ...], ...] = (("court_code", "case_year"),)


class LakeError(ValueError):
    """A lake folder that cannot be read as the contract says (Chinese message)."""


@dataclass(frozen=True)
class LakeTable:
    name: str
    rows: int
    columns: tuple[tuple[str, str], ...]
    partitioned_by: tuple[str, ...]


def partitioning(table: str) -> tuple[str, ...]:
    """The partition columns of a contract table: a court code and a year where it has both."""
    names = {name for name, _ in storage_columns(TABLES[table])}
    for columns in PARTITION_COLUMNS:
        if set(columns) <= names:
            return columns
    return ()


def export_lake(
    con: duckdb.DuckDBPyConnection, out: str | Path, source: str = ""
) -> list[LakeTable]:
    """Write every contract table of the workspace on ``con`` to the lake folder ``out``."""
    out = Path(out)
    if out.is_dir() and not (out / MANIFEST).exists() and any(out.iterdir()):
        raise LakeError(f"导出目录 {out} 已存在且不是湖目录，为免覆盖其中文件，请换一个 --out。")
    staging = out.with_name(f".{out.name}.exporting")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        tables = [_export_table(con, name, staging) for name in TABLES]
        _write_manifest(staging, tables, source)
        _swap_into_place(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return tables


def _export_table(con: duckdb.DuckDBPyConnection, name: str, root: Path) -> LakeTable:
    columns = tuple(storage_columns(TABLES[name]))
    select = ", ".join(f'"{column}"' for column, _ in columns)
    parts = partitioning(name)
    [(rows,)] = con.execute(f'SELECT count(*) FROM "{name}"').fetchall()
    target = root / name
    if parts and rows:
        options = (f"FORMAT parquet, PARTITION_BY ({', '.join(parts)}), "
                   "WRITE_PARTITION_COLUMNS true")
        con.execute(f"COPY (SELECT {select} FROM \"{name}\") TO '{_quoted(target)}' ({options})")
    else:  # one file, also for an empty table: its schema is the table's
        target.mkdir()
        file = target / "part-0.parquet"
        con.execute(f"COPY (SELECT {select} FROM \"{name}\") TO '{_quoted(file)}' (FORMAT parquet)")
    return LakeTable(name, int(rows), columns, parts)


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def _write_manifest(root: Path, tables: list[LakeTable], source: str) -> None:
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "source": source,
        "exported_at": dt.datetime.now().isoformat(timespec="seconds"),
        "tables": {
            t.name: {"rows": t.rows, "columns": [list(c) for c in t.columns],
                     "partitioned_by": list(t.partitioned_by)}
            for t in tables
        },
    }
    (root / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                 encoding="utf-8")


def _swap_into_place(staging: Path, out: Path) -> None:
    old = out.with_name(f".{out.name}.previous")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        if not (out / MANIFEST).exists() and any(out.iterdir()):
            raise LakeError(
                f"导出目录 {out} 已存在且不是湖目录，为免覆盖其中文件，请换一个 --out。")
        out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def read_manifest(lake: str | Path) -> dict[str, Any]:
    """The lake's manifest; LakeError when the folder is not a readable lake."""
    lake = Path(lake)
    path = lake / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise LakeError(
            f"湖目录不可读：{lake} 不存在、无权读取，或不是 zhongben lake export 导出的文件夹"
            f"（缺少或无法读取 {MANIFEST}）。请先运行 zhongben lake export --db 工作库 --out {lake}"
        ) from error
    if manifest.get("format") != FORMAT:
        raise LakeError(f"湖目录 {lake} 的格式版本为 {manifest.get('format')}，本程序读取版本 "
                        f"{FORMAT}：请用本版本的 zhongben lake export 重新导出。")
    return manifest


def table_files(lake: Path, table: str) -> list[Path]:
    """The Parquet files of ``table`` in the lake; LakeError when it has none."""
    folder = lake / table
    files = sorted(folder.rglob("*.parquet")) if folder.is_dir() else []
    if not files:
        raise LakeError(f"湖中缺少数据表 {table}（应在 {folder}/ 下有 Parquet 文件）："
                        "请用 zhongben lake export 重新导出。")
    return files


def check_lake(lake: str | Path, tables: list[str] | None = None) -> dict[str, list[Path]]:
    """Every (or the given) contract table's files, each file's columns checked against the
    stored form's types; LakeError naming table, file and column on the first mismatch."""
    lake = Path(lake)
    read_manifest(lake)
    found: dict[str, list[Path]] = {}
    for name in tables or list(TABLES):
        files = table_files(lake, name)
        expected = {column: arrow_type(sql) for column, sql in storage_columns(TABLES[name])}
        for file in files:
            _check_file(name, file, expected)
        found[name] = files
    return found


def _check_file(table: str, file: Path, expected: dict[str, pa.DataType]) -> None:
    try:
        schema = pq.read_schema(file)
    except (OSError, pa.ArrowException) as error:
        raise LakeError(
            f"湖中数据表 {table} 的文件 {file} 无法读取（{error}）：请重新导出。") from error
    for column, kind in expected.items():
        index = schema.get_field_index(column)
        if index < 0:
            raise LakeError(f"湖中数据表 {table} 的文件 {file} 缺少列 {column}（应为 {kind}）："
                            "请用 zhongben lake export 重新导出。")
        actual = schema.field(index).type
        if actual != kind:
            raise LakeError(f"湖中数据表 {table} 的文件 {file} 列 {column} 的类型为 {actual}，"
                            f"应为 {kind}：请按数据契约的类型重新导出。")
