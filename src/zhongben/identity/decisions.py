"""A reviewer's decision on a pair — 是同一人 / 不是同一人 — as resolution reads it.

The decisions are stored (and audited) in the application database by the web app; every later
resolution run reads them and they bind: a pair decided the same is linked whatever the model
says, a pair decided different is never linked. A pair is a record (unresolved mentions that say
the same) and either an entity or another record."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

ENTITY = "entity"
RECORD = "record"


def pair_key(record_key: str, other_kind: str, other_key: str) -> str:
    return hashlib.sha1(f"{record_key}|{other_kind}|{other_key}".encode()).hexdigest()


@dataclass(frozen=True)
class Decision:
    record_key: str
    other_kind: str  # ENTITY or RECORD
    other_key: str  # the entity id, or the other record's key
    same: bool

    @property
    def pair_key(self) -> str:
        return pair_key(self.record_key, self.other_kind, self.other_key)
