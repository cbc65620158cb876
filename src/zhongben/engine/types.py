"""The type contract every engine reads identically (the stored form of ``contracts.storage`` as
Arrow, hence as Parquet): DATE for dates, naive timestamps (microseconds), DECIMAL(18,2) money,
32/64-bit integers, doubles, VARCHAR text — never HUGEINT, UBIGINT, UUID, INTERVAL or TIME."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

import pyarrow as pa

_DECIMAL = re.compile(r"DECIMAL\((\d+),\s*(\d+)\)")

ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
}


def arrow_type(sql_type: str) -> pa.DataType:
    """The Arrow type of a stored column's SQL type; ValueError outside the contract."""
    found = _DECIMAL.fullmatch(sql_type.upper().replace(" ", ""))
    if found:
        return pa.decimal128(int(found.group(1)), int(found.group(2)))
    if sql_type.upper() not in ARROW_TYPES:
        raise ValueError(f"类型 {sql_type} 不在引擎共同的类型约定中")
    return ARROW_TYPES[sql_type.upper()]


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _timestamp(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    return dt.datetime.fromisoformat(str(value))


def _text(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


_CONVERT: dict[str, Callable[[Any], Any]] = {
    "VARCHAR": _text,
    "DATE": _date,
    "TIMESTAMP": _timestamp,
    "INTEGER": int,
    "BIGINT": int,
    "DOUBLE": float,
    "BOOLEAN": bool,
}


def arrow_column(sql_type: str, values: Sequence[Any]) -> pa.Array:
    """Literal values (YAML: str, int, float, date, datetime) as an Arrow array of ``sql_type``."""
    kind = arrow_type(sql_type)
    convert = (lambda v: Decimal(str(v))) if pa.types.is_decimal(kind) else _CONVERT[
        sql_type.upper()]
    return pa.array([None if v is None else convert(v) for v in values], kind)


def arrow_schema(columns: Sequence[tuple[str, str]]) -> pa.Schema:
    """The Arrow schema of (name, SQL type) columns."""
    return pa.schema([(name, arrow_type(sql_type)) for name, sql_type in columns])
