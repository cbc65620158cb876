"""Issuing (签发) an approved document: the 文号 from the register, the signing date in the 落款,
the PDF made and kept with its SHA-256, the content frozen, and the case moved on (a 检察建议书
is 制发, a 说明案件执行情况通知书 sent). All in one transaction: a refusal or a failed PDF
leaves nothing written and no number taken. The text issued is the text approved: the number and
the date are stamped into the approved .docx, nothing is re-generated."""

from __future__ import annotations

import io
import re
from datetime import date, datetime

import docx
from docx.text.paragraph import Paragraph
from sqlalchemy import select
from sqlalchemy.orm import Session

from zhongben.documents.drafts import STATUS_NAMES, _version
from zhongben.documents.model import SENT_KINDS
from zhongben.documents.pdf import PdfError, docx_to_pdf, sha256
from zhongben.documents.settings import office_for
from zhongben.documents.text import chinese_date
from zhongben.store.audit import Actor, record
from zhongben.store.models import Document, DocumentApproval, Matter
from zhongben.workflow.approval_notices import after_issue
from zhongben.workflow.dates import check_step_date
from zhongben.workflow.errors import WorkflowError
from zhongben.workflow.permissions import require_decider
from zhongben.workflow.register import assign_number
from zhongben.workflow.service import apply_event, available_events
from zhongben.workflow.steps import StepInput

EVENTS = {"检察建议书": "issue_recommendation", "说明案件执行情况通知书": "request_explanation"}
BLANK_NUMBER = re.compile(r"〔[\s　]*〕[\s　]*号")
BLANK_DAY = re.compile(r"^[\s　]*年[\s　]*月[\s　]*日[\s　]*$")


def stamp(content: bytes, doc_no: str, signed_on: date) -> bytes:
    """The approved .docx with its blank number line and blank 落款 date filled in."""
    document = docx.Document(io.BytesIO(content))
    number_done, date_done = not doc_no, False
    for paragraph in document.paragraphs:
        text = paragraph.text
        if not number_done and BLANK_NUMBER.search(text):
            _replace(paragraph, doc_no)
            number_done = True
        elif BLANK_DAY.match(text) and not date_done:
            _replace(paragraph, chinese_date(signed_on))
            date_done = True
    if not (number_done and date_done):
        missing = ("空白文号行（如“〔　　〕　号”）" if not number_done
                   else "空白落款日期（“　年　月　日”）")
        raise WorkflowError(f"文书中找不到{missing}，无法填入签发信息；请保留该行后重新上传")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _replace(paragraph: Paragraph, text: str) -> None:
    runs = paragraph.runs
    runs[0].text = text
    for run in runs[1:]:
        run.text = ""


def issue(session: Session, actor: Actor, document: Document, signed_on: date,
          today: date) -> Document:
    require_decider(actor, "issue")
    if document.status != "approved":
        state = STATUS_NAMES[document.status]
        raise WorkflowError(f"文书处于“{state}”状态，须经审批同意后才能签发")
    matter = session.get(Matter, document.matter_id)
    assert matter is not None
    last = session.scalar(select(DocumentApproval.at).where(
        DocumentApproval.document_id == document.id).order_by(DocumentApproval.id.desc()))
    check_step_date(signed_on, today, None, [("审批", last.date())] if last else [])
    event = EVENTS.get(document.kind)
    if event and event not in available_events(matter, by_document=True):
        raise WorkflowError(f"案件当前状态不能签发{document.kind}")
    doc_no = ""
    if document.kind in SENT_KINDS:
        office = office_for(session, matter.org_id)
        doc_no = assign_number(session, matter.org_id, office, document.kind, signed_on.year,
                               document.id)
    content = stamp(document.content, doc_no, signed_on)
    try:
        pdf = docx_to_pdf(content)
    except PdfError as exc:
        raise WorkflowError(f"签发失败：{exc}") from exc
    document.content, document.pdf, document.pdf_sha256 = content, pdf, sha256(pdf)
    document.doc_no, document.signed_on, document.status = doc_no or None, signed_on, "issued"
    document.version += 1
    _version(session, actor, document, "issued", f"签发，文号 {doc_no}" if doc_no else "签署")
    if event:
        apply_event(session, actor, matter, event, StepInput(on=signed_on, text=doc_no), today,
                    by_document=True)
    record(session, actor, "document.issue", "document", str(document.id), doc_no=doc_no,
           signed_on=signed_on.isoformat(), pdf_sha256=document.pdf_sha256,
           at=datetime.now().isoformat(timespec="seconds"))
    after_issue(session, actor, document)
    return document
