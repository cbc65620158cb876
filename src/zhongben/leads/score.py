"""Ranking: a lead's score is the product of five terms, each recorded with a Chinese label so the
score can be explained term by term (rules.md, "Ranking")."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from zhongben.leads.model import Lead

SEVERITY_POINTS = {"high": 3.0, "medium": 2.0, "low": 1.0}
LIVELIHOOD_POINTS = 1.5  # 民生 multiplier (拒执解释 第10条)
UNPAID_UNIT = 10_000  # yuan: 0 → 1.0, 10k → 1.3, 1M → 3.0
EVIDENCE_STEP, EVIDENCE_CAP = 0.1, 5  # each further evidence row adds 10 %, up to 5 rows
RECENT_DAYS, OLD_FACTOR = 365, 0.8  # evidence whose latest date is older than a year weighs less
REPEAT_STEP, REPEAT_CAP = 0.25, 4  # each other rule hitting the same case or subject adds 25 %


def score_leads(leads: Sequence[Lead]) -> None:
    """Score every lead of one run in place (repeat signals are counted across the run)."""
    others = _other_rules(leads)
    for lead in leads:
        terms = [
            _severity(lead),
            _unpaid(lead),
            _livelihood(lead),
            _evidence(lead),
            _repeat(others[id(lead)]),
        ]
        lead.score_terms = terms
        lead.score = round(math.prod(t["points"] for t in terms), 2)


def _term(term: str, label: str, value: Any, points: float) -> dict[str, Any]:
    return {"term": term, "label": label, "value": value, "points": round(points, 3)}


def _severity(lead: Lead) -> dict[str, Any]:
    zh = {"high": "高", "medium": "中", "low": "低"}.get(lead.severity, lead.severity)
    return _term("severity", "严重程度", zh, SEVERITY_POINTS.get(lead.severity, 1.0))


def _unpaid(lead: Lead) -> dict[str, Any]:
    amount = max(lead.unpaid_amount or Decimal(0), Decimal(0))
    points = 1.0 + math.log10(1.0 + float(amount) / UNPAID_UNIT)
    return _term("unpaid", "未履行金额（元，对数）", str(amount), points)


def _livelihood(lead: Lead) -> dict[str, Any]:
    points = LIVELIHOOD_POINTS if lead.livelihood else 1.0
    return _term("livelihood", "民生案件", "是" if lead.livelihood else "否", points)


def _evidence(lead: Lead) -> dict[str, Any]:
    count = len(lead.evidence)
    points = 1.0 + EVIDENCE_STEP * min(max(count - 1, 0), EVIDENCE_CAP)
    latest = _latest_date(lead)
    old = latest is not None and lead.as_of is not None and (lead.as_of - latest).days > RECENT_DAYS
    value = f"{count} 条证据，最近 {latest.isoformat() if latest else '无日期'}"
    return _term(
        "evidence", "证据强度（数量与新近程度）", value, points * (OLD_FACTOR if old else 1.0)
    )


def _latest_date(lead: Lead) -> dt.date | None:
    dates = [
        v.date() if isinstance(v, dt.datetime) else v
        for item in lead.evidence
        for v in item.get("fields", {}).values()
        if isinstance(v, dt.date)
    ]
    visible = [d for d in dates if lead.as_of is None or d <= lead.as_of]
    return max(visible) if visible else None


def _repeat(other_rules: set[str]) -> dict[str, Any]:
    count = len(other_rules)
    value = "、".join(sorted(other_rules)) or "无"
    return _term(
        "repeat",
        "重复信号（同案或同一当事人命中的其他规则）",
        value,
        1.0 + REPEAT_STEP * min(count, REPEAT_CAP),
    )


def _other_rules(leads: Sequence[Lead]) -> dict[int, set[str]]:
    by_case: dict[str, set[str]] = defaultdict(set)
    by_subject: dict[str, set[str]] = defaultdict(set)
    for lead in leads:
        if lead.case_no:
            by_case[lead.case_no].add(lead.rule_id)
        if lead.subject_id:
            by_subject[lead.subject_id].add(lead.rule_id)
    result = {}
    for lead in leads:
        rules = set(by_case.get(lead.case_no or "", set()))
        rules |= by_subject.get(lead.subject_id or "", set())
        result[id(lead)] = rules - {lead.rule_id}
    return result
