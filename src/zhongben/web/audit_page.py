"""The audit log, for 管理员 and 部门负责人, within their jurisdiction: what the users of their
procuratorate and the offices below it did (the top office sees everything), in words."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from zhongben.protect.mark import ExportMark
from zhongben.store.accounts import root_org_id
from zhongben.store.audit import recent, record
from zhongben.store.audit_words import Workflow, action_choices, describe
from zhongben.store.export import xlsx_response
from zhongben.store.models import AuditEntry
from zhongben.web.deps import Viewer, current_user, db, render
from zhongben.web.exports import export_mark
from zhongben.workflow.machine import EVENT_LABELS, STATE_NAMES

router = APIRouter()
ALLOWED = frozenset({"管理员", "部门负责人"})
HEADERS = ("时间", "用户", "操作", "对象", "详情", "客户端地址")
WORDS = Workflow(EVENT_LABELS, STATE_NAMES)


def _check(viewer: Viewer) -> None:
    if viewer.actor.role not in ALLOWED:
        raise HTTPException(status_code=403, detail="仅管理员和部门负责人可查看审计日志")


def _entries(session: Session, viewer: Viewer, limit: int,
             action: str | None = None) -> list[AuditEntry]:
    top = root_org_id(session) in viewer.org_ids
    return recent(session, limit, action, None if top else viewer.org_ids)


@router.get("/audit")
def audit(request: Request, action: str = "", viewer: Viewer = Depends(current_user),
          session: Session = Depends(db)) -> Response:
    _check(viewer)
    entries = _entries(session, viewer, 300, action or None)
    record(session, viewer.actor, "view_list", "audit", None, shown=len(entries))
    session.commit()
    rows = list(zip(entries, describe(session, entries, WORDS), strict=True))
    return render(request, "audit.html", {"viewer": viewer, "rows": rows,
                                          "actions": action_choices(WORDS), "action": action})


@router.get("/audit/export.xlsx")
def export(viewer: Viewer = Depends(current_user), session: Session = Depends(db),
           mark: ExportMark = Depends(export_mark)) -> Response:
    _check(viewer)
    entries = _entries(session, viewer, 100_000)
    rows = [(e.at, e.username or "（未登录）", s.action, s.target, s.details, e.client)
            for e, s in zip(entries, describe(session, entries, WORDS), strict=True)]
    record(session, viewer.actor, "export", "audit", None, rows=len(rows), **mark.audit_detail())
    session.commit()
    return xlsx_response("审计日志", HEADERS, rows, mark)
