"""The workflow services on a real database (SQLite; PostgreSQL too when configured)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from zhongben.store.accounts import visible_org_ids
from zhongben.store.leads import LeadFilter, lift_expired_suppressions, page_of_leads
from zhongben.store.models import AuditEntry, Lead, LeadEvent, Matter, Org
from zhongben.store.stats import funnel, totals
from zhongben.store.testing import actor_of
from zhongben.workflow.reminders import reminders
from zhongben.workflow.service import (
    StepInput,
    WorkflowError,
    apply_event,
    available_events,
    open_matter,
)
from zhongben.workflow.triage import suppress, transfer

TODAY = date(2025, 7, 1)


def leads_of(session: Session, court: str, n: int, rule: str | None = None) -> list[Lead]:
    query = select(Lead).where(Lead.court == court, Lead.matter_id.is_(None))
    if rule:
        query = query.where(Lead.rule_id == rule)
    return list(session.scalars(query.order_by(Lead.lead_key).limit(n)))


def test_a_case_goes_from_lead_to_money_recovered(seeded: sessionmaker[Session]) -> None:
    with seeded.begin() as s:
        actor = actor_of(s, "jcg")
        lead = leads_of(s, "嵊州市人民法院", 1)[0]
        matter = open_matter(s, actor, [lead], TODAY)
        for event, data in (("accept", StepInput()), ("issue_recommendation", StepInput()),
                            ("court_received", StepInput()),
                            ("court_adopted", StepInput(text="已恢复执行"))):
            apply_event(s, actor, matter, event, data, TODAY, by_document=True)
        matter.recheck = {"fixed": True, "leads": [{"still_fires": False}]}
        apply_event(s, actor, matter, "close", StepInput(
            result="纠正", outcomes=["恢复执行", "执行款到位"], amount=Decimal("5000")), TODAY)
        key = lead.lead_key
    with seeded() as s:
        matter = s.scalars(select(Matter)).one()
        assert matter.state == "closed" and matter.recovered_amount == Decimal("5000.00")
        assert s.get(Lead, key).status == "结案"  # type: ignore[union-attr]
        actions = s.scalars(select(AuditEntry.action)).all()
        assert "matter.court_adopted" in actions and "matter.close" in actions
        total = totals(funnel(s, visible_org_ids(s, matter.org_id), "court"))
        assert total.counts[1:] == [1, 1, 1, 1, 1, 1] and total.amount == Decimal("5000")


def test_each_step_insists_on_its_data(seeded: sessionmaker[Session]) -> None:
    with seeded.begin() as s:
        actor = actor_of(s, "jcg")
        matter = open_matter(s, actor, leads_of(s, "嵊州市人民法院", 1), TODAY)
        with pytest.raises(WorkflowError, match="理由"):
            apply_event(s, actor, matter, "reject", StepInput(), TODAY)
        with pytest.raises(WorkflowError, match="不能"):
            apply_event(s, actor, matter, "close", StepInput(outcomes=["恢复执行"]), TODAY)
        with pytest.raises(WorkflowError, match="确认不成案"):
            apply_event(s, actor, matter, "reject", StepInput(reason="线索不实"), TODAY)
        apply_event(s, actor, matter, "reject", StepInput(reason="线索不实", confirm=True), TODAY)
        assert matter.state == "not_a_case"


def test_class_cases_group_one_problem_at_one_court(seeded: sessionmaker[Session]) -> None:
    with seeded.begin() as s:
        actor = actor_of(s, "fzr")
        same = leads_of(s, "嵊州市人民法院", 3, rule="CC-01")
        matter = open_matter(s, actor, same, TODAY)
        assert matter.kind == "类案监督" and len(same) == 3
        from zhongben.documents.check import paragraphs
        from zhongben.documents.drafts import create_draft

        text = "\n".join(paragraphs(create_draft(s, actor, matter, "检察建议书", TODAY).content))
        assert "对上述案件的执行活动进行了审查" in text and "第一百一十七条" in text
        assert all(x.case_no in text for x in same)
        mixed = leads_of(s, "嵊州市人民法院", 1, "ZB-01") + leads_of(s, "嵊州市人民法院", 1,
                                                                    "XG-01")
        with pytest.raises(WorkflowError, match="同一法院"):
            open_matter(s, actor, mixed, TODAY)


def test_analysts_cannot_move_cases(seeded: sessionmaker[Session]) -> None:
    with seeded.begin() as s, pytest.raises(WorkflowError, match="角色"):
        open_matter(s, actor_of(s, "fxy"), leads_of(s, "嵊州市人民法院", 1), TODAY)


def test_reminders_show_the_running_deadline(seeded: sessionmaker[Session]) -> None:
    with seeded.begin() as s:
        actor = actor_of(s, "jcg")
        matter = open_matter(s, actor, leads_of(s, "嵊州市人民法院", 1), TODAY)
        [review] = reminders(s, actor, [actor.org_id], TODAY)
        assert review.deadline.label.startswith("审查终结") and not review.deadline.overdue
        apply_event(s, actor, matter, "accept", StepInput(on=TODAY), TODAY)
        items = reminders(s, actor, [actor.org_id], TODAY + timedelta(days=20))
        assert len(items) == 1 and items[0].deadline.overdue
        assert reminders(s, actor_of(s, "jcg2"), [actor.org_id], TODAY + timedelta(days=20)) == []


def test_suppression_expires_and_transfer_moves_jurisdiction(
        seeded: sessionmaker[Session]) -> None:
    with seeded.begin() as s:
        actor = actor_of(s, "jcg")
        first, second = leads_of(s, "嵊州市人民法院", 2)
        suppress(s, actor, first, "法院已自行恢复执行", TODAY - timedelta(days=1))
        other = s.scalars(select(Org).where(Org.name == "新昌县人民检察院")).one()
        transfer(s, actor, second, other, "移送", "被执行人住所地在新昌")
        visible = visible_org_ids(s, actor.org_id)
        keys = {x.lead_key for x in page_of_leads(s, visible, LeadFilter(), 1, 100)[0]}
        assert first.lead_key not in keys and second.lead_key not in keys
        assert lift_expired_suppressions(s, TODAY) == 1
        history = s.scalars(select(LeadEvent).where(LeadEvent.lead_key == second.lead_key)).one()
        assert history.note["to_org"] == "新昌县人民检察院"


def test_one_explanation_notice_at_a_time(seeded: sessionmaker[Session]) -> None:
    with seeded.begin() as s:
        actor = actor_of(s, "jcg")
        matter = open_matter(s, actor, leads_of(s, "嵊州市人民法院", 1), TODAY)
        for event in ("accept", "investigate"):
            apply_event(s, actor, matter, event, StepInput(), TODAY)
        assert "explanation_received" not in available_events(matter)
        with pytest.raises(WorkflowError, match="尚未发出"):
            apply_event(s, actor, matter, "explanation_received", StepInput(), TODAY)
        later = TODAY + timedelta(days=16)
        apply_event(s, actor, matter, "request_explanation", StepInput(), TODAY, by_document=True)
        assert matter.explanation_requested_on == TODAY
        assert "request_explanation" not in available_events(matter, by_document=True)
        with pytest.raises(WorkflowError, match="尚未说明"):
            apply_event(s, actor, matter, "request_explanation", StepInput(), TODAY,
                        by_document=True)
        due = {r.deadline.label: r.deadline for r in reminders(s, actor, [actor.org_id], later)}
        assert due["法院说明案件执行情况"].overdue
        apply_event(s, actor, matter, "explanation_received", StepInput(), later)
        assert matter.explanation_received_on == later and matter.state == "investigating"
        labels = [r.deadline.label for r in reminders(s, actor, [actor.org_id], TODAY)]
        assert labels == ["制发检察建议书"]
        assert "request_explanation" in available_events(matter, by_document=True)
