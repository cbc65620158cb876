"""The facts a document states about the execution case, read from the workspace through the
engine protocol (portable SQL): the case row, its parties, the court's measures with their dates
and the 终本 ruling when the court's documents were read. Snapshotted at publication (the web
app never reads DuckDB) and read live by ``zhongben documents draft``."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from zhongben.engine.base import Engine


TERMINATED = "终结本次执行程序"
MAX_ACTIONS = 40
CASE_SQL = """SELECT case_no, court, filed_on, closed_on, close_method, basis_no, cause,
  claim_amount, paid_amount, judge, close_reason, notice_on, report_order_on,
  applicant_informed_on FROM cases WHERE case_no IN ({keys})"""
PARTIES_SQL = """SELECT case_no, role, name, id_no, party_type FROM parties
  WHERE case_no IN ({keys}) ORDER BY case_no, role, name"""
ACTIONS_SQL = """SELECT case_no, action, acted_on, target_type, target_id, result, amount
  FROM actions WHERE case_no IN ({keys}) ORDER BY case_no, acted_on, action"""
RULING_SQL = """SELECT case_no, doc_no, ruled_on FROM documents
  WHERE case_no IN ({keys}) AND kind LIKE '%终结本次执行程序%' ORDER BY ruled_on"""
DEBTOR_CASES_SQL = """SELECT p.id_no, c.case_no, c.closed_on, c.close_method FROM parties p
  JOIN cases c ON c.case_no = p.case_no WHERE p.role = '被执行人' AND p.id_no IN ({keys})"""


def quote(values: Iterable[str]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in sorted(set(values))) or "NULL"


def plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()[:10]
    if isinstance(value, Decimal):
        return float(value)
    return value


def _rows(engine: Engine, sql: str) -> list[dict[str, Any]]:
    names, rows = engine.fetch(sql)
    return [{n: plain(v) for n, v in zip(names, row, strict=True)} for row in rows]


def case_facts(engine: Engine, case_nos: Iterable[str]) -> dict[str, dict[str, Any]]:
    """``{case_no: {"case": row, "parties": [...], "actions": [...], "ruling": row | None}}``."""
    keys = quote(case_nos)
    out: dict[str, dict[str, Any]] = {
        row["case_no"]: {"case": row, "parties": [], "actions": [], "ruling": None}
        for row in _rows(engine, CASE_SQL.format(keys=keys))}
    for row in _rows(engine, PARTIES_SQL.format(keys=keys)):
        if row["case_no"] in out:
            out[row["case_no"]]["parties"].append(row)
    for row in _rows(engine, ACTIONS_SQL.format(keys=keys)):
        if row["case_no"] in out and len(out[row["case_no"]]["actions"]) < MAX_ACTIONS:
            out[row["case_no"]]["actions"].append(row)
    if _has_table(engine, "documents"):
        for row in _rows(engine, RULING_SQL.format(keys=keys)):
            if row["case_no"] in out:
                out[row["case_no"]]["ruling"] = row
    return out


def _has_table(engine: Engine, name: str) -> bool:
    try:
        engine.fetch(f"SELECT 1 FROM {name} WHERE 1 = 0")
    except Exception:
        return False
    return True


def evidence_cases(evidence: list[dict[str, Any]]) -> list[str]:
    """Case numbers named in a lead's evidence rows, 终本 cases first, else in order."""
    rows = [ev.get("fields") or {} for ev in evidence or []]
    ended = [str(f["case_no"]) for f in rows if f.get("case_no")
             and f.get("close_method") == TERMINATED]
    found = ended + [str(f.get("case_no") or "") for f in rows]
    return list(dict.fromkeys(c for c in found if c))


def document_case(lead_case: str | None, evidence: list[dict[str, Any]],
                  debtor_cases: list[dict[str, Any]]) -> str | None:
    """The execution case a document about a lead concerns: the lead's own case, else the first
    case its evidence names, else the debtor's latest 终本 case, else its latest case."""
    if lead_case:
        return lead_case
    named = evidence_cases(evidence)
    if named:
        return named[0]
    ordered = sorted(debtor_cases, key=lambda c: (c.get("close_method") == TERMINATED,
                                                   c.get("closed_on") or ""))
    return ordered[-1]["case_no"] if ordered else None


def debtor_cases(engine: Engine, ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for row in _rows(engine, DEBTOR_CASES_SQL.format(keys=quote(ids))):
        out.setdefault(row.pop("id_no"), []).append(row)
    return out


def cases_for_leads(engine: Engine, leads: list[dict[str, Any]]) -> dict[str, str]:
    """``{lead_key: case_no}`` for every lead a document can be drafted about."""
    subjects = [lead["subject_id"] for lead in leads
                if not lead.get("case_no") and lead.get("subject_id")]
    by_debtor = debtor_cases(engine, subjects) if subjects else {}
    out = {}
    for lead in leads:
        case = document_case(lead.get("case_no"), lead.get("evidence") or [],
                             by_debtor.get(lead.get("subject_id") or "", []))
        if case:
            out[lead["lead_key"]] = case
    return out
