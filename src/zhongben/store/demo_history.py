"""A synthetic workflow history for the demo world, so the backtest report (``zhongben models
report``, ``/models``) has outcomes to count: about a third of the published leads were taken
up as cases months ago and went their way — 不成案, still under investigation, a recommendation
waiting for its reply, adopted and 纠正 or 部分纠正 with money recovered, declined and 未纠正,
法院未回复, 撤回. Deterministic: every draw comes from a hash of the lead key, and every date
counts from the lead's screening date, so the same world gives the same history. Each rule has
its own quality, so the rules' rates differ as they do in an office.

Rows are written directly (cases, their events and the leads' status), not through the
services: they are history, dated in the past, which the services refuse by design.

Two versions: the rule with the most leads is given a version history (``two_versions``) so
``zhongben models compare`` has something to compare — the older version screened two months
before the newer one; a third of its leads were found by both, a third only by the older version
(the newer one no longer finds them) and a third only by the newer."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zhongben.store.models import Lead, Matter, MatterEvent, Org, User
from zhongben.workflow.machine import STATE_NAMES

TAKEN_UP = 0.35  # share of leads taken up as cases
CLASS_SHARE = 0.125  # share of those cases that take in more leads of the same rule (类案)
EARLIER = timedelta(days=60)  # how long before the newer version the older one screened


def _draw(key: str, salt: str) -> float:
    digest = hashlib.sha256(f"{salt}|{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def _span(key: str, salt: str, low: int, high: int) -> int:
    return low + int(_draw(key, salt) * (high - low + 1))


def rule_quality(rule_id: str) -> float:
    """How often a rule's leads hold up (0.35 – 0.9): fixed per rule."""
    return 0.35 + 0.55 * _draw(rule_id, "quality")


@dataclass
class _Story:
    matter: Matter
    events: list[tuple[str, str, str, date]]
    day: date

    def step(self, event: str, to: str, days: int) -> date:
        self.day += timedelta(days=days)
        self.events.append((event, self.matter.state, to, self.day))
        self.matter.state = to
        return self.day


def seed_history(session: Session) -> int:
    """Returns the number of cases written; writes none when any case exists already."""
    if session.scalar(select(func.count(Matter.id))):
        return 0
    two_versions(session)
    owners = {org_id: user_id for org_id, user_id in session.execute(
        select(User.org_id, func.min(User.id)).where(User.role == "检察官")
        .group_by(User.org_id))}
    names = dict(session.execute(select(Org.id, Org.name)).all())
    leads = list(session.scalars(select(Lead).where(Lead.matter_id.is_(None),
                                                    Lead.as_of.is_not(None))
                                 .order_by(Lead.lead_key)))
    count = 0
    for lead in leads:
        if (lead.matter_id is not None or _draw(lead.lead_key, "taken") >= TAKEN_UP
                or lead.org_id is None):
            continue
        count += 1
        group = [lead, *_class_mates(lead, leads)]
        story = _play(lead, count, owners.get(lead.org_id), names.get(lead.org_id, ""))
        if len(group) > 1:
            story.matter.kind = "类案监督"
            story.matter.title = f"{lead.court or ''}“{lead.rule_name}”类案监督（{len(group)}件）"
        session.add(story.matter)
        session.flush()
        for member in group:
            member.matter_id, member.status = story.matter.id, STATE_NAMES[story.matter.state]
        session.add_all(MatterEvent(matter_id=story.matter.id, user_id=story.matter.owner_id,
                                    at=datetime.combine(on, datetime.min.time()), action=event,
                                    from_state=before, to_state=after,
                                    note={"on": on.isoformat(), "seed": "demo_history"})
                        for event, before, after, on in story.events)
    return count


def _class_mates(lead: Lead, leads: list[Lead]) -> list[Lead]:
    """For about one case in eight, up to two more leads of the same rule and court, not taken up
    on their own: the case is a 类案 (one recommendation for several cases)."""
    if _draw(lead.lead_key, "class") >= CLASS_SHARE:
        return []
    mates = [other for other in leads if other is not lead and other.matter_id is None
             and other.rule_id == lead.rule_id and other.court == lead.court
             and other.org_id == lead.org_id and _draw(other.lead_key, "taken") >= TAKEN_UP]
    return mates[:2]


def two_versions(session: Session) -> tuple[str, int, int] | None:
    """Give the rule with the most leads an older and a newer version (module doc); (rule, older,
    newer), None when nothing is published."""
    row = session.execute(select(Lead.rule_id, func.max(Lead.rule_version))
                          .group_by(Lead.rule_id)
                          .order_by(func.count(Lead.lead_key).desc(), Lead.rule_id)).first()
    if row is None:
        return None
    rule_id, current = row
    old, new = (current - 1, current) if current >= 2 else (current, current + 1)
    leads = session.scalars(select(Lead).where(Lead.rule_id == rule_id).order_by(Lead.lead_key))
    for index, lead in enumerate(leads):
        day, share = lead.as_of or date.today(), index % 3
        if share == 0:  # found by the older version only
            lead.rule_version, lead.found_version, lead.versions = old, old, [old]
            lead.as_of = lead.found_as_of = day - EARLIER
        elif share == 1:  # found by both: credited to the older one
            lead.rule_version, lead.found_version, lead.versions = new, old, [old, new]
            lead.found_as_of = day - EARLIER
        else:  # found by the newer version only
            lead.rule_version, lead.found_version, lead.versions = new, new, [new]
            lead.found_as_of = day
    session.flush()
    return rule_id, old, new


def _play(lead: Lead, number: int, owner: int | None, org_name: str) -> _Story:
    key, quality = lead.lead_key, rule_quality(lead.rule_id)
    found = lead.found_as_of or lead.as_of or date.today()
    opened = found + timedelta(days=_span(key, "open", 3, 20))
    matter = Matter(number=f"{org_name[:1]}检民执监案〔{opened.year}〕{number}号（历史）",
                    kind="个案纠违", title=f"{lead.case_no or lead.subject_name or ''}："
                    f"{lead.rule_name}", org_id=lead.org_id, court=lead.court,
                    rule_id=lead.rule_id, state="pending", owner_id=owner, opened_on=opened,
                    outcomes=[])
    story = _Story(matter, [], opened)
    story.step("start_review", "reviewing", 0)
    if _draw(key, "case") >= quality:
        matter.closed_on = story.step("reject", "not_a_case", _span(key, "d1", 2, 10))
        matter.not_case_reason = "线索不实" if _draw(key, "why") < 0.6 else "法院已自行纠正"
        return story
    matter.decided_on = story.step("accept", "opened", _span(key, "d1", 2, 10))
    story.step("investigate", "investigating", 1)
    if _draw(key, "recommend") >= 0.8:
        return story  # still under investigation
    matter.sent_on = story.step("issue_recommendation", "recommended", _span(key, "d2", 5, 20))
    matter.received_on = story.step("court_received", "awaiting_reply", _span(key, "d3", 1, 4))
    answer = _draw(key, "answer")
    if answer < 0.12:
        return story  # waiting for the court's reply
    if answer < 0.2:
        _close(story, key, "法院未回复", _span(key, "d4", 60, 70))
        return story
    _reply(story, lead, quality)
    return story


def _reply(story: _Story, lead: Lead, quality: float) -> None:
    matter, key = story.matter, lead.lead_key
    adopted = _draw(key, "adopt") < min(0.95, quality + 0.15)
    event, state = ("court_adopted", "adopted") if adopted else ("court_declined", "not_adopted")
    matter.replied_on = story.step(event, state, _span(key, "d4", 15, 45))
    matter.court_adopted = adopted
    matter.reply_text = "已恢复执行" if adopted else "经审查，该案已穷尽财产调查措施"
    matter.recheck = {"at": matter.replied_on.isoformat(), "summary": "规则重跑（历史记录）"}
    if adopted:
        result = "纠正" if _draw(key, "full") < 0.7 else "部分纠正"
        _close(story, key, result, _span(key, "d5", 3, 15), lead.unpaid_amount)
    elif _draw(key, "declined") < 0.7:
        _close(story, key, "未纠正" if _draw(key, "withdraw") < 0.85 else "撤回",
               _span(key, "d5", 3, 15))


def _close(story: _Story, key: str, result: str, days: int,
           unpaid: Decimal | None = None) -> None:
    matter = story.matter
    matter.closed_on = story.step("close", "closed", days)
    matter.result = result
    if unpaid and _draw(key, "paid") < 0.6:
        share = Decimal(str(round(0.2 + 0.8 * _draw(key, "share"), 2)))
        matter.recovered_amount = (unpaid * share).quantize(Decimal("0.01"))
        matter.outcomes = ["恢复执行", "执行款到位"]
    elif result in ("纠正", "部分纠正"):
        matter.outcomes = ["恢复执行"]
