"""What a rule may see on the screening date: every contract table read by a rule is replaced by
its view *as of* that date, so nothing dated after ``as_of`` is visible to any rule.

Per table: a row filter (the row did not exist yet) and masked columns (a later event is not known
yet: a case closed after as_of is open on as_of). Tables without an entry are seen whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import sqlglot
from sqlglot import exp

from zhongben.contracts import TABLES
from zhongben.contracts.storage import entity_columns, storage_columns


@dataclass(frozen=True)
class Visibility:
    row_filter: str = ""  # SQL over the table's columns with :as_of
    masked: dict[str, str] = field(default_factory=dict)  # column -> date column; null when > as_of


SOURCE_MARKER = "zbsrc__"  # stands for the table a contract table's rows are read from


def _until(date_column: str) -> str:
    return f"{date_column} IS NULL OR {date_column} <= :as_of"


def _day(ts_column: str) -> str:
    return f"CAST({ts_column} AS DATE) <= :as_of"


_CLOSED = {"closed_on": "closed_on", "close_method": "closed_on"}

VISIBILITY: dict[str, Visibility] = {
    "cases": Visibility(
        "filed_on <= :as_of",
        {
            **_CLOSED,
            "notice_on": "notice_on",
            "report_order_on": "report_order_on",
            "applicant_informed_on": "applicant_informed_on",
        },
    ),
    "actions": Visibility("acted_on <= :as_of"),
    "payments": Visibility("received_on <= :as_of", {"paid_out_on": "paid_out_on"}),
    "auctions": Visibility(
        _until("COALESCE(announced_on, started_on)"),
        {
            "deal_price": "ended_on",
            "status": "ended_on",
            "buyer_id": "ended_on",
            "ended_on": "ended_on",
        },
    ),
    "lawsuits": Visibility("filed_on <= :as_of", _CLOSED),
    "restrictions": Visibility("start_on <= :as_of", {"end_on": "end_on"}),
    "vehicles": Visibility("registered_on <= :as_of", {"transferred_on": "transferred_on"}),
    "vehicle_sightings": Visibility(_day("seen_at")),
    "real_estate": Visibility("acquired_on <= :as_of", {"disposed_on": "disposed_on"}),
    "companies": Visibility(_until("established_on"), {"deregistered_on": "deregistered_on"}),
    "shareholdings": Visibility(_until("from_on"), {"to_on": "to_on"}),
    "social_insurance": Visibility("month <= :as_of"),
    "housing_fund": Visibility("as_of <= :as_of"),
    "insurance_policies": Visibility("start_on <= :as_of", {"end_on": "end_on"}),
    "travel": Visibility("travelled_on <= :as_of"),
    "relations": Visibility(_until("from_on"), {"to_on": "to_on"}),
    "bank_accounts": Visibility(_until("opened_on"), {"closed_on": "closed_on"}),
    "transactions": Visibility(_day("txn_at")),
    "documents": Visibility(_until("ruled_on")),
}


def visible_table(name: str, as_of: exp.Expr) -> exp.Expr | None:
    """``(SELECT … FROM name WHERE …)`` as of the date, or None when the table is seen whole."""
    template = _template(name)
    if template is None:
        return None
    tree = template.copy()
    for placeholder in list(tree.find_all(exp.Placeholder)):
        placeholder.replace(as_of.copy())
    return tree


@lru_cache(maxsize=64)
def _template(name: str) -> exp.Expr | None:
    rule = VISIBILITY.get(name)
    if rule is None or name not in TABLES:
        return None
    columns = []
    sources = {d.name: d.source for d in entity_columns(name)}
    for column, _type in storage_columns(TABLES[name]):
        date_column = rule.masked.get(column) or rule.masked.get(sources.get(column) or "")
        if date_column:
            columns.append(
                f"CASE WHEN {date_column} > :as_of THEN NULL ELSE {column} END AS {column}"
            )
        else:
            columns.append(column)
    sql = f"SELECT {', '.join(columns)} FROM {name}"
    if rule.row_filter:
        sql += f" WHERE {rule.row_filter}"
    return sqlglot.parse_one(sql, read="duckdb")


def unchanged_sql(name: str) -> str | None:
    """A query counting the rows of ``name`` its as-of view would hide or mask (``:as_of``)."""
    rule = VISIBILITY.get(name)
    if rule is None or name not in TABLES:
        return None
    tests = [f"NOT COALESCE({rule.row_filter}, FALSE)"] if rule.row_filter else []
    tests += [f"{column} > :as_of" for column in sorted(set(rule.masked.values()))]
    return f"SELECT count(*) FROM {name} WHERE " + " OR ".join(f"({t})" for t in tests)
