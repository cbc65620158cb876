"""Case workflow services the web app and CLI call: open a case from leads, move it through the
state machine with the data each step needs, and keep the leads' status in step. Every change is
written to the audit log in the same transaction; a refused step changes nothing."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from statemachine.exceptions import TransitionNotAllowed

from zhongben.store.audit import Actor, record
from zhongben.store.models import Lead, Matter, MatterEvent, Org
from zhongben.workflow.dates import check_step_date
from zhongben.workflow.errors import WorkflowError
from zhongben.workflow.machine import (
    DOCUMENT_EVENTS,
    EVENT_LABELS,
    REPLIED_STATES,
    STATE_NAMES,
    allowed_events,
    next_state,
)
from zhongben.workflow.permissions import may, require_event, require_workflow
from zhongben.workflow.steps import STEPS, StepInput, recheck_persists

__all__ = ["StepInput", "WorkflowError", "apply_event", "available_events", "open_matter"]


def open_matter(session: Session, actor: Actor, leads: list[Lead], today: date) -> Matter:
    """Start review of one lead (个案纠违) or of several leads of one rule at one court
    (类案监督)."""
    require_workflow(actor)
    if not leads:
        raise WorkflowError("请至少选择一条线索")
    if any(lead.matter_id is not None for lead in leads):
        raise WorkflowError("所选线索中已有线索纳入监督案件")
    if len({(lead.rule_id, lead.court) for lead in leads}) > 1:
        raise WorkflowError("类案监督只能合并同一法院、同一问题（同一规则）的线索")
    first = leads[0]
    lead_day = _lead_day(leads)
    if lead_day and today < lead_day:
        raise WorkflowError(f"核查日期不能早于线索的筛查基准日（{lead_day}）")
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
    """The internal case number (案件编号); the 文号 of a document comes from the register."""
    org = session.get(Org, org_id)
    count = session.scalar(select(func.count(Matter.id))) or 0
    return f"{org.name[:1] if org else ''}检民执监案〔{today.year}〕{count + 1}号"


def _lead_day(leads: list[Lead]) -> date | None:
    days = [lead.as_of for lead in leads if lead.as_of]
    return min(days) if days else None


def matter_leads(session: Session, matter: Matter) -> list[Lead]:
    return list(session.scalars(select(Lead).where(Lead.matter_id == matter.id)
                                .order_by(Lead.case_no)))


def apply_event(session: Session, actor: Actor, matter: Matter, event: str, data: StepInput,
                today: date, *, by_document: bool = False) -> Matter:
    """Send ``event`` to ``matter``: check role, state, date and data, then record it. Issuing a
    recommendation or a notice happens only through an approved document (``by_document``)."""
    require_event(actor, event)
    if event in DOCUMENT_EVENTS and not by_document:
        raise WorkflowError(f"“{EVENT_LABELS[event]}”须通过签发经审批的文书完成")
    before = matter.state
    try:
        after = next_state(before, event)
    except TransitionNotAllowed as exc:
        raise WorkflowError(
            f"案件处于“{STATE_NAMES[before]}”，不能“{EVENT_LABELS.get(event, event)}”") from exc
    if event not in available_events(matter, by_document=by_document):
        raise WorkflowError(_why_not(matter, event))
    on = data.on or today
    check_step_date(on, today, _lead_day(matter_leads(session, matter)), _earlier(session, matter))
    STEPS.get(event, lambda m, d, o: None)(matter, data, on)
    matter.state = after
    _sync_leads(session, matter)
    note = _note(data, on)
    session.add(MatterEvent(matter_id=matter.id, at=datetime.now(), user_id=actor.user_id,
                            action=event, from_state=before, to_state=after, note=note))
    record(session, actor, f"matter.{event}", "matter", str(matter.id), from_state=before,
           to_state=after, **note)
    return matter


def _earlier(session: Session, matter: Matter) -> list[tuple[str, date]]:
    found = [("开始核查", matter.opened_on)]
    notes = session.execute(select(MatterEvent.action, MatterEvent.note)
                            .where(MatterEvent.matter_id == matter.id)).all()
    for action, note in notes:
        if (note or {}).get("on"):
            found.append((EVENT_LABELS.get(action, action), date.fromisoformat(note["on"])))
    return found


def _why_not(matter: Matter, event: str) -> str:
    label = EVENT_LABELS.get(event, event)
    if event in ("request_explanation", "explanation_received"):
        return ("已发出说明案件执行情况通知书，法院尚未说明" if event == "request_explanation"
                else "尚未发出说明案件执行情况通知书")
    if matter.state in REPLIED_STATES and matter.recheck is None:
        return f"法院回复后须先重跑规则核实是否纠正，才能“{label}”"
    return f"规则重跑显示问题已纠正，不能“{label}”；请以“纠正”结案"


def _note(data: StepInput, on: date) -> dict[str, Any]:
    note: dict[str, Any] = {"on": on.isoformat()}
    for name in ("reason", "text", "result"):
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


AFTER_RECHECK = frozenset({"follow_up", "reissue", "escalate"})


def available_events(matter: Matter, *, by_document: bool = False) -> list[str]:
    """The events that may be sent to ``matter`` now: the machine's, less a second 说明案件执行情况
    通知书 while one is unanswered (or an explanation when none was asked for), less the
    document-only events unless a document is issuing; after the court's reply, nothing before
    the rule has been re-run, and only 结案 when the recheck found the problem fixed."""
    waiting = bool(matter.explanation_requested_on and not matter.explanation_received_on)
    hidden = {"request_explanation"} if waiting else {"explanation_received"}
    if not by_document:
        hidden |= DOCUMENT_EVENTS
    if matter.state in REPLIED_STATES:
        if matter.recheck is None:
            hidden |= AFTER_RECHECK | {"close"}
        elif matter.recheck.get("fixed"):
            hidden |= AFTER_RECHECK
    return [e for e in allowed_events(matter.state) if e not in hidden]


def offered_events(matter: Matter, actor: Actor) -> list[str]:
    """What the case page offers ``actor``: the available events their role may send."""
    return [e for e in available_events(matter) if may(actor, e)]


def needs_recheck(matter: Matter) -> bool:
    return matter.state in REPLIED_STATES and matter.recheck is None


def close_choices(matter: Matter) -> list[str]:
    """The 结案 results honest for ``matter`` now (the step re-checks them)."""
    from zhongben.workflow.machine import RESULTS

    persists = recheck_persists(matter)
    if matter.state == "awaiting_reply":
        return ["法院未回复", "撤回"]
    out = [r for r in RESULTS if not (r == "纠正" and persists)
           and not (r == "部分纠正" and persists == "all")]
    return [r for r in out if r != "法院未回复" or not matter.replied_on]
