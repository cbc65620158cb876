"""Backing up and restoring the application database, generically: every table the database
holds (reflected, so tables added by later migrations come along without a hand list), written
as one Parquet file per table with the Alembic revision beside it. A restore migrates a fresh
database to that revision, loads the rows (the audit chain as it was: ``zhongben audit verify``
holds on the copy), moves the sequences past the ids, then migrates to the newest revision — so
a backup of SQLite restores into PostgreSQL and the other way round."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import JSON, Engine, MetaData, Table, func, inspect, select, text, update
from sqlalchemy import types as sqltypes

from zhongben.store.db import make_engine, upgrade

SKIP = frozenset({"alembic_version"})
SEEDED = {"audit_head": "id"}  # rows the migrations create: updated from the backup, not inserted


class BackupError(Exception):
    """A backup folder that cannot be restored (message in Chinese)."""


def _revision(engine: Engine) -> str:
    with engine.connect() as con:
        return str(con.execute(text("SELECT version_num FROM alembic_version")).scalar_one())


def _arrow_type(column_type: Any) -> pa.DataType:
    if isinstance(column_type, sqltypes.Boolean):
        return pa.bool_()
    if isinstance(column_type, sqltypes.Integer):
        return pa.int64()
    if isinstance(column_type, sqltypes.Float):
        return pa.float64()
    if isinstance(column_type, sqltypes.Numeric):
        return pa.decimal128(18, 2)
    if isinstance(column_type, sqltypes.DateTime):
        return pa.timestamp("us")
    if isinstance(column_type, sqltypes.Date):
        return pa.date32()
    if isinstance(column_type, sqltypes.LargeBinary | sqltypes._Binary):
        return pa.binary()
    return pa.string()  # text, and JSON as its text


def _is_json(column_type: Any) -> bool:
    return isinstance(column_type, JSON) or type(column_type).__name__.upper() in {"JSON", "JSONB"}


def _tables(engine: Engine) -> list[Table]:
    meta = MetaData()
    meta.reflect(engine)
    return [t for t in meta.sorted_tables if t.name not in SKIP]


def backup_app(db: str, out: Path) -> dict[str, int]:
    """Write every table of the application database ``db`` to ``out``; rows per table."""
    engine = make_engine(db)
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    with engine.connect() as con, con.begin():  # one snapshot (PostgreSQL; SQLite locks)
        for table in _tables(engine):
            schema = pa.schema([(c.name, _arrow_type(c.type)) for c in table.columns])
            json_cols = {c.name for c in table.columns if _is_json(c.type)}
            rows = [{k: (json.dumps(v, ensure_ascii=False) if k in json_cols and v is not None
                         else v) for k, v in row.items()}
                    for row in con.execute(select(table)).mappings()]
            pq.write_table(pa.Table.from_pylist(rows, schema=schema), out / f"{table.name}.parquet")
            counts[table.name] = len(rows)
    manifest = {"revision": _revision(engine), "tables": counts}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
    engine.dispose()
    return counts


def restore_app(folder: Path, db: str) -> dict[str, int]:
    """Load a backup folder into the empty application database ``db``."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(f"{folder} 不是应用数据库的备份（缺少 manifest.json）") from exc
    engine = make_engine(db)
    upgrade(engine, manifest["revision"])
    with engine.begin() as con:
        for table in _tables(engine):
            path = folder / f"{table.name}.parquet"
            if table.name not in manifest["tables"]:
                continue
            if con.execute(select(func.count()).select_from(table)).scalar_one() and \
                    table.name not in SEEDED:
                raise BackupError(f"目标数据库的 {table.name} 表已有数据：请恢复到新建的空数据库")
            _load(con, table, pq.read_table(path).to_pylist())
    _move_sequences(engine)
    upgrade(engine)
    engine.dispose()
    return dict(manifest["tables"])


def _load(con: Any, table: Table, rows: list[dict[str, Any]]) -> None:
    json_cols = {c.name for c in table.columns if _is_json(c.type)}
    rows = [{k: (json.loads(v) if k in json_cols and v is not None else v)
             for k, v in row.items()} for row in rows]
    if table.name in SEEDED:
        key = SEEDED[table.name]
        for row in rows:
            con.execute(update(table).where(table.c[key] == row[key]).values(**row))
    elif rows:
        con.execute(table.insert(), rows)


def _move_sequences(engine: Engine) -> None:
    """PostgreSQL: each serial id's sequence past the largest id restored."""
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as con:
        for table in _tables(engine):
            keys = inspect(engine).get_pk_constraint(table.name)["constrained_columns"]
            if len(keys) != 1 or not isinstance(table.c[keys[0]].type, sqltypes.Integer):
                continue
            seq = con.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                              {"t": table.name, "c": keys[0]}).scalar()
            if seq:
                con.execute(text(f'SELECT setval(:s, COALESCE((SELECT MAX("{keys[0]}") FROM '
                                 f'"{table.name}"), 0) + 1, false)'), {"s": seq})
