"""The address of a debtor's page, ``/debtors/{ref}``, and which debtors a viewer may open.

An entity id is often the ID number itself, which a role that sees numbers masked must not read —
not even in an address bar, a link or the audit log. ``ref`` is the entity id enciphered under a
key derived from the app's secret (deterministic authenticated encryption, SIV-style: the tag is
an HMAC of the id and seeds the HMAC key stream), so one debtor always has one address, nothing
can be read from it, and a changed or guessed address decodes to nothing (404)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

from fastapi import Request
from sqlalchemy.orm import Session

from zhongben.graph.relations import RelationGraph
from zhongben.store.debtors import visible_debtors

TAG = 12
REF = re.compile(r"[A-Za-z0-9_-]{20,120}")


def ref_key(secret: str) -> bytes:
    return hashlib.sha256(b"zhongben debtor ref\0" + secret.encode()).digest()


def _mac(key: bytes, label: bytes, data: bytes) -> bytes:
    return hmac.new(key, label + data, hashlib.sha256).digest()


def _xor(key: bytes, tag: bytes, data: bytes) -> bytes:
    stream = b"".join(_mac(key, b"s", tag + bytes([i])) for i in range(len(data) // 32 + 1))
    return bytes(a ^ b for a, b in zip(data, stream, strict=False))


def ref_of(key: bytes, entity: str) -> str:
    plain = entity.encode()
    tag = _mac(key, b"t", plain)[:TAG]
    return base64.urlsafe_b64encode(tag + _xor(key, tag, plain)).rstrip(b"=").decode()


def entity_of(key: bytes, ref: str) -> str | None:
    """The entity a reference names, or None for anything this app did not make."""
    if not REF.fullmatch(ref) or len(ref) % 4 == 1:  # no base64 text is 1 past a multiple of 4
        return None
    raw = base64.urlsafe_b64decode(ref + "=" * (-len(ref) % 4))
    tag, plain = raw[:TAG], _xor(key, raw[:TAG], raw[TAG:])
    if len(raw) <= TAG or not hmac.compare_digest(tag, _mac(key, b"t", plain)[:TAG]):
        return None
    try:
        return plain.decode()
    except UnicodeDecodeError:
        return None


def is_debtor(entity: str | None) -> bool:
    """An entity a page can be about: a judge's name (a XJ-04 lead's subject) is not one."""
    return bool(entity) and len(entity or "") > 6


def debtor_href(request: Request, entity: str | None) -> str | None:
    if not entity or not is_debtor(entity):
        return None
    return f"/debtors/{ref_of(request.app.state.ref_key, entity)}"


def debtor_links(request: Request, session: Session, org_ids: list[int],
                 graph: RelationGraph) -> dict[str, str]:
    """The graph's entities with a debtor page this viewer may open: entity → address."""
    entities = {graph.subject} | {n for e in graph.edges for n in (e.source, e.target)}
    shown = visible_debtors(session, org_ids, {e for e in entities if is_debtor(e)})
    return {e: f"/debtors/{ref_of(request.app.state.ref_key, e)}" for e in sorted(shown)}
