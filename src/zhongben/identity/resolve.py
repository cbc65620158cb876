"""One resolution run over a workspace: gather the mentions without a usable ID, link what Tier A
can, group the rest into records, link records by Tier B (Splink) with the reviewers' decisions
binding, and write everything back in one transaction.

Stable ids: a valid ID names its own entity (or the newer ID it changed to); a record Tier B links
to an entity takes that entity's id; the others keep the opaque id derived from what they say,
so a new load links to the entities already there and renumbers nothing."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from zhongben.identity.backend import Backend
from zhongben.identity.decisions import Decision
from zhongben.identity.mentions import UNRESOLVED, gather_unresolved, mention_count
from zhongben.identity.records import RECORD_OF, RECORDS, group_records
from zhongben.identity.review import TIER_B
from zhongben.identity.store import ASSIGNED, ensure_tables, start_run, write_result
from zhongben.identity.tier_a import TIER_A, resolve_tier_a

Progress = Callable[[str], None]


@dataclass
class ResolveReport:
    run_id: int = 0
    mentions: int = 0
    unresolved: int = 0  # mentions without a usable ID
    merged_ids: int = 0  # valid IDs that an ID change joins to a newer one
    tier_a_links: int = 0  # unresolved mentions linked by a registry mapping
    same_document: int = 0
    records: int = 0  # distinct records among the rest
    tier_b_links: int = 0  # records linked by Splink (auto-links)
    reviewed_links: int = 0  # records linked by a reviewer's 是同一人
    review_band: int = 0  # uncertain pairs waiting for a reviewer
    unlinked: int = 0  # records left as entities of their own
    entities: int = 0
    aliases: int = 0
    conflicts: list[str] = field(default_factory=list)
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    def figures(self) -> dict[str, Any]:
        return asdict(self)


def resolve(
    backend: Backend,
    decisions: Sequence[Decision] = (),
    probabilistic: bool = True,
    progress: Progress | None = None,
) -> ResolveReport:
    """Resolve every mention of the workspace; the figures of the run."""
    started = time.perf_counter()
    report = ResolveReport()
    say = progress or (lambda _text: None)
    ensure_tables(backend)
    report.run_id = start_run(backend)
    stamp = _stopwatch(report)
    report.mentions = mention_count(backend)
    report.unresolved = gather_unresolved(backend)
    stamp("gather")
    say("确定性关联（证件号码与登记对应关系）")
    tier_a = resolve_tier_a(backend)
    report.merged_ids, report.tier_a_links = tier_a.merged_ids, tier_a.linked
    report.same_document, report.conflicts = tier_a.same_document, tier_a.conflicts
    group_records(backend)
    stamp("tier_a")
    if probabilistic:
        say("概率关联（姓名、号码片段、电话、地址）")
        from zhongben.identity.tier_b import link_records

        outcome = link_records(backend, decisions, report.run_id)
        report.tier_b_links, report.reviewed_links = outcome.auto_links, outcome.reviewed
        report.review_band, report.records = outcome.band, outcome.records
    else:
        from zhongben.identity.cluster import Links
        from zhongben.identity.review import write_links

        write_links(backend, Links(), report.run_id, decisions)
    stamp("tier_b")
    _assign(backend)
    report.unlinked = int(backend.rows(
        f"SELECT count(DISTINCT record_key) FROM {ASSIGNED} WHERE tier = 'U'")[0][0])
    say("写入实体编号")
    with backend.transaction():
        report.aliases = write_result(backend, report.run_id)
        report.entities = _count_entities(backend)
        report.seconds = round(time.perf_counter() - started, 3)
        _finish_run(backend, report)
    stamp("write")
    return report


def _stopwatch(report: ResolveReport) -> Callable[[str], None]:
    last = [time.perf_counter()]

    def stamp(step: str) -> None:
        now = time.perf_counter()
        report.timings[step] = round(now - last[0], 3)
        last[0] = now

    return stamp


def _assign(backend: Backend) -> None:
    """Every unresolved mention's entity: Tier A's, else its record's link, else the record's
    own opaque id (tier U)."""
    backend.execute(
        f"""CREATE OR REPLACE TEMP TABLE {ASSIGNED} AS
        SELECT u.tbl, u.col, u.file_hash, u.sheet, u."row", u.file, u.batch, r.record_key,
               coalesce(a.entity, b.entity_id,
                        'E-' || upper(substr(sha256('R:' || r.record_key), 1, 16))) AS entity_id,
               CASE WHEN a.entity IS NOT NULL THEN 'A' WHEN b.entity_id IS NOT NULL THEN b.tier
                    ELSE 'U' END AS tier,
               CASE WHEN a.entity IS NOT NULL THEN 1.0 ELSE b.probability END AS probability,
               coalesce(a.how, CASE WHEN b.entity_id IS NOT NULL THEN 'splink' END) AS how
        FROM {UNRESOLVED} AS u
        JOIN {RECORD_OF} AS r ON r.tbl = u.tbl AND r.col = u.col AND r.file_hash = u.file_hash
          AND r.sheet IS NOT DISTINCT FROM u.sheet AND r."row" = u."row"
        LEFT JOIN {TIER_A} AS a ON a.tbl = u.tbl AND a.col = u.col AND a.file_hash = u.file_hash
          AND a.sheet IS NOT DISTINCT FROM u.sheet AND a."row" = u."row"
        LEFT JOIN {TIER_B} AS b ON b.record_key = r.record_key"""
    )


def _count_entities(backend: Backend) -> int:
    from zhongben.identity.sources import SOURCES

    union = " UNION ".join(
        f'SELECT "{s.entity}" AS e FROM "{s.table}" WHERE "{s.entity}" IS NOT NULL'
        for s in SOURCES
    )
    return int(backend.rows(f"SELECT count(*) FROM ({union})")[0][0])


def _finish_run(backend: Backend, report: ResolveReport) -> None:
    (last_batch,) = backend.rows(
        "SELECT coalesce(max(batch), 0) FROM _batches" if "_batches" in backend.tables()
        else "SELECT 0")[0]
    backend.execute(
        "INSERT INTO entity_runs VALUES (?, now() - to_seconds(CAST(? AS DOUBLE)), now(), ?, ?)",
        [report.run_id, report.seconds, int(last_batch), json.dumps(report.figures(),
                                                                     ensure_ascii=False)],
    )


__all__ = ["RECORDS", "ResolveReport", "resolve"]
