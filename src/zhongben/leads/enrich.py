"""Facts about a lead's case that every lead carries: court, unpaid amount, 民生 (livelihood).

A lead about a case takes them from that case; a lead about a debtor across cases (case_no null)
from the debtor's 终本 cases: the unpaid amounts summed, 民生 if any case is, the court if only one.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import pyarrow as pa
import sqlglot

from zhongben.engine.base import Engine
from zhongben.leads.model import Lead

# rules.md, "Livelihood causes (民生)": words of 案由 that make a case a 民生 case
LIVELIHOOD_WORDS = (
    "劳动报酬", "工资", "赡养", "扶养", "抚养", "抚恤", "医疗费", "医疗损害", "人身损害",
    "机动车交通事故", "工伤",
)  # fmt: skip


def is_livelihood(cause: str | None) -> bool:
    return bool(cause) and any(word in str(cause) for word in LIVELIHOOD_WORDS)


KEYS_TABLE = "zb_lead_keys"
CASE_SQL = """
SELECT c.case_no, c.court, c.court_code, c.cause,
       coalesce(c.claim_amount, 0) - coalesce(c.paid_amount, 0) AS unpaid
FROM cases AS c JOIN zb_lead_keys AS k ON k.key = c.case_no
"""
DEBTOR_SQL = """
SELECT p.id_no, c.case_no, c.court, c.court_code, c.cause,
       coalesce(c.claim_amount, 0) - coalesce(c.paid_amount, 0) AS unpaid
FROM parties AS p
JOIN zb_lead_keys AS k ON k.key = p.id_no
JOIN cases AS c ON c.case_no = p.case_no
WHERE p.role = '被执行人' AND c.close_method = '终结本次执行程序' AND c.closed_on <= :as_of
"""


def enrich(engine: Engine, leads: Sequence[Lead]) -> None:
    """Fill court, court_code, unpaid_amount and livelihood of every lead in place."""
    cases = _rows(engine, CASE_SQL, {lead.case_no for lead in leads if lead.case_no})
    subjects = {lead.subject_id for lead in leads if not lead.case_no and lead.subject_id}
    as_of = max((lead.as_of for lead in leads if lead.as_of), default=None)
    debtors: dict[str, list[tuple[Any, ...]]] = {}
    day = f"CAST('{as_of.isoformat()}' AS DATE)" if as_of else "CAST(NULL AS DATE)"
    for row in _rows(engine, DEBTOR_SQL.replace(":as_of", day), subjects).values():
        for item in row:
            debtors.setdefault(item[0], []).append(item[1:])
    for lead in leads:
        if lead.case_no:
            found = cases.get(lead.case_no, [])
            _apply(lead, [row[1:] for row in found])
        else:
            _apply(lead, debtors.get(lead.subject_id or "", []))


def _rows(engine: Engine, sql: str, keys: set[str]) -> dict[str, list[tuple[Any, ...]]]:
    if not keys:
        return {}
    engine.put(KEYS_TABLE, pa.table({"key": pa.array(sorted(keys), pa.string())}))
    try:
        _, rows = engine.fetch(sqlglot.transpile(sql, read="duckdb", write=engine.dialect)[0])
    finally:
        engine.release(KEYS_TABLE)
    out: dict[str, list[tuple[Any, ...]]] = {}
    for row in rows:
        out.setdefault(row[0], []).append(row)
    return out


def _apply(lead: Lead, cases: list[tuple[Any, ...]]) -> None:
    """``cases``: rows ending with (court, court_code, cause, unpaid)."""
    if not cases:
        return
    rows = [row[-4:] for row in cases]
    courts = {(court, code) for court, code, _, _ in rows}
    if len(courts) == 1:
        lead.court, lead.court_code = courts.pop()
    lead.unpaid_amount = sum((Decimal(u or 0) for _, _, _, u in rows), Decimal(0))
    lead.livelihood = any(is_livelihood(cause) for _, _, cause, _ in rows)
