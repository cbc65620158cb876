"""Login rate limiting and lockout, counted from the audit log (so every worker process and a
restart see the same count, and the count itself is audited).

- An **account name** (known or not — a lockout must not tell whether a user exists) is locked
  after ``ACCOUNT_FAILURES`` failed sign-ins within ``WINDOW`` since its last successful sign-in
  or password reset, until ``WINDOW`` has passed since the last failure. A 管理员 resetting the
  password unlocks at once.
- A **client address** is refused after ``CLIENT_FAILURES`` failures within ``WINDOW``, whatever
  names it tries (password spraying).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zhongben.store.models import AuditEntry, User

WINDOW = timedelta(minutes=15)
ACCOUNT_FAILURES = 5
CLIENT_FAILURES = 20
REFUSED = (f"登录失败次数过多，已暂停登录 {int(WINDOW.total_seconds() // 60)} 分钟，请稍后再试；"
           "如需立即恢复，请联系管理员重置密码。")


def login_refusal(session: Session, username: str, client: str | None,
                  now: datetime | None = None) -> str | None:
    """The Chinese message when this sign-in must be refused before the password is checked."""
    since = (now or datetime.now()) - WINDOW
    if _failures(session, since, AuditEntry.object_id == username[:64],
                 _last_unlock(session, username)) >= ACCOUNT_FAILURES:
        return REFUSED
    if client and _failures(session, since, AuditEntry.client == client, None) >= CLIENT_FAILURES:
        return REFUSED
    return None


def _failures(session: Session, since: datetime, where: object,
              unlocked_at: datetime | None) -> int:
    start = max(since, unlocked_at) if unlocked_at else since
    query = select(func.count()).select_from(AuditEntry).where(
        AuditEntry.action == "login_failed", AuditEntry.at > start, where)  # type: ignore[arg-type]
    return int(session.scalar(query) or 0)


def _last_unlock(session: Session, username: str) -> datetime | None:
    """The last successful sign-in or password reset of the user of that name, if any."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        return None
    query = select(func.max(AuditEntry.at)).where(
        AuditEntry.object_type == "user", AuditEntry.object_id == str(user.id),
        AuditEntry.action.in_(("login", "user.reset_password")))
    return session.scalar(query)
