"""Where a document's facts come from: the workspace (``zhongben documents draft``, and the
snapshot taken at publication) or the application database (the web app, from that snapshot)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from zhongben.documents.facts import case_facts, cases_for_leads, document_case, quote
from zhongben.documents.facts_text import LeadFacts
from zhongben.store.models import Lead, Profile

if TYPE_CHECKING:
    from zhongben.engine.base import Engine

LEAD_SQL = """SELECT lead_key, rule_id, rule_name, case_no, subject_id, subject_name, court,
  explanation, evidence, unpaid_amount FROM leads WHERE lead_key IN ({keys})"""
FACTS_KEY = "facts"  # under the ``case:<case_no>`` profile entry


class LeadNotFound(LookupError):
    pass


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else (value or [])


def workspace_lead(engine: Engine, lead_key: str) -> tuple[LeadFacts, str]:
    """One lead of the workspace with its case's facts, and the court it concerns."""
    names, rows = engine.fetch(LEAD_SQL.format(keys=quote([lead_key])))
    if not rows:
        raise LeadNotFound(f"工作区中没有线索 {lead_key}（请先运行 zhongben screen，"
                           "或用 zhongben screen --format json 查看线索编号 lead_key）")
    row = dict(zip(names, rows[0], strict=True))
    row["evidence"] = _json(row["evidence"])
    case_no = cases_for_leads(engine, [row]).get(lead_key)
    facts = case_facts(engine, [case_no]).get(case_no or "", {}) if case_no else {}
    lead = LeadFacts(lead_key, row["rule_id"], row["rule_name"] or "", case_no,
                     row["subject_name"], row["explanation"] or "", row["evidence"],
                     Decimal(str(row["unpaid_amount"])) if row["unpaid_amount"] is not None
                     else None, facts)
    court = row["court"] or str((facts.get("case") or {}).get("court") or "")
    return lead, court


def add_case_facts(engine: Engine, rows: list[dict[str, Any]],
                   profiles: dict[str, dict[str, Any]]) -> None:
    """At publication: each document case's facts into its ``case:<case_no>`` profile entry."""
    wanted = set(cases_for_leads(engine, rows).values())
    for case_no, facts in case_facts(engine, wanted).items():
        profiles.setdefault(f"case:{case_no}", {})[FACTS_KEY] = facts


def app_leads(session: Session, leads: list[Lead]) -> list[LeadFacts]:
    """The leads of a case with the facts snapshotted at publication."""
    return [_app_lead(session, lead) for lead in leads]


def _app_lead(session: Session, lead: Lead) -> LeadFacts:
    subject = session.get(Profile, lead.subject_id) if lead.subject_id else None
    debtor_cases = (subject.data.get("cases") or []) if subject else []
    case_no = document_case(lead.case_no, lead.evidence or [], debtor_cases)
    entry = session.get(Profile, f"case:{case_no}") if case_no else None
    facts = (entry.data.get(FACTS_KEY) or {}) if entry else {}
    return LeadFacts(lead.lead_key, lead.rule_id, lead.rule_name, case_no, lead.subject_name,
                     lead.explanation, list(lead.evidence or []), lead.unpaid_amount, facts)
