"""The audit log: every state change and every view of personal data is written here, in the same
transaction as the change it records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from zhongben.store.audit_chain import add_pending
from zhongben.store.models import AuditEntry, User


@dataclass(frozen=True)
class Actor:
    """Who does something: the signed-in user (role and org decide what they may do and see)."""

    user_id: int
    username: str
    role: str
    org_id: int
    client: str | None = None


def record(session: Session, actor: Actor | None, action: str, object_type: str,
           object_id: str | None, client: str | None = None, **detail: Any) -> None:
    """Keep an entry on the session; it is chained and written when the session commits, with the
    change it records (``zhongben.store.audit_chain``), and dropped with it on rollback."""
    add_pending(session, AuditEntry(
        at=datetime.now(), user_id=actor.user_id if actor else None,
        username=actor.username if actor else None, action=action, object_type=object_type,
        object_id=object_id, detail=_jsonable(detail), client=actor.client if actor else client))


def _jsonable(detail: dict[str, Any]) -> dict[str, Any]:
    return {k: (v if isinstance(v, str | int | float | bool | list | dict) or v is None
                else str(v)) for k, v in detail.items()}


def recent(session: Session, limit: int = 200, action: str | None = None,
           org_ids: list[int] | None = None) -> list[AuditEntry]:
    """The newest entries; with ``org_ids``, only what users of those orgs did, and failed
    sign-ins under their user names (entries of no known user only without ``org_ids``: the
    top office)."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if action:
        query = query.where(AuditEntry.action == action)
    if org_ids is not None:
        members = select(User.id).where(User.org_id.in_(org_ids))
        names = select(User.username).where(User.org_id.in_(org_ids))
        query = query.where(or_(
            AuditEntry.user_id.in_(members),
            and_(AuditEntry.user_id.is_(None), AuditEntry.object_type == "user",
                 AuditEntry.object_id.in_(names))))
    return list(session.scalars(query))
