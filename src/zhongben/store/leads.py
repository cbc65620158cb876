"""Reading and updating published leads: the inbox query (filters, sort, pagination) and the
jurisdiction check every read goes through."""

from __future__ import annotations

import time
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import Session

from zhongben.store.collab_models import Tag
from zhongben.store.models import Lead
from zhongben.store.petition_models import PETITION_SOURCE, SCREEN_SOURCE, LeadSource
from zhongben.store.search import understand

SEVERITY_NAMES = {"high": "高", "medium": "中", "low": "低"}
# Leads whose work is over leave the default inbox (the status filter brings them back).
CLOSED_STATUSES = ("已屏蔽", "结案", "不成案")
ALL_STATUSES = "全部"
SORTS: dict[str, Any] = {"score": Lead.score.desc(), "amount": Lead.unpaid_amount.desc(),
         "date": Lead.as_of.desc()}
PAGE_SIZE = 50


@dataclass
class LeadFilter:
    """The inbox filters, as typed from the query string (empty string = no filter)."""

    rule: str = ""
    family: str = ""
    court: str = ""
    severity: str = ""
    livelihood: str = ""  # "1" = 民生 only, "0" = non-民生 only
    min_amount: str = ""
    max_amount: str = ""
    status: str = ""
    date_from: str = ""
    date_to: str = ""
    q: str = ""
    assignee: str = ""  # a user id, "me" (resolved by the page), or "none" (unassigned)
    tag: str = ""
    source: str = ""  # "12309申请": leads from a petition; "模型筛查": the others
    sort: str = "score"

    @classmethod
    def from_params(cls, params: Any) -> LeadFilter:
        return cls(**{f.name: str(params.get(f.name, "") or "").strip() for f in fields(cls)
                      if params.get(f.name) is not None})

    def as_params(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def filtered(org_ids: list[int], flt: LeadFilter) -> Select[Any]:
    query = select(Lead).where(Lead.org_id.in_(org_ids))
    exact = {"rule": Lead.rule_id, "family": Lead.family, "court": Lead.court,
             "severity": Lead.severity}
    for name, column in exact.items():
        if value := getattr(flt, name):
            query = query.where(column == value)
    if flt.status == ALL_STATUSES:
        pass
    elif flt.status:
        query = query.where(Lead.status == flt.status)
    else:
        query = query.where(Lead.status.not_in(CLOSED_STATUSES))
    if flt.livelihood in ("0", "1"):
        query = query.where(Lead.livelihood.is_(flt.livelihood == "1"))
    if flt.assignee == "none":
        query = query.where(Lead.assignee_id.is_(None))
    elif flt.assignee.isdigit():
        query = query.where(Lead.assignee_id == int(flt.assignee))
    if flt.tag:
        query = query.where(Lead.lead_key.in_(
            select(Tag.object_id).where(Tag.object_type == "lead", Tag.tag == flt.tag)))
    if flt.source in (PETITION_SOURCE, SCREEN_SOURCE):
        petitioned = Lead.lead_key.in_(select(LeadSource.lead_key))
        query = query.where(petitioned if flt.source == PETITION_SOURCE else ~petitioned)
    if (start := _day(flt.date_from)) is not None:
        query = query.where(Lead.as_of >= start)
    if (end := _day(flt.date_to)) is not None:
        query = query.where(Lead.as_of <= end)
    return query.where(*understand(flt.q, flt.min_amount, flt.max_amount).conditions)


def count_leads(session: Session, org_ids: list[int], flt: LeadFilter) -> int:
    keys_query = filtered(org_ids, flt).with_only_columns(Lead.lead_key)
    return int(session.scalar(select(func.count()).select_from(keys_query.subquery())) or 0)


def page_of_leads(session: Session, org_ids: list[int], flt: LeadFilter, page: int,
                  page_size: int = PAGE_SIZE) -> tuple[list[Lead], int]:
    """One page and the total. Keys are found first (on the covering indexes), then the rows."""
    rows, total, _ = clamped_page(session, org_ids, flt, page, page_size)
    return rows, total


def clamped_page(session: Session, org_ids: list[int], flt: LeadFilter, page: int,
                 page_size: int = PAGE_SIZE) -> tuple[list[Lead], int, int]:
    """Like ``page_of_leads``, a page out of range being the nearest one there is (page 999
    of 6 is page 6); returns the rows, the total and the page served."""
    total = count_leads(session, org_ids, flt)
    pages = max((total + page_size - 1) // page_size, 1)
    page = min(max(page, 1), pages)
    keys_query = filtered(org_ids, flt).with_only_columns(Lead.lead_key)
    order = SORTS.get(flt.sort, SORTS["score"])
    keys = list(session.scalars(keys_query.order_by(order, Lead.lead_key)
                                .offset((page - 1) * page_size).limit(page_size)))
    found = {x.lead_key: x for x in session.scalars(select(Lead).where(Lead.lead_key.in_(keys)))}
    return [found[k] for k in keys], total, page


def all_leads(session: Session, org_ids: list[int], flt: LeadFilter) -> list[Lead]:
    order = SORTS.get(flt.sort, SORTS["score"])
    return list(session.scalars(filtered(org_ids, flt).order_by(order, Lead.lead_key)))


def visible_lead(session: Session, org_ids: list[int], lead_key: str) -> Lead | None:
    """The lead if the caller's jurisdiction covers it; None otherwise (shown as 404)."""
    lead = session.get(Lead, lead_key)
    return lead if lead is not None and lead.org_id in org_ids else None


_CHOICES: dict[tuple[Any, ...], tuple[float, dict[str, list[Any]]]] = {}
CHOICES_SECONDS = 60.0


def filter_choices(session: Session, org_ids: list[int]) -> dict[str, list[Any]]:
    """Values for the inbox's drop-downs (cached for a minute per jurisdiction)."""
    key = (str(session.get_bind().engine.url), *sorted(org_ids))
    cached = _CHOICES.get(key)
    if cached is None or time.monotonic() - cached[0] > CHOICES_SECONDS:
        cached = (time.monotonic(), _choices(session, org_ids))
        _CHOICES[key] = cached
    return cached[1]


def _choices(session: Session, org_ids: list[int]) -> dict[str, list[Any]]:
    def distinct(column: Any) -> list[Any]:
        query = select(column).where(Lead.org_id.in_(org_ids), column.is_not(None)).distinct()
        return sorted(session.scalars(query))
    return {"rule": distinct(Lead.rule_id), "family": distinct(Lead.family),
            "court": distinct(Lead.court)}


_LIFTED: dict[str, float] = {"at": 0.0}
LIFT_SECONDS = 3600.0


def lift_expired_suppressions_hourly(session: Session) -> None:
    """Suppressions whose expiry passed return to 待核查 (checked at most once an hour)."""
    if time.monotonic() - _LIFTED["at"] < LIFT_SECONDS:
        return
    _LIFTED["at"] = time.monotonic()
    lift_expired_suppressions(session, date.today())
    session.commit()


def lift_expired_suppressions(session: Session, today: date) -> int:
    result = session.execute(
        update(Lead).where(Lead.status == "已屏蔽", Lead.suppressed_until < today)
        .values(status="待核查", suppressed_until=None))
    return int(getattr(result, "rowcount", 0) or 0)
