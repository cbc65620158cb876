"""Passwords (argon2), roles and what each role may do or see."""

from __future__ import annotations

import threading

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

ROLES = ("检察官", "检察官助理", "部门负责人", "分析员", "管理员", "检察长", "模型管理员")
# Roles that see full ID numbers and phones; the others see them masked.
UNMASKED_ROLES = frozenset({"检察官", "部门负责人", "检察长"})
# Roles that may change a case's state or a lead's status.
WORKFLOW_ROLES = frozenset({"检察官", "检察官助理", "部门负责人", "检察长"})
# Roles that decide (成案/不成案, 结案, approve, issue): not an assistant
# (zhongben.workflow.permissions).
DECIDING_ROLES = frozenset({"检察官", "部门负责人", "检察长"})
# Roles that may assign leads to others, transfer leads and suppress them.
LEAD_ADMIN_ROLES = frozenset({"部门负责人", "分析员", "检察官"})
ADMIN_ROLES = frozenset({"管理员"})
# Roles that build rules without code and save them into the local library (web/builder_page.py).
BUILDER_ROLES = frozenset({"模型管理员"})
# Roles that see numbers masked but may reveal one lead's or case's for a while, giving a reason
# (recorded in the audit log); the others (管理员, and any role not listed) never see them.
REVEAL_ROLES = frozenset({"检察官助理", "分析员"})
REVEAL_MINUTES = 15


def may_reveal(role: str) -> bool:
    return role in REVEAL_ROLES

_hasher = PasswordHasher()
# Each argon2 check takes ~64 MiB and tens of ms of CPU: bound how many run at once.
_checks = threading.BoundedSemaphore(4)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        with _checks:
            return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def mask_id(value: str | None) -> str | None:
    """身份证号 / document number: keep the first 6 and last 4 characters."""
    if not value or len(value) <= 10:
        return value and "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_phone(value: str | None) -> str | None:
    if not value or len(value) < 7:
        return value and "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]
