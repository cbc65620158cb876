"""Case workflow services the web app and CLI call: open a case from leads, move it through the
state machine with the data each step needs, and keep the leads' status in step. Every change is
written to the audit log in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from statemachine.exceptions import TransitionNotAllowed

from zhongben.store.audit import Actor, record
from zhongben.store.models import Lead, Matter, MatterEvent, Org
from zhongben.store.security import WORKFLOW_ROLES
from zhongben.workflow.machine import (
    EVENT_LABELS,
    OUTCOMES,
    REPLIED_STATES,
    STATE_NAMES,
    allowed_events,
    next_state,
)


class WorkflowError(ValueError):
    """A workflow request that cannot be carried out; the message is shown to the user."""


@dataclass
class StepInput:
    """What a user typed along with a workflow event (all optional; each event checks its own)."""

    on: date | None = None
    reason: str = ""
    text: str = ""
    outcomes: list[str] = field(default_factory=list)
    amount: Decimal | None = None


def open_matter(session: Session, actor: Actor, leads: list[Lead], today: date) -> Matter:
    """Start review of one lead (个案纠违) or of several leads of one rule at one court
    (类案监督)."""
    _require_role(actor)
    if not leads:
        raise WorkflowError("请至少选择一条线索")
    if any(lead.matter_id is not None for lead in leads):
        raise WorkflowError("所选线索中已有线索纳入监督案件")
    if len({(lead.rule_id, lead.court) for lead in leads}) > 1:
        raise WorkflowError("类案监督只能合并同一法院、同一问题（同一规则）的线索")
    first = leads[0]
    kind = "类案监督" if len(leads) > 1 else "个案纠违"
    matter = Matter(number=_next_number(session, actor.org_id, today), kind=kind,
                    title=_title(first, len(leads)), org_id=first.org_id or actor.org_id,
                    court=first.court, rule_id=first.rule_id, state="pending",
                    owner_id=actor.user_id, opened_on=today, outcomes=[])
    session.add(matter)
    session.flush()
    for lead in leads:
        lead.matter_id = matter.id
    record(session, actor, "create_matter", "matter", str(matter.id), kind=kind,
           leads=[lead.lead_key for lead in leads])
    apply_event(session, actor, matter, "start_review", StepInput(on=today), today)
    return matter


def _title(lead: Lead, count: int) -> str:
    if count > 1:
        return f"{lead.court or ''}“{lead.rule_name}”类案监督（{count}件）"
    return f"{lead.case_no or lead.subject_name or ''}：{lead.rule_name}"


def _next_number(session: Session, org_id: int, today: date) -> str:
    org = session.get(Org, org_id)
    count = session.scalar(select(func.count(Matter.id))) or 0
    return f"{org.name[:1] if org else ''}检民执监〔{today.year}〕{count + 1}号"


def _require_role(actor: Actor) -> None:
    if actor.role not in WORKFLOW_ROLES:
        raise WorkflowError(f"角色“{actor.role}”不能办理监督案件")


def apply_event(session: Session, actor: Actor, matter: Matter, event: str, data: StepInput,
                today: date) -> Matter:
    """Send ``event`` to ``matter``: check it is allowed, take its data, record it."""
    _require_role(actor)
    before = matter.state
    try:
        after = next_state(before, event)
    except TransitionNotAllowed as exc:
        raise WorkflowError(
            f"案件处于“{STATE_NAMES[before]}”，不能“{EVENT_LABELS.get(event, event)}”") from exc
    if event == "accept":
        _require_confirmed_identity(session, matter)
    STEPS.get(event, _no_data)(matter, data, today)
    matter.state = after
    _sync_leads(session, matter)
    note = _note(data)
    session.add(MatterEvent(matter_id=matter.id, at=datetime.now(), user_id=actor.user_id,
                            action=event, from_state=before, to_state=after, note=note))
    record(session, actor, f"matter.{event}", "matter", str(matter.id), from_state=before,
           to_state=after, **note)
    return matter


def _require_confirmed_identity(session: Session, matter: Matter) -> None:
    """A lead resting on a probabilistic identity link cannot become a case before a reviewer
    confirms the link (身份待确认, issue 15)."""
    from zhongben.store.identity import pending_links

    keys = list(session.scalars(select(Lead.lead_key).where(Lead.matter_id == matter.id)))
    if pending_links(session, keys):
        raise WorkflowError("线索所依据的身份关联尚待确认（身份待确认）：请先在“身份复核”中"
                            "确认是同一人后再成案")


def _note(data: StepInput) -> dict[str, Any]:
    note: dict[str, Any] = {}
    if data.on:
        note["on"] = data.on.isoformat()
    for name in ("reason", "text"):
        if value := getattr(data, name):
            note[name] = value
    if data.outcomes:
        note["outcomes"] = data.outcomes
    if data.amount is not None:
        note["amount"] = str(data.amount)
    return note


def _sync_leads(session: Session, matter: Matter) -> None:
    for lead in session.scalars(select(Lead).where(Lead.matter_id == matter.id)):
        lead.status = STATE_NAMES[matter.state]


def _no_data(matter: Matter, data: StepInput, today: date) -> None:
    return None


def _reject(matter: Matter, data: StepInput, today: date) -> None:
    if not data.reason:
        raise WorkflowError("不成案须写明理由")
    matter.not_case_reason = data.reason
    matter.closed_on = data.on or today


def _accept(matter: Matter, data: StepInput, today: date) -> None:
    matter.decided_on = data.on or today


def _request_explanation(matter: Matter, data: StepInput, today: date) -> None:
    if matter.explanation_requested_on and not matter.explanation_received_on:
        raise WorkflowError("已发出说明案件执行情况通知书，法院尚未说明")
    matter.explanation_requested_on = data.on or today
    matter.explanation_received_on = None


def _explanation_received(matter: Matter, data: StepInput, today: date) -> None:
    if not matter.explanation_requested_on or matter.explanation_received_on:
        raise WorkflowError("尚未发出说明案件执行情况通知书")
    matter.explanation_received_on = data.on or today


def _issue(matter: Matter, data: StepInput, today: date) -> None:
    matter.sent_on = data.on or today


def _received(matter: Matter, data: StepInput, today: date) -> None:
    matter.received_on = data.on or today


def _extend(matter: Matter, data: StepInput, today: date) -> None:
    if matter.reply_extended:
        raise WorkflowError("回复期限只能延长一次（1个月）")
    matter.reply_extended = True


def _replied(matter: Matter, data: StepInput, today: date) -> None:
    if not data.text:
        raise WorkflowError("请填写法院回复内容")
    matter.replied_on = data.on or today
    matter.reply_text = data.text


def _adopted(matter: Matter, data: StepInput, today: date) -> None:
    _replied(matter, data, today)
    matter.court_adopted = True


def _declined(matter: Matter, data: StepInput, today: date) -> None:
    _replied(matter, data, today)
    matter.court_adopted = False


def _close(matter: Matter, data: StepInput, today: date) -> None:
    unknown = [o for o in data.outcomes if o not in OUTCOMES]
    if unknown or not data.outcomes:
        raise WorkflowError(f"请选择结案结果（{'、'.join(OUTCOMES)}）")
    if "执行款到位" in data.outcomes and (data.amount is None or data.amount < 0):
        raise WorkflowError("执行款到位须填写到位金额")
    matter.outcomes = list(data.outcomes)
    matter.recovered_amount = data.amount if "执行款到位" in data.outcomes else None
    matter.closed_on = data.on or today


STEPS = {"reject": _reject, "accept": _accept, "request_explanation": _request_explanation,
         "explanation_received": _explanation_received, "issue_recommendation": _issue,
         "court_received": _received, "extend_reply": _extend, "court_adopted": _adopted,
         "court_declined": _declined, "close": _close}


def available_events(matter: Matter) -> list[str]:
    """The events a user may send to ``matter`` now: the machine's, less a second 说明案件执行情况
    通知书 while one is unanswered, or an explanation received when none was asked for."""
    waiting = bool(matter.explanation_requested_on and not matter.explanation_received_on)
    hidden = {"request_explanation"} if waiting else {"explanation_received"}
    return [e for e in allowed_events(matter.state) if e not in hidden]


def needs_recheck(matter: Matter) -> bool:
    return matter.state in REPLIED_STATES and matter.recheck is None
