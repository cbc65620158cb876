"""A run's links and review band as tables: ``_zb_tier_b`` (what each record becomes), the links
with their explanation (tier, probability, match weight per comparison) and the uncertain pairs
with both sides as a reviewer sees them. ``store.write_result`` makes them the workspace's
``entity_links`` and ``entity_review`` in the run's transaction.

Links are kept from run to run: a record an earlier run linked (tier B, or R by a reviewer)
keeps its entity unless a reviewer has since said 不是同一人; records that are one another keep
the opaque id one of them had."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

import pyarrow as pa

from zhongben.identity.cluster import Links, Pair
from zhongben.identity.decisions import ENTITY, Decision, pair_key
from zhongben.identity.records import RECORDS
from zhongben.identity.tier_a import opaque_id

TIER_B = "_zb_tier_b"
RUN_LINKS = "_zb_run_links"
RUN_BAND = "_zb_run_band"
RECORD_FIELDS = ("name", "raw", "phone", "address", "doc_no", "tbl", "col", "file", "row",
                 "mentions")


def _strings(values: list[Any]) -> pa.Array:
    return pa.array([None if v is None else str(v) for v in values], pa.string())


def _previous(backend: Any) -> tuple[dict[str, tuple[str, str, float]], dict[str, str]]:
    """Earlier links (record → entity, tier, probability) and earlier opaque ids."""
    if "entity_mentions" not in backend.tables():
        return {}, {}
    rows = backend.rows(
        "SELECT m.record_key, coalesce(a.entity_id, m.entity_id), m.tier, "
        "max(m.probability) FROM entity_mentions AS m LEFT JOIN entity_aliases AS a "
        "ON a.retired_id = m.entity_id WHERE m.record_key IS NOT NULL "
        "GROUP BY m.record_key, coalesce(a.entity_id, m.entity_id), m.tier")
    links = {r[0]: (r[1], r[2], float(r[3] or 0)) for r in rows if r[2] in ("B", "R")}
    opaque = {r[0]: r[1] for r in rows if r[2] == "U" or (r[2] == "B" and r[1].startswith("E-"))}
    return links, opaque


def _group_ids(groups: list[set[str]], opaque: dict[str, str]) -> dict[str, str]:
    """Each group's id: the opaque id most of its records had, else one from its first record."""
    out = {}
    for group in groups:
        had = Counter(opaque[r] for r in group if r in opaque)
        name = had.most_common(1)[0][0] if had else opaque_id("R:" + min(group))
        out.update({r: name for r in group})
    return out


def write_links(backend: Any, links: Links, run_id: int,
                decisions: Sequence[Decision] = ()) -> None:
    previous, opaque = _previous(backend)
    different = {(d.record_key, d.other_key) for d in decisions if not d.same}
    chosen: dict[str, tuple[str, str, float, dict[str, Any]]] = {}
    for record, (entity, tier, probability) in previous.items():
        if (record, entity) not in different:
            chosen[record] = (entity, tier, probability, {"沿用": "此前运行已关联"})
    chosen.update(links.linked)
    for record, entity in _group_ids(links.groups, opaque).items():
        chosen.setdefault(record, (entity, "B", 0.0, {"关联": "与其他无证件号记录为同一人"}))
    keys = sorted(chosen)
    backend.put(TIER_B, pa.table({
        "record_key": _strings(keys),
        "entity_id": _strings([chosen[k][0] for k in keys]),
        "tier": _strings([chosen[k][1] for k in keys]),
        "probability": pa.array([chosen[k][2] for k in keys], pa.float64()),
    }))
    backend.put(RUN_LINKS, pa.table({
        "record_key": _strings(keys),
        "entity_id": _strings([chosen[k][0] for k in keys]),
        "tier": _strings([chosen[k][1] for k in keys]),
        "probability": pa.array([chosen[k][2] for k in keys], pa.float64()),
        "weights": _strings([json.dumps(chosen[k][3], ensure_ascii=False) for k in keys]),
        "run_id": pa.array([run_id] * len(keys), pa.int32()),
    }))
    _band(backend, links.band, run_id)


def _band(backend: Any, band: list[Pair], run_id: int) -> None:
    unique = {pair_key(p.record, p.other_kind, p.other): p for p in band}
    records = _describe_records(backend, {p.record for p in unique.values()} |
                                {p.other for p in unique.values() if p.other_kind != ENTITY})
    entities = _describe_entities(backend, {p.other for p in unique.values()
                                            if p.other_kind == ENTITY})
    keys = sorted(unique)
    pairs = [unique[k] for k in keys]
    side = [entities.get(p.other, {}) if p.other_kind == ENTITY else records.get(p.other, {})
            for p in pairs]
    backend.put(RUN_BAND, pa.table({
        "pair_key": _strings(keys),
        "record_key": _strings([p.record for p in pairs]),
        "other_key": _strings([p.other for p in pairs]),
        "other_kind": _strings([p.other_kind for p in pairs]),
        "probability": pa.array([p.probability for p in pairs], pa.float64()),
        "weights": _strings([json.dumps(p.weights, ensure_ascii=False) for p in pairs]),
        "record": _strings([json.dumps(records.get(p.record, {}), ensure_ascii=False,
                                       default=str) for p in pairs]),
        "other": _strings([json.dumps(s, ensure_ascii=False, default=str) for s in side]),
        "mentions": pa.array([int(records.get(p.record, {}).get("mentions") or 0)
                              for p in pairs], pa.int32()),
        "run_id": pa.array([run_id] * len(pairs), pa.int32()),
    }))


def _describe_records(backend: Any, keys: set[str]) -> dict[str, dict[str, Any]]:
    if not keys:
        return {}
    backend.put("_zb_wanted", pa.table({"k": _strings(sorted(keys))}))
    fields = ", ".join(f'"{f}"' for f in RECORD_FIELDS)
    rows = backend.rows(f"SELECT record_key, {fields} FROM {RECORDS} "
                        "WHERE record_key IN (SELECT k FROM _zb_wanted)")
    return {r[0]: dict(zip(RECORD_FIELDS, r[1:], strict=True)) for r in rows}


def _describe_entities(backend: Any, ids: set[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    backend.put("_zb_wanted", pa.table({"k": _strings(sorted(ids))}))
    rows = backend.rows(
        "SELECT entity, list(DISTINCT id ORDER BY id), list(DISTINCT name ORDER BY name) "
        "FILTER (WHERE name IS NOT NULL), min(phones), min(addresses) "
        "FROM _zb_profile_rows WHERE entity IN (SELECT k FROM _zb_wanted) GROUP BY entity")
    return {r[0]: {"entity_id": r[0], "ids": r[1], "names": r[2], "phones": r[3],
                   "addresses": r[4]} for r in rows}
