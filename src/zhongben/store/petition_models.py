"""Tables of petition intake (issue 18 part 5), filled at publication from the workspace: each
petition with its match and dates (``petitions``), and which petition each lead came from
(``lead_sources``). They share ``models.Base``; ``store.db`` imports this module."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from zhongben.store.models import Base

PETITION_SOURCE = "12309申请"
SCREEN_SOURCE = "模型筛查"  # a lead no petition names: found by screening on the office's own


class LeadSource(Base):
    """A lead that came from a petition: ``source`` is 12309申请 (one lead may come from several
    petitions)."""

    __tablename__ = "lead_sources"
    lead_key: Mapped[str] = mapped_column(ForeignKey("leads.lead_key"), primary_key=True)
    petition_no: Mapped[str] = mapped_column(String(64), primary_key=True)
    source: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str | None] = mapped_column(String(16))
    received_on: Mapped[date | None] = mapped_column(Date)
    __table_args__ = (Index("ix_lead_sources_petition", "petition_no"),)


class PetitionRecord(Base):
    """A petition as published: its case when matched (``method`` 案号/证件号码/姓名), else
    待人工确认/未匹配, and the dates its deadlines run from. No names: those stay in the
    workspace."""

    __tablename__ = "petitions"
    petition_no: Mapped[str] = mapped_column(String(64), primary_key=True)
    received_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(16))
    method: Mapped[str] = mapped_column(String(16))
    case_no: Mapped[str | None] = mapped_column(String(64))
    accepted_on: Mapped[date | None] = mapped_column(Date)
    notified_on: Mapped[date | None] = mapped_column(Date)
    org_id: Mapped[int | None] = mapped_column(ForeignKey("orgs.id"))
    published_at: Mapped[datetime | None] = mapped_column(DateTime)


def sources_of(session: Session, keys: Iterable[str]) -> dict[str, list[LeadSource]]:
    """The petitions each of ``keys`` came from (leads without any are left out)."""
    found: dict[str, list[LeadSource]] = {}
    keys = list(keys)
    for start in range(0, len(keys), 500):
        rows = session.scalars(select(LeadSource).where(
            LeadSource.lead_key.in_(keys[start:start + 500])).order_by(LeadSource.received_on))
        for row in rows:
            found.setdefault(row.lead_key, []).append(row)
    return found
