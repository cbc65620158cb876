"""Generating and downloading a case's .docx drafts (检察建议书, 调查核实报告)."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from zhongben.protect.stamp import stamp_docx
from zhongben.store.audit import record
from zhongben.store.models import Document
from zhongben.web.cases import visible_matter
from zhongben.web.deps import Viewer, check_csrf, current_user, db
from zhongben.web.docx_mask import mask_docx
from zhongben.web.exports import export_mark
from zhongben.workflow.documents import KINDS, save_document

router = APIRouter()
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@router.post("/cases/{matter_id}/documents/{kind}", dependencies=[Depends(check_csrf)])
def generate(matter_id: int, kind: str, viewer: Viewer = Depends(current_user),
             session: Session = Depends(db)) -> Response:
    if kind not in KINDS:
        raise HTTPException(status_code=404)
    matter = visible_matter(session, viewer, matter_id)
    document = save_document(session, viewer.actor, matter, kind, date.today())
    session.commit()
    return RedirectResponse(f"/cases/{matter.id}#doc-{document.id}", status_code=303)


@router.get("/documents/{document_id}")
def download(request: Request, document_id: int, viewer: Viewer = Depends(current_user),
             session: Session = Depends(db)) -> Response:
    """The stored draft, its ID and phone numbers masked for a role that sees them masked (unless
    it revealed the case's), watermarked with the reader, the time and the purpose."""
    document = session.get(Document, document_id)
    if document is None:
        raise HTTPException(status_code=404)
    visible_matter(session, viewer, document.matter_id)
    mark = export_mark(request, viewer)
    viewer = viewer.for_object("matter", document.matter_id)
    content = document.content if viewer.unmasked else mask_docx(document.content)
    record(session, viewer.actor, "view_personal", "document", str(document.id),
           filename=document.filename, masked=not viewer.unmasked, revealed=viewer.revealed,
           **mark.audit_detail())
    session.commit()
    name = quote(document.filename)
    return Response(stamp_docx(content, mark), media_type=DOCX,
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{name}"})
