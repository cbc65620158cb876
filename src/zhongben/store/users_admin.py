"""User management for the 管理员 role: create users, disable and enable them, set their role and
procuratorate (jurisdiction), reset a password (the user must change it at the next sign-in),
and a user changing their own password. Every change is audited; nothing here answers outside
the administrator's jurisdiction."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhongben.store.accounts import AccountError, add_user
from zhongben.store.audit import Actor, record
from zhongben.store.common_passwords import is_common
from zhongben.store.models import Org, User
from zhongben.store.security import ADMIN_ROLES, ROLES, hash_password, verify_password

MIN_PASSWORD = 10


class UserError(ValueError):
    """A user-management request that cannot be carried out (message in Chinese)."""


def require_admin(actor: Actor) -> None:
    if actor.role not in ADMIN_ROLES:
        raise UserError("仅管理员可以管理用户")


def check_password(password: str, username: str = "") -> None:
    if len(password) < MIN_PASSWORD:
        raise UserError(f"密码至少 {MIN_PASSWORD} 位")
    if password.isdigit() or password.isalpha():
        raise UserError("密码须同时包含字母和数字或符号")
    if username and username.casefold() in password.casefold():
        raise UserError("密码不能包含用户名")
    if is_common(password):
        raise UserError("该密码过于常见，容易被猜中，请换一个")


def _org(session: Session, org_id: int, org_ids: list[int]) -> Org:
    org = session.get(Org, org_id)
    if org is None or org.id not in org_ids:
        raise UserError("所选院不在您的管辖范围内")
    return org


def managed(session: Session, org_ids: list[int]) -> list[User]:
    return list(session.scalars(select(User).where(User.org_id.in_(org_ids)).order_by(User.id)))


def create(session: Session, actor: Actor, org_ids: list[int], username: str,
           display_name: str, role: str, org_id: int, password: str) -> User:
    require_admin(actor)
    check_password(password, username.strip())
    if not username.strip() or not username.isascii() or " " in username.strip():
        raise UserError("用户名须为字母、数字或符号，不含空格")
    try:
        user = add_user(session, username.strip(), password, role,
                        _org(session, org_id, org_ids), display_name.strip() or None)
    except AccountError as exc:
        raise UserError(str(exc)) from exc
    user.must_change_password = True
    record(session, actor, "user.create", "user", str(user.id), username=user.username,
           role=role, org=user.org_id)
    return user


def update(session: Session, actor: Actor, org_ids: list[int], user: User, role: str,
           org_id: int, active: bool, display_name: str) -> list[str]:
    """Set role, procuratorate, active and name; returns what changed (Chinese)."""
    require_admin(actor)
    if role not in ROLES:
        raise UserError(f"未知角色“{role}”，可选：{'、'.join(ROLES)}")
    if user.id == actor.user_id and (not active or role not in ADMIN_ROLES):
        raise UserError("不能停用自己或取消自己的管理员角色")
    org = _org(session, org_id, org_ids)
    changes = []
    if role != user.role:
        changes.append(f"角色 {user.role} → {role}")
        user.role = role
    if org.id != user.org_id:
        changes.append(f"所属院 → {org.name}")
        user.org_id = org.id
    if active != user.active:
        changes.append("启用" if active else "停用")
        user.active = active
        user.session_version += 1
    if display_name.strip() and display_name.strip() != user.display_name:
        changes.append(f"姓名 → {display_name.strip()}")
        user.display_name = display_name.strip()
    if changes:
        record(session, actor, "user.update", "user", str(user.id), username=user.username,
               changes=changes)
    return changes


def reset_password(session: Session, actor: Actor, user: User, password: str) -> None:
    require_admin(actor)
    check_password(password, user.username)
    user.password_hash = hash_password(password)
    user.must_change_password = True
    user.session_version += 1
    record(session, actor, "user.reset_password", "user", str(user.id), username=user.username)


def change_password(session: Session, actor: Actor, user: User, current: str, new: str,
                    again: str) -> None:
    if not verify_password(user.password_hash, current):
        raise UserError("当前密码不正确")
    if new != again:
        raise UserError("两次输入的新密码不一致")
    if new == current:
        raise UserError("新密码不能与当前密码相同")
    check_password(new, user.username)
    user.password_hash = hash_password(new)
    user.session_version += 1
    user.must_change_password = False
    record(session, actor, "user.change_password", "user", str(user.id))
