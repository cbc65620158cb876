"""Backtests on outcomes (模型优选): what each rule version's leads became in the workflow — cases,
recommendations, adoptions, results and money recovered — per rule and version, optionally split
by court or by the quarter the lead was found.

Counting (docs: /work/notes/issue-18-i18rep.md):
- 线索 and 成案 per lead: a lead is counted once, in the group of the version that first found it
  (``found_version``: a later version that merely confirmed it takes no credit), 成案 when its
  case was accepted (``decided_on``); 成案率 = 成案 / 线索;
- per case (a 类案 case of three leads made one recommendation and recovered one amount): 检察建议
  when a recommendation was issued (``sent_on``), 已回复 when the court answered it
  (``court_adopted`` known) or the case closed as 法院未回复, 采纳 when the court adopted it, the
  result (纠正 / 部分纠正 / 未纠正 / 法院未回复 / 撤回) and 到位金额; 采纳率 = 采纳 / 已回复. Split
  by court or quarter, a case counts in the group of its earliest lead, so the splits add up to
  the rule's row;
- days to outcome: from the lead's date (the screening date it was first found on,
  ``found_as_of``; else its ``as_of``; else when first stored) to
  its case's 结案 date; the median over the group's leads with a result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from statistics import median

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhongben.store.models import Lead, Matter
from zhongben.workflow.machine import RESULTS

DIMENSIONS = {"rule": "规则版本", "court": "法院", "quarter": "季度"}


@dataclass
class BacktestRow:
    rule_id: str
    version: int
    key: str = ""  # the court or quarter; "" when only by rule and version
    leads: int = 0
    cases: int = 0
    recommended: int = 0
    answered: int = 0
    adopted: int = 0
    results: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RESULTS, 0))
    amount: Decimal = Decimal(0)
    days: list[int] = field(default_factory=list)
    matters: set[int] = field(default_factory=set)

    @property
    def case_rate(self) -> float | None:
        return self.cases / self.leads if self.leads else None

    @property
    def adoption_rate(self) -> float | None:
        return self.adopted / self.answered if self.answered else None

    @property
    def median_days(self) -> float | None:
        return float(median(self.days)) if self.days else None


def found_version(lead: Lead) -> int:
    """The version credited with ``lead``: the one that first found it."""
    return lead.found_version if lead.found_version is not None else lead.rule_version


def lead_day(lead: Lead) -> date | None:
    if lead.found_as_of is not None:
        return lead.found_as_of
    if lead.as_of is not None:
        return lead.as_of
    return lead.first_seen_at.date() if lead.first_seen_at else None


def quarter(day: date | None) -> str:
    return f"{day.year}年第{(day.month - 1) // 3 + 1}季度" if day else "（未知）"


def _key(lead: Lead, dimension: str) -> str:
    if dimension == "court":
        return lead.court or "（未知）"
    if dimension == "quarter":
        return quarter(lead_day(lead))
    return ""


def backtest(session: Session, org_ids: list[int] | None = None, dimension: str = "rule",
             rules: list[str] | None = None) -> list[BacktestRow]:
    """One row per (rule, version[, court or quarter]); ``org_ids`` None: every office."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"未知的分组：{dimension}（可选：{'、'.join(DIMENSIONS)}）")
    query = select(Lead, Matter).outerjoin(Matter, Lead.matter_id == Matter.id)
    if org_ids is not None:
        query = query.where(Lead.org_id.in_(org_ids))
    if rules:
        query = query.where(Lead.rule_id.in_(rules))
    found = [(lead, matter) for lead, matter in session.execute(query)]
    found.sort(key=lambda pair: (lead_day(pair[0]) or date.max, pair[0].lead_key))
    home: dict[tuple[str, int, int], str] = {}  # each case counts in its first lead's group
    rows: dict[tuple[str, int, str], BacktestRow] = {}
    for lead, matter in found:
        group = (lead.rule_id, found_version(lead), _key(lead, dimension))
        row = rows.get(group) or rows.setdefault(group, BacktestRow(*group))
        _count_lead(row, lead, matter)
        if matter is not None and home.setdefault((*group[:2], matter.id), group[2]) == group[2]:
            _count_case(row, matter)
    return sorted(rows.values(), key=lambda r: (r.rule_id, r.version, r.key))


def _count_lead(row: BacktestRow, lead: Lead, matter: Matter | None) -> None:
    row.leads += 1
    if matter is None:
        return
    row.cases += matter.decided_on is not None
    found = lead_day(lead)
    if matter.result in row.results and matter.closed_on and found:
        row.days.append((matter.closed_on - found).days)


def _count_case(row: BacktestRow, matter: Matter) -> None:
    """Once per case of the group: a 类案 case of three leads made one recommendation."""
    if matter.id in row.matters:
        return
    row.matters.add(matter.id)
    row.recommended += matter.sent_on is not None
    row.answered += matter.court_adopted is not None or matter.result == "法院未回复"
    row.adopted += bool(matter.court_adopted)
    if matter.result in row.results:
        row.results[matter.result] += 1
    row.amount += matter.recovered_amount or 0


def outcome_of(matter: Matter | None) -> str:
    """A lead's outcome in a few words: 未办理, the case's state, or its result and amount."""
    if matter is None:
        return "未办理"
    if matter.result:
        money = f"，到位 {matter.recovered_amount:,.2f} 元" if matter.recovered_amount else ""
        return f"结案：{matter.result}{money}"
    if matter.state == "not_a_case":
        return "不成案"
    from zhongben.workflow.machine import STATE_NAMES

    return STATE_NAMES.get(matter.state, matter.state)


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def row_cells(row: BacktestRow) -> list[str]:
    """The cells a table or page shows for ``row`` (in ``CELL_HEADERS`` order)."""
    days = "—" if row.median_days is None else f"{row.median_days:g}"
    return [row.rule_id, f"第{row.version}版", row.key, f"{row.leads:,}", f"{row.cases:,}",
            _rate(row.case_rate), f"{row.recommended:,}", f"{row.adopted:,}",
            _rate(row.adoption_rate), *(f"{row.results[r]:,}" for r in RESULTS),
            f"{row.amount:,.2f} 元", days]


CELL_HEADERS = ("规则", "版本", "分组", "线索", "成案", "成案率", "检察建议", "采纳", "采纳率",
                *RESULTS, "到位金额", "中位天数")


def as_dict(row: BacktestRow) -> dict[str, object]:
    return {"rule_id": row.rule_id, "version": row.version, "key": row.key, "leads": row.leads,
            "cases": row.cases, "case_rate": row.case_rate, "recommended": row.recommended,
            "answered": row.answered, "adopted": row.adopted,
            "adoption_rate": row.adoption_rate, "results": dict(row.results),
            "amount": str(row.amount), "median_days": row.median_days}

