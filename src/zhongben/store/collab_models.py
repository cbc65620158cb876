"""Tables of the daily tool (issue 14): the search index filled at publication, and what users
add to leads and cases — comments, attachments, tags — and the notifications they receive.

They share ``models.Base``; ``store.db`` imports this module so every opened database knows them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from zhongben.store.models import Base

# Search terms are compared byte by byte (a prefix is a range): PostgreSQL's "C" collation,
# SQLite's default BINARY.
TERM = String(200).with_variant(String(200, collation="C"), "postgresql")


class LeadTerm(Base):
    """One search term of a published lead: ``kind`` is case (案号, canonical and without the
    year), name (a party's or company's full name), id (身份证号 / 统一社会信用代码), tail
    (``name#last 4, 5 or 6 characters of the ID``) or plate (号牌)."""

    __tablename__ = "lead_terms"
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    term: Mapped[str] = mapped_column(TERM, primary_key=True)
    lead_key: Mapped[str] = mapped_column(ForeignKey("leads.lead_key"), primary_key=True)
    __table_args__ = (Index("ix_lead_terms_lead", "lead_key"),)


class NameSuffix(Base):
    """Every suffix (two characters or more) of every name in ``lead_terms``: a part of a name
    is the prefix of one of its suffixes, found by a range on this index."""

    __tablename__ = "name_suffixes"
    suffix: Mapped[str] = mapped_column(TERM, primary_key=True)
    name: Mapped[str] = mapped_column(TERM, primary_key=True)


class Comment(Base):
    """A comment on a lead or a case; ``mentions`` are the user ids @-mentioned in it."""

    __tablename__ = "comments"
    id: Mapped[int] = mapped_column(primary_key=True)
    object_type: Mapped[str] = mapped_column(String(16))  # lead / matter
    object_id: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    body: Mapped[str] = mapped_column(Text)
    mentions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    __table_args__ = (Index("ix_comments_object", "object_type", "object_id"),)


class Attachment(Base):
    """A file attached to a lead or a case (a court's reply, a scan); ``text`` is what was read
    from it (text layer or OCR), so it can be searched."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    object_type: Mapped[str] = mapped_column(String(16))
    object_id: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    text: Mapped[str] = mapped_column(Text, default="")
    ocr_pages: Mapped[int] = mapped_column(Integer, default=0)
    read_note: Mapped[str] = mapped_column(String(200), default="")  # how it was read (Chinese)
    __table_args__ = (Index("ix_attachments_object", "object_type", "object_id"),)


class Tag(Base):
    """A tag (标签) a user put on a lead or a case."""

    __tablename__ = "tags"
    object_type: Mapped[str] = mapped_column(String(16), primary_key=True)
    object_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    tag: Mapped[str] = mapped_column(String(32), primary_key=True)
    __table_args__ = (Index("ix_tags_tag", "tag"),)


class Notification(Base):
    """An in-app notification: an assignment, a mention, an approval, a deadline. ``key`` makes
    a deadline's notice once per deadline and user."""

    __tablename__ = "notifications"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(16))  # assign / mention / approval / deadline
    text: Mapped[str] = mapped_column(String(300))
    link: Mapped[str] = mapped_column(String(200), default="")
    key: Mapped[str | None] = mapped_column(String(120))
    read_at: Mapped[datetime | None] = mapped_column(DateTime)
    __table_args__ = (Index("ix_notifications_user", "user_id", "read_at"),
                      Index("ix_notifications_key", "user_id", "key"))
