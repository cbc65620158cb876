"""Working together on a lead or a case: comments with @mentions, attachments (their text read,
OCR for scans, so search finds them) and tags. The forms are the partial ``_collab.html``,
included by the lead and the case page; every action is audited and answers 404 outside the
user's jurisdiction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from zhongben.store.attachments import MAX_BYTES, attach, attachments_of
from zhongben.store.audit import record
from zhongben.store.collab_models import Attachment
from zhongben.store.comments import (
    CollabError,
    add_comment,
    add_tag,
    colleagues,
    comments_of,
    known_tags,
    remove_tag,
    tags_of,
)
from zhongben.store.leads import visible_lead
from zhongben.store.models import Matter
from zhongben.web.deps import Viewer, check_csrf, current_user, db, flash

router = APIRouter()
KINDS = {"leads": "lead", "cases": "matter"}


@dataclass(frozen=True)
class Target:
    object_type: str
    object_id: str
    org_id: int | None
    title: str
    link: str


def target(session: Session, viewer: Viewer, object_type: str, object_id: str) -> Target:
    """The lead or case the user acts on, or 404 when it is not theirs to see."""
    if object_type == "lead":
        lead = visible_lead(session, viewer.org_ids, object_id)
        if lead is not None:
            title = lead.case_no or lead.party_names or lead.rule_name
            return Target("lead", lead.lead_key, lead.org_id, f"{lead.rule_id} {title}",
                          f"/leads/{lead.lead_key}")
    elif object_type == "matter" and object_id.isdigit():
        matter = session.get(Matter, int(object_id))
        if matter is not None and matter.org_id in viewer.org_ids:
            return Target("matter", str(matter.id), matter.org_id, matter.number,
                          f"/cases/{matter.id}")
    raise HTTPException(status_code=404)


def _target(session: Session, viewer: Viewer, kind: str, oid: str) -> Target:
    if kind not in KINDS:
        raise HTTPException(status_code=404)
    return target(session, viewer, KINDS[kind], oid)


def collab_context(session: Session, viewer: Viewer, object_type: str,
                   object_id: str) -> dict[str, Any]:
    """What ``_collab.html`` shows for one lead or case."""
    kind = next(k for k, v in KINDS.items() if v == object_type)
    found = target(session, viewer, object_type, object_id)
    return {"collab": {
        "base": f"/{kind}/{object_id}", "comments": comments_of(session, object_type, object_id),
        "attachments": attachments_of(session, object_type, object_id),
        "tags": tags_of(session, object_type, object_id),
        "known_tags": known_tags(session, object_type),
        "people": colleagues(session, found.org_id)}}


def _done(request: Request, found: Target, anchor: str, message: str | None = None) -> Response:
    if message:
        flash(request, message)
    return RedirectResponse(f"{found.link}#{anchor}", status_code=303)


@router.post("/{kind}/{oid}/comments", dependencies=[Depends(check_csrf)])
def comment(request: Request, kind: str, oid: str, body: str = Form(""),
            viewer: Viewer = Depends(current_user), session: Session = Depends(db)) -> Response:
    found = _target(session, viewer, kind, oid)
    try:
        posted = add_comment(session, viewer.actor, found.object_type, found.object_id,
                             found.org_id, body, found.link, found.title)
    except CollabError as exc:
        return _done(request, found, "comments", str(exc))
    session.commit()
    said = [f"已通知 {'、'.join(u.display_name for u in posted.mentioned)}"] if posted.mentioned \
        else []
    said += [f"未找到可查看本页的用户“@{n}”，未通知" for n in posted.unknown]
    return _done(request, found, f"comment-{posted.comment.id}", "评论已发表。" + "；".join(said))


@router.post("/{kind}/{oid}/attachments", dependencies=[Depends(check_csrf)])
def upload(request: Request, kind: str, oid: str, file: UploadFile = File(...),
           viewer: Viewer = Depends(current_user), session: Session = Depends(db)) -> Response:
    """Runs in the thread pool: reading a scan (OCR) takes seconds and must not hold the
    server's event loop."""
    found = _target(session, viewer, kind, oid)
    content = file.file.read(MAX_BYTES + 1)
    try:
        item = attach(session, viewer.actor, found.object_type, found.object_id,
                      file.filename or "", content)
    except CollabError as exc:
        return _done(request, found, "attachments", str(exc))
    session.commit()
    return _done(request, found, f"attachment-{item.id}",
                 f"已上传“{item.filename}”：{item.read_note}，可在搜索中查到其中文字")


@router.get("/attachments/{attachment_id}")
def download(attachment_id: int, viewer: Viewer = Depends(current_user),
             session: Session = Depends(db)) -> Response:
    item = session.get(Attachment, attachment_id)
    if item is None:
        raise HTTPException(status_code=404)
    target(session, viewer, item.object_type, item.object_id)
    record(session, viewer.actor, "view_personal", "attachment", str(item.id),
           filename=item.filename)
    session.commit()
    headers = {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(item.filename)}"}
    return Response(item.content, media_type=item.content_type, headers=headers)


@router.post("/{kind}/{oid}/tags", dependencies=[Depends(check_csrf)])
def tag(request: Request, kind: str, oid: str, tag: str = Form(""), remove: str = Form(""),
        viewer: Viewer = Depends(current_user), session: Session = Depends(db)) -> Response:
    found = _target(session, viewer, kind, oid)
    try:
        if remove:
            remove_tag(session, viewer.actor, found.object_type, found.object_id, remove)
        else:
            add_tag(session, viewer.actor, found.object_type, found.object_id, tag)
    except CollabError as exc:
        return _done(request, found, "tags", str(exc))
    session.commit()
    return _done(request, found, "tags")
