"""SQLAlchemy models of the application database. The Alembic migrations are the schema's source
of truth for a running database; these classes must match them (a test checks)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Org(Base):
    """A procuratorate. ``courts`` are the court names it supervises; a parent (city office) sees
    everything its children see."""

    __tablename__ = "orgs"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(16))  # 县级 / 市级 / 省级
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("orgs.id"))
    courts: Mapped[list[Any]] = mapped_column(JSON, default=list)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    org_id: Mapped[int] = mapped_column(ForeignKey("orgs.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    # Raised at logout, password change or reset and when disabled: every cookie signed with an
    # older value stops working (a signed cookie cannot be recalled otherwise).
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


# Filter columns carried in the inbox indexes, so filtered counts and sorts stay index-only.
INBOX_FILTERS = ("severity", "rule_id", "family", "court", "livelihood", "unpaid_amount",
                 "as_of", "score", "assignee_id")



def _inbox_index(sort: str) -> Index:
    """(org_id, sort key, lead_key, status, …): a page is read in order and stops at its last
    row, whatever statuses the filter excludes (no sort of the office's leads per page)."""
    name = {"unpaid_amount": "amount", "as_of": "date"}.get(sort, sort)
    rest = [c for c in INBOX_FILTERS if c != sort]
    return Index(f"ix_leads_inbox_{name}", "org_id", sort, "lead_key", "status", *rest)


class Lead(Base):
    """A published lead (a copy of the workspace's ``leads`` row) plus its review state here."""

    __tablename__ = "leads"
    lead_key: Mapped[str] = mapped_column(String(40), primary_key=True)
    rule_id: Mapped[str] = mapped_column(String(16))
    rule_version: Mapped[int] = mapped_column(Integer, default=1)  # the latest that confirmed it
    # The version and screening date that first found the lead (never updated), and every
    # version that has found it: the backtest credits found_version (store.backtest).
    found_version: Mapped[int | None] = mapped_column(Integer)
    found_as_of: Mapped[date | None] = mapped_column(Date)
    versions: Mapped[list[Any] | None] = mapped_column(JSON, default=list)
    rule_name: Mapped[str] = mapped_column(String(100), default="")
    family: Mapped[str] = mapped_column(String(100), default="")
    case_no: Mapped[str | None] = mapped_column(String(64))
    subject_id: Mapped[str | None] = mapped_column(String(64))
    subject_name: Mapped[str | None] = mapped_column(String(200))
    court: Mapped[str | None] = mapped_column(String(100))
    court_code: Mapped[str | None] = mapped_column(String(16))
    org_id: Mapped[int | None] = mapped_column(ForeignKey("orgs.id"))
    severity: Mapped[str] = mapped_column(String(8), default="medium")
    score: Mapped[float] = mapped_column(Float, default=0.0)
    livelihood: Mapped[bool] = mapped_column(Boolean, default=False)
    unpaid_amount: Mapped[Decimal | None] = mapped_column(Numeric(18, 2))
    as_of: Mapped[date | None] = mapped_column(Date)
    screen_status: Mapped[str] = mapped_column(String(16), default="active")
    first_seen_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(16), default="待核查")
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    matter_id: Mapped[int | None] = mapped_column(ForeignKey("matters.id"))
    suppressed_until: Mapped[date | None] = mapped_column(Date)
    suppress_reason: Mapped[str | None] = mapped_column(Text)
    # Who the lead is about, for the inbox: its subject, or its case's 被执行人 (publish.who)
    party_names: Mapped[str | None] = mapped_column(String(200))
    case_count: Mapped[int | None] = mapped_column(Integer)  # a debtor's 终本 cases (no case_no)
    detail: Mapped[LeadDetail | None] = relationship(uselist=False, lazy="select")

    @property
    def explanation(self) -> str:
        return self.detail.explanation if self.detail else ""

    @property
    def score_terms(self) -> list[Any]:
        return self.detail.score_terms if self.detail else []

    @property
    def legal_basis(self) -> list[Any]:
        return self.detail.legal_basis if self.detail else []

    @property
    def evidence(self) -> list[Any]:
        return self.detail.evidence if self.detail else []

    @property
    def params(self) -> dict[str, Any]:
        return self.detail.params if self.detail else {}

    __table_args__ = (
        # Covering indexes for the inbox: count and sort read the index, not the rows.
        _inbox_index("score"),
        _inbox_index("unpaid_amount"),
        _inbox_index("as_of"),
        Index("ix_leads_org_family", "org_id", "family"),
        Index("ix_leads_org_court", "org_id", "court"),
        Index("ix_leads_rule", "rule_id"),
        Index("ix_leads_court", "court"),
        Index("ix_leads_subject", "subject_id"),
        Index("ix_leads_matter", "matter_id"),
        Index("ix_leads_assignee", "assignee_id", "status"),
    )


class LeadDetail(Base):
    """The wide part of a published lead (explanation, evidence …), kept apart so the inbox's
    scans and sorts read narrow rows."""

    __tablename__ = "lead_details"
    lead_key: Mapped[str] = mapped_column(ForeignKey("leads.lead_key"), primary_key=True)
    explanation: Mapped[str] = mapped_column(Text, default="")
    score_terms: Mapped[list[Any]] = mapped_column(JSON, default=list)
    legal_basis: Mapped[list[Any]] = mapped_column(JSON, default=list)
    evidence: Mapped[list[Any]] = mapped_column(JSON, default=list)
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    parties: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{name, id_no, role}]
    related_cases: Mapped[list[Any]] = mapped_column(JSON, default=list)


class Profile(Base):
    """The debtor's profile (cases, assets over time, restrictions, travel, flows) snapshotted from
    the workspace when leads are published, so the web app never reads DuckDB."""

    __tablename__ = "profiles"
    subject_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Matter(Base):
    """A supervision case (监督案件): one lead (个案纠违) or several of one problem at one court
    (类案监督). ``state`` is a state id of ``zhongben.workflow.machine.CaseWorkflow``."""

    __tablename__ = "matters"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # 个案纠违 / 类案监督
    title: Mapped[str] = mapped_column(String(200))
    org_id: Mapped[int] = mapped_column(ForeignKey("orgs.id"))
    court: Mapped[str | None] = mapped_column(String(100))
    rule_id: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(32))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    opened_on: Mapped[date] = mapped_column(Date)
    decided_on: Mapped[date | None] = mapped_column(Date)
    explanation_requested_on: Mapped[date | None] = mapped_column(Date)  # 说明案件执行情况通知书
    explanation_received_on: Mapped[date | None] = mapped_column(Date)
    sent_on: Mapped[date | None] = mapped_column(Date)
    received_on: Mapped[date | None] = mapped_column(Date)
    reply_extended: Mapped[bool] = mapped_column(Boolean, default=False)
    replied_on: Mapped[date | None] = mapped_column(Date)
    reply_text: Mapped[str | None] = mapped_column(Text)
    court_adopted: Mapped[bool | None] = mapped_column(Boolean)
    not_case_reason: Mapped[str | None] = mapped_column(Text)
    recheck: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    outcomes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    recovered_amount: Mapped[Decimal | None] = mapped_column(Numeric(18, 2))
    closed_on: Mapped[date | None] = mapped_column(Date)
    result: Mapped[str | None] = mapped_column(String(16))  # 结案结果: 纠正 / 未纠正 …
    __table_args__ = (Index("ix_matters_org_state", "org_id", "state"),)


class MatterEvent(Base):
    __tablename__ = "matter_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("matters.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[str | None] = mapped_column(String(32))
    to_state: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class LeadEvent(Base):
    """A lead's own history: assignment, suppression, transfer (交办/移送), joining a matter."""

    __tablename__ = "lead_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    lead_key: Mapped[str] = mapped_column(ForeignKey("leads.lead_key"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(32))
    note: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("matters.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    filename: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    # issue 13: drafts people edit, approve and issue (zhongben.documents.drafts)
    lead_key: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(16), default="draft")
    version: Mapped[int] = mapped_column(Integer, default=1)
    sections: Mapped[list[Any]] = mapped_column(JSON, default=list)
    approval_step: Mapped[int] = mapped_column(Integer, default=0)
    doc_no: Mapped[str | None] = mapped_column(String(64))
    signed_on: Mapped[date | None] = mapped_column(Date)
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    pdf_sha256: Mapped[str | None] = mapped_column(String(64))
    __table_args__ = (UniqueConstraint("doc_no", name="uq_documents_doc_no"),)


class DocumentVersion(Base):
    """Every saved state of a draft: who did what, when, with the .docx as it then was."""

    __tablename__ = "document_versions"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(16))  # generated / edited / uploaded / issued
    note: Mapped[str | None] = mapped_column(Text)
    sections: Mapped[list[Any]] = mapped_column(JSON, default=list)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    __table_args__ = (UniqueConstraint("document_id", "number"),)


class DocumentApproval(Base):
    """One step of a draft's approval chain: submitted, approved or returned (with a reason)."""

    __tablename__ = "document_approvals"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    step: Mapped[int] = mapped_column(Integer)
    step_name: Mapped[str] = mapped_column(String(16))
    decision: Mapped[str] = mapped_column(String(8))  # 提交 / 同意 / 退回
    reason: Mapped[str | None] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer)


class DocNumber(Base):
    """The 文号 register: one row per number issued; (office, series, year, number) is unique,
    so a number is never issued twice."""

    __tablename__ = "doc_numbers"
    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("orgs.id"))
    series: Mapped[str] = mapped_column(String(16))
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    doc_no: Mapped[str] = mapped_column(String(64))
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    __table_args__ = (UniqueConstraint("org_id", "series", "year", "number"),)


class OfficeSettings(Base):
    """A procuratorate's document settings: short name and 文号 patterns, approval chains per
    document kind, the objection period it states, 抄送 recipients, contact."""

    __tablename__ = "office_settings"
    org_id: Mapped[int] = mapped_column(ForeignKey("orgs.id"), primary_key=True)
    short_name: Mapped[str] = mapped_column(String(16))
    patterns: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    chains: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    objection_days: Mapped[int] = mapped_column(Integer, default=15)
    cc: Mapped[list[Any]] = mapped_column(JSON, default=list)
    contact: Mapped[str | None] = mapped_column(String(100))


class AuditEntry(Base):
    """Every state change and every view of personal data."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(48))
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    client: Mapped[str | None] = mapped_column(String(64))
    # The hash chain (zhongben.store.audit_chain): position, the previous entry's hash, this one's.
    seq: Mapped[int | None] = mapped_column(Integer)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    entry_hash: Mapped[str | None] = mapped_column(String(64))
    __table_args__ = (Index("ix_audit_log_seq", "seq", unique=True),)


class AuditHead(Base):
    """The one row (id 1) holding the audit chain's last position and hash: the lock writers
    queue on, and a check that no entry was cut off the end."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    entry_hash: Mapped[str] = mapped_column(String(64))


class EntityPair(Base):
    """A pair a reviewer decides (是同一人 / 不是同一人): an uncertain pair of the review band
    (``kind`` band) or a probabilistic link a lead rests on (``kind`` link). Published from the
    workspace (``zhongben.store.identity``); ``status`` open, same, different, or gone (no longer
    proposed by the latest resolution)."""

    __tablename__ = "entity_pairs"
    pair_key: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_key: Mapped[str] = mapped_column(String(40), index=True)
    other_kind: Mapped[str] = mapped_column(String(8))
    other_key: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(8))
    probability: Mapped[float] = mapped_column(Float, default=0.0)
    weights: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    record: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    other: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    mentions: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default="open")
    published_at: Mapped[datetime | None] = mapped_column(DateTime)
    __table_args__ = (Index("ix_entity_pairs_status", "status", "kind", "probability"),)


class EntityDecision(Base):
    """A reviewer's decision on a pair; the latest per pair binds every later resolution."""

    __tablename__ = "entity_decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    pair_key: Mapped[str] = mapped_column(String(40), index=True)
    record_key: Mapped[str] = mapped_column(String(40))
    other_kind: Mapped[str] = mapped_column(String(8))
    other_key: Mapped[str] = mapped_column(String(64))
    same: Mapped[bool] = mapped_column(Boolean)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(Text)


class LeadIdentity(Base):
    """A published lead resting on a probabilistic link (身份待确认) — one row per link."""

    __tablename__ = "lead_identity"
    lead_key: Mapped[str] = mapped_column(ForeignKey("leads.lead_key"), primary_key=True)
    pair_key: Mapped[str] = mapped_column(String(40), primary_key=True)
