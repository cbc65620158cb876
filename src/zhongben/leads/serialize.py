"""Leads as plain values: JSON text for stored JSON columns, dicts for outputs."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from zhongben.leads.model import Lead


def plain(value: Any) -> Any:
    """A JSON-ready copy of ``value`` (dates as ISO text, decimals as numbers)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def to_json(value: Any) -> str:
    return json.dumps(plain(value), ensure_ascii=False, sort_keys=True)


def lead_record(lead: Lead) -> dict[str, Any]:
    """The lead as the contract's JSON object (leads.md fields; null where unknown)."""
    return {
        "lead_key": lead.key,
        "rule_id": lead.rule_id,
        "rule_version": lead.rule_version,
        "rule_name": lead.rule_name,
        "family": lead.family,
        "case_no": lead.case_no,
        "subject_id": lead.subject_id,
        "subject_name": lead.subject_name,
        "court": lead.court,
        "court_code": lead.court_code,
        "severity": lead.severity,
        "score": lead.score,
        "score_terms": plain(lead.score_terms),
        "livelihood": lead.livelihood,
        "unpaid_amount": plain(lead.unpaid_amount),
        "explanation": lead.explanation,
        "legal_basis": plain(lead.legal_basis),
        "evidence": plain(lead.evidence),
        "facts": plain(lead.facts),
        "params": plain(lead.params),
        "as_of": plain(lead.as_of),
        "identity_links": plain(lead.identity_links),
    }
