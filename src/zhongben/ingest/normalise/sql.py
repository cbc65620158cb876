"""The SQL fast path of ingest normalisation: one DuckDB expression per contract column.

``column_sql(column, raw)`` gives, for a raw VARCHAR expression, the typed value, the Chinese error
reason (NULL when fine; set = quarantine the row) and, for ID columns, the value kept as written
when it failed its check. Common, already-clean forms are read by SQL tiers (``sql_tiers``); the
rest by the Python reference run as vectorised UDFs (``udfs``), so the result equals
``reference.normalise`` on every input (``tests/ingest/normalise`` checks it on generated data).
Call ``register(con)`` once per connection before running the expressions.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import duckdb

from zhongben.contracts.model import Column, Kind
from zhongben.identifiers.courts import all_courts
from zhongben.identifiers.legacy_courts import unique_legacy_keys
from zhongben.ingest.normalise import sql_tiers as t
from zhongben.ingest.normalise import udfs
from zhongben.ingest.normalise.enums import enum_lookup

__all__ = [
    "ColumnSQL",
    "case_no_part",
    "case_no_parts_sql",
    "case_no_sql",
    "column_sql",
    "register",
]

COURTS_TABLE = "zb_courts"
NO_ERROR = "CAST(NULL AS VARCHAR)"


@dataclass(frozen=True)
class ColumnSQL:
    value: str  # the typed normalised value (contracts.SQL_TYPES) or NULL
    error: str  # NULL when fine, else a Chinese reason: the row is quarantined
    invalid: str | None  # ID kinds: the value as written when it failed its check, else NULL


_TIERS = {
    Kind.DATE: t.date_tiers,
    Kind.TIMESTAMP: t.timestamp_tiers,
    Kind.MONTH: t.month_tiers,
    Kind.NUMBER: t.number_tiers,
    Kind.INTEGER: t.integer_tiers,
}


def _empty(raw: str) -> str:
    return f"({raw} IS NULL OR {raw} = '')"


def typed_sql(kind: Kind, raw: str) -> ColumnSQL:
    fallback = f"{udfs.value_udf(kind)}({raw})"
    if kind is Kind.AMOUNT:
        value = t.amount_value(raw, fallback)
    else:
        value = t.chain(raw, _TIERS[kind](raw), fallback, retry=True)
    # The value leads the first WHEN, so DuckDB computes it once for both columns.
    error = (
        f"CASE WHEN ({value}) IS NOT NULL THEN {NO_ERROR} WHEN {_empty(raw)} THEN {NO_ERROR} "
        f"ELSE {udfs.error_udf(kind)}({raw}) END"
    )
    return ColumnSQL(value, error, None)


def id_sql(kind: Kind, raw: str) -> ColumnSQL:
    """A cell shaped like a clean ID is checked in SQL; anything else goes to the reference."""
    id18, uscc18 = t.full_match(raw, t.ID18), t.full_match(raw, t.USCC18)
    if kind is Kind.PERSON_ID:
        tiers = [(id18, f"CASE WHEN {t.person_valid(raw)} THEN {raw} END")]
    elif kind is Kind.USCC:
        tiers = [(uscc18, f"CASE WHEN {t.uscc_valid(raw)} THEN {raw} END")]
    else:
        tiers = [
            (f"{id18} AND {t.person_valid(raw)}", raw),
            (f"{uscc18} AND {t.uscc_valid(raw)}", raw),
            (f"({id18} OR {uscc18})", "CAST(NULL AS VARCHAR)"),
        ]
    value = t.chain(raw, tiers, f"{udfs.value_udf(kind)}({raw})")
    shaped = (
        id18 if kind is Kind.PERSON_ID else uscc18 if kind is Kind.USCC else f"({id18} OR {uscc18})"
    )
    invalid = (
        f"CASE WHEN ({value}) IS NOT NULL THEN {NO_ERROR} WHEN {_empty(raw)} THEN {NO_ERROR} "
        f"WHEN {shaped} THEN {raw} ELSE {udfs.invalid_udf(kind)}({raw}) END"
    )
    return ColumnSQL(value, NO_ERROR, invalid)


def enum_sql(column: Column, raw: str) -> ColumnSQL:
    """A raw cell equal to a lookup key (already clean and upper-cased) is mapped by IN lists;
    anything else is cleaned by the reference UDF and looked up upper-cased in a MAP (the keys have
    no non-ASCII cased letter, so ``upper`` and the reference's ASCII-only upper-casing agree)."""
    text = f"{udfs.CLEAN}({raw})"
    lookup = enum_lookup(column)
    if not all(_uncased(key) for key in lookup):
        raise ValueError(f"{column.name}: 取值同义词含有非ASCII大小写字母")
    entries = ", ".join(f"{t.lit(k)}: {t.lit(v)}" for k, v in lookup.items())
    found = f"MAP {{{entries}}}[upper({text})]" if lookup else NO_ERROR
    slow = f"coalesce({found}, {text})" if column.open_values else found
    by_value: dict[str, list[str]] = {}
    for key, value in lookup.items():
        by_value.setdefault(value, []).append(key)
    tiers = [
        (f"{raw} IN ({', '.join(t.lit(k) for k in keys)})", t.lit(value))
        for value, keys in by_value.items()
    ]
    value = t.chain(raw, tiers, slow)
    reason = t.lit("不在允许取值之内：")
    error = f"CASE WHEN ({value}) IS NOT NULL THEN {NO_ERROR} ELSE {reason} || {text} END"
    return ColumnSQL(value, error, None)


def _uncased(key: str) -> bool:
    return all(c.isascii() or (c.upper() == c and c.lower() == c) for c in key)


def column_sql(column: Column, raw: str) -> ColumnSQL:
    """SQL expressions normalising the raw VARCHAR expression ``raw`` for ``column``."""
    kind = column.kind
    if kind in _TIERS or kind is Kind.AMOUNT:
        return typed_sql(kind, raw)
    if kind in (Kind.PERSON_ID, Kind.USCC, Kind.PARTY_ID):
        return id_sql(kind, raw)
    if kind is Kind.ENUM:
        return enum_sql(column, raw)
    if kind is Kind.CASE_NO:
        return case_no_sql(raw)
    if kind is Kind.CODE:
        tiers = [(t.full_match(raw, t.CODE_CHANGERS), raw)]
        return ColumnSQL(t.chain(raw, tiers, f"{udfs.CLEAN_CODE}({raw})"), NO_ERROR, None)
    return ColumnSQL(f"{udfs.CLEAN}({raw})", NO_ERROR, None)


def case_no_sql(raw: str, canonical: str | None = None) -> ColumnSQL:
    """A case number; ``canonical``: ``sql_tiers.canonical_new(raw)``, when computed once by the
    caller (who also gives it to ``case_no_parts_sql``)."""
    value = t.chain(raw, t.case_no_tiers(raw, canonical), f"{udfs.CASE_NO}({raw})")
    return ColumnSQL(value, NO_ERROR, None)


def case_no_parts_sql(value: str, canonical: str | None = None) -> str:
    """The parts of a normalised case_no expression as a struct (y, court, type); NULL for a case
    number kept as text because it did not parse. ``case_no_part`` reads a derived column from it.
    ``canonical``, when given, is ``sql_tiers.canonical_new`` of the raw cell that ``value`` was
    read from: true means the value is that cell and a new-scheme number, so its full match is
    not run a second time.

    A new-scheme number is recognised by a full match (a fast DFA) and split by a light pattern
    with no type alternation: within a full match the court is 最高法 or one character and all its
    digits, and the type is what lies between the court and the number. Capturing groups of the
    full grammar cost RE2 ten times more; only legacy numbers (rare) are split with it."""
    names = "['y', 'court', 'type']"
    new = f"regexp_extract({value}, {t.lit(t.NEW_PARTS)}, {names})"
    old = f"regexp_extract({value}, {t.lit('^' + t.CANONICAL_LEGACY + '$')}, {names})"
    is_new = t.full_match(value, t.CANONICAL_NEW)
    known = f"WHEN {canonical} THEN {new} " if canonical else ""
    return f"CASE {known}WHEN {is_new} THEN {new} WHEN {old}.y <> '' THEN {old} END"


def case_no_part(parts: str, column: str) -> str:
    """The derived column ``column`` (court_code, case_year, case_type) of the struct ``parts``."""
    return {
        "court_code": f"{parts}.court",
        "case_year": f"CAST({parts}.y AS INTEGER)",
        "case_type": f"{parts}.type",
    }[column]


def register(con: duckdb.DuckDBPyConnection) -> None:
    """The reference UDFs the expressions call, and the ``zb_courts`` lookup table (code, name,
    kind, division, current) of the national court table, plus the old-scheme abbreviations that
    name exactly one court (so a legacy 案号 gets its court's name too)."""
    udfs.register_udfs(con)
    # Lists as parameters, unnested by DuckDB: no Arrow conversion of Python objects (whose
    # pandas probe costs seconds at start-up).
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {COURTS_TABLE} AS SELECT unnest($code) AS code, "
        "unnest($name) AS name, unnest($kind) AS kind, unnest($division) AS division, "
        "unnest($current) AS current",
        court_columns(),
    )


@cache
def court_columns() -> dict[str, list[object]]:
    rows = [(c.code, c.name, c.kind, c.division, c.current) for c in all_courts().values()]
    rows += [(key, c.name, c.kind, c.division, c.current) for key, c in unique_legacy_keys()]
    names = ("code", "name", "kind", "division", "current")
    return {name: list(column) for name, column in zip(names, zip(*rows, strict=True),
                                                        strict=True)}
