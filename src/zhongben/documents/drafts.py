"""Drafts people edit: a case's document is generated from its leads, then edited in the browser
(the sections' rich text) or replaced by an uploaded .docx; every save is a version (who, what,
when). A draft can be edited while it is a draft or returned; under approval and once issued it
is frozen."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from typing import Any

import docx
from sqlalchemy import select
from sqlalchemy.orm import Session

from zhongben.documents.compose import CaseSteps, Signing, compose
from zhongben.documents.model import DocumentModel
from zhongben.documents.render import to_docx
from zhongben.documents.settings import office_for
from zhongben.documents.sources import app_leads
from zhongben.protect.uploads import zip_problem
from zhongben.store.audit import Actor, record
from zhongben.store.models import Document, DocumentVersion, Matter, MatterEvent, User
from zhongben.workflow.errors import WorkflowError
from zhongben.workflow.permissions import require_workflow
from zhongben.workflow.service import matter_leads

STATUS_NAMES = {"draft": "草稿", "submitted": "审批中", "returned": "已退回", "approved": "已批准",
                "issued": "已签发"}
EDITABLE = frozenset({"draft", "returned"})
MAX_UPLOAD = 20 * 1024 * 1024
ACTION_NAMES = {"generated": "生成", "edited": "在线修改", "uploaded": "上传修改稿",
                "issued": "签发"}


def case_steps(session: Session, matter: Matter) -> CaseSteps:
    owner = session.get(User, matter.owner_id) if matter.owner_id else None
    steps = CaseSteps(opened_on=matter.opened_on, prosecutor=owner.display_name if owner else "",
                      matter_no=matter.number,
                      explanation_requested_on=matter.explanation_requested_on,
                      explanation_received_on=matter.explanation_received_on)
    found = session.execute(select(MatterEvent, User.role).join(
        User, User.id == MatterEvent.user_id, isouter=True).where(
        MatterEvent.matter_id == matter.id, MatterEvent.action == "investigate")).first()
    if found:
        event, role = found
        steps.investigated_on = date.fromisoformat(event.note["on"]) if event.note.get(
            "on") else event.at.date()
        steps.decided_by = "本院检察长" if role == "检察长" else "承办检察官"
    return steps


def compose_for(session: Session, matter: Matter, kind: str, today: date,
                signing: Signing | None = None) -> DocumentModel:
    leads = matter_leads(session, matter)
    if not leads:
        raise WorkflowError("案件没有线索，无法生成文书")
    return compose(kind, app_leads(session, leads), office_for(session, matter.org_id),
                   matter.court or "", signing or Signing(), case_steps(session, matter), today)


def create_draft(session: Session, actor: Actor, matter: Matter, kind: str,
                 today: date) -> Document:
    require_workflow(actor)
    model = compose_for(session, matter, kind, today)
    content = to_docx(model)
    document = Document(matter_id=matter.id, kind=kind, filename=_filename(matter, kind),
                        created_at=datetime.now(), user_id=actor.user_id, content=content,
                        status="draft", version=1, sections=model.sections_json(),
                        approval_step=0)
    session.add(document)
    session.flush()
    _version(session, actor, document, "generated", "由线索和案件数据生成")
    record(session, actor, "document.create", "matter", str(matter.id), kind=kind,
           document_id=document.id)
    return document


def _filename(matter: Matter, kind: str) -> str:
    return f"{matter.number}{kind}.docx"


def _version(session: Session, actor: Actor, document: Document, action: str,
             note: str) -> None:
    session.add(DocumentVersion(document_id=document.id, number=document.version,
                                at=datetime.now(), user_id=actor.user_id, action=action,
                                note=note, sections=list(document.sections or []),
                                content=document.content))


def _editable(document: Document) -> None:
    if document.status not in EDITABLE:
        hint = "（审批人退回后方可修改）" if document.status == "submitted" else ""
        raise WorkflowError(f"文书处于“{STATUS_NAMES[document.status]}”状态，不能修改{hint}")


def save_edit(session: Session, actor: Actor, document: Document,
              edited: dict[str, list[str]], note: str, today: date) -> Document:
    """New version with the editable sections' paragraphs replaced by ``edited``."""
    require_workflow(actor)
    _editable(document)
    matter = session.get(Matter, document.matter_id)
    assert matter is not None
    model = compose_for(session, matter, document.kind, today)
    sections = [{"key": k, "paragraphs": v} for k, v in edited.items()]
    saved = {s["key"]: s for s in (document.sections or [])}
    for section in model.sections:
        if section.key in saved and section.key not in edited:
            section.paragraphs = list(saved[section.key]["paragraphs"])
    model.with_sections(sections)
    document.sections, document.content = model.sections_json(), to_docx(model)
    document.version += 1
    _version(session, actor, document, "edited", note or "在线修改")
    record(session, actor, "document.edit", "document", str(document.id),
           version=document.version, sections=sorted(edited))
    return document


def upload(session: Session, actor: Actor, document: Document, content: bytes,
           filename: str) -> Document:
    """A .docx edited in Word replaces the draft's content (a new version)."""
    require_workflow(actor)
    _editable(document)
    check_upload(content, filename)
    document.content = content
    document.sections = []
    document.version += 1
    _version(session, actor, document, "uploaded", f"上传 {filename}")
    record(session, actor, "document.upload", "document", str(document.id),
           version=document.version, filename=filename, size=len(content))
    return document


def check_upload(content: bytes, filename: str) -> None:
    if len(content) > MAX_UPLOAD:
        raise WorkflowError(f"文件 {filename} 超过 20 MB，请压缩图片后再上传")
    if not filename.lower().endswith(".docx"):
        raise WorkflowError(f"文件 {filename} 不是 .docx 格式（Word 2007 及以上），"
                            "请在 Word 中“另存为 .docx”后再上传")
    problem = zip_problem(content, filename)
    if problem:
        raise WorkflowError(f"{problem}；请在 Word 中“另存为 .docx”后再上传")
    try:
        docx.Document(io.BytesIO(content))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise WorkflowError(f"文件 {filename} 无法作为 Word 文档读取（{type(exc).__name__}），"
                            "请确认文件未损坏") from exc


def versions(session: Session, document: Document) -> list[tuple[DocumentVersion, str | None]]:
    rows = session.execute(select(DocumentVersion, User.display_name).join(
        User, User.id == DocumentVersion.user_id, isouter=True).where(
        DocumentVersion.document_id == document.id).order_by(DocumentVersion.number)).all()
    return [(v, name) for v, name in rows]


def editable_sections(document: Document) -> list[dict[str, Any]]:
    return [s for s in document.sections or [] if s.get("editable")]
