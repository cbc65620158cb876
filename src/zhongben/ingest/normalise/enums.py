"""ENUM cells: folded, synonyms mapped (ASCII case-insensitively), checked against the values."""

from __future__ import annotations

from functools import cache

from zhongben.contracts.model import Column
from zhongben.identifiers.width import ascii_upper, clean


def lookup_key(text: str) -> str:
    return ascii_upper(text)


@cache
def _lookup(values: tuple[str, ...], synonyms: tuple[tuple[str, str], ...]) -> dict[str, str]:
    table: dict[str, str] = {}
    for spelling, value in synonyms:
        key = clean(spelling)
        if key is not None:
            table[lookup_key(key)] = value
    for value in values:  # a canonical value always means itself
        table[lookup_key(value)] = value
    return table


def enum_lookup(column: Column) -> dict[str, str]:
    """Lookup key (cleaned, ASCII upper-cased) → canonical value, for the column's values and
    synonyms."""
    return _lookup(column.values, tuple(column.value_synonyms.items()))


def parse_enum(column: Column, raw: str | None) -> tuple[str | None, str | None]:
    text = clean(raw)
    if text is None:
        return None, None
    value = enum_lookup(column).get(lookup_key(text))
    if value is not None:
        return value, None
    if column.open_values:
        return text, None
    return None, f"不在允许取值之内：{text}"
