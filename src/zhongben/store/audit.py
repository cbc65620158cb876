"""The audit log: every state change and every view of personal data is written here, in the same
transaction as the change it records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhongben.store.models import AuditEntry


@dataclass(frozen=True)
class Actor:
    """Who does something: the signed-in user (role and org decide what they may do and see)."""

    user_id: int
    username: str
    role: str
    org_id: int
    client: str | None = None


def record(session: Session, actor: Actor | None, action: str, object_type: str,
           object_id: str | None, **detail: Any) -> None:
    session.add(AuditEntry(
        at=datetime.now(), user_id=actor.user_id if actor else None,
        username=actor.username if actor else None, action=action, object_type=object_type,
        object_id=object_id, detail=_jsonable(detail), client=actor.client if actor else None))


def _jsonable(detail: dict[str, Any]) -> dict[str, Any]:
    return {k: (v if isinstance(v, str | int | float | bool | list | dict) or v is None
                else str(v)) for k, v in detail.items()}


def recent(session: Session, limit: int = 200, action: str | None = None) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if action:
        query = query.where(AuditEntry.action == action)
    return list(session.scalars(query))
