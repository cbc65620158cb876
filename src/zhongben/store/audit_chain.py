"""The audit log as a hash chain: each entry carries the hash of the one before it.

``record`` (``zhongben.store.audit``) does not write an entry straight away: it keeps it on the
session, and just before the session commits, ``seal`` takes the chain's head row (an UPDATE, which
holds the row lock on PostgreSQL and the write lock on SQLite until the commit), numbers the new
entries after the head (``seq``), chains their hashes and moves the head. Concurrent writers thus
queue for the few milliseconds of their commit only, and the chain never forks (``seq`` is
unique as well). An entry rolled back with its change is never written.

An entry's hash is SHA-256 over a canonical JSON of its number, the previous hash and every
column a reader sees (time, user, action, object, detail, client): editing any of them, deleting
an entry or inserting one breaks the chain at that point (``zhongben.store.audit_verify``).
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy import event, update
from sqlalchemy.orm import Session

from zhongben.store.models import AuditEntry, AuditHead

GENESIS = "0" * 64
HASH_VERSION = 1
PENDING = "zb_audit_pending"


def entry_hash(prev_hash: str, seq: int, at: datetime, user_id: int | None,
               username: str | None, action: str, object_type: str, object_id: str | None,
               detail: dict[str, Any] | None, client: str | None) -> str:
    payload = [HASH_VERSION, seq, prev_hash, at.isoformat(timespec="microseconds"), user_id,
               username, action, object_type, object_id, detail or {}, client]
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def hash_of(entry: AuditEntry, prev_hash: str, seq: int) -> str:
    return entry_hash(prev_hash, seq, entry.at, entry.user_id, entry.username, entry.action,
                      entry.object_type, entry.object_id, entry.detail, entry.client)


def add_pending(session: Session, entry: AuditEntry) -> None:
    if not session.in_transaction():  # so that a rollback before any query drops the entry too
        session.begin()
    session.info.setdefault(PENDING, []).append(entry)


def _lock_head(session: Session) -> tuple[int, str]:
    """Take the head row (created at migration) for the rest of the transaction; its state.
    One statement (UPDATE … RETURNING): every round trip made while the row is held is one more
    wait — for the database and, in a busy worker, for the GIL — of every writer queued behind."""
    row = session.execute(update(AuditHead).where(AuditHead.id == 1).values(seq=AuditHead.seq)
                          .returning(AuditHead.seq, AuditHead.entry_hash)).one()
    return int(row.seq), str(row.entry_hash)


def seal(session: Session) -> None:
    """Chain the session's pending entries after the head and add them (before its commit)."""
    pending: list[AuditEntry] = session.info.pop(PENDING, [])
    if not pending:
        return
    seq, head = _lock_head(session)
    for entry in pending:
        seq += 1
        entry.seq, entry.prev_hash = seq, head
        entry.entry_hash = head = hash_of(entry, entry.prev_hash, seq)
    session.add_all(pending)
    session.execute(update(AuditHead).where(AuditHead.id == 1)
                    .values(seq=seq, entry_hash=head))


def _forget(session: Session, *_: object) -> None:
    session.info.pop(PENDING, None)


event.listen(Session, "before_commit", seal)
event.listen(Session, "after_soft_rollback", _forget)
