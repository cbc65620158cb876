"""Files attached to leads and cases (a court's reply, a scan). Their text is read when they are
attached — a PDF's text layer, or the project's OCR (``zhongben.extract``) for scanned pages and
images — so a search finds them. Audited on upload and on every download."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path, PurePath

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from zhongben.identifiers.width import fold, fold_brackets
from zhongben.protect.uploads import zip_problem
from zhongben.store.audit import Actor, record
from zhongben.store.collab_models import Attachment
from zhongben.store.comments import CollabError
from zhongben.store.models import User

MAX_BYTES = 20 * 1024 * 1024
# What can be attached: the formats ``zhongben.extract`` reads, with their media types.
TYPES = {".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg",
         ".jpeg": "image/jpeg", ".tif": "image/tiff", ".tiff": "image/tiff",
         ".bmp": "image/bmp", ".txt": "text/plain",
         ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         ".html": "text/html", ".htm": "text/html"}


def read_text(filename: str, content: bytes) -> tuple[str, int, str]:
    """(text, pages read by OCR, how it was read) of an uploaded file."""
    from zhongben.extract.readers import UnreadableFile, read_any  # OCR: loaded when first used

    suffix = PurePath(filename).suffix.lower()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(content)
        try:
            raw = read_any(path, use_ocr=True)
        except (UnreadableFile, OSError, ValueError) as exc:
            return "", 0, f"未能读取文字（{exc}）"
    # as searched: full-width forms and CJK brackets folded, so （2024）… is found as (2024)…
    text = fold_brackets(fold("\n".join(line.text for page in raw.pages for line in page)))
    if raw.ocr_pages:
        how = f"扫描件文字识别 {raw.ocr_pages} 页，共 {raw.page_count} 页"
    else:
        how = f"直接读取文字，共 {raw.page_count} 页" if raw.page_count > 1 else "直接读取文字"
    return text, raw.ocr_pages, how


def attach(session: Session, actor: Actor, object_type: str, object_id: str, filename: str,
           content: bytes) -> Attachment:
    name = PurePath(filename or "").name
    suffix = PurePath(name).suffix.lower()
    if not name:
        raise CollabError("请选择要上传的文件")
    if suffix not in TYPES:
        raise CollabError(f"不支持的文件类型“{suffix or name}”：可上传 PDF、"
                          "图片、Word 文档或文本文件")
    if len(content) > MAX_BYTES:
        raise CollabError(f"文件“{name}”超过 {MAX_BYTES // 1024 // 1024} MB，请压缩或分拆后上传")
    if not content:
        raise CollabError(f"文件“{name}”是空的")
    problem = zip_problem(content, name) if suffix == ".docx" else None
    if problem:
        raise CollabError(problem)
    text, ocr_pages, how = read_text(name, content)
    item = Attachment(object_type=object_type, object_id=object_id, user_id=actor.user_id,
                      at=datetime.now(), filename=name[:200], content_type=TYPES[suffix],
                      size=len(content), content=content, text=text, ocr_pages=ocr_pages,
                      read_note=how[:200])
    session.add(item)
    session.flush()
    record(session, actor, "attachment.add", object_type, object_id, attachment_id=item.id,
           filename=item.filename, size=item.size, ocr_pages=ocr_pages)
    return item


def attachments_of(session: Session, object_type: str, object_id: str) -> list[tuple[Attachment,
                                                                                      str]]:
    query = (select(Attachment, User.display_name).join(User, User.id == Attachment.user_id)
             .where(Attachment.object_type == object_type, Attachment.object_id == object_id)
             .options(defer(Attachment.content)).order_by(Attachment.id))
    return [(a, name) for a, name in session.execute(query)]
