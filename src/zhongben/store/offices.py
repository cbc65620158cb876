"""Procuratorates set up from the national court table: an office is named by the 代字 of the
court it supervises (``川01`` → 成都市人民检察院, which supervises 成都市中级人民法院 and the
special courts under it, and whose county offices supervise the basic courts below it)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhongben.identifiers.courts import Court, children, get_court
from zhongben.store.accounts import AccountError, add_org
from zhongben.store.models import Org

LEVELS = {"supreme": "最高", "high": "省级", "intermediate": "市级", "basic": "县级"}
MUNICIPALITIES = ("京", "津", "沪", "渝")


@dataclass
class OfficePlan:
    code: str  # the court's 代字, used as the org code
    name: str  # the procuratorate (落款 of its documents)
    level: str  # 县级 / 市级 / 省级
    courts: list[str]  # names of the courts it supervises
    children: list[OfficePlan] = field(default_factory=list)


def office_plan(code: str, with_children: bool = True) -> OfficePlan:
    """The office supervising the court ``code`` (and, below it, one office per court of the
    next level); ``AccountError`` with a Chinese reason for an unknown code."""
    court = get_court(code)
    if court is None:
        raise AccountError(f"全国法院表中没有代字为“{code}”的法院（示例：京0105、川01、浙）")
    below = _below(court)
    special = [c for c in below if c.special]  # supervised by this office itself
    ordinary = [c for c in below if c not in special]
    plan = OfficePlan(court.code, court.procuratorate, LEVELS[court.level],
                      [court.name, *(c.name for c in special)])
    if with_children and court.level != "basic":
        plan.children = [office_plan(c.code) for c in ordinary if c.level != court.level]
    return plan


def _below(court: Court) -> list[Court]:
    """The courts whose supervision sits directly below this court's procuratorate. In the four
    municipalities a district procuratorate answers to the municipal one, not to the 分院 beside
    the intermediate court that hears the district's appeals."""
    if court.code[:1] in MUNICIPALITIES and court.level == "intermediate":
        return [c for c in children(court.code) if c.special]
    found = [c for c in children(court.code) if c.level != "supreme"]
    if court.code in MUNICIPALITIES:
        found += [c for i in children(court.code) if i.level == "intermediate"
                  for c in children(i.code) if not c.special]
    return found


def parent_office(court: Court) -> str:
    """The code of the office above this court's procuratorate."""
    if court.code[:1] in MUNICIPALITIES and court.level == "basic" and not court.special:
        return court.code[:1]
    return court.parent


def setup_office(session: Session, code: str, with_children: bool = True) -> list[Org]:
    """Create the offices of ``office_plan`` that do not exist yet (by code); linked to an
    existing office of the court above when there is one. Returns the orgs created."""
    plan = office_plan(code, with_children)
    court = get_court(code)
    parent = _existing(session, parent_office(court)) if court and court.parent else None
    return _create(session, plan, parent)


def _existing(session: Session, code: str) -> Org | None:
    return session.scalar(select(Org).where(Org.code == code))


def _create(session: Session, plan: OfficePlan, parent: Org | None) -> list[Org]:
    made: list[Org] = []
    org = _existing(session, plan.code)
    if org is None:
        org = add_org(session, plan.code, plan.name, plan.level, plan.courts, parent)
        made.append(org)
    for child in plan.children:
        made += _create(session, child, org)
    return made


def procuratorate_for(court_name: str, fallback: str) -> str:
    """The procuratorate the court table names for a court (by name), else ``fallback``."""
    from zhongben.identifiers.courts import courts_by_name

    found: Court | None = courts_by_name().get(court_name)
    return found.procuratorate if found else fallback
