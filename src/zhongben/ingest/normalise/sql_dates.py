"""SQL for DATE, TIMESTAMP and MONTH cells, mirroring ``dates``.

Tiers: a cell already ``YYYY-MM-DD`` is cast directly; otherwise the cleaned text goes through the
shared regex (numeric forms and times), then the Excel-serial rule; only what is left and contains
年 (Chinese numerals) reaches the Python UDFs registered by ``register``.
"""

from __future__ import annotations

import contextlib
from datetime import date, datetime

import duckdb
import pyarrow as pa

from zhongben.identifiers.width import clean
from zhongben.ingest.normalise import dates
from zhongben.ingest.normalise.sql_text import clean_sql, lit

PY_DATETIME = "zb_py_datetime"
PY_MONTH = "zb_py_month"
_GROUPS = "['y', 'm', 'd', 'm2', 'd2', 'h', 'mi', 's', 'f']"


def _iso_fast(raw: str) -> str:
    """True where the raw cell is exactly YYYY-MM-DD (first digit 1–9): DuckDB's cast reads it as
    the reference does."""
    return (
        f"({raw} LIKE '____-__-__' AND substr({raw}, 1, 1) BETWEEN '1' AND '9' "
        f"AND substr({raw}, 10, 1) BETWEEN '0' AND '9')"
    )


def _parts(text: str) -> str:
    return f"regexp_extract({text}, {lit('^' + dates.DATE_PATTERN + '$')}, {_GROUPS})"


def _int(group: str) -> str:
    return f"coalesce(try_cast(nullif({group}, '') AS INTEGER), 0)"


def _numeric_timestamp(text: str) -> str:
    """The numeric forms (with an optional time) as a TIMESTAMP, or NULL."""
    p = _parts(text)
    day = (
        f"try_cast({p}.y || '-' || coalesce(nullif({p}.m, ''), {p}.m2) || '-' "
        f"|| coalesce(nullif({p}.d, ''), {p}.d2) AS DATE)"
    )
    h, mi, s = _int(f"{p}.h"), _int(f"{p}.mi"), _int(f"{p}.s")
    micros = (
        f"((({h} * 60 + {mi}) * 60 + {s}) * 1000000::BIGINT "
        f"+ {_int(f'rpad({p}.f, 6, ' + lit('0') + ')')})"
    )
    return (
        f"CASE WHEN {p}.y <> '' AND {h} < 24 AND {mi} < 60 AND {s} < 60 "
        f"THEN CAST({day} AS TIMESTAMP) + to_microseconds({micros}) END"
    )


def _serial_timestamp(text: str) -> str:
    seconds = f"CAST(floor(CAST({text} AS DOUBLE) * 86400 + 0.5) AS BIGINT)"
    return (
        f"CASE WHEN regexp_full_match({text}, {lit(dates.SERIAL_PATTERN)}) "
        f"AND CAST(substr({text}, 1, 5) AS INTEGER) BETWEEN {dates.SERIAL_MIN} AND "
        f"{dates.SERIAL_MAX} THEN TIMESTAMP '1899-12-30' + to_seconds({seconds}) END"
    )


def timestamp_of_text_sql(text: str) -> str:
    """A cleaned expression as a TIMESTAMP (every accepted form), or NULL."""
    return (
        f"coalesce({_numeric_timestamp(text)}, {_serial_timestamp(text)}, "
        f"CASE WHEN {text} LIKE '%年%' THEN {PY_DATETIME}({text}) END)"
    )


def date_sql(raw: str) -> str:
    slow = f"CAST({timestamp_of_text_sql(clean_sql(raw))} AS DATE)"
    return f"CASE WHEN {_iso_fast(raw)} THEN try_cast({raw} AS DATE) ELSE {slow} END"


def timestamp_sql(raw: str) -> str:
    slow = timestamp_of_text_sql(clean_sql(raw))
    fast = f"CAST(try_cast({raw} AS DATE) AS TIMESTAMP)"
    return f"CASE WHEN {_iso_fast(raw)} THEN {fast} ELSE {slow} END"


def month_sql(raw: str) -> str:
    text = clean_sql(raw)
    p = f"regexp_extract({text}, {lit('^' + dates.MONTH_PATTERN + '$')}, ['y', 'm', 'm2'])"
    month = f"coalesce(nullif({p}.m, ''), {p}.m2)"
    own = f"CASE WHEN {p}.y <> '' THEN try_cast({p}.y || '-' || {month} || '-1' AS DATE) END"
    chinese = f"CASE WHEN {text} LIKE '%年%' THEN {PY_MONTH}({text}) END"
    moment = f"date_trunc('month', CAST({timestamp_of_text_sql(text)} AS DATE))"
    return f"CAST(coalesce({own}, {chinese}, {moment}) AS DATE)"


def error_sql(raw: str, value: str, kind: str) -> str:
    """The Chinese reason where a non-empty cell gave no value."""
    text = clean_sql(raw)
    reason = lit(dates.REASONS[kind])
    return f"CASE WHEN ({value}) IS NULL AND {text} IS NOT NULL THEN {reason} || {text} END"


def _py_datetime(texts: pa.Array) -> pa.Array:
    out: list[datetime | None] = []
    for text in texts.to_pylist():
        cleaned = clean(text)
        out.append(dates.read_datetime(cleaned) if cleaned else None)
    return pa.array(out, type=pa.timestamp("us"))


def _py_month(texts: pa.Array) -> pa.Array:
    out: list[date | None] = []
    for text in texts.to_pylist():
        cleaned = clean(text)
        out.append(dates.read_month(cleaned) if cleaned else None)
    return pa.array(out, type=pa.date32())


def register_udfs(con: duckdb.DuckDBPyConnection) -> None:
    """The Python fallbacks for the rare forms (Chinese-numeral dates)."""
    for name, fn, result in (
        (PY_DATETIME, _py_datetime, "TIMESTAMP"),
        (PY_MONTH, _py_month, "DATE"),
    ):
        with contextlib.suppress(duckdb.InvalidInputException, duckdb.CatalogException):
            con.remove_function(name)
        con.create_function(  # type: ignore[call-overload]
            name, fn, ["VARCHAR"], result, type="arrow", side_effects=False
        )
