"""The contract seen from the generator: the column order and value kind of every table."""

from __future__ import annotations

from functools import cache

from zhongben.contracts import TABLES, Kind

NUMERIC = frozenset({Kind.AMOUNT, Kind.NUMBER, Kind.INTEGER})


def kind_of(kind: Kind) -> str:
    if kind == Kind.DATE:
        return "date"
    if kind == Kind.TIMESTAMP:
        return "ts"
    if kind in NUMERIC:
        return "num"
    return "text"


@cache
def kinds(table: str) -> dict[str, str]:
    """Column -> 'text' | 'date' | 'ts' | 'num', in contract order."""
    return {c.name: kind_of(c.kind) for c in TABLES[table].columns}


# The order tables are written in (court data first, then registries, then bank data).
TABLE_ORDER: tuple[str, ...] = tuple(TABLES)
