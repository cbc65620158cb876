"""A lead: one row a rule returns, at the grain of docs/reference/leads.md, with its evidence."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


def lead_key(rule_id: str, case_no: str | None, subject_id: str | None) -> str:
    """Hex SHA-1 of ``rule_id|case_no|subject_id`` (null written as the empty string)."""
    text = f"{rule_id}|{case_no or ''}|{subject_id or ''}"
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass
class Lead:
    rule_id: str
    case_no: str | None
    subject_id: str | None
    subject_name: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)  # column -> value (or list of values)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    explanation: str = ""
    # filled in by the runner from the rule header and the case
    rule_version: int = 0
    rule_name: str = ""
    family: str = ""
    severity: str = ""
    legal_basis: list[dict[str, str]] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    as_of: dt.date | None = None
    court: str | None = None
    court_code: str | None = None
    unpaid_amount: Decimal | None = None
    livelihood: bool = False
    score: float = 0.0
    score_terms: list[dict[str, Any]] = field(default_factory=list)
    # the Tier-B links (身份待确认) the lead's evidence rests on: pair_key, entity_id, … each
    identity_links: list[dict[str, Any]] = field(default_factory=list)

    @property
    def key(self) -> str:
        return lead_key(self.rule_id, self.case_no, self.subject_id)

    @property
    def identity(self) -> tuple[str, str | None, str | None]:
        return (self.rule_id, self.case_no, self.subject_id)
