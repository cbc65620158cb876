"""The approval chain, the 文号 register and issuing, on the demo-like world: wrong roles,
skipped approvals and impossible dates are refused in Chinese with nothing half-written."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from zhongben.documents.drafts import create_draft, save_edit
from zhongben.documents.issue import issue
from zhongben.documents.pdf import sha256
from zhongben.store.models import DocNumber, Document, Lead, Matter, MatterEvent
from zhongben.store.testing import actor_of
from zhongben.workflow.approvals import approve, pending_approval_count, send_back, submit
from zhongben.workflow.errors import WorkflowError
from zhongben.workflow.service import StepInput, apply_event, open_matter

TODAY = date.today()


def a_lead(s: Session, rule: str) -> Lead:
    return s.scalars(select(Lead).where(Lead.rule_id == rule, Lead.matter_id.is_(None))).first()


def test_the_chain_numbers_and_freezes(world_db: sessionmaker[Session]) -> None:
    with world_db.begin() as s:
        jcg, zl, fzr, jcz = (actor_of(s, u) for u in ("jcg", "zl", "fzr", "jcz"))
        matter = open_matter(s, jcg, [a_lead(s, "DC-02")], TODAY)
        draft = create_draft(s, zl, matter, "检察建议书", TODAY)  # an assistant may draft
        with pytest.raises(WorkflowError, match=r"检察官助理.*无权提交审批"):
            submit(s, zl, draft)
        with pytest.raises(WorkflowError, match="须经审批同意后才能签发"):
            issue(s, jcg, draft, TODAY, TODAY)
        submit(s, jcg, draft)
        assert pending_approval_count(s, fzr.user_id) == 1
        assert pending_approval_count(s, jcz.user_id) == 0
        with pytest.raises(WorkflowError, match="须由部门负责人审批"):
            approve(s, jcz, draft)
        with pytest.raises(WorkflowError, match="不能修改"):
            save_edit(s, jcg, draft, {"finding": ["改"]}, "", TODAY)
        with pytest.raises(WorkflowError, match="退回须写明理由"):
            send_back(s, fzr, draft, " ")
        send_back(s, fzr, draft, "建议内容不够具体")
        assert draft.status == "returned" and pending_approval_count(s, fzr.user_id) == 0
        save_edit(s, jcg, draft, {"recommendations": ["<b>一、</b>依法扣押车辆浙D00000；"]},
                  "按部门负责人意见修改", TODAY)
        assert draft.version == 2
        submit(s, jcg, draft)
        approve(s, fzr, draft)
        with pytest.raises(WorkflowError, match="须由检察长审批"):
            approve(s, fzr, draft)
        approve(s, jcz, draft)
        assert draft.status == "approved"
        with pytest.raises(WorkflowError, match=r"检察官助理.*无权签发"):
            issue(s, zl, draft, TODAY, TODAY)
        draft_id, matter_id = draft.id, matter.id
    with world_db() as s:  # not yet 成案: refused, and no number taken
        draft = s.get(Document, draft_id)
        with pytest.raises(WorkflowError, match="当前状态不能签发"):
            issue(s, actor_of(s, "jcg"), draft, TODAY, TODAY)
        s.rollback()
        assert s.scalar(select(func.count(DocNumber.id))) == 0
    with world_db.begin() as s:
        jcg = actor_of(s, "jcg")
        matter = s.get(Matter, matter_id)
        draft = s.get(Document, draft_id)
        for event in ("accept", "investigate"):
            apply_event(s, jcg, matter, event, StepInput(), TODAY)
        with pytest.raises(WorkflowError, match="晚于今天"):
            issue(s, jcg, draft, TODAY + timedelta(days=1), TODAY)
        issue(s, jcg, draft, TODAY, TODAY)
        assert draft.doc_no == f"嵊检民（行）执监〔{TODAY.year}〕1号"
        assert draft.pdf_sha256 == sha256(draft.pdf or b"") and draft.status == "issued"
        assert matter.state == "recommended" and matter.sent_on == TODAY
        with pytest.raises(WorkflowError, match="不能修改"):
            save_edit(s, jcg, draft, {"finding": ["改"]}, "", TODAY)


def test_numbers_follow_on_and_are_never_reused(world_db: sessionmaker[Session]) -> None:
    with world_db.begin() as s:
        jcg, fzr = actor_of(s, "jcg"), actor_of(s, "fzr")
        numbers = []
        for rule in ("ZK-01", "CF-01"):
            matter = open_matter(s, jcg, [a_lead(s, rule)], TODAY)
            for event in ("accept", "investigate"):
                apply_event(s, jcg, matter, event, StepInput(), TODAY)
            notice = create_draft(s, jcg, matter, "说明案件执行情况通知书", TODAY)
            submit(s, jcg, notice)
            approve(s, fzr, notice)  # the notice's chain: 部门负责人 only
            issue(s, jcg, notice, TODAY, TODAY)
            numbers.append(notice.doc_no)
            assert matter.explanation_requested_on == TODAY
        assert numbers == [f"嵊检民（行）执监〔{TODAY.year}〕{n}号" for n in (1, 2)]


def test_impossible_dates_and_wrong_roles_write_nothing(world_db: sessionmaker[Session]) -> None:
    with world_db.begin() as s:
        jcg, zl = actor_of(s, "jcg"), actor_of(s, "zl")
        lead = a_lead(s, "HF-02")
        matter = open_matter(s, jcg, [lead], TODAY)
        matter_id, as_of = matter.id, lead.as_of
    cases = ((zl, "accept", StepInput(), "检察官助理.*无权决定成案"),
             (zl, "reject", StepInput(reason="线索不实", confirm=True), "无权决定不成案"),
             (jcg, "accept", StepInput(on=TODAY + timedelta(days=3)), "晚于今天"),
             (jcg, "accept", StepInput(on=as_of - timedelta(days=1)), "早于线索的筛查基准日"),
             (jcg, "issue_recommendation", StepInput(), "须通过签发经审批的文书"),
             (jcg, "reject", StepInput(reason="其他", confirm=True), "具体理由"))
    for actor, event, data, message in cases:
        with world_db() as s:
            before = s.scalar(select(func.count(MatterEvent.id)))
            with pytest.raises(WorkflowError, match=message):
                apply_event(s, actor, s.get(Matter, matter_id), event, data, TODAY)
            s.rollback()
            assert s.scalar(select(func.count(MatterEvent.id))) == before
            assert s.get(Matter, matter_id).state == "reviewing"  # type: ignore[union-attr]


def test_a_persisting_problem_cannot_close_as_corrected(world_db: sessionmaker[Session]) -> None:
    with world_db.begin() as s:
        jcg = actor_of(s, "jcg")
        matter = open_matter(s, jcg, [a_lead(s, "XG-01")], TODAY)
        for event in ("accept", "issue_recommendation", "court_received"):
            apply_event(s, jcg, matter, event, StepInput(), TODAY, by_document=True)
        with pytest.raises(WorkflowError, match="期限尚未届满"):
            apply_event(s, jcg, matter, "close", StepInput(result="法院未回复"), TODAY)
        with pytest.raises(WorkflowError, match="期满未回复方可跟进监督"):
            apply_event(s, jcg, matter, "follow_up", StepInput(text="督促"), TODAY)
        apply_event(s, jcg, matter, "court_adopted", StepInput(text="已处理"), TODAY)
        with pytest.raises(WorkflowError, match="须先重跑规则"):
            apply_event(s, jcg, matter, "follow_up", StepInput(text="督促"), TODAY)
        matter.recheck = {"fixed": False, "leads": [{"still_fires": True}]}
        with pytest.raises(WorkflowError, match="不能以“纠正”结案"):
            apply_event(s, jcg, matter, "close", StepInput(result="纠正"), TODAY)
        apply_event(s, jcg, matter, "follow_up", StepInput(text="约谈执行局"), TODAY)
        apply_event(s, jcg, matter, "close", StepInput(result="未纠正"), TODAY)
        assert matter.state == "closed" and matter.result == "未纠正"
        with pytest.raises(WorkflowError, match="重新办理须写明理由"):
            apply_event(s, jcg, matter, "reopen", StepInput(), TODAY)
        apply_event(s, jcg, matter, "reopen", StepInput(text="法院再次回复"), TODAY)
        assert matter.state == "following_up" and matter.result is None


def test_an_uploaded_word_file_is_versioned_and_issued_as_approved(
        world_db: sessionmaker[Session]) -> None:
    import io

    import docx

    from zhongben.documents.check import paragraphs
    from zhongben.documents.drafts import upload

    with world_db.begin() as s:
        jcg, fzr = actor_of(s, "jcg"), actor_of(s, "fzr")
        matter = open_matter(s, jcg, [a_lead(s, "PM-01")], TODAY)
        for event in ("accept", "investigate"):
            apply_event(s, jcg, matter, event, StepInput(), TODAY)
        notice = create_draft(s, jcg, matter, "说明案件执行情况通知书", TODAY)
        with pytest.raises(WorkflowError, match=r"不是 \.docx 格式"):
            upload(s, jcg, notice, b"%PDF-1.4", "通知书.pdf")
        with pytest.raises(WorkflowError, match="不是有效的 Word 文档"):
            upload(s, jcg, notice, b"not a zip", "通知书.docx")
        edited = docx.Document(io.BytesIO(notice.content))
        edited.add_paragraph("附：相关证据材料目录一份。")
        buffer = io.BytesIO()
        edited.save(buffer)
        upload(s, jcg, notice, buffer.getvalue(), "通知书（修改）.docx")
        assert notice.version == 2 and notice.sections == []
        submit(s, jcg, notice)
        approve(s, fzr, notice)
        issue(s, jcg, notice, TODAY, TODAY)
        text = paragraphs(notice.content)
        assert "附：相关证据材料目录一份。" in text and notice.doc_no in text
        assert f"{TODAY.year}年{TODAY.month}月{TODAY.day}日" in text


def test_office_settings_shape_numbers_and_chains(world_db: sessionmaker[Session]) -> None:
    from zhongben.documents.office import Office
    from zhongben.documents.settings import office_for, save_office

    with world_db.begin() as s:
        org = actor_of(s, "jcg").org_id
        with pytest.raises(WorkflowError, match="须包含"):
            save_office(s, org, Office("", "嵊", patterns={"检察建议书": "嵊检〔{year}〕号"}))
        with pytest.raises(WorkflowError, match="审批环节只能是"):
            save_office(s, org, Office("", "嵊", chains={"检察建议书": ["副检察长"]}))
        pattern = "{short}检民执监〔{year}〕{n}号"
        save_office(s, org, Office("", "嵊州", patterns={"检察建议书": pattern},
                                   chains={"检察建议书": ["部门负责人", "检察委员会"]},
                                   cc=["绍兴市中级人民法院"], contact="张检察官 0575-83000000"))
        office = office_for(s, org)
        assert office.number("检察建议书", 2026, 7) == "嵊州检民执监〔2026〕7号"
        assert office.decision() == "检察委员会" and office.series("检察建议书") == "检察建议书"
        jcg = actor_of(s, "jcg")
        matter = open_matter(s, jcg, [a_lead(s, "CF-01")], TODAY)
        from zhongben.documents.check import paragraphs

        text = "\n".join(paragraphs(create_draft(s, jcg, matter, "检察建议书", TODAY).content))
        assert "经本院检察委员会讨论决定" in text and "抄送：绍兴市中级人民法院。" in text
        assert "嵊州检民执监〔　　　　〕　　号" in text


def test_number_patterns_are_typed_and_shown_with_chinese_placeholders() -> None:
    from zhongben.documents.office import (
        DEFAULT_PATTERN,
        Office,
        check_pattern,
        pattern_from_zh,
        pattern_zh,
    )

    shown = pattern_zh(DEFAULT_PATTERN)
    assert shown == "{简称}检民（行）执监〔{年度}〕{序号}号"
    assert pattern_from_zh(shown) == DEFAULT_PATTERN
    assert pattern_from_zh(DEFAULT_PATTERN) == DEFAULT_PATTERN  # the stored keys still read
    typed = pattern_from_zh("{简称}检建〔{年度}〕{序号}号")
    office = Office("", "嵊", patterns={"检察建议书": typed})
    assert office.number("检察建议书", 2026, 7) == "嵊检建〔2026〕7号"
    with pytest.raises(WorkflowError, match="未知的占位符：编号"):
        check_pattern(pattern_from_zh("{简称}检〔{年度}〕{序号}{编号}号"))
