"""Organisations (procuratorates and their jurisdictions) and users."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhongben.store.models import Org, User
from zhongben.store.security import ROLES, hash_password, verify_password


class AccountError(ValueError):
    """A user or organisation request that cannot be carried out (message in Chinese)."""


def add_org(session: Session, code: str, name: str, level: str, courts: Iterable[str] = (),
            parent: Org | None = None) -> Org:
    org = Org(code=code, name=name, level=level, courts=list(courts),
              parent_id=parent.id if parent else None)
    session.add(org)
    session.flush()
    return org


def add_user(session: Session, username: str, password: str, role: str, org: Org,
             display_name: str | None = None) -> User:
    if role not in ROLES:
        raise AccountError(f"未知角色“{role}”，可选：{'、'.join(ROLES)}")
    if session.scalar(select(User).where(User.username == username)):
        raise AccountError(f"用户名“{username}”已存在")
    user = User(username=username, display_name=display_name or username, role=role,
                password_hash=hash_password(password), org_id=org.id, active=True)
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    user = session.scalar(select(User).where(User.username == username, User.active.is_(True)))
    if user is None:
        verify_password(_dummy_hash(), password)  # the same time as for a real account
        return None
    return user if verify_password(user.password_hash, password) else None


@cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


def visible_org_ids(session: Session, org_id: int) -> list[int]:
    """The org and every org below it: a city office sees its counties' leads."""
    children: dict[int | None, list[int]] = {}
    for oid, parent in session.execute(select(Org.id, Org.parent_id)):
        children.setdefault(parent, []).append(oid)
    seen, todo = [], [org_id]
    while todo:
        current = todo.pop()
        seen.append(current)
        todo.extend(children.get(current, []))
    return seen


def court_owners(session: Session) -> dict[str, int]:
    """Court name → the lowest-level org supervising it (a county beats its city)."""
    owners: dict[str, int] = {}
    orgs = session.scalars(select(Org)).all()
    depth = {o.id: _depth(o, {x.id: x for x in orgs}) for o in orgs}
    for org in sorted(orgs, key=lambda o: depth[o.id]):
        for court in org.courts or []:
            owners[court] = org.id
    return owners


def _depth(org: Org, by_id: dict[int, Org]) -> int:
    level = 0
    while org.parent_id is not None:
        org, level = by_id[org.parent_id], level + 1
    return level


def root_org_id(session: Session) -> int | None:
    return session.scalar(select(Org.id).where(Org.parent_id.is_(None)).order_by(Org.id))


def list_orgs(session: Session) -> list[Org]:
    return list(session.scalars(select(Org).order_by(Org.id)))


def users_of(session: Session, org_ids: list[int]) -> list[User]:
    query = select(User).where(User.org_id.in_(org_ids), User.active.is_(True))
    return list(session.scalars(query.order_by(User.id)))
