"""The funnel the seeds report — leads → 成案 → 检察建议 → 采纳 → 恢复执行 → 执行款到位 — by model
(family), court and month. By month, each stage is counted in the month of its own event (a lead
when first found, 成案 on its decision date, 检察建议 when sent, 采纳 when the court replied, the
outcomes when the case closed), not in the month the review opened."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zhongben.store.models import Lead, Matter

# 纠正 = closed as 纠正 or 部分纠正 (the recheck after the reply found the problem gone or less)
STAGES = ("线索", "成案", "检察建议", "采纳", "纠正", "恢复执行", "执行款到位")
CORRECTED = frozenset({"纠正", "部分纠正"})
DIMENSIONS = {"family": "模型", "court": "法院", "month": "月份"}


@dataclass
class FunnelRow:
    key: str
    counts: list[int] = field(default_factory=lambda: [0] * len(STAGES))
    amount: Decimal = Decimal(0)


def funnel(session: Session, org_ids: list[int], dimension: str) -> list[FunnelRow]:
    rows: dict[str, FunnelRow] = defaultdict(lambda: FunnelRow(""))
    for key, count in _lead_counts(session, org_ids, dimension):
        rows[key or "（未知）"].counts[0] += count
    families = dict(session.execute(select(Lead.rule_id, Lead.family)
                                    .where(Lead.org_id.in_(org_ids)).distinct()).all())
    for matter in session.scalars(select(Matter).where(Matter.org_id.in_(org_ids))):
        if dimension == "month":
            _count_by_month(rows, matter)
            continue
        key = _matter_key(matter, dimension, families) or "（未知）"
        _count_matter(rows[key], matter)
    for key, row in rows.items():
        row.key = key
    if dimension == "month":
        return sorted(rows.values(), key=lambda r: r.key)
    return sorted(rows.values(), key=lambda r: (-r.counts[0], r.key))


def _lead_counts(session: Session, org_ids: list[int],
                 dimension: str) -> list[tuple[str | None, int]]:
    if dimension == "month":
        found = func.coalesce(func.date(Lead.first_seen_at), Lead.as_of)
        pairs = session.execute(select(found, func.count()).where(Lead.org_id.in_(org_ids))
                                .group_by(found)).all()
        months: dict[str | None, int] = defaultdict(int)
        for day, count in pairs:
            months[str(day)[:7] if day else None] += count
        return list(months.items())
    column = Lead.family if dimension == "family" else Lead.court
    query = select(column, func.count()).where(Lead.org_id.in_(org_ids)).group_by(column)
    return [(k, n) for k, n in session.execute(query).all()]


def _matter_key(matter: Matter, dimension: str, families: dict[str, str]) -> str | None:
    if dimension == "family":
        return families.get(matter.rule_id)
    if dimension == "court":
        return matter.court
    return matter.opened_on.strftime("%Y-%m")


def _stage_dates(matter: Matter) -> tuple[date | None, ...]:
    """When each stage after 线索 was reached (None: not reached)."""
    outcomes = matter.outcomes or []
    return (matter.decided_on, matter.sent_on,
            matter.replied_on if matter.court_adopted else None,
            matter.closed_on if "恢复执行" in outcomes else None,
            matter.closed_on if "执行款到位" in outcomes else None)


def _count_by_month(rows: dict[str, FunnelRow], matter: Matter) -> None:
    for index, day in enumerate(_stage_dates(matter), start=1):
        if day is not None:
            rows[day.strftime("%Y-%m")].counts[index] += 1
    if matter.recovered_amount and matter.closed_on:
        rows[matter.closed_on.strftime("%Y-%m")].amount += matter.recovered_amount


def _count_matter(row: FunnelRow, matter: Matter) -> None:
    outcomes = matter.outcomes or []
    reached = (matter.decided_on is not None, matter.sent_on is not None,
               bool(matter.court_adopted), matter.result in CORRECTED, "恢复执行" in outcomes,
               "执行款到位" in outcomes)
    for index, hit in enumerate(reached, start=1):
        row.counts[index] += int(hit)
    row.amount += matter.recovered_amount or 0


def totals(rows: list[FunnelRow]) -> FunnelRow:
    total = FunnelRow("合计")
    for row in rows:
        total.counts = [a + b for a, b in zip(total.counts, row.counts, strict=True)]
        total.amount += row.amount
    return total


def results(session: Session, org_ids: list[int]) -> list[tuple[str, int]]:
    """Closed cases by their true result (纠正, 部分纠正, 未纠正, 法院未回复, 撤回)."""
    query = (select(Matter.result, func.count()).where(Matter.org_id.in_(org_ids),
                                                        Matter.result.is_not(None))
             .group_by(Matter.result))
    found = dict(session.execute(query).all())
    from zhongben.workflow.machine import RESULTS

    return [(r, int(found.get(r, 0))) for r in RESULTS]
