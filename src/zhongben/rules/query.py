"""Queries outside the rule files that read the library's shared views (the fund-flow report's
moves, a debtor's links): compiled exactly as a rule reading the same views, so the report and
the rules can never disagree."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from zhongben.rules.compile import compile_sql
from zhongben.rules.loader import load_views
from zhongben.rules.problems import RuleError
from zhongben.rules.shared import resolve_uses
from zhongben.rules.spec import Used


@cache
def _used(names: tuple[str, ...]) -> tuple[Used, ...]:
    if not names:
        return ()
    views, problems = load_views()
    missing = [n for n in names if n not in views]
    if missing:
        raise KeyError(f"没有共用视图 {'、'.join(missing)}")
    used, found = resolve_uses(views[names[0]].path, list(names), views, {})
    if problems or found:
        raise RuleError(problems + found)
    return used


def view_query(
    sql: str,
    views: Sequence[str],
    as_of: dt.date,
    params: Mapping[str, Any] | None = None,
    dialect: str = "duckdb",
) -> str:
    """``sql`` (reading the shared ``views`` like tables, ``:name`` parameters) for ``dialect``,
    every table seen as of ``as_of``."""
    return compile_sql(sql, _used(tuple(views)), dialect, params or {}, as_of)
