"""A case's documents: draft, edit in the browser (or upload an edited .docx), versions,
submit / approve / return, issue (文号, signing date, PDF with its hash), download and preview."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from zhongben.documents.check import check_docx
from zhongben.documents.drafts import (
    ACTION_NAMES,
    MAX_UPLOAD,
    STATUS_NAMES,
    compose_for,
    create_draft,
    editable_sections,
    save_edit,
    upload,
    versions,
)
from zhongben.documents.issue import issue
from zhongben.documents.model import KIND_CODES, KINDS
from zhongben.documents.pdf import PdfError, docx_to_pdf
from zhongben.protect.stamp import stamp_docx, stamp_pdf
from zhongben.store.audit import record
from zhongben.store.models import Document, DocumentVersion, Matter
from zhongben.web.cases import visible_matter
from zhongben.web.deps import Viewer, check_csrf, current_user, db, render
from zhongben.web.docx_mask import mask_docx
from zhongben.web.editor import paragraphs_from_html
from zhongben.web.exports import export_mark
from zhongben.workflow.approvals import approve, chain_of, current_step, history, send_back, submit
from zhongben.workflow.errors import WorkflowError

router = APIRouter()
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _kind(code: str) -> str:
    kind = KIND_CODES.get(code, code)
    if kind not in KINDS:
        raise HTTPException(status_code=404)
    return kind


def visible_document(session: Session, viewer: Viewer, document_id: int) -> Document:
    document = session.get(Document, document_id)
    if document is None:
        raise HTTPException(status_code=404)
    visible_matter(session, viewer, document.matter_id)
    return document


@router.post("/cases/{matter_id}/documents/{kind}", dependencies=[Depends(check_csrf)])
def generate(request: Request, matter_id: int, kind: str,
             viewer: Viewer = Depends(current_user),
             session: Session = Depends(db)) -> Response:
    matter = visible_matter(session, viewer, matter_id)
    try:
        document = create_draft(session, viewer.actor, matter, _kind(kind), date.today())
    except WorkflowError as exc:
        session.rollback()
        from zhongben.web.cases import case_page

        return case_page(request, matter_id, str(exc), viewer, session)
    session.commit()
    return RedirectResponse(f"/documents/{document.id}", status_code=303)


def _page_context(session: Session, viewer: Viewer, document: Document) -> dict[str, Any]:
    matter = session.get(Matter, document.matter_id)
    assert matter is not None
    try:
        warnings = compose_for(session, matter, document.kind, date.today()).warnings
    except WorkflowError as exc:
        warnings = [str(exc)]
    return {"viewer": viewer, "document": document, "matter": matter,
            "status": STATUS_NAMES[document.status], "sections": editable_sections(document),
            "warnings": warnings, "problems": check_docx(document.content, document.kind,
                                                         issued=document.status == "issued"),
            "chain": chain_of(session, document), "step": current_step(session, document),
            "approvals": history(session, document), "versions": versions(session, document),
            "actions": ACTION_NAMES}


@router.get("/documents/{document_id}")
def document_route(request: Request, document_id: int, viewer: Viewer = Depends(current_user),
                   session: Session = Depends(db)) -> Response:
    # No ``error`` from the query string: a link could show any text as the system's message.
    return document_page(request, document_id, "", viewer, session)


def document_page(request: Request, document_id: int, error: str, viewer: Viewer,
                  session: Session) -> Response:
    document = visible_document(session, viewer, document_id)
    return render(request, "document.html", {**_page_context(session, viewer, document),
                                             "error": error})


def _act(request: Request, session: Session, viewer: Viewer, document: Document,
         action: Any) -> Response:
    try:
        action()
    except WorkflowError as exc:
        session.rollback()
        fresh = visible_document(session, viewer, document.id)
        return render(request, "document.html", {**_page_context(session, viewer, fresh),
                                                 "error": str(exc)}, status_code=400)
    session.commit()
    return RedirectResponse(f"/documents/{document.id}", status_code=303)


@router.post("/documents/{document_id}/edit", dependencies=[Depends(check_csrf)])
async def edit(request: Request, document_id: int, viewer: Viewer = Depends(current_user),
               session: Session = Depends(db)) -> Response:
    document = visible_document(session, viewer, document_id)
    form = await request.form()
    edited = {str(k)[8:]: paragraphs_from_html(str(v)) for k, v in form.items()
              if str(k).startswith("section-")}
    note = str(form.get("note", "")).strip()
    return _act(request, session, viewer, document,
                lambda: save_edit(session, viewer.actor, document, edited, note, date.today()))


@router.post("/documents/{document_id}/upload", dependencies=[Depends(check_csrf)])
async def upload_docx(request: Request, document_id: int, file: UploadFile = File(...),
                      viewer: Viewer = Depends(current_user),
                      session: Session = Depends(db)) -> Response:
    document = visible_document(session, viewer, document_id)
    content = await file.read(MAX_UPLOAD + 1)  # a larger body is refused, not held in memory
    return _act(request, session, viewer, document,
                lambda: upload(session, viewer.actor, document, content, file.filename or ""))


@router.post("/documents/{document_id}/submit", dependencies=[Depends(check_csrf)])
def submit_document(request: Request, document_id: int, viewer: Viewer = Depends(current_user),
                    session: Session = Depends(db)) -> Response:
    document = visible_document(session, viewer, document_id)
    return _act(request, session, viewer, document,
                lambda: submit(session, viewer.actor, document))


@router.post("/documents/{document_id}/approve", dependencies=[Depends(check_csrf)])
def approve_document(request: Request, document_id: int, note: str = Form(""),
                     viewer: Viewer = Depends(current_user),
                     session: Session = Depends(db)) -> Response:
    document = visible_document(session, viewer, document_id)
    return _act(request, session, viewer, document,
                lambda: approve(session, viewer.actor, document, note.strip()))


@router.post("/documents/{document_id}/return", dependencies=[Depends(check_csrf)])
def return_document(request: Request, document_id: int, reason: str = Form(""),
                    viewer: Viewer = Depends(current_user),
                    session: Session = Depends(db)) -> Response:
    document = visible_document(session, viewer, document_id)
    return _act(request, session, viewer, document,
                lambda: send_back(session, viewer.actor, document, reason))


@router.post("/documents/{document_id}/issue", dependencies=[Depends(check_csrf)])
def issue_document(request: Request, document_id: int, signed_on: date | None = Form(None),
                   viewer: Viewer = Depends(current_user),
                   session: Session = Depends(db)) -> Response:
    document = visible_document(session, viewer, document_id)
    today = date.today()
    return _act(request, session, viewer, document,
                lambda: issue(session, viewer.actor, document, signed_on or today, today))


def _attachment(content: bytes, filename: str, media: str, inline: bool = False) -> Response:
    how = "inline" if inline else "attachment"
    return Response(content, media_type=media,
                    headers={"Content-Disposition": f"{how}; filename*=UTF-8''{quote(filename)}"})


@router.get("/documents/{document_id}/docx")
def download(request: Request, document_id: int, version: int | None = None,
             viewer: Viewer = Depends(current_user), session: Session = Depends(db)) -> Response:
    """The .docx (a saved version on request), its ID and phone numbers masked for a role that
    sees them masked (unless it revealed the case's), watermarked with reader, time, purpose."""
    document = visible_document(session, viewer, document_id)
    mark = export_mark(request, viewer)  # asked once the document is known to be visible
    content = document.content
    if version is not None:
        found = session.query(DocumentVersion).filter_by(document_id=document.id,
                                                         number=version).first()
        if found is None:
            raise HTTPException(status_code=404)
        content = found.content
    viewer = viewer.for_object("matter", document.matter_id)
    content = content if viewer.unmasked else mask_docx(content)
    record(session, viewer.actor, "view_personal", "document", str(document.id),
           filename=document.filename, version=version or document.version,
           masked=not viewer.unmasked, revealed=viewer.revealed, **mark.audit_detail())
    session.commit()
    return _attachment(stamp_docx(content, mark), document.filename, DOCX)


@router.get("/documents/{document_id}/pdf")
def pdf(request: Request, document_id: int, viewer: Viewer = Depends(current_user),
        session: Session = Depends(db)) -> Response:
    """The signed PDF once issued, before that a preview of the current draft; watermarked. A
    role that sees numbers masked gets the same text rendered from the masked .docx (the kept,
    hashed PDF holds them in full)."""
    document = visible_document(session, viewer, document_id)
    mark = export_mark(request, viewer)
    viewer = viewer.for_object("matter", document.matter_id)
    name = document.filename.removesuffix(".docx") + ".pdf"
    try:
        content = _pdf_for(document, viewer.unmasked)
    except PdfError as exc:
        raise HTTPException(status_code=503, detail=str(exc)) from exc
    record(session, viewer.actor, "view_personal", "document", str(document.id), filename=name,
           masked=not viewer.unmasked, revealed=viewer.revealed, **mark.audit_detail())
    session.commit()
    return _attachment(stamp_pdf(content, mark), name, "application/pdf", inline=True)


def _pdf_for(document: Document, unmasked: bool) -> bytes:
    if not unmasked:
        return docx_to_pdf(mask_docx(document.content))
    return document.pdf if document.pdf is not None else docx_to_pdf(document.content)
