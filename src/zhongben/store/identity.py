"""Identity review in the application database: the pairs a reviewer decides, their decisions
(stored, audited, read by every later resolution) and the leads resting on an unconfirmed link.

Pairs come from the workspace: the review band of the latest resolution (``entity_review``) and
the probabilistic links the published leads rest on (``leads.identity_links``). A pair keeps its
decision across publications; a pair the latest resolution no longer proposes is marked gone,
never deleted."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from zhongben.identity.decisions import ENTITY, Decision
from zhongben.store.audit import Actor, record
from zhongben.store.models import EntityDecision, EntityPair, Lead, LeadIdentity
from zhongben.store.security import WORKFLOW_ROLES

REVIEW_ROLES = WORKFLOW_ROLES | {"分析员"}
DECIDED = ("same", "different")


class IdentityError(ValueError):
    """A review request that cannot be carried out; the message is shown to the user."""



@dataclass
class IdentityRows:
    band: list[dict[str, Any]] = field(default_factory=list)
    links: dict[str, dict[str, Any]] = field(default_factory=dict)  # pair_key -> pair
    lead_pairs: list[tuple[str, str]] = field(default_factory=list)  # (lead_key, pair_key)


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else (value or {})


def read_identity(con: duckdb.DuckDBPyConnection) -> IdentityRows:
    """What the workspace proposes for review."""
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables")
              .fetchall()}
    out = IdentityRows()
    if "entity_review" in tables:
        names = ("pair_key", "record_key", "other_key", "other_kind", "probability", "weights",
                 "record", "other", "mentions")
        for row in con.execute(f"SELECT {', '.join(names)} FROM entity_review").fetchall():
            item = dict(zip(names, row, strict=True))
            out.band.append({**item, "weights": _json(item["weights"]),
                             "record": _json(item["record"]), "other": _json(item["other"])})
    columns = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                         "WHERE table_name = 'leads'").fetchall()}
    if "identity_links" in columns:
        _lead_links(con, out, "entity_links" in tables)
    return out


def _lead_links(con: duckdb.DuckDBPyConnection, out: IdentityRows, explained: bool) -> None:
    rows = con.execute("SELECT lead_key, subject_name, identity_links FROM leads WHERE status "
                       "= 'active' AND identity_links IS NOT NULL "
                       "AND CAST(identity_links AS VARCHAR) <> '[]'").fetchall()
    why: dict[str, tuple[Any, Any]] = {}
    if explained:
        why = {r[0]: (r[1], r[2]) for r in con.execute(
            "SELECT record_key, weights, record FROM entity_links WHERE tier = 'B'").fetchall()}
    for lead_key, name, identity in rows:
        for link in _json(identity):
            weights, record_row = why.get(link["record_key"], (None, None))
            out.links.setdefault(link["pair_key"], {
                "pair_key": link["pair_key"], "record_key": link["record_key"],
                "other_kind": ENTITY, "other_key": link["entity_id"],
                "probability": float(link.get("probability") or 0), "weights": _json(weights),
                "record": _json(record_row), "mentions": 0,
                "other": {"entity_id": link["entity_id"], "names": [name] if name else []}})
            out.lead_pairs.append((lead_key, link["pair_key"]))


def store_identity(session: Session, rows: IdentityRows) -> tuple[int, int]:
    """Upsert the proposed pairs and the leads' links; returns (band pairs, link pairs)."""
    now = datetime.now()
    proposed = {p["pair_key"]: ("band", p) for p in rows.band}
    proposed.update({k: ("link", p) for k, p in rows.links.items()})
    existing = {p.pair_key: p for p in session.scalars(select(EntityPair))}
    for key, (kind, item) in proposed.items():
        pair = existing.get(key)
        if pair is None:
            pair = EntityPair(pair_key=key, status="open")
            session.add(pair)
        elif pair.status == "gone":
            pair.status = "open"
        for name in ("record_key", "other_kind", "other_key", "probability", "weights",
                     "record", "other", "mentions"):
            setattr(pair, name, item[name])
        pair.kind, pair.published_at = kind, now
    for key, pair in existing.items():
        if key not in proposed and pair.status == "open":
            pair.status = "gone"
    published = set(session.scalars(select(Lead.lead_key)))
    session.execute(delete(LeadIdentity))
    wanted = {(lead, pair) for lead, pair in rows.lead_pairs if lead in published}
    session.add_all(LeadIdentity(lead_key=lead, pair_key=pair) for lead, pair in sorted(wanted))
    return len(rows.band), len(rows.links)


def publish_identity(sessions: sessionmaker[Session], workspace: Path) -> str:
    if not workspace.exists():
        return f"找不到工作区文件 {workspace}"
    try:
        with duckdb.connect(str(workspace), read_only=True) as con:
            rows = read_identity(con)
    except duckdb.IOException as exc:
        return f"工作区正被占用（{exc}），未发布身份复核配对"
    with sessions.begin() as session:
        band, links = store_identity(session, rows)
    return f"已发布身份复核配对：待复核 {band} 对，线索所依据的概率关联 {links} 对"


def read_decisions(sessions: sessionmaker[Session]) -> list[Decision]:
    """The latest decision on every pair, as resolution reads them."""
    with sessions() as session:
        latest = select(func.max(EntityDecision.id)).group_by(EntityDecision.pair_key)
        rows = session.scalars(select(EntityDecision).where(EntityDecision.id.in_(latest)))
        return [Decision(d.record_key, d.other_kind, d.other_key, d.same) for d in rows]


def decide_pair(session: Session, actor: Actor, pair_key: str, same: bool,
                note: str = "") -> EntityPair:
    """Record a reviewer's 是同一人 / 不是同一人 (audited in the same transaction)."""
    if actor.role not in REVIEW_ROLES:
        raise IdentityError(f"角色“{actor.role}”不能复核身份关联")
    pair = session.get(EntityPair, pair_key)
    if pair is None:
        raise IdentityError("该配对不存在或已不在复核范围内")
    session.add(EntityDecision(pair_key=pair_key, record_key=pair.record_key,
                               other_kind=pair.other_kind, other_key=pair.other_key, same=same,
                               user_id=actor.user_id, at=datetime.now(), note=note or None))
    pair.status = "same" if same else "different"
    record(session, actor, "entity.decide", "entity_pair", pair_key,
           decision="是同一人" if same else "不是同一人", record_key=pair.record_key,
           other=pair.other_key, probability=pair.probability, note=note)
    return pair


def pending_links(session: Session, lead_keys: list[str]) -> list[EntityPair]:
    """The links these leads rest on that no reviewer has confirmed (身份待确认)."""
    if not lead_keys:
        return []
    keys = select(LeadIdentity.pair_key).where(LeadIdentity.lead_key.in_(lead_keys))
    query = (select(EntityPair).where(EntityPair.pair_key.in_(keys), EntityPair.status != "same")
             .order_by(EntityPair.pair_key))
    return list(session.scalars(query))


def identity_hold(session: Session, lead_keys: list[str]) -> str | None:
    """Why these leads cannot become a case yet (a probabilistic identity link no reviewer has
    confirmed: 身份待确认), or None."""
    if pending_links(session, lead_keys):
        return ("线索所依据的身份关联尚待确认（身份待确认）：请先在“身份复核”中确认是同一人后"
                "再成案")
    return None


def review_pairs(session: Session, kind: str | None, status: str, limit: int,
                 offset: int = 0) -> tuple[list[EntityPair], int]:
    query = select(EntityPair).where(EntityPair.status == status)
    if kind:
        query = query.where(EntityPair.kind == kind)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(EntityPair.kind.desc(), EntityPair.probability.desc(),
                                          EntityPair.pair_key).limit(limit).offset(offset))
    return list(rows), int(total)
