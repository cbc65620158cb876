"""In-app notifications: a lead assigned to you, a colleague's @mention, an approval waiting or
decided, a deadline overdue or within 7 days. Each is written in the transaction of the change
that caused it (audited there); a deadline's notice once per deadline and user."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from zhongben.store.collab_models import Notification

KINDS = {"assign": "分派", "mention": "提及", "approval": "审批", "deadline": "期限"}


def notify(session: Session, user_id: int, kind: str, text: str, link: str = "",
           key: str | None = None) -> bool:
    """Add a notification; with ``key``, only if that user has none with the key yet."""
    if key is not None and session.scalar(
            select(Notification.id).where(Notification.user_id == user_id,
                                          Notification.key == key).limit(1)) is not None:
        return False
    session.add(Notification(user_id=user_id, at=datetime.now(), kind=kind, text=text[:300],
                             link=link[:200], key=key))
    return True


def unread_count(session: Session, user_id: int) -> int:
    query = select(func.count(Notification.id)).where(Notification.user_id == user_id,
                                                      Notification.read_at.is_(None))
    return int(session.scalar(query) or 0)


def recent(session: Session, user_id: int, limit: int = 200) -> list[Notification]:
    query = (select(Notification).where(Notification.user_id == user_id)
             .order_by(Notification.id.desc()).limit(limit))
    return list(session.scalars(query))


def mark_read(session: Session, user_id: int, ids: list[int] | None = None) -> int:
    """Mark the user's notifications (all, or ``ids``) read; returns how many."""
    statement = update(Notification).where(Notification.user_id == user_id,
                                           Notification.read_at.is_(None))
    if ids is not None:
        statement = statement.where(Notification.id.in_(ids))
    result = session.execute(statement.values(read_at=datetime.now()))
    return int(getattr(result, "rowcount", 0) or 0)
