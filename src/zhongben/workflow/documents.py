"""Drafts of 检察建议书 and 调查核实报告 as .docx, filled from the case's leads: facts from the
explanations, evidence with its provenance, legal basis (unverified items marked 待核实)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from sqlalchemy import select
from sqlalchemy.orm import Session

from zhongben.leads.output.labels import fields_text, source_text
from zhongben.store.audit import Actor, record
from zhongben.store.models import Document, Lead, Matter, Org, User

TEMPLATES = Path(__file__).parent / "templates"
KINDS = {"recommendation": ("检察建议书", "recommendation.docx"),
         "investigation": ("调查核实报告", "investigation.docx")}
BASIS_MARK = {"V": "", "S": "（待复核）", "U": "（待核实）"}
CLASS_SUGGESTIONS = (
    "一、对上述案件逐案开展复查，依法恢复执行，穷尽财产调查措施；",
    "二、针对此类问题梳理原因，完善终结本次执行程序案件的审查和管理机制；",
    "三、加强对执行人员的监督管理，防止类似问题再次发生。",
)
SINGLE_SUGGESTIONS = (
    "一、对该案依法予以纠正，及时恢复执行，依法处置被执行人财产；",
    "二、加强终结本次执行程序案件的规范管理，严格把握终本条件。",
)


@dataclass(frozen=True)
class DocumentDraft:
    kind: str
    filename: str
    content: bytes


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _basis(leads: list[Lead]) -> list[str]:
    seen: dict[str, str] = {}
    for lead in leads:
        for item in lead.legal_basis or []:
            seen.setdefault(item.get("text", ""), BASIS_MARK.get(item.get("status", "U"), ""))
    return [text + mark for text, mark in seen.items() if text]


def _cited(leads: list[Lead]) -> str:
    """The basis cited in the document: verified and secondary items only (待核实 is not cited)."""
    items = [b for lead in leads for b in (lead.legal_basis or []) if b.get("status") in "VS"]
    texts = dict.fromkeys(b.get("text", "") + BASIS_MARK[b["status"]] for b in items)
    return "、".join(t for t in texts if t)


def _evidence(leads: list[Lead]) -> list[str]:
    """Each evidence row in Chinese: its fields by their contract names, and its source."""
    return [f"{lead.case_no or ''} {fields_text(ev)}（来源：{source_text(ev)}）"
            for lead in leads for ev in lead.evidence or []]


def context(session: Session, matter: Matter, today: date) -> dict[str, Any]:
    leads = list(session.scalars(select(Lead).where(Lead.matter_id == matter.id)
                                 .order_by(Lead.case_no)))
    org = session.get(Org, matter.org_id)
    owner = session.get(User, matter.owner_id) if matter.owner_id else None
    org_name = org.name if org else ""
    parent = session.get(Org, org.parent_id) if org and org.parent_id else None
    first = leads[0] if leads else None
    class_case = matter.kind == "类案监督"
    return {
        "org_name": org_name,
        "doc_no": f"{org_name[:1]}检民执建〔{today.year}〕{matter.id}号",
        "matter_no": matter.number, "title": matter.title, "court": matter.court or "",
        "facts_intro": (f"你院办理的{len(leads)}件执行案件存在“{first.rule_name if first else ''}”"
                        "问题，具体如下：") if class_case else "你院办理的下列执行案件存在问题：",
        "facts": [lead.explanation for lead in leads],
        "finding": (f"上述案件存在“{first.rule_name}”情形，" if first else "")
        + "不符合终结本次执行程序的条件或执行行为存在违法、不当之处，应当依法监督纠正。",
        "basis_text": _cited(leads) or "《中华人民共和国民事诉讼法》第二百四十二条",
        "basis": _basis(leads),
        "suggestions": list(CLASS_SUGGESTIONS if class_case else SINGLE_SUGGESTIONS),
        "source": f"大数据法律监督模型“{first.family if first else ''}”筛查发现，规则 "
                  f"{matter.rule_id}（{first.rule_name if first else ''}），共{len(leads)}条线索。",
        "evidence": _evidence(leads),
        "opinion": "经调查核实，线索反映的问题属实，建议向法院制发检察建议。",
        "prosecutor": owner.display_name if owner else "",
        "date_text": chinese_date(today), "cc": parent.name if parent else "",
    }


def render_document(session: Session, matter: Matter, kind: str, today: date) -> DocumentDraft:
    label, template = KINDS[kind]
    doc = DocxTemplate(str(TEMPLATES / template))
    doc.render(context(session, matter, today))
    buffer = io.BytesIO()
    doc.save(buffer)
    return DocumentDraft(kind, f"{matter.number}{label}.docx", buffer.getvalue())


def save_document(session: Session, actor: Actor, matter: Matter, kind: str,
                  today: date) -> Document:
    draft = render_document(session, matter, kind, today)
    document = Document(matter_id=matter.id, kind=KINDS[kind][0], filename=draft.filename,
                        created_at=datetime.now(), user_id=actor.user_id, content=draft.content)
    session.add(document)
    session.flush()
    record(session, actor, "document.create", "matter", str(matter.id), kind=document.kind,
           document_id=document.id)
    return document
