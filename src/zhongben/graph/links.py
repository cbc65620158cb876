"""Who is related to a debtor: the shared view ``debtor_links`` the FL rules read
(``rules/library/_shared/debtor_links.sql``), so the report and the rules can never disagree
(relatives, legal representatives, shareholders, companies run or owned by them, employees)."""

from __future__ import annotations

from functools import cache

import duckdb
import sqlglot

from zhongben.rules.loader import load_views
from zhongben.rules.problems import RuleError
from zhongben.rules.shared import inline_used, resolve_uses

VIEW = "debtor_links"
QUERY = (
    f"SELECT debtor_id, linked_id, kind, link FROM {VIEW} "
    "WHERE debtor_id = $debtor ORDER BY kind, linked_id"
)


@cache
def links_sql() -> str:
    """A query of (debtor_id, linked_id, kind, link) for the debtor ``$debtor``."""
    views, problems = load_views()
    used, found = resolve_uses(views[VIEW].path, [VIEW], views, {})
    if problems or found:
        raise RuleError(problems + found)
    tree = inline_used(sqlglot.parse_one(QUERY, read="duckdb"), used)
    return tree.sql(dialect="duckdb")


def debtor_links(con: duckdb.DuckDBPyConnection, debtor_id: str) -> list[tuple[str, str, str]]:
    """(linked_id, kind, link) for each person or company related to the debtor."""
    rows = con.execute(links_sql(), {"debtor": debtor_id}).fetchall()
    return [(str(linked), str(kind), str(link)) for _, linked, kind, link in rows]
