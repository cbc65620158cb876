"""From scored pairs to links: hard rules first, then the reviewers, then the model.

- A masked or partial number that is incompatible with the other side's never links (whatever
  the names say); two profiles are never compared at all (model.NOT_TWO_PROFILES).
- A reviewer's 是同一人 links the pair (tier R), 不是同一人 removes it; both bind every later run.
- A record links to an entity (tier B) when its best pair has probability ≥ ``AUTO`` and no other
  entity comes within the review band; a pair in [``REVIEW``, ``AUTO``), or two entities both
  likely, goes to the review band and links nothing until a reviewer decides.
- Records linked to no entity and sure to be one another (≥ ``AUTO``) are one entity."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from zhongben.identity.decisions import ENTITY, RECORD, Decision
from zhongben.identity.features import compatible

AUTO = 0.995
REVIEW = 0.5


@dataclass(frozen=True)
class Pair:
    record: str  # record key
    other_kind: str  # ENTITY or RECORD
    other: str  # entity id or record key
    probability: float
    weights: dict[str, Any]
    compatible: bool = True


@dataclass
class Links:
    linked: dict[str, tuple[str, str, float, dict[str, Any]]] = field(default_factory=dict)
    # record -> (entity, tier, probability, weights)
    band: list[Pair] = field(default_factory=list)
    groups: list[set[str]] = field(default_factory=list)  # unlinked records that are one


def make_pair(left: tuple[int, str, str | None], right: tuple[int, str, str | None],
              probability: float, weights: dict[str, Any]) -> Pair | None:
    """(is_profile, key, pattern) of each side; the record first."""
    if left[0] and right[0]:
        return None
    record, other = (right, left) if left[0] else (left, right)
    kind = ENTITY if other[0] else RECORD
    if kind == RECORD and other[1] < record[1]:
        record, other = other, record
    if kind == RECORD and other[1] == record[1]:
        return None
    ok = compatible(record[2], other[2])
    return Pair(record[1], kind, other[1], probability, weights, ok)


def decide(pairs: list[Pair], decisions: list[Decision]) -> Links:
    bound = {(d.record_key, d.other_kind, d.other_key): d.same for d in decisions}
    best: dict[tuple[str, str, str], Pair] = {}
    for pair in pairs:
        key = (pair.record, pair.other_kind, pair.other)
        if pair.compatible and bound.get(key) is not False and (
                key not in best or pair.probability > best[key].probability):
            best[key] = pair
    links = Links()
    for d in decisions:
        if d.same and d.other_kind == ENTITY:
            links.linked[d.record_key] = (d.other_key, "R", 1.0, {"复核": "是同一人"})
    by_record: dict[str, list[Pair]] = defaultdict(list)
    for pair in best.values():
        if pair.other_kind == ENTITY and pair.record not in links.linked:
            by_record[pair.record].append(pair)
    for record, options in by_record.items():
        options.sort(key=lambda p: (-p.probability, p.other))
        top = options[0]
        rival = options[1].probability if len(options) > 1 else 0.0
        if top.probability >= AUTO and rival < REVIEW:
            links.linked[record] = (top.other, "B", top.probability, top.weights)
        else:
            links.band.extend(p for p in options[:2] if p.probability >= REVIEW)
    _group_records(links, best, decisions)
    return links


def _group_records(links: Links, best: dict[tuple[str, str, str], Pair],
                   decisions: list[Decision]) -> None:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    sure = [(d.record_key, d.other_key) for d in decisions if d.same and d.other_kind == RECORD]
    for pair in best.values():
        if pair.other_kind != RECORD:
            continue
        if pair.record in links.linked or pair.other in links.linked:
            continue
        if pair.probability >= AUTO:
            sure.append((pair.record, pair.other))
        elif pair.probability >= REVIEW:
            links.band.append(pair)
    for a, b in sure:
        if a not in links.linked and b not in links.linked:
            parent[find(a)] = find(b)
    groups: dict[str, set[str]] = defaultdict(set)
    for x in parent:
        groups[find(x)].add(x)
    links.groups = [g for g in groups.values() if len(g) > 1]
