"""Who is related to a debtor: the ``links`` block of the FL rules, read from the rule file itself
so the report and the rules can never disagree (relatives, legal representatives, shareholders,
companies run or owned by them, employees)."""

from __future__ import annotations

from functools import cache

import duckdb

from zhongben.rules.loader import LIBRARY

RULE_FILE = LIBRARY / "fund_flow" / "FL-03.sql"
BLOCK_START = "debtors AS ("
BLOCK_END = "\nlegs AS ("


@cache
def links_sql() -> str:
    """A query of (debtor_id, linked_id, kind, link) for the debtor ``$debtor``."""
    text = RULE_FILE.read_text(encoding="utf-8")
    start, end = text.index(BLOCK_START), text.index(BLOCK_END)
    block = text[start:end].rstrip().rstrip(",")
    return (
        f"WITH {block}\nSELECT debtor_id, linked_id, kind, link FROM links "
        "WHERE debtor_id = $debtor ORDER BY kind, linked_id"
    )


def debtor_links(con: duckdb.DuckDBPyConnection, debtor_id: str) -> list[tuple[str, str, str]]:
    """(linked_id, kind, link) for each person or company related to the debtor."""
    rows = con.execute(links_sql(), {"debtor": debtor_id}).fetchall()
    return [(str(linked), str(kind), str(link)) for _, linked, kind, link in rows]
