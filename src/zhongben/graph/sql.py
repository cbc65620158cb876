"""The graph SQL is written once in the rules' portable subset (date arithmetic through the
``zb_*`` helpers) and written out per engine by SQLGlot, like the rules."""

from __future__ import annotations

from functools import cache

import sqlglot

from zhongben.rules.macros import expand_macros


@cache
def for_engine(sql: str, dialect: str = "duckdb") -> str:
    """``sql`` (DuckDB syntax, ``$name`` parameters, ``zb_*`` helpers) for ``dialect``."""
    tree = sqlglot.parse_one(sql, read="duckdb")
    expand_macros(tree, dialect)
    return tree.sql(dialect=dialect)
