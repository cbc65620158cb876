"""The .docx drafts: standard layout, facts from the leads, only verified basis cited."""

import io
from datetime import date

import docx
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from zhongben.store.models import Lead
from zhongben.store.testing import actor_of
from zhongben.workflow.documents import render_document
from zhongben.workflow.service import open_matter

TODAY = date(2025, 7, 1)


def text_of(content: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(content)).paragraphs]


def test_class_recommendation_and_report(seeded: sessionmaker[Session]) -> None:
    with seeded.begin() as s:
        leads = list(s.scalars(select(Lead).where(Lead.court == "嵊州市人民法院",
                                                  Lead.rule_id == "CC-01").limit(2)))
        matter = open_matter(s, actor_of(s, "jcg"), leads, TODAY)
        letter = text_of(render_document(s, matter, "recommendation", TODAY).content)
        report = text_of(render_document(s, matter, "investigation", TODAY).content)
    assert letter[:2] == ["嵊州市人民检察院", "检察建议书"]
    assert letter[3] == "嵊州市人民法院："
    assert "2025年7月1日" in letter and "抄送：绍兴市人民检察院" in letter
    cited = next(p for p in letter if p.startswith("根据"))
    assert "第一条" in cited and "待核实" not in cited and "地方执行工作指引" not in cited
    assert sum(p.startswith(("1. ", "2. ")) for p in letter) == 2  # one fact per case
    assert any("地方执行工作指引（待核实）" in p for p in report)
    assert any("来源：执行案件（cases.xlsx 第" in p for p in report)
